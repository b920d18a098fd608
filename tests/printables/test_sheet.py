"""The student's take-home sheet, read back from the PDF: large print (body 14 pt, headings 18 pt and
up), one step per row with its figure, dose, the pose's instructions and its cautions, each caution
written out once; steps never split when they fit a page; nothing within 8 mm of the edge; tagged."""

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, card_pdf, long_library, seed_printables, settings_for, views_of, write_library
from pdfread import figures, ink_margins, runs, structure
from posebook.printables.sheet import instructions
from posebook.read import load_library

PAPERS = ["a4", "letter"]


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "docs", display_root=ROOT)


@pytest.fixture(scope="module")
def seed_view(library):
    return views_of(library).sequences["iliopsoas-release"]


@pytest.fixture(scope="module")
def sheets(library, tmp_path_factory):
    return seed_printables(library, tmp_path_factory.mktemp("sheets"), "student", PAPERS)


def words(text: str) -> str:
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [re.sub(r"(\w)- (\w)", r"\1-\2", words(page.extract_text())) for page in PdfReader(path).pages]


def text_of(path: Path) -> str:
    """The sheet's text as a student reads it: the pages' running heads ("3. Bridge, continued") and
    numbers ("Page 4 of 13") left out, so a sentence carried over a page reads whole."""
    pages = [re.sub(r" ?(\d+\. [^.]+, continued )?Page \d+ of \d+$", "", text) for text in page_texts(path)]
    return " ".join(pages)


def plain(markup: str) -> str:
    return words(re.sub(r"<[^>]+>", " ", markup).replace("&amp;", "&"))


@pytest.mark.parametrize("paper", PAPERS)
def test_all_text_is_large_print_and_headings_are_18_pt_or_more(sheets, seed_view, paper):
    drawn = runs(sheets[paper])
    assert min(r.size for r in drawn) >= 14
    headings = words(" ".join(r.text for r in drawn if r.size >= 18))
    for step in seed_view.steps:
        assert f"{step.number}. {step.pose.name}" in headings, step.pose.name
    for heading in ("Iliopsoas Release", "Health note", "Before you start", "You will need", "Set up", "Cautions"):
        assert heading in headings, heading


@pytest.mark.parametrize("paper", PAPERS)
def test_each_step_has_its_figure_dose_instructions_and_cautions_in_class_order(sheets, seed_view, library, paper):
    text = text_of(sheets[paper])
    positions = [text.index(f"{step.number}. {step.pose.name}") for step in seed_view.steps]
    assert positions == sorted(positions)
    # The dose with what happens in each phase, sides in words.
    assert (
        "Right side first, then left: contract 3 breaths (knee in, hand pushes it away), then relax 3 breaths" in text
    )
    assert (
        "Both legs long, optional, both sides at once: hold a few breaths (or a few minutes if it feels good)." in text
    )
    assert "contract 3 breaths (thighs press down, pelvis tilts back), then relax 3 breaths" in text
    assert "repeat 5–10 times." in text
    # The pose's own instructions, numbered, with their headings; links become text.
    settings = settings_for(library.docs_dir)
    for step in seed_view.steps:
        printed = plain(str(instructions(step.pose.body, settings)))
        for sentence in re.split(r"(?<=[.!?]) ", printed):
            assert sentence in text, sentence
    assert "1. Place your fingers just inside the front of your right hip bone (the ASIS)" in text
    assert "¶" not in text
    # The figures, one per step in class order, at one scale.
    drawn = [f for f in figures(sheets[paper]) if not f.alt.startswith("QR code")]
    shown = [step.figures[0] for step in seed_view.steps]
    assert [f.alt for f in drawn] == [d.alt for d in shown]
    scales = [f.width_mm / d.width for f, d in zip(drawn, shown)]
    assert max(scales) - min(scales) < 0.002
    assert min(scales) >= 45 / 180 - 0.001  # a body lying long, 180 cm of figure, is 45 mm across


@pytest.mark.parametrize("paper", PAPERS)
def test_every_caution_is_written_out_in_full_once(sheets, seed_view, paper):
    text = text_of(sheets[paper])
    for entry in seed_view.panel:
        caution = entry.caution
        full = f"{words(caution.condition).rstrip('.')}. {words(caution.advice)}"
        assert text.count(full) == 1, full
    assert "Stop: You can feel a pulse beneath your hand, or a tingling spreads down the front of your thigh." in text
    # Within a step, the stop signs come first.
    massage = text[text.index("7. Massage the Iliopsoas") : text.index("8. Pelvic Tilts")]
    labels = re.findall(r"(Stop|See a professional|Skip|Modify|Take care)(?: \([^)]*\))?: ", massage)
    order = ["Stop", "See a professional", "Skip", "Modify", "Take care"]
    assert labels[0] == "Stop" and labels == sorted(labels, key=order.index), labels
    # A student practising alone reads when to stop before how to do it: the cautions before the instructions.
    assert massage.index("Cautions Stop") < massage.index("Find the muscle")
    assert text.index("Health note") < text.index("Before you start") < text.index("1. Diaphragmatic Breathing")
    assert text.index("Adapted from “8 Poses for Iliopsoas Release”") > text.index("8. Pelvic Tilts")


@pytest.mark.parametrize("paper", PAPERS)
def test_a_step_longer_than_a_page_starts_a_page_and_says_so_where_it_continues(sheets, seed_view, paper):
    pages = page_texts(sheets[paper])
    starts = {
        step.number: next(i for i, t in enumerate(pages) if f"{step.number}. {step.pose.name}" in t)
        for step in seed_view.steps
    }
    continued = [i for i, t in enumerate(pages) if ", continued" in t]
    assert continued, "the seed's self-massage runs over a page"
    for i in continued:
        # The running head of the page (margin text comes last in the page's text).
        number = int(re.search(r"(\d+)\. [^.]+, continued Page", pages[i]).group(1))
        assert f"{number}. {seed_view.steps[number - 1].pose.name}, continued Page {i + 1} of" in pages[i]
        assert starts[number] < i
        # A step that continues starts at the top of its page.
        assert pages[starts[number]].startswith(f"{number}. ")


@pytest.mark.parametrize("paper", PAPERS)
def test_nothing_is_within_8_mm_of_the_edge_and_the_qr_code_is_large(sheets, paper):
    for margins in ink_margins(sheets[paper], dpi=50):
        assert min(margins) >= 8, margins
    qr = [f for f in figures(sheets[paper]) if f.alt.startswith("QR code linking to the sequence page")]
    assert len(qr) == 1 and qr[0].width_mm >= 18


def test_sheet_is_tagged_with_language_title_headings_lists_and_alt_text(sheets):
    reader = PdfReader(sheets["a4"])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    elements, _ = structure(sheets["a4"])
    tags = [e.get("/S") for e in elements]
    for tag in ("/H1", "/H2", "/H3", "/L", "/LI", "/Figure", "/Link", "/P"):
        assert tag in tags, tag
    assert all(e.get("/Alt") for e in elements if e.get("/S") == "/Figure")
    assert any(e.get("/Lang") == "sa-Latn" for e in elements)
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in metadata and "Iliopsoas Release: take-home sheet" in metadata
    assert "Amber Burke and Bill Reif" in metadata


@pytest.mark.parametrize("paper,counts", [("a4", {8: 4, 24: 11, 60: 26}), ("letter", {8: 5, 24: 12, 60: 27})])
def test_long_sequences_take_the_pages_they_need_and_no_step_is_split(tmp_path, paper, counts):
    for steps, pages in counts.items():
        folder = tmp_path / str(steps)
        library = load_library(long_library(folder, steps), display_root=folder)
        path = folder / "sheet.pdf"
        path.write_bytes(card_pdf(library, "long", paper, kind="student"))
        texts = page_texts(path)
        assert len(texts) == pages
        heads = {i: next(p for p, t in enumerate(texts) if f"{i}. Pose number {i} " in t) for i in range(1, steps + 1)}
        assert list(heads.values()) == sorted(heads.values())
        # A step's figure and its cautions are on the page of its heading.
        drawn = [f.page for f in figures(path) if not f.alt.startswith("QR code")]
        assert drawn == list(heads.values())
        for p, text in enumerate(texts):
            assert text.count("Cautions") == sum(1 for page in heads.values() if page == p)
        whole = " ".join(texts)
        assert whole.count("You feel dizzy. Sit down and rest.") == 1
        assert whole.count("Stop: You feel dizzy (see step 1).") == steps - 1


# --- the instructions, kept to what prints well ------------------------------------------------


@pytest.mark.parametrize(
    "body,printed",
    [
        (
            "## Set up\n\n1. Lie *down*.\n2. Rest.\n",
            "<h3>Set up</h3>\n<ol>\n<li>1.\u2002Lie <em>down</em>.</li>\n<li>2.\u2002Rest.</li>\n</ol>",
        ),
        (
            '<ol start="3"><li>Third.</li><li>Fourth.</li></ol>',
            "<ol><li>3.\u2002Third.</li><li>4.\u2002Fourth.</li></ol>",
        ),
        ("- One\n    - Inner\n", "<ul>\n<li>•\u2002One<ul>\n<li>•\u2002Inner</li>\n</ul>\n</li>\n</ul>"),
        ("See [the glossary](../glossary.md).", "<p>See the glossary.</p>"),
        ('A <img src="x.png" alt="a"> picture.', "<p>A  picture.</p>"),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter.", "<p>After.</p>"),
        (
            '<span lang="sa-Latn">Śavāsana</span> and <span lang="x&quot;y">z</span>',
            '<p><span lang="sa-Latn">Śavāsana</span> and z</p>',
        ),
        ('<p class="x" onclick="y">Tom &amp; Jerry &lt;b&gt;</p>', "<p>Tom &amp; Jerry &lt;b&gt;</p>"),
        ("<div><p>Unclosed <b>bold</p></div>", "<p>Unclosed <b>bold</b></p>"),
    ],
)
def test_instructions_keep_only_what_prints_well(tmp_path, body, printed):
    settings = settings_for(write_library(tmp_path, {}))
    assert str(instructions(body, settings)) == printed


def test_the_sites_heading_links_are_left_out(tmp_path):
    docs = write_library(tmp_path, {})
    from dataclasses import replace

    settings = replace(settings_for(docs), markdown_extensions=("toc",), markdown_configs={"toc": {"permalink": True}})
    assert str(instructions("## Set up\n\nLie down.", settings)) == "<h3>Set up</h3>\n<p>Lie down.</p>"
