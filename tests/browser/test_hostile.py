"""Titles in a real browser (issue 13, family 1): the theme shows every title as HTML in a tooltip. A site
with every kind of title a teacher can write, holding text that spells tags (entities, which posebook
allows), is hovered and focused title by title: no dialog opens, nothing is requested off 127.0.0.1, and
each tooltip shows the text as written."""

import pytest
from sitebuild import build

from browser import chromium, guard, served
from conftest import write_library
from hostile_cases import ROUND_TWO_ALLOWED, body

SHOWN = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    project = tmp_path_factory.mktemp("titles")
    files = {
        **ROUND_TWO_ALLOWED["a glossary definition with entities that spell a tag"],
        **body(
            "The iliopsoas and the quads rest.\n\n"
            '[Lunge](low-lunge.md "Lunge & hold") and [the block][b].\n\n'
            '[b]: ../props/block.md "A block & a strap"\n'
        ),
    }
    docs = write_library(project, files)
    result = build(project, docs, project / "site")
    assert result.returncode == 0, result.stderr
    yield from served(project / "site")


TOOLTIPS = (
    "[...document.querySelectorAll('.md-tooltip2, [role=tooltip]')].filter(t => t.offsetParent !== null)"
    ".map(t => [t.textContent.trim(), t.querySelectorAll('*:not(p):not(span):not(div)').length])"
)


@pytest.mark.parametrize("page", ["poses/rest/", "poses/low-lunge/", "glossary/", "muscles/", "sequences/short/"])
def test_no_title_runs_script_on_hover_or_focus(base, page):
    with chromium() as opened:
        context = opened.new_context()
        outside: list[str] = []
        guard(context, base, outside)
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(base + page, wait_until="load")
        # The theme takes the title attribute off an element once it has made its tooltip: number them first.
        count = tab.evaluate(
            "[...document.querySelectorAll('article [title], article abbr')]"
            ".map((e, i) => e.setAttribute('data-pb-title', i)).length"
        )
        assert count > 0
        shown: list[tuple[str, int]] = []
        for i in range(count):
            element = tab.locator(f'[data-pb-title="{i}"]')
            if not element.is_visible():
                continue
            element.hover()
            tab.wait_for_timeout(120)
            shown += tab.evaluate(TOOLTIPS)
            element.evaluate("e => e.focus()")
            tab.wait_for_timeout(120)
            shown += tab.evaluate(TOOLTIPS)
        context.close()
    assert dialogs == []
    assert outside == []
    assert all(elements == 0 for _, elements in shown), shown
    if page in ("poses/rest/", "poses/low-lunge/"):
        # The definition is shown as the teacher wrote it: the entities as characters, as text.
        assert any(SHOWN in text for text, _ in shown), shown
