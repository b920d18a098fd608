"""The generated Markdown of every kind of page, from a small fixture library, against golden
files: a change in what a page says shows up in review as a change of its golden file. No site
is built here; tests/adapters/test_mkdocs.py builds a few real ones.

To accept a deliberate change: POSEBOOK_UPDATE_GOLDEN=1 pytest tests/site/test_pages.py"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
import tinyhtml5

from conftest import settings_for, views_of, write_library
from posebook.read import load_library
from posebook.site.pages import INDEX_PAGES, CardLink, glossary_abbreviations, render_pages

GOLDEN = Path(__file__).parent / "golden"

# Beyond the base library: a page of each kind with every optional field the templates show.
RICH = {
    "props/strap.md": "---\nname: Strap\nsummary: A long belt.\nother_names: [Belt]\n---\nLoop it around a foot.\n",
    "poses/bridge.md": """\
        ---
        name: Supported Bridge
        sanskrit: Setu Bandha Sarvāṅgāsana
        other_names: [Bridge on a block]
        summary: Hips on a block.
        props:
          - prop: block
            quantity: 2
            use: under the sacrum
            instead: [blanket]
          - prop: strap
            optional: true
        muscles:
          stretches: [iliopsoas]
          works: [quadriceps]
        cautions:
          - condition: Your lower back hurts
            action: stop
            advice: Come down slowly.
            applies_to: both legs long
          - condition: Your neck is sore
            action: take-care
            advice: Keep the chin soft.
        see_also: [rest]
        ---
        ## Steps

        1. Lift the hips.
        """,
    "sequences/evening.md": """\
        ---
        title: Evening
        summary: Wind down.
        purpose: To rest.
        audience: Anyone.
        source:
          title: A Book
          authors: [Ann Author, Ben Writer]
          publisher: A Press
        props: [strap]
        cautions:
          - condition: You are pregnant
            action: see-a-professional
            advice: Ask your midwife first.
        steps:
          - pose: bridge
            sides: both
            cue: Lift slowly.
            phases:
              - contract: 3 breaths
                cue: press down
              - relax: 3+ breaths
              - stretch: a few breaths
                optional: true
            repetitions: 2-3
            cautions:
              - condition: Your knee hurts
                action: skip
                advice: Rest instead.
            then:
              - name: Both legs long
                sides: both
                optional: true
                phases:
                  - hold: 1 minute
          - pose: low-lunge
            sides: left-first
            phases:
              - hold: 5 breaths
        ---
        A calm class for the evening.
        """,
}
CARDS = (
    CardLink("evening", "A4", "cards/evening-a4.pdf", 45_000),
    CardLink("evening", "Letter", "cards/evening-letter.pdf", 46_000),
    CardLink("evening", "A4", "cards/evening-student-a4.pdf", 70_000, "student"),
    CardLink("evening", "Letter", "cards/evening-student-letter.pdf", 71_000, "student"),
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    docs = write_library(tmp_path_factory.mktemp("golden"), RICH)
    library = load_library(docs, display_root=docs.parent)
    return render_pages(library, views_of(library), settings_for(docs), CARDS)


def golden_name(rel: str) -> str:
    return rel.removesuffix(".md").replace("/", "--") + ".md"


def test_every_page_is_rendered(pages):
    assert set(INDEX_PAGES) - {"guide/front-matter.md"} <= set(pages)
    assert "guide/front-matter.md" not in pages  # the reference goes with an authoring guide only
    assert {"poses/bridge.md", "props/strap.md", "sequences/evening.md", "glossary.md", "index.md"} <= set(pages)


PAGE_KINDS = [
    "poses/bridge.md",
    "poses/low-lunge.md",
    "props/block.md",
    "props/strap.md",
    "sequences/evening.md",
    "sequences/short.md",
    "glossary.md",
    "index.md",
    *[rel for rel in INDEX_PAGES if "front-matter" not in rel],
]


@pytest.mark.parametrize("rel", PAGE_KINDS)
def test_page_markdown_matches_its_golden_file(pages, rel):
    golden = GOLDEN / golden_name(rel)
    text = f"<!-- meta: {sorted(pages[rel].meta.items())} -->\n" + pages[rel].markdown
    if os.environ.get("POSEBOOK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file for {rel}; run with POSEBOOK_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


# --- author text is escaped by construction ---------------------------------------------------------

PAYLOAD = "x <img src=y onerror=alert(1)> *a* [l](javascript:z) `c` &amp; _u_ <!-- k --> | {: .c }"
TOOLTIP = "x &lt;img src=y onerror=alert(1)&gt; *a* [l](javascript:z) `c` &amp; _u_ &lt;!-- k --&gt; | {: .c }"
ALIAS = "quads]: x\\n*[y]: &lt;img src=z onerror=alert(2)&gt; <div>"


def hostile_library(tmp_path: Path) -> Path:
    """A library whose every free text field carries markup; names and titles may not hold '<'."""
    name = "Name *a* [l](javascript:z) `c` &amp; _u_ | {: .c }"
    quoted = PAYLOAD.replace('"', '\\"')
    return write_library(
        tmp_path,
        {
            "props/block.md": f'---\nname: "{name}"\nsummary: "{quoted}"\nother_names: ["{name}"]\n---\n',
            "poses/low-lunge.md": (
                f'---\nname: "{name}"\nsanskrit: "{name}"\nother_names: ["{name}"]\nsummary: "{quoted}"\nsided: true\n'
                f'props:\n  - prop: block\n    use: "{quoted}"\n'
                f'cautions:\n  - condition: "{quoted}"\n    action: stop\n    advice: "{quoted}"\n'
                f'    applies_to: "{quoted}"\n'
                "---\n"
            ),
            "sequences/short.md": (
                f'---\ntitle: "{name}"\nsummary: "{quoted}"\npurpose: "{quoted}"\naudience: "{quoted}"\n'
                f'source:\n  title: "{quoted}"\n  authors: ["{quoted}"]\n  publisher: "{quoted}"\n'
                f'cautions:\n  - condition: "{quoted}"\n    action: modify\n    advice: "{quoted}"\n'
                "steps:\n  - pose: low-lunge\n    sides: right-first\n"
                f'    cue: "{quoted}"\n    phases:\n      - hold: 3 breaths\n        cue: "{quoted}"\n'
                f'    then:\n      - name: "{name}"\n        phases:\n          - rest: 1 minute\n  - pose: rest\n'
                "    phases:\n      - rest: 1 minute\n---\n"
            ),
            # A definition may not hold '<' or '>' (the theme shows it as HTML); entities and Markdown it may.
            "glossary.md": f'---\nterms:\n  - term: iliopsoas\n    definition: "{TOOLTIP}"\n'
            f'  - term: quadriceps\n    definition: "{TOOLTIP}"\n    aliases: ["{name}", "{ALIAS}"]\n---\n',
        },
    )


ALLOWED_TAGS = {
    *("html", "head", "body", "h1", "h2", "h3", "h4", "p", "a", "span", "div", "nav", "ul", "ol", "li", "strong", "em"),
    *("table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "script", "abbr", "br", "details", "summary"),
    *("figure", "figcaption", "img", "code", "pre", "input", "label", "hr"),
    # posebook's own figures, inline
    *("svg", "title", "g", "line", "polyline", "circle", "ellipse", "rect", "path"),
}


def test_author_text_never_becomes_markup_on_any_page(tmp_path):
    docs = hostile_library(tmp_path)
    library = load_library(docs, display_root=tmp_path)
    pages = render_pages(library, views_of(library), settings_for(docs), CARDS)
    # As the site renders them: the glossary given to the abbreviation extension as the hook gives it.
    md = markdown.Markdown(
        extensions=settings_for(docs).markdown_extensions,
        extension_configs={"abbr": {"glossary": glossary_abbreviations(library.glossary)}},
    )
    for rel, page in pages.items():
        md.reset()
        html = md.convert(page.markdown)
        tree = tinyhtml5.parse(html)
        for element in tree.iter():
            assert isinstance(element.tag, str), (rel, "a comment reached the page")
            tag = element.tag.rsplit("}", 1)[-1]
            assert tag in ALLOWED_TAGS, (rel, tag)
            assert not any(name.rsplit("}", 1)[-1].startswith("on") for name in element.attrib), (rel, tag)
            href = element.get("href", "")
            assert not href.lower().startswith("javascript"), (rel, href)
            if tag == "script":
                assert element.get("type") == "application/ld+json", rel
            assert "c" not in (element.get("class") or "").split(), (rel, "an attribute list was applied")
            # The theme shows a title as HTML: its value as the browser holds it carries no tag.
            assert "<" not in (element.get("title") or ""), (rel, element.get("title"))
        # The words themselves are all there, as text.
        if rel == "sequences/short.md":
            assert "onerror=alert(1)" in "".join(tree.itertext())
        assert not re.search(r"<em>a</em>|<code>c</code>|<em>u</em>", html), rel
