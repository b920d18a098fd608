"""Lighthouse, as a reader's browser audits a page: accessibility, best practices and SEO all
score 1.0 on the home page, a pose page and a sequence page. Lighthouse runs from its own npm
package (tests/browser/lighthouse, installed by `make test`) in Debian's chromium, against the
site served on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import build

from browser import CHROMIUM, served
from conftest import ROOT

LIGHTHOUSE = ROOT / "tests" / "browser" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "poses/supported-bridge-variations/", "sequences/iliopsoas-release/"]
CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    if not LIGHTHOUSE.exists():
        raise RuntimeError(
            "Lighthouse is not installed: run 'make test', which runs npm ci in tests/browser/lighthouse"
        )
    project = tmp_path_factory.mktemp("lighthouse")
    result = build(project, ROOT / "docs", project / "site")
    assert result.returncode == 0, result.stderr
    yield from served(project / "site")


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_are_perfect(base, path, tmp_path):
    report = tmp_path / "report.json"
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    flags += "--disable-sync --no-first-run --disable-default-apps --disable-extensions"
    run = subprocess.run(
        [
            str(LIGHTHOUSE),
            base + path,
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={flags}",
            "--form-factor=desktop",
            "--screenEmulation.disabled",
            "--max-wait-for-load=20000",
        ],
        env={
            "CHROME_PATH": CHROMIUM,
            "PATH": f"{Path(shutil.which('node') or '/usr/bin/node').parent}:/usr/bin:/bin",
            "HOME": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    failing = [
        f"{key}: {audit['title']}"
        for key, audit in data["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    ]
    assert scores == dict.fromkeys(CATEGORIES, 1), failing
