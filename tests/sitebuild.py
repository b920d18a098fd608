"""Building fixture sites with MkDocs and the posebook hook, in temporary folders, for the few
end-to-end tests that need a real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

from conftest import ROOT, write_library


def build(project: Path, docs: Path, site: Path) -> subprocess.CompletedProcess:
    yaml = YAML(typ="safe", pure=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["hooks"] = [str(ROOT / "hooks" / "posebook_hook.py")]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config.pop("watch", None)
    config_file = project / "mkdocs.yml"
    with config_file.open("w", encoding="utf-8") as f:
        yaml.dump(config, f)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file)],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "", "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_each_edit_fails_and_keeps_the_site(project: Path, cases: dict) -> dict[str, bytes]:
    """Build a good fixture site, then each case's files on top of a fresh copy of the good
    library: every build exits 1 with all of the case's errors, never a traceback, and leaves
    every file of the site, cards included, byte for byte as it was."""
    docs = write_library(project, {})
    site = project / "site"
    assert build(project, docs, site).returncode == 0
    before = snapshot(site)
    assert any(name.startswith("cards/") for name in before)
    pristine = project / "pristine"
    shutil.copytree(docs, pristine)
    for name, (files, expected) in cases.items():
        shutil.rmtree(docs)
        shutil.copytree(pristine, docs)
        write_library(project, files)
        result = build(project, docs, site)
        assert result.returncode == 1, name
        assert all(line in result.stderr for line in expected), name
        assert "Traceback" not in result.stderr, name
        assert snapshot(site) == before, name
    return before
