"""The page cache at work: an unchanged page is not read, checked, rendered or validated again (the work is
counted, not timed), a changed one is, a forged or stale entry is ignored, and the checks between pages
still run on every build."""

import pickle

import pytest

from conftest import settings_for, write_library
from posebook import store
from posebook.build import build
from posebook.problems import ContentError
from posebook.read import load
from posebook.read.pagecache import PageCache, PageReading


@pytest.fixture
def work(monkeypatch):
    """How many times each page was read from its bytes, rendered for the safety check, and validated."""
    done = {"read": [], "rendered": [], "validated": []}

    def counting(name, function, rel_of):
        def wrapper(*args, **kwargs):
            done[name].append(rel_of(*args))
            return function(*args, **kwargs)

        monkeypatch.setattr(load, function.__name__, wrapper)

    counting("read", load.read_page, lambda data, shown, rel: rel)
    counting("rendered", load.check_rendered, lambda body, shown, *rest: shown.removeprefix("docs/"))
    counting("validated", load.validate_page, lambda page, kind, *rest: page.rel)
    return done


def check(tmp_path) -> list[str]:
    try:
        build(settings_for(tmp_path / "docs", project=tmp_path), cards=None)
    except ContentError as err:
        return [str(p) for p in err.problems]
    return []


def test_an_unchanged_page_is_not_read_again_and_a_changed_one_is(tmp_path, work):
    write_library(tmp_path, {})
    assert check(tmp_path) == []
    assert sorted(work["read"]) == sorted(work["validated"]) and "poses/rest.md" in work["read"]
    for done in work.values():
        done.clear()
    assert check(tmp_path) == []
    assert work == {"read": [], "rendered": [], "validated": []}
    (tmp_path / "docs" / "poses" / "rest.md").write_text("---\nname: Rest\nsummary: Lie still.\n---\nRest longer.\n")
    assert check(tmp_path) == []
    assert work == {"read": ["poses/rest.md"], "rendered": ["poses/rest.md"], "validated": ["poses/rest.md"]}


HOSTILE = "---\nname: Rest\nsummary: Lie still.\n---\n<script>alert(1)</script>\n"


def _forge(tmp_path, entry: bytes, seal_with_the_key: bool) -> None:
    """Put an entry under the hostile page's key, as whoever commits to .cache/ could."""
    settings = settings_for(tmp_path / "docs", project=tmp_path)
    cache = PageCache(settings)
    key = cache.key("docs/poses/rest.md", "poses/rest.md", HOSTILE.encode())
    if seal_with_the_key:
        store.put(cache.folder, key, entry)
    else:
        cache.folder.mkdir(parents=True, exist_ok=True)
        (cache.folder / key).write_bytes(entry)
        (cache.folder / f"{key}.seal").write_text("f" * 64 + "\n")


def _clean_reading(tmp_path) -> PageReading:
    """What reading the hostile page would give if it were harmless: no problem at all."""
    write_library(tmp_path, {})
    settings = settings_for(tmp_path / "docs", project=tmp_path)
    reading = load.read_library(settings)
    return PageReading(reading.sources["poses/rest.md"], reading.library.poses["rest"], ())


@pytest.mark.parametrize("how", ["forged: sealed without the user's key", "stale: sealed, made for other bytes"])
def test_a_forged_or_stale_entry_is_ignored(how, tmp_path, work):
    """Whoever commits to .cache/ can put an entry under a page's key; and an entry of this user's may name
    another input than the page's bytes now. Either way the page is read and checked again."""
    clean = _clean_reading(tmp_path)
    key = PageCache(settings_for(tmp_path / "docs", project=tmp_path)).key(
        "docs/poses/rest.md", "poses/rest.md", HOSTILE.encode()
    )
    forged = how.startswith("forged")
    named = key.encode() if forged else b"0" * 64
    _forge(tmp_path, named + b"\n" + pickle.dumps(clean), seal_with_the_key=not forged)
    write_library(tmp_path, {"poses/rest.md": HOSTILE})
    work["read"].clear()
    problems = check(tmp_path)
    assert any("<script> is not allowed" in line for line in problems), problems
    assert "poses/rest.md" in work["read"]


def test_checks_between_pages_run_on_every_build(tmp_path, work):
    write_library(
        tmp_path, {"poses/rest.md": "---\nname: Rest\nsummary: Lie still.\n---\nSee [it](low-lunge.md#steps).\n"}
    )
    assert check(tmp_path) == []
    # Pages that did not change are not read again, yet what changed elsewhere is found in them.
    (tmp_path / "docs" / "poses" / "low-lunge.md").write_text(
        "---\nname: Low Lunge\nsummary: A lunge.\nsided: true\n---\n## How\n\nStep forward.\n"
    )
    work["read"].clear()
    problems = check(tmp_path)
    assert work["read"] == ["poses/low-lunge.md"]
    expected = (
        "docs/poses/rest.md:5:10: error: the link 'low-lunge.md#steps' points at '#steps', which "
        "docs/poses/low-lunge.md does not have"
    )
    assert expected in problems, problems
    (tmp_path / "docs" / "poses" / "low-lunge.md").unlink()
    problems = check(tmp_path)
    assert "docs/sequences/short.md:5:11: error: steps[0].pose: unknown pose 'low-lunge'" in problems, problems
