"""Hostile input end to end (issue 13, round two): what the site generator reads on its own never reaches
the theme, an interrupted build leaves the last good site, `posebook generate` writes only into its own
folder, and `make site` dates the site by its last commit."""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import build, snapshot

from conftest import ROOT, SUBPROCESS_ENV, write_library
from hostile_cases import ROUND_TWO_ALLOWED


def html_of(site: Path) -> dict[str, BeautifulSoup]:
    return {
        p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(site.rglob("*.html"))
    }


def test_metadata_the_site_generator_reads_on_its_own_never_reaches_the_theme(tmp_path):
    """'key: value' lines, a second front matter block and front matter the site generator cannot read:
    the build passes (a 'template:' or 'icon:' there used to crash it after site/ was emptied), and no
    title, subtitle, status or template from them is used."""
    files = {
        **ROUND_TWO_ALLOWED["mkdocs-style metadata without front matter"],
        "about-too.md": ROUND_TWO_ALLOWED["a second front matter block after an empty one"]["about.md"],
        **ROUND_TWO_ALLOWED["a generated page written by hand with front matter MkDocs cannot read"],
        **ROUND_TWO_ALLOWED["a glossary alias that would have escaped the appended block"],
    }
    docs = write_library(tmp_path, files)
    result = build(tmp_path, docs, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = html_of(tmp_path / "site")
    for rel, soup in pages.items():
        for element in soup.find_all(True):
            assert not any(name.startswith("on") for name in element.attrs), (rel, element)
            assert not (element.get("href") or "").lower().startswith("javascript"), (rel, element)
        assert not soup.select(".md-status"), rel
        assert not soup.select(".md-nav small"), rel  # a subtitle
    # Titles come from the page's own heading, or its file name: never from the lines MkDocs took for metadata.
    for rel, title in (("about/index.html", "About"), ("about-too/index.html", "About too")):
        assert pages[rel].title.get_text(strip=True).startswith(title + " - "), rel
        nav = [a.get_text(" ", strip=True) for a in pages[rel].select(".md-nav__link--active")]
        assert nav and all(text == title for text in nav), (rel, nav)
    cautions = pages["cautions/index.html"].find("article").get_text(" ", strip=True)
    assert "Every caution." in cautions
    assert "2001-02-30" not in cautions and "<img" not in cautions


def _good_site(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    docs = write_library(tmp_path, {})
    site = tmp_path / "site"
    assert build(tmp_path, docs, site).returncode == 0
    # An edit that changes no card: the build has nothing to render, and fails only where the site is written.
    (docs / "poses" / "rest.md").write_text("---\nname: Rest\nsummary: Lie still.\n---\nResting.\n")
    return docs, site, snapshot(site)


def _mkdocs(project: Path, site: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=SUBPROCESS_ENV,
        **kwargs,
    )


def test_a_build_killed_halfway_leaves_the_last_good_site(tmp_path):
    docs, site, before = _good_site(tmp_path)
    building = tmp_path / ".site.posebook-new"
    process = _mkdocs(tmp_path, site)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (building / "assets").is_dir():
        time.sleep(0.02)
    assert (building / "assets").is_dir(), "the new site was never started beside the old one"
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert snapshot(site) == before
    # The next build puts the new site in place and leaves nothing beside it.
    assert build(tmp_path, docs, site).returncode == 0
    assert "Resting." in (site / "poses" / "rest" / "index.html").read_text(encoding="utf-8")
    assert not building.exists()


def _small_files_only():
    # A full disk, as the build sees it: writing past 64 KB fails (EFBIG) instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_build_that_runs_out_of_space_leaves_the_last_good_site(tmp_path):
    docs, site, before = _good_site(tmp_path)
    process = _mkdocs(tmp_path, site, preexec_fn=_small_files_only)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode != 0, stderr
    assert snapshot(site) == before
    assert not (tmp_path / ".site.posebook-new").exists()


# --- posebook generate writes only into its own folder ------------------------------------------------------


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    write_library(project, {})
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text), encoding="utf-8")
    return project


def _generate(project: Path, out: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "posebook", "generate", out],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def test_generate_into_the_project_itself_is_refused_and_deletes_nothing(tmp_path):
    project = _project(tmp_path)
    before = snapshot(project)
    result = _generate(project, ".")
    assert result.returncode == 1
    assert ".:1:1: error: this folder holds the library (docs/)" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before


def test_generate_never_deletes_a_theme_folder_outside_its_target(tmp_path):
    project = _project(tmp_path)
    theme = tmp_path / "shared-theme"
    shutil.copytree(project / "overrides", theme)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("custom_dir: overrides", "custom_dir: ../shared-theme")
    )
    before = snapshot(theme)
    result = _generate(project, "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(theme) == before
    assert snapshot(project / "out" / "overrides") == before
    assert "custom_dir: overrides" in (project / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    # A second run replaces its own output, and only that.
    assert _generate(project, "out").returncode == 0
    assert snapshot(theme) == before


def test_generate_refuses_a_folder_it_did_not_write(tmp_path):
    project = _project(tmp_path)
    other = tmp_path / "notes"
    (other / "docs").mkdir(parents=True)
    (other / "docs" / "mine.txt").write_text("mine")
    result = _generate(project, str(other))
    assert result.returncode == 1
    assert "this folder is not empty and was not written by posebook generate" in result.stdout
    assert (other / "docs" / "mine.txt").read_text() == "mine"


# --- builds on two days match -----------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("make") is None or shutil.which("git") is None, reason="needs make and git")
def test_make_site_dates_the_site_by_its_last_commit(tmp_path):
    """The recipes `make site` runs see SOURCE_DATE_EPOCH set to the time of the last commit (the site's
    dates then match between days); a value the caller gives wins."""
    show = tmp_path / "show.mk"
    show.write_text("show-epoch:\n\t@echo $$SOURCE_DATE_EPOCH\n")
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "MAKEFLAGS", "MAKELEVEL")}

    def epoch(**extra) -> str:
        command = ["make", "-s", "-f", "Makefile", "-f", str(show), "show-epoch"]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**env, **extra}).stdout.strip()

    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if commit.returncode == 0:
        expected = commit.stdout.strip()
    else:  # a copy outside git: the newest change to the library
        files = [p for p in (ROOT / "docs").rglob("*") if p.is_file()] + [ROOT / "mkdocs.yml"]
        expected = str(int(max(p.stat().st_mtime for p in files)))
    assert epoch() == expected
    assert epoch(SOURCE_DATE_EPOCH="1700000000") == "1700000000"
