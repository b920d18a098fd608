"""`mkdocs serve`: an edited pose shows on its page, its backlinks and the sequence page on the
next reload; a broken edit shows its problems at every address, so the reload lands on them, until it
is fixed; editing pdf/ triggers a rebuild too."""

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, SUBPROCESS_ENV, write_library
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


@contextlib.contextmanager
def serve(tmp_path, files: dict | None = None):
    """`mkdocs serve` on a fixture library, stopped afterwards: its address, docs, watched folder and log."""
    docs = write_library(tmp_path, files or {})
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
        "markdown_extensions": [
            *REQUIRED_EXTENSIONS,
            *(name for name in ("def_list", "tables", "toc") if name not in REQUIRED_EXTENSIONS),
            {"pymdownx.tabbed": {"alternate_style": True}},
        ],
        "strict": True,
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
        env=SUBPROCESS_ENV,
    )
    try:
        yield f"http://127.0.0.1:{port}/", docs, watched, tmp_path / "serve.log"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def served(tmp_path):
    with serve(tmp_path) as (base, docs, watched, log):
        assert wait_for(lambda: "Low Lunge" in fetch(base + "sequences/short/")), log.read_text()
        yield base, docs, watched, log


def test_editing_a_pose_updates_its_page_backlinks_and_sequence(served):
    base, docs, watched, log = served
    pose = docs / "poses" / "low-lunge.md"
    pose.write_text(pose.read_text().replace("name: Low Lunge", "name: Kneeling Lunge"))
    assert wait_for(lambda: "Kneeling Lunge" in fetch(base + "sequences/short/")), log.read_text()
    assert "Kneeling Lunge" in fetch(base + "poses/low-lunge/")
    assert "Kneeling Lunge" in fetch(base + "poses/")
    assert "Kneeling Lunge" in fetch(base + "props/block/")


PROBLEM = "low-lunge.md:5:1: error: prop: unknown field 'prop' (did you mean 'props'?)"


def test_a_broken_edit_shows_its_problems_at_every_address_until_it_is_fixed(served):
    """Where the browser reloads after a save, it finds the problems, each as `posebook check` prints it: on
    the edited page, on other pages and on the pages posebook generates."""
    base, docs, watched, log = served
    pose = docs / "poses" / "low-lunge.md"
    good = pose.read_text()
    pose.write_text(good.replace("props:", "prop:"))
    for page in ("poses/low-lunge/", "sequences/short/", "cautions/", ""):
        assert wait_for(lambda page=page: PROBLEM in fetch(base + page)), (page, log.read_text())
    assert "Traceback" not in log.read_text()
    pose.write_text(good.replace("name: Low Lunge", "name: Fixed Lunge"))
    assert wait_for(lambda: "Fixed Lunge" in fetch(base + "poses/low-lunge/")), log.read_text()
    assert "unknown field" not in fetch(base + "sequences/short/")


def test_the_preview_starts_on_a_broken_library_and_shows_why(tmp_path):
    with serve(tmp_path, {"poses/rest.md": "---\nname: Rest\nsumary: Lie still.\n---\n"}) as (base, docs, _, log):
        expected = "docs/poses/rest.md:3:1: error: sumary: unknown field 'sumary' (did you mean 'summary'?)"
        assert wait_for(lambda: expected in fetch(base + "poses/rest/")), log.read_text()
        (docs / "poses" / "rest.md").write_text("---\nname: Rest\nsummary: Lie still.\n---\nAll well.\n")
        assert wait_for(lambda: "All well." in fetch(base + "poses/rest/")), log.read_text()


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


def test_the_browser_reloads_onto_the_problems_of_a_broken_save_and_back(served):
    """In a browser: the page open while the teacher saves a broken edit reloads by itself and shows the
    problem; saving the fix reloads it onto the page again."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    base, docs, watched, log = served
    pose = docs / "poses" / "low-lunge.md"
    good = pose.read_text()
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        page = chromium.new_page()
        page.goto(base + "poses/low-lunge/", wait_until="load")
        pose.write_text(good.replace("props:", "prop:"))
        page.wait_for_function(f"document.body.innerText.includes({PROBLEM!r})", timeout=60_000)
        assert page.url == base + "poses/low-lunge/"
        pose.write_text(good.replace("name: Low Lunge", "name: Fixed Lunge"))
        page.wait_for_function("document.querySelector('article h1').innerText.includes('Fixed Lunge')", timeout=60_000)
        chromium.close()


def test_the_preview_serves_the_real_sites_cards_and_makes_a_changed_one_in_the_background(served):
    """The cards of the preview are those of the configured site_url (their links and QR codes never point at
    the preview), from the cache; after an edit that changes a card, the page is served at once and the card's
    address serves the new card when it is ready."""
    import io

    from pypdf import PdfReader

    base, docs, watched, log = served

    def card() -> PdfReader:
        with urllib.request.urlopen(base + "cards/short-a4.pdf", timeout=5) as response:
            return PdfReader(io.BytesIO(response.read()))

    def text() -> str:
        return " ".join(page.extract_text() for page in card().pages)

    def links() -> set[str]:
        return {
            annotation.get_object()["/A"]["/URI"]
            for page in card().pages
            for annotation in page.get("/Annots", [])
            if "/A" in annotation.get_object()
        }

    # A first preview of a library never built: the card follows the pages.
    assert wait_for(lambda: bool(links()), timeout=120), log.read_text()
    assert all(url.startswith("https://posebook.example.org/") for url in links()), links()
    assert "127.0.0.1" not in text()
    pose = docs / "poses" / "low-lunge.md"
    pose.write_text(pose.read_text().replace("Pad the back knee.", "Pad the back knee with a towel."))
    assert wait_for(lambda: "with a towel" in fetch(base + "poses/low-lunge/")), log.read_text()
    assert wait_for(lambda: "towel" in text(), timeout=120), log.read_text()
    assert all(url.startswith("https://posebook.example.org/") for url in links())
