"""Hostile pages never reach the site or a card: each is an error at its line, the build stops
before anything is written, and nothing contacts the local listener."""

import pytest
from pypdf import PdfReader
from sitebuild import assert_each_edit_fails_and_keeps_the_site, build

from conftest import settings_for, start_listener, write_library
from hostile_cases import CASES, PORT
from posebook.build import build as build_project
from posebook.problems import ContentError
from posebook.read import try_load_library

REFUSED = {name: case for name, case in CASES.items() if case[1] is not None}
ALLOWED = {name: case for name, case in CASES.items() if case[1] is None}


def check(tmp_path, files) -> list[str]:
    """What `posebook check` reports for the fixture library with these files: the whole build but the cards."""
    docs = write_library(tmp_path, files)
    try:
        build_project(settings_for(docs, project=tmp_path), cards=None)
    except ContentError as err:
        return [str(p) for p in err.problems]
    return []


@pytest.mark.parametrize("name", list(REFUSED))
def test_hostile_page_is_an_error_at_its_line(name, tmp_path):
    files, expected = REFUSED[name]
    assert check(tmp_path, files) == expected


@pytest.mark.parametrize("name", list(ALLOWED))
def test_text_that_only_looks_hostile_is_published_as_text(name, tmp_path):
    files, _ = ALLOWED[name]
    assert check(tmp_path, files) == []


@pytest.fixture(scope="module")
def listener():
    try:
        server, hits = start_listener(PORT)
    except OSError:
        pytest.skip(f"port {PORT} is busy")
    yield hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("name", list(REFUSED))
def test_the_build_stops_before_any_output_for_every_hostile_page(name, tmp_path):
    """build(), which the hook and `posebook generate` call before they touch anything, refuses each case."""
    files, expected = REFUSED[name]
    docs = write_library(tmp_path, files)
    with pytest.raises(ContentError) as stopped:
        build_project(settings_for(docs, project=tmp_path))
    assert [str(p) for p in stopped.value.problems] == expected


# One hostile page of each family end to end through MkDocs, with the listener watching.
END_TO_END = [
    "script tag",
    "javascript link hidden behind an entity",
    "image from a local listener",
    "svg file with script",
    "css file loading from a listener",
    "link rel attachment",
    "html file",
]


def test_hostile_pages_never_reach_the_site_or_a_card(tmp_path, listener):
    """Hostile pages on top of a good site: each build fails, the site and its cards stay byte for
    byte as they were, and nothing calls the listener."""
    assert_each_edit_fails_and_keeps_the_site(tmp_path, {name: REFUSED[name] for name in END_TO_END})
    site = tmp_path / "site"
    assert listener == []
    for card in site.glob("cards/*.pdf"):
        root = PdfReader(card).trailer["/Root"]
        assert "/EmbeddedFiles" not in root.get("/Names", {})


@pytest.mark.parametrize(
    "name",
    ["hostile text in a summary is only text", "an entity-encoded heading", "front matter only MkDocs cannot read"],
)
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
        assert "onerror=alert(1)>" not in html, page
    assert (site / "cards/short-a4.pdf").is_file()


def test_a_linked_folder_is_refused(tmp_path):
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil.html").write_text("<script>alert(1)</script>")
    docs = write_library(tmp_path, {})
    os.symlink(outside, docs / "linked")
    _, problems = try_load_library(docs, display_root=tmp_path)
    assert [str(p) for p in problems] == [
        "docs/linked:1:1: error: this folder is a link to another folder; copy its pages into docs/ instead"
    ]
