"""The website built by MkDocs with the posebook hook, read back as HTML."""

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML

from conftest import ROOT, write_library


def build(project: Path, docs: Path, site: Path) -> subprocess.CompletedProcess:
    yaml = YAML(typ="safe", pure=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["hooks"] = [str(ROOT / "hooks" / "posebook_hook.py")]
    config.pop("watch", None)
    config_file = project / "mkdocs.yml"
    with config_file.open("w", encoding="utf-8") as f:
        yaml.dump(config, f)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
                          cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("real")
    result = build(project, ROOT / "docs", project / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def article(site: Path, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("article")


def test_sequence_page_lists_the_steps_in_order_with_anchors(site):
    page = article(site, "sequences/iliopsoas-release")
    steps = page.select("h3[id^=step-]")
    assert [h["id"] for h in steps] == [
        "step-1-diaphragmatic-breathing", "step-2-supine-knee-to-chest", "step-3-supported-bridge-variations",
        "step-4-side-lying-iliopsoas-stretch", "step-5-low-lunge-side-bend", "step-6-warrior-one-side-bend",
        "step-7-iliopsoas-self-massage", "step-8-pelvic-tilts-prone-savasana"]
    assert steps[7].find(attrs={"lang": "sa-Latn"}).get_text() == "Śavāsana"
    text = page.get_text(" ", strip=True)
    assert "not a substitute for personal advice" in text
    assert "Adapted from “8 Poses for Iliopsoas Release” by Amber Burke and Bill Reif (Yoga International)." in text


def test_pose_page_shows_cautions_before_the_instructions(site):
    page = article(site, "poses/iliopsoas-self-massage")
    admonitions = page.select(".admonition")
    assert len(admonitions) == 11
    assert admonitions[0].find_next("h2").get_text(strip=True).startswith("Set up")
    stop = [a for a in admonitions if "danger" in a["class"] and "pulse" in a.get_text()]
    assert stop and "Stop:" in stop[0].select_one(".admonition-title").get_text()
    used_in = next(h for h in page.find_all("h2") if h.get_text().startswith("Used in"))
    link = used_in.find_next("li").find("a")
    assert link["href"] == "../../sequences/iliopsoas-release/#step-7-iliopsoas-self-massage"


def test_glossary_terms_become_tooltips(site):
    page = article(site, "sequences/iliopsoas-release")
    abbr = page.find("abbr", string="iliopsoas")
    assert abbr is not None and "hip flexor" in abbr["title"]


def test_a_broken_library_stops_the_build_and_leaves_the_last_site(tmp_path):
    docs = write_library(tmp_path, {})
    site = tmp_path / "site"
    assert build(tmp_path, docs, site).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    (docs / "poses" / "rest.md").write_text("---\nname: Rest\nsumary: Lie still.\n---\n")
    result = build(tmp_path, docs, site)
    assert result.returncode == 1
    assert "docs/poses/rest.md:3:1: error: sumary: unknown field 'sumary' (did you mean 'summary'?)" in result.stderr
    assert "Traceback" not in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert after == before
