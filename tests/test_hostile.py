"""Hostile pages never reach the site or a card: each is an error at its line, the build stops
before anything is written, and nothing contacts the local listener."""

import http.server
import shutil
import subprocess
import sys
import threading

import pytest
from pypdf import PdfReader

from conftest import write_library
from hostile_cases import CASES, PORT
from posebook.loader import try_load_library
from test_site import build

REFUSED = {name: case for name, case in CASES.items() if case[1] is not None}
ALLOWED = {name: case for name, case in CASES.items() if case[1] is None}


@pytest.mark.parametrize("name", list(REFUSED))
def test_hostile_page_is_an_error_at_its_line(name, tmp_path):
    files, expected = REFUSED[name]
    library, problems = try_load_library(write_library(tmp_path, files), display_root=tmp_path)
    assert library is None
    assert [str(p) for p in problems] == expected


@pytest.mark.parametrize("name", list(ALLOWED))
def test_text_that_only_looks_hostile_is_published_as_text(name, tmp_path):
    files, _ = ALLOWED[name]
    library, problems = try_load_library(write_library(tmp_path, files), display_root=tmp_path)
    assert problems == []


@pytest.fixture(scope="module")
def listener():
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    try:
        server = http.server.HTTPServer(("127.0.0.1", PORT), Handler)
    except OSError:
        pytest.skip(f"port {PORT} is busy")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield hits
    server.shutdown()
    server.server_close()


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_no_hostile_page_reaches_the_site_or_a_card(tmp_path, listener):
    """Build a good site, then every hostile case on top of it: each build fails and leaves every
    file of the site, cards included, byte for byte as it was, and nothing calls the listener."""
    docs = write_library(tmp_path, {})
    site = tmp_path / "site"
    assert build(tmp_path, docs, site).returncode == 0
    before = snapshot(site)
    assert any(name.startswith("cards/") for name in before)
    pristine = tmp_path / "pristine"
    shutil.copytree(docs, pristine)
    for name, (files, expected) in REFUSED.items():
        shutil.rmtree(docs)
        shutil.copytree(pristine, docs)
        write_library(tmp_path, files)
        result = build(tmp_path, docs, site)
        assert result.returncode == 1, name
        assert expected[0] in result.stderr, name
        assert "Traceback" not in result.stderr, name
        assert snapshot(site) == before, name
    assert listener == []
    for card in site.glob("cards/*.pdf"):
        root = PdfReader(card).trailer["/Root"]
        assert "/EmbeddedFiles" not in root.get("/Names", {})


@pytest.mark.parametrize("name", ["hostile text in a summary is only text", "an entity-encoded heading"])
def test_text_that_looks_like_markup_is_escaped_everywhere(name, tmp_path):
    files, _ = ALLOWED[name]
    docs = write_library(tmp_path, files)
    site = tmp_path / "site"
    result = build(tmp_path, docs, site)
    assert result.returncode == 0, result.stderr
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html, page
        assert "</title><script>" not in html, page
        assert "<img src=x onerror" not in html, page
    assert (site / "cards/short-a4.pdf").is_file()
