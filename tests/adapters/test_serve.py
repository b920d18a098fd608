"""`mkdocs serve`: an edited pose shows on its page, its backlinks and the sequence page on the
next reload; a broken edit keeps the last good pages; editing pdf/ triggers a rebuild too."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, write_library
from posebook.settings import REQUIRED_EXTENSIONS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path):
    docs = write_library(tmp_path, {})
    watched = tmp_path / "pdf"
    watched.mkdir()
    (watched / "card.css").write_text("/* card */\n")
    config = {
        "site_name": "t",
        "site_url": "https://posebook.example.org/",
        "docs_dir": str(docs),
        "theme": {"name": "material", "font": False},
        "hooks": [str(ROOT / "hooks" / "posebook_hook.py")],
        "watch": [str(watched)],
        "markdown_extensions": [*REQUIRED_EXTENSIONS, {"pymdownx.tabbed": {"alternate_style": True}}],
    }
    with (tmp_path / "mkdocs.yml").open("w") as f:
        YAML(typ="safe", pure=True).dump(config, f)
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(tmp_path / "mkdocs.yml")],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "", "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Low Lunge" in fetch(base + "sequences/short/")), (tmp_path / "serve.log").read_text()
        yield base, docs, watched, tmp_path / "serve.log"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_editing_a_pose_updates_its_page_backlinks_and_sequence(served):
    base, docs, watched, log = served
    pose = docs / "poses" / "low-lunge.md"
    pose.write_text(pose.read_text().replace("name: Low Lunge", "name: Kneeling Lunge"))
    assert wait_for(lambda: "Kneeling Lunge" in fetch(base + "sequences/short/")), log.read_text()
    assert "Kneeling Lunge" in fetch(base + "poses/low-lunge/")
    assert "Kneeling Lunge" in fetch(base + "poses/")
    assert "Kneeling Lunge" in fetch(base + "props/block/")


def test_a_broken_edit_is_reported_and_the_fix_is_served(served):
    base, docs, watched, log = served
    pose = docs / "poses" / "low-lunge.md"
    good = pose.read_text()
    pose.write_text(good.replace("props:", "prop:"))
    assert wait_for(
        lambda: "low-lunge.md:5:1: error: prop: unknown field 'prop' (did you mean 'props'?)" in log.read_text()
    ), log.read_text()
    assert "Traceback" not in log.read_text()
    pose.write_text(good.replace("name: Low Lunge", "name: Fixed Lunge"))
    assert wait_for(lambda: "Fixed Lunge" in fetch(base + "sequences/short/")), log.read_text()


def test_editing_the_card_folder_rebuilds(served):
    base, docs, watched, log = served
    builds = log.read_text().count("Building documentation")
    (watched / "card.css").write_text("/* card, edited */\n")
    assert wait_for(lambda: log.read_text().count("Building documentation") > builds), log.read_text()
