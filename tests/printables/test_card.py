"""The teacher's class card, read back from the PDF as a teacher would check it: the front is the
practice in class order, readable from the mat (sizes of names, doses and tick boxes, figures at one
scale), the back is every caution once, the props, the health note and the credit; nothing within
8 mm of the edge; long sequences and long words; tags; reproducibility; the confined renderer;
the cache and the command."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import (
    ROOT,
    SITE,
    card_pdf,
    long_library,
    seed_printables,
    settings_for,
    start_listener,
    views_of,
    write_library,
)
from pdfread import figures, ink_margins, runs, squares, structure
from posebook.printables.pdf import PdfInfo, RenderError, html_to_pdf
from posebook.printables.render import build_printables
from posebook.problems import ContentError
from posebook.read import load_library

SIZES = {"a4": (595.276, 841.89), "letter": (612.0, 792.0)}
PAPERS = list(SIZES)


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "docs", display_root=ROOT)


@pytest.fixture(scope="module")
def seed_view(library):
    return views_of(library).sequences["iliopsoas-release"]


@pytest.fixture(scope="module")
def cards(library, tmp_path_factory):
    return seed_printables(library, tmp_path_factory.mktemp("cards"), "card", PAPERS)


def words(text: str) -> str:
    return " ".join(text.split())


def page_text(path: Path, page: int) -> str:
    """A page's text in reading order, with words broken at the end of a line joined again: a word's
    own hyphen stays, a hyphen that hyphenation added (U+2010) goes."""
    text = words(PdfReader(path).pages[page].extract_text())
    return re.sub(r"(\w)\u2010 (\w)", r"\1\2", re.sub(r"(\w)- (\w)", r"\1-\2", text))


def text_of(path: Path) -> str:
    return " ".join(page_text(path, i) for i in range(len(PdfReader(path).pages)))


# --- the seed card ---------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_seed_card_is_one_sheet_front_and_back_of_the_exact_size(cards, paper):
    reader = PdfReader(cards[paper])
    assert len(reader.pages) == 2
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == tuple(round(v, 2) for v in SIZES[paper])


@pytest.mark.parametrize("paper", PAPERS)
def test_the_front_is_the_practice_in_class_order_with_doses_cues_and_stop_signs(cards, seed_view, paper):
    front = page_text(cards[paper], 0)
    positions = [front.index(step.pose.name) for step in seed_view.steps]
    assert positions == sorted(positions)
    for step in seed_view.steps:
        if step.step.cue:
            assert words(step.step.cue) in front
        for caution in step.cautions:
            if caution.action == "stop":
                assert f"STOP: {words(caution.card_text)}" in front, caution.card_text
    for text in [
        "contract 3 breaths",
        "relax several breaths",
        "repeat 5–10 times",
        "Rest face down:",
        "rest 5+ minutes",
    ]:
        assert text in front, text
    # The typical time, as the sequence page gives it, and the whole range.
    assert "8 poses · about 23 minutes (15–34 minutes, a breath taken as 4–6 seconds)" in front
    # The stop signs are written out; the other cautions are counted, not coded.
    assert "(+8 more on the back)" in front  # beside step 7's stop signs
    assert "(6 cautions on the back)" in front  # a step with none on the front
    assert not re.search(r"\b7[a-k]\b", front)


@pytest.mark.parametrize("paper", PAPERS)
def test_the_back_has_every_caution_once_stop_first_with_its_steps_then_props_health_note_and_credit(
    cards, seed_view, paper
):
    back = page_text(cards[paper], 1)
    assert back.startswith("⚠ Who should skip or modify STOP")
    headings = [back.index(h) for h in ("STOP", "SEE A PROFESSIONAL", "SKIP", "MODIFY", "TAKE CARE")]
    assert headings == sorted(headings)
    for entry in seed_view.panel:
        assert back.count(words(entry.caution.card_text)) == 1, entry.caution.card_text
    assert "Steps 5, 6: Hand can't reach the back thigh: press with a block" in back
    assert "Whole class: Long spells of sitting" in back
    for item in seed_view.checklist:
        assert item.prop.name in back
    # A stand-in is named only for the steps where it will do: a pillow under the head in step 4, not the sacrum in 3.
    assert "Block · Steps 3–6; step 4: or bolster or pillow" in back
    assert "Blanket · Steps 1, 5, 8; step 8: or bolster" in back
    assert "Health note Every sequence here is general guidance" in back
    credit = "Adapted from “8 Poses for Iliopsoas Release” by Amber Burke and Bill Reif (Yoga International)."
    assert credit in back
    # The health note is posebook's own words, apart from the credit of the source.
    assert back.index("Health note") < back.index("ask one before you practise.") < back.index("Adapted from")
    assert "https://posebook.example.org/sequences/iliopsoas-release/" in back.replace("/ ", "/")
    assert "Page 2 of 2" in back


@pytest.mark.parametrize("paper", PAPERS)
def test_names_doses_and_cues_are_large_enough_to_read_from_the_mat(cards, seed_view, paper):
    drawn = runs(cards[paper])
    front = [r for r in drawn if r.page == 0]
    large = words(" ".join(r.text for r in front if r.size >= 14))
    for step in seed_view.steps:
        assert step.pose.name in large, step.pose.name
    dose = words(" ".join(r.text for r in front if r.size >= 11))
    for text in ["contract 3 breaths", "hold 1–5 minutes", "repeat 5–10 times", "or instead: stretch a few breaths"]:
        assert text in dose, text
    cues = re.sub(r"(\w)- (\w)", r"\1-\2", words(" ".join(r.text for r in front if r.size >= 10.5)))
    for step in seed_view.steps:
        assert words(step.step.cue) in cues
    assert min(r.size for r in drawn) >= 10


@pytest.mark.parametrize("paper", PAPERS)
def test_every_figure_is_drawn_at_one_scale_a_lying_body_30_mm_across(cards, seed_view, paper):
    drawn = [f for f in figures(cards[paper]) if not f.alt.startswith("QR code")]
    shown = [step.figures[0] for step in seed_view.steps]
    assert [f.alt for f in drawn] == [d.alt for d in shown]
    scales = [f.width_mm / d.width for f, d in zip(drawn, shown)] + [
        f.height_mm / d.height for f, d in zip(drawn, shown)
    ]
    assert max(scales) - min(scales) < 0.002, scales  # mm of paper per cm of figure
    assert min(scales) >= 30 / 180 - 0.001  # a body lying long, 180 cm of figure, is 30 mm across
    lying = [f for f in drawn if f.alt.startswith(("Lying on the back, both legs long", "Lying face down"))]
    assert len(lying) == 2 and all(f.width_mm >= 30 for f in lying)
    assert all(f.page == 0 for f in drawn)


@pytest.mark.parametrize("paper", PAPERS)
def test_tick_boxes_are_5_mm_squares_one_per_side_and_per_prop(cards, seed_view, paper):
    ticks = [page for page, side in squares(cards[paper]) if abs(side - 5.0) < 0.05]
    sides = sum(2 for step in seed_view.steps if step.step.sides in ("right-first", "left-first"))
    assert ticks.count(0) == sides
    assert ticks.count(1) == len(seed_view.checklist)


@pytest.mark.parametrize("paper", PAPERS)
def test_nothing_is_within_8_mm_of_the_edge_and_the_qr_code_is_18_mm(cards, paper):
    for margins in ink_margins(cards[paper]):
        assert min(margins) >= 8, margins
    qr = [f for f in figures(cards[paper]) if f.alt.startswith("QR code linking to the sequence page")]
    assert len(qr) == 1 and qr[0].width_mm >= 18 and qr[0].height_mm >= 18


def test_card_is_tagged_with_language_title_headings_lists_and_alt_text(cards, library):
    reader = PdfReader(cards["a4"])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    elements, _ = structure(cards["a4"])
    tags = [e.get("/S") for e in elements]
    for tag in ("/H1", "/H2", "/H3", "/L", "/LI", "/Figure", "/Link"):
        assert tag in tags, tag
    headings = [e for e in elements if e.get("/S") == "/H2"]
    assert len(headings) >= 8 + 3  # a step each, then the cautions, the props and the health note
    assert all(e.get("/Alt") for e in elements if e.get("/S") == "/Figure")
    sanskrit = [e for e in elements if e.get("/Lang") == "sa-Latn"]
    assert sanskrit, "Sanskrit names carry /Lang sa-Latn"
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in metadata
    assert "Iliopsoas Release: class card" in metadata
    assert "<dc:source>" in metadata and "Amber Burke and Bill Reif" in metadata
    assert reader.metadata["/Title"] == "Iliopsoas Release: class card"


@pytest.mark.parametrize("paper", PAPERS)
def test_fonts_are_embedded_subsets_of_the_pinned_fonts(cards, paper):
    fonts = set()
    for page in PdfReader(cards[paper]).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]))
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+Card-(Sans|Symbols)[-A-Za-z]*", f) for f in fonts), fonts


@pytest.mark.parametrize("paper", PAPERS)
def test_no_attachments_and_every_link_points_at_the_site(cards, paper):
    reader = PdfReader(cards[paper])
    root = reader.trailer["/Root"]
    assert "/EmbeddedFiles" not in root.get("/Names", {})
    assert "/AF" not in root
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            assert annotation["/Subtype"] != "/FileAttachment"
            if annotation["/Subtype"] == "/Link" and "/A" in annotation:
                uris.append(annotation["/A"]["/URI"])
    assert uris and all(uri.startswith(SITE) for uri in uris)
    assert b"file://" not in cards[paper].read_bytes()


@pytest.mark.parametrize("kind", ["card", "student"])
def test_two_renders_are_byte_identical_and_carry_no_date(library, kind):
    first = card_pdf(library, "iliopsoas-release", "a4", kind=kind)
    second = card_pdf(library, "iliopsoas-release", "a4", kind=kind)
    assert first == second
    assert b"/CreationDate" not in first and b"/ModDate" not in first


# --- long sequences, long words, what does not fit ------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("steps,pages", [(8, 2), (12, 2), (24, 3), (60, 6)])
def test_longer_sequences_continue_the_practice_on_more_pages_before_the_panel(tmp_path, steps, pages, paper):
    library = load_library(long_library(tmp_path, steps), display_root=tmp_path)
    path = tmp_path / "long.pdf"
    path.write_bytes(card_pdf(library, "long", paper))
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    text = text_of(path)
    positions = [text.index(f"Pose number {i} ") for i in range(1, steps + 1)]
    assert positions == sorted(positions)
    # Every step on the front pages, the panel starting on a page of its own after them.
    panel = next(i for i in range(pages) if page_text(path, i).startswith("⚠ Who should skip or modify"))
    assert panel == pages - 1
    assert f"Pose number {steps} " in page_text(path, panel - 1)
    back = page_text(path, panel)
    # Each caution once, with every step it applies to.
    assert back.count("You feel dizzy: Sit down and rest.") == 1
    assert f"Steps 1–{steps}: You feel dizzy: Sit down and rest." in back
    assert f"Steps 1–{steps}: Your knee hurts: Pad the knee with a folded blanket." in back
    assert f"Page {pages} of {pages}" in text
    for margins in ink_margins(path, dpi=50):
        assert min(margins) >= 8, margins


@pytest.mark.parametrize("paper", PAPERS)
def test_12_steps_with_long_names_and_cautions_go_on_over_the_page_whole(tmp_path, paper):
    library = load_library(long_library(tmp_path, 12, long_names=True), display_root=tmp_path)
    path = tmp_path / "long.pdf"
    path.write_bytes(card_pdf(library, "long", paper))
    assert len(PdfReader(path).pages) == 3
    name = "Revolved Half Bound Lotus Standing Forward Fold Variation"
    assert [page_text(path, i).count(name) for i in range(3)] == [3, 1, 0]
    # Each step's name, figure and stop sign on one page: the figures follow the names page by page.
    pages = [f.page for f in figures(path) if not f.alt.startswith("QR code")]
    assert pages == sorted(pages) and len(pages) == 12
    for page in range(2):
        text = page_text(path, page)
        assert text.count("STOP: You feel dizzy") == text.count("Pose number") + text.count(name)


def long_words_library(tmp_path: Path) -> Path:
    word = "Ardh" + "padmottanasana" * 14  # 200 letters, no break opportunity
    cue = ("Breathe slowly and let the front of the hip soften; " * 6)[:300].strip()
    pose = (
        f"---\nname: {word}\nsanskrit: {word}\nsummary: A pose.\nsided: true\n"
        f"cautions:\n  - condition: {word}\n    action: stop\n    advice: Stop.\n---\nBody {word}.\n"
    )
    sequence = (
        "---\ntitle: Long words\nsummary: A test.\nsteps:\n"
        f"  - pose: wordy\n    sides: right-first\n    cue: {cue}\n    phases:\n      - hold: 3 breaths\n"
        f"  - pose: wordy\n    sides: left-first\n    cue: {word}\n    phases:\n      - hold: 3 breaths\n---\n"
    )
    return write_library(tmp_path, {"poses/wordy.md": pose, "sequences/words.md": sequence})


@pytest.mark.parametrize("kind", ["card", "student"])
@pytest.mark.parametrize("paper", PAPERS)
def test_a_300_character_cue_and_a_200_character_word_stay_inside_the_page(tmp_path, kind, paper):
    library = load_library(long_words_library(tmp_path), display_root=tmp_path)
    path = tmp_path / "words.pdf"
    path.write_bytes(card_pdf(library, "words", paper, kind=kind))
    width = SIZES[paper][0]
    for run in runs(path):
        assert run.x >= 8 * 72 / 25.4 and run.x < width - 8 * 72 / 25.4, run
    for margins in ink_margins(path, dpi=50):
        assert min(margins) >= 8, margins
    text = words(text_of(path)).replace(" ", "")
    assert ("Ardh" + "padmottanasana" * 14) in text  # broken across lines, but all there


def test_a_step_that_cannot_fit_a_page_is_an_error_at_the_step(tmp_path):
    condition = " ".join(["Your knee hurts in a way that is hard to describe briefly."] * 30)
    pose = (
        "---\nname: Wordy\nsummary: A pose.\ncautions:\n"
        + "".join(f"  - condition: {condition}\n    action: stop\n    advice: Stop {i}.\n" for i in range(4))
        + "---\nBody.\n"
    )
    sequence = (
        "---\ntitle: Too much\nsummary: A test.\nsteps:\n  - pose: rest\n    phases:\n      - rest: 1 minute\n"
        "  - pose: wordy\n    phases:\n      - hold: 3 breaths\n---\n"
    )
    docs = write_library(tmp_path, {"poses/wordy.md": pose, "sequences/much.md": sequence})
    library = load_library(docs, display_root=tmp_path)
    with pytest.raises(ContentError) as caught:
        card_pdf(library, "much", "a4")
    assert [str(p) for p in caught.value.problems] == [
        "docs/sequences/much.md:8:5: error: steps[1]: step 2 (Wordy) does not fit on one page of the class card "
        "(A4), and a step is never split: shorten its cue, or give its stop cautions a short 'card:' wording"
    ]


# --- safety ---------------------------------------------------------------------------------------


@pytest.fixture
def listener():
    server, hits = start_listener()
    yield server.server_address[1], hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "hostile",
    [
        '<img src="http://127.0.0.1:{port}/x.png" alt="x">',
        '<link rel="attachment" href="file:///etc/passwd">',
        '<style>@import url("file:///etc/hosts");</style>',
        '<style>body {{ background: url("http://127.0.0.1:{port}/bg.png"); }}</style>',
        '<img src="file:///etc/passwd" alt="x">',
        '<img src="https://posebook.example.org/../../../../etc/passwd" alt="x">',
    ],
)
def test_the_fetcher_refuses_everything_but_its_own_files(library, listener, hostile):
    port, hits = listener
    html = (
        f"<!DOCTYPE html><html "
        f'lang="en"><head><title>t</title></head><body><p>x</p>{hostile.format(port=port)}</body></html>'
    )
    with pytest.raises(RenderError):
        html_to_pdf(html, PdfInfo("t", "d", (), ""), SITE)
    assert hits == []


# --- the cache, the pool and the command -----------------------------------------------------------


def two_sequences(tmp_path: Path) -> Path:
    return write_library(
        tmp_path,
        {
            "sequences/other.md": "---\ntitle: Other\nsummary: Just rest.\nsteps:\n  - pose: rest\n    phases:\n"
            "      - rest: 2 minutes\n---\n"
        },
    )


def test_cache_hits_and_misses(tmp_path):
    docs = two_sequences(tmp_path)
    settings = settings_for(docs, project=tmp_path)

    def rendered():
        library = load_library(docs, display_root=tmp_path)
        made = build_printables(views_of(library).sequences, settings, papers=("a4",), workers=1)
        return sorted((c.sequence, c.kind) for c in made if not c.from_cache)

    assert rendered() == [("other", "card"), ("other", "student"), ("short", "card"), ("short", "student")]
    assert rendered() == []
    lunge = docs / "poses" / "low-lunge.md"
    lunge.write_text(lunge.read_text().replace("name: Low Lunge", "name: Low Lunge Pose"))
    assert rendered() == [("short", "card"), ("short", "student")]
    lunge.write_text(lunge.read_text().replace("1. Step forward.", "1. Step forward slowly."))
    assert rendered() == [("short", "student")]  # the card does not print the pose's instructions
    rest = docs / "poses" / "rest.md"
    rest.write_text(rest.read_text().replace("name: Rest", "name: Resting"))
    assert rendered() == [("other", "card"), ("other", "student"), ("short", "card"), ("short", "student")]


def test_pool_render_is_identical_to_serial_and_files_are_named_by_kind_and_paper(tmp_path):
    docs = two_sequences(tmp_path)
    library = load_library(docs, display_root=tmp_path)
    serial = build_printables(views_of(library).sequences, settings_for(docs, project=tmp_path / "one"), workers=1)
    pooled = build_printables(views_of(library).sequences, settings_for(docs, project=tmp_path / "two"), workers=2)
    assert [c.pdf for c in serial] == [c.pdf for c in pooled]
    assert [c.rel for c in serial] == [
        f"cards/{slug}{suffix}-{paper}.pdf"
        for slug in ("other", "short")
        for suffix in ("", "-student")
        for paper in ("a4", "letter")
    ]


def test_the_pool_reports_every_problem_of_every_printable(tmp_path):
    condition = " ".join(["Your knee hurts in a way that is hard to describe briefly."] * 30)
    pose = (
        "---\nname: Wordy\nsummary: A pose.\ncautions:\n"
        + "".join(f"  - condition: {condition}\n    action: stop\n    advice: Stop {i}.\n" for i in range(4))
        + "---\nBody.\n"
    )
    docs = write_library(
        tmp_path,
        {
            "poses/wordy.md": pose,
            "sequences/a.md": "---\ntitle: A\nsummary: A.\nsteps:\n  - pose: wordy\n"
            "    phases:\n      - hold: 3 breaths\n---\n",
        },
    )
    library = load_library(docs, display_root=tmp_path)
    with pytest.raises(ContentError) as caught:
        build_printables(views_of(library).sequences, settings_for(docs), kinds=("card",), workers=2)
    assert [(p.path, p.line, p.field) for p in caught.value.problems] == [
        ("docs/sequences/a.md", 5, "steps[0]"),
        ("docs/sequences/a.md", 5, "steps[0]"),
    ]
    assert ["(A4)" in p.message for p in caught.value.problems] == [True, False]


@pytest.mark.parametrize("kind,name", [("card", "short-letter.pdf"), ("student", "short-student-letter.pdf")])
def test_card_command(tmp_path, kind, name):
    project = tmp_path / "p"
    write_library(project, {})
    (project / "mkdocs.yml").write_text(f"site_name: t\nsite_url: {SITE}\n")
    result = subprocess.run(
        [sys.executable, "-m", "posebook", "card", "short", "--kind", kind, "--paper", "letter"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {name} (")
    reader = PdfReader(project / name)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    title = {"card": "Short: class card", "student": "Short: take-home sheet"}[kind]
    assert reader.metadata["/Title"] == title
    missing = subprocess.run(
        [sys.executable, "-m", "posebook", "card", "shrot"], cwd=project, capture_output=True, text=True
    )
    assert missing.returncode == 1
    assert "no sequence 'shrot' (did you mean 'short'?)" in missing.stderr
