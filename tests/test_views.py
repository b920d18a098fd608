"""The views: every derived fact is computed once, and every page that shows a fact shows the one
the views hold. These are the disagreements that a fact derived in two places once produced."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import settings_for, views_of, write_library
from posebook.read import load_library
from posebook.site.markdown import about, minutes_text
from posebook.site.pages import render_pages

# A prop a sequence only uses as a stand-in: the pillow, in place of the block.
STAND_IN = {
    "props/pillow.md": "---\nname: Pillow\nsummary: Soft.\n---\n",
    "poses/rest.md": "---\nname: Rest\nsummary: Lie still.\nprops:\n  - prop: block\n    instead: [pillow]\n---\n",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    docs = write_library(tmp_path_factory.mktemp("views"), STAND_IN)
    return load_library(docs, display_root=docs.parent)


def section(markdown: str, heading: str) -> str:
    """The text of a page from a heading to the next heading of any level."""
    start = markdown.index(heading)
    end = re.search(r"^#", markdown[start + len(heading) :], re.M)
    return markdown[start : start + len(heading) + (end.start() if end else len(markdown))]


def test_the_sequences_that_use_a_prop_include_those_that_use_it_as_a_stand_in(library):
    views = views_of(library)
    assert [s.slug for s in views.props["pillow"].sequences] == ["short"]
    assert [s.slug for s in views.props["block"].sequences] == ["short"]
    assert views.props["blanket"].sequences[0].slug == "short"


def test_the_props_index_and_every_prop_page_agree_on_the_sequences_that_use_the_prop(library):
    views = views_of(library)
    pages = render_pages(library, views, settings_for(library.docs_dir))
    index = pages["props/index.md"].markdown
    for slug, view in views.props.items():
        on_page = "## Sequences that use it" in pages[view.prop.src_path].markdown
        entry = section(index, f"### [{view.prop.name}]")
        in_index = "Sequences:" in entry
        assert on_page == in_index == bool(view.sequences), slug
        for sequence in view.sequences:
            assert f"[{sequence.title}]" in entry
            assert f"[{sequence.title}]" in section(pages[view.prop.src_path].markdown, "## Sequences that use it")


@settings(max_examples=25, deadline=None)
@given(low=st.integers(1, 20), extra=st.integers(0, 20))
def test_the_sequences_index_and_each_sequence_page_agree_on_the_time(library, low, extra):
    breath = (float(low), float(low + extra))
    views = views_of(library, breath)
    pages = render_pages(library, views, settings_for(library.docs_dir, breath_seconds=breath))
    for view in views.sequences.values():
        page = pages[view.sequence.src_path].markdown
        typical = about(view.typical)
        assert f"**{typical.capitalize()}** · " in page
        assert f"{typical.capitalize()} in all: a breath counted as {(2 * low + extra) / 2:g} seconds" in page
        assert f"From the shortest to the longest: {minutes_text(view.seconds).removeprefix('about ')}, " in page
        assert f"counting a breath as {low} to {low + extra} seconds" in page
        assert f"{typical})" in pages["sequences/index.md"].markdown


def test_views_are_computed_once_and_frozen(library):
    views = views_of(library)
    with pytest.raises(TypeError):
        views.props["block"] = None  # type: ignore[index]
    step = views.sequences["short"].steps[0]
    with pytest.raises(AttributeError):
        step.number = 3  # type: ignore[misc]
    # The backlinks and the sequence page's steps are the same objects, not copies made twice.
    assert views.poses["low-lunge"].used_in[0].step is step


def test_a_step_knows_its_neighbours_time_and_cautions(library):
    short = views_of(library, (4.0, 6.0)).sequences["short"]
    lunge, rest = short.steps
    assert (lunge.previous, lunge.next.slug, rest.previous.slug, rest.next) == (None, "rest", "low-lunge", None)
    # 3 + 3 breaths on each side: 24 to 36 seconds; then 2 minutes of rest.
    assert lunge.seconds == (48.0, 72.0)
    assert rest.seconds == (120.0, 120.0)
    assert short.seconds == (168.0, 192.0)
    assert [c.condition for c in lunge.cautions] == ["Your knee hurts"]
    assert [(e.caution.action, e.step.number) for e in short.panel] == [("modify", 1)]


# A desk break: the lunge without its blanket, and the rest on a bolster the rest pose does not list.
DESK_BREAK = {
    "props/bolster.md": "---\nname: Bolster\nsummary: A firm cushion.\n---\n",
    "sequences/desk.md": (
        "---\ntitle: Desk break\nsummary: At work.\nsteps:\n"
        "  - pose: low-lunge\n    sides: right-first\n    leave_out: [blanket]\n    phases:\n      - hold: 3 breaths\n"
        "  - pose: rest\n    props:\n      - prop: bolster\n        use: under the knees\n    phases:\n"
        "      - rest: 1 minute\n---\n"
    ),
}


def test_the_props_checklist_follows_what_each_step_uses(tmp_path):
    docs = write_library(tmp_path, DESK_BREAK)
    library = load_library(docs, display_root=tmp_path)
    views = views_of(library)
    desk = views.sequences["desk"]
    assert [(i.prop.slug, [(u.number, u.how) for u in i.uses]) for i in desk.checklist] == [
        ("block", [(1, None)]),
        ("bolster", [(2, "under the knees")]),
    ]
    # The other sequence still does the lunge with its blanket, and the prop page says which sequences need it.
    assert "blanket" in [i.prop.slug for i in views.sequences["short"].checklist]
    assert [s.slug for s in views.props["blanket"].sequences] == ["short"]
    assert [s.slug for s in views.props["bolster"].sequences] == ["desk"]
    page = render_pages(library, views, settings_for(docs))["sequences/desk.md"].markdown
    props = section(page, "## Props by step")
    assert "Blanket" not in props
    assert "[Bolster](../props/bolster.md) — [step 2](#step-2-rest): under the knees" in props
    before = section(page, "## Before you start")
    assert "Blanket" not in before and "[Block](../props/block.md)" in before and "Bolster" in before


def test_a_stand_in_is_named_for_the_steps_where_it_will_do(tmp_path):
    """A pillow stands in for the block under the head in one pose, not under the sacrum in another:
    the checklist says so per step, and a stand-in every step allows is said once for the prop."""
    files = {
        "props/pillow.md": "---\nname: Pillow\nsummary: Soft.\n---\n",
        "poses/head-rest.md": (
            "---\nname: Head Rest\nsummary: Lie down.\nprops:\n  - prop: block\n    use: under the head\n"
            "    instead: [pillow]\n  - prop: blanket\n    instead: [pillow]\n---\nBody.\n"
        ),
        "poses/bridge.md": (
            "---\nname: Bridge\nsummary: Lift.\nprops:\n  - prop: block\n    use: under the sacrum\n"
            "  - prop: blanket\n    instead: [pillow]\n---\nBody.\n"
        ),
        "sequences/two.md": (
            "---\ntitle: Two\nsummary: Two poses.\nsteps:\n  - pose: bridge\n    phases:\n      - hold: 3 breaths\n"
            "  - pose: head-rest\n    phases:\n      - rest: 1 minute\n---\n"
        ),
    }
    docs = write_library(tmp_path, files)
    library = load_library(docs, display_root=tmp_path)
    two = views_of(library).sequences["two"]
    items = {item.prop.slug: item for item in two.checklist}
    assert [p.slug for p in items["block"].instead_everywhere] == []
    assert [(numbers, [p.slug for p in props]) for numbers, props in items["block"].instead_somewhere] == [
        ((2,), ["pillow"])
    ]
    assert [p.slug for p in items["blanket"].instead_everywhere] == ["pillow"]
    assert items["blanket"].instead_somewhere == ()
    page = render_pages(library, views_of(library), settings_for(docs))["sequences/two.md"].markdown
    props = section(page, "## Props by step")
    assert "[step 1](#step-1-bridge): under the sacrum;" in props
    assert "[step 2](#step-2-head-rest): under the head (or instead: [Pillow](../props/pillow.md))" in props
    assert "[Blanket](../props/blanket.md); or instead: [Pillow](../props/pillow.md) —" in props
