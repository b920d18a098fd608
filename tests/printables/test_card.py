"""The printable class card, read back from the PDF: size, pages, text order, tags, fonts,
links, attachments, metadata, layout, safety and the cache."""

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, SITE, card_pdf, long_library, settings_for, start_listener, views_of, write_library
from posebook.printables.card import build_cards, card_html
from posebook.printables.pdf import PdfInfo, RenderError, html_to_pdf
from posebook.read import load_library

SIZES = {"a4": (595.276, 841.89), "letter": (612.0, 792.0)}


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "docs", display_root=ROOT)


@pytest.fixture(scope="module")
def cards(library, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cards")
    sequence = library.sequences["iliopsoas-release"]
    out = {}
    for paper in SIZES:
        pdf = card_pdf(library, sequence.slug, paper)
        path = folder / f"{paper}.pdf"
        path.write_bytes(pdf)
        out[paper] = path
    return out


def text_of(path: Path) -> str:
    """The card's text in reading order, with line breaks after a hyphen joined up again."""
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def walk_structure(node, seen=None):
    node = node.get_object()
    if isinstance(node, dict):
        yield node
        kids = node.get("/K")
        if kids is not None:
            for kid in kids if isinstance(kids, list) else [kids]:
                yield from walk_structure(kid)


@pytest.mark.parametrize("paper", list(SIZES))
def test_seed_card_is_one_page_of_the_exact_size(cards, paper):
    reader = PdfReader(cards[paper])
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == tuple(round(v, 2) for v in SIZES[paper])


@pytest.mark.parametrize("paper", list(SIZES))
def test_card_text_has_the_poses_in_class_order_and_every_prop_and_caution(cards, library, paper):
    sequence = library.sequences["iliopsoas-release"]
    text = text_of(cards[paper])
    positions = [text.index(library.poses[step.pose].name) for step in sequence.steps]
    assert positions == sorted(positions)
    view = views_of(library).sequences[sequence.slug]
    for item in view.checklist:
        assert item.prop.name in text
    for entry in view.panel:
        assert " ".join(entry.caution.card_text.split()) in text, entry.caution.card_text
    for words in [
        "Health note",
        "not a substitute for personal advice",
        "Who should skip or modify",
        "Right side first",
        "contract 3 breaths",
        "5–10 times",
        "8 poses · about 15–34 minutes",
        "Adapted from “8 Poses for Iliopsoas Release” by Amber Burke and Bill Reif (Yoga International).",
        "Page 1 of 1",
        "https://posebook.example.org/sequences/iliopsoas-release/",
        "Śavāsana",
    ]:
        assert words in text, words


def test_card_is_tagged_with_language_title_headings_lists_and_alt_text(cards, library):
    reader = PdfReader(cards["a4"])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    elements = list(walk_structure(root["/StructTreeRoot"]))
    tags = [e.get("/S") for e in elements]
    for tag in ("/H1", "/H2", "/H3", "/L", "/LI", "/Figure", "/Link"):
        assert tag in tags, tag
    figures = [str(e.get("/Alt", "")) for e in elements if e.get("/S") == "/Figure"]
    # The QR code (in the page footer, first in reading order), then one figure per step in class order,
    # each with the alt text of the side the step starts on.
    sequence = library.sequences["iliopsoas-release"]
    expected = [step.figures[0].alt for step in views_of(library).sequences[sequence.slug].steps]
    assert figures[0].startswith("QR code linking to the sequence page")
    assert figures[1:] == expected
    assert (
        figures[1]
        == "Lying on the back, both legs long on the floor, right hand on the lower belly, left arm by the side."
    )
    sanskrit = [e for e in elements if e.get("/Lang") == "sa-Latn"]
    assert sanskrit, "Sanskrit names carry /Lang sa-Latn"
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in metadata
    assert "Iliopsoas Release: class card" in metadata
    assert "<dc:source>" in metadata and "Amber Burke and Bill Reif" in metadata
    assert "<dc:description>" in metadata
    assert reader.metadata["/Title"] == "Iliopsoas Release: class card"


@pytest.mark.parametrize("paper", list(SIZES))
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


@pytest.mark.parametrize("paper", list(SIZES))
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


def test_two_renders_are_byte_identical_and_carry_no_date(library):
    sequence = library.sequences["iliopsoas-release"]
    first = card_pdf(library, sequence.slug, "a4")
    second = card_pdf(library, sequence.slug, "a4")
    assert first == second
    assert b"/CreationDate" not in first and b"/ModDate" not in first


def test_card_renders_to_a_readable_png(cards, tmp_path):
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(cards["a4"]), str(tmp_path / "card")], check=True)
    png = next(tmp_path.glob("card*.png"))
    assert png.stat().st_size > 20_000  # a page full of text, not a blank one


# --- layout rules on fixture sequences ------------------------------------------------------


def layout(library, paper):
    import weasyprint

    from posebook.printables.cache import FONTS_DIR
    from posebook.printables.pdf import ConfinedFetcher

    html = card_html(views_of(library).sequences["long"], paper, settings_for(library.docs_dir))
    fetcher = ConfinedFetcher(SITE, [FONTS_DIR])
    return weasyprint.HTML(string=html, base_url=SITE, url_fetcher=fetcher).render()


def boxes(box):
    yield box
    for child in getattr(box, "children", []):
        yield from boxes(child)


def step_fragments(document):
    """For each step element, the (page, column x) of every box fragment it was laid out in."""
    fragments: dict[int, list] = {}
    for number, page in enumerate(document.pages):
        for box in boxes(page._page_box):
            element = getattr(box, "element", None)
            if (
                box.element_tag == "li"
                and element is not None
                and "step" in element.get("class", "").split()
                and type(box).__name__ == "BlockBox"
            ):
                fragments.setdefault(id(element), []).append((number, round(box.position_x)))
    return fragments


@pytest.mark.parametrize("steps,pages,long_names", [(12, 1, False), (24, 2, False), (12, 2, True)])
@pytest.mark.parametrize("paper", list(SIZES))
def test_layout_rule(tmp_path, steps, pages, long_names, paper):
    library = load_library(long_library(tmp_path, steps, long_names), display_root=tmp_path)
    document = layout(library, paper)
    assert len(document.pages) <= pages
    fragments = step_fragments(document)
    assert len(fragments) == steps
    thumbs = [
        box
        for page in document.pages
        for box in boxes(page._page_box)
        if box.element_tag == "img" and box.element.get("class") == "thumb"
    ]
    assert len(thumbs) == steps, "every step shows its figure"
    assert all(len(places) == 1 for places in fragments.values()), "a step was split across a column or a page"
    for page in document.pages:
        right = page._page_box.margin_width() - page._page_box.margin_right
        for box in boxes(page._page_box):
            if type(box).__name__ == "TextBox":
                assert box.style["font_size"] >= 12 - 1e-6, box.text  # 9 pt
                assert box.position_x + box.width <= right + 0.5, box.text


def test_long_card_lists_every_step(tmp_path):
    library = load_library(long_library(tmp_path, 24), display_root=tmp_path)
    pdf = card_pdf(library, "long", "a4")
    (tmp_path / "long.pdf").write_bytes(pdf)
    reader = PdfReader(tmp_path / "long.pdf")
    assert len(reader.pages) == 2
    text = text_of(tmp_path / "long.pdf")
    positions = [text.index(f"Pose number {i} ") for i in range(1, 25)]
    assert positions == sorted(positions)
    assert "Page 1 of 2" in text and "Page 2 of 2" in text


# --- safety -------------------------------------------------------------------------------


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


# --- the cache ----------------------------------------------------------------------------


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
        return sorted(
            (c.sequence, c.paper)
            for c in build_cards(views_of(library).sequences, settings, workers=1)
            if not c.from_cache
        )

    assert rendered() == [("other", "a4"), ("other", "letter"), ("short", "a4"), ("short", "letter")]
    assert rendered() == []
    lunge = docs / "poses" / "low-lunge.md"
    lunge.write_text(lunge.read_text().replace("name: Low Lunge", "name: Low Lunge Pose"))
    assert rendered() == [("short", "a4"), ("short", "letter")]
    rest = docs / "poses" / "rest.md"
    rest.write_text(rest.read_text().replace("name: Rest", "name: Resting"))
    assert rendered() == [("other", "a4"), ("other", "letter"), ("short", "a4"), ("short", "letter")]


def test_parallel_render_is_identical_to_serial(tmp_path):
    docs = two_sequences(tmp_path)
    library = load_library(docs, display_root=tmp_path)
    serial = build_cards(views_of(library).sequences, settings_for(docs, project=tmp_path / "one"), workers=1)
    parallel = build_cards(views_of(library).sequences, settings_for(docs, project=tmp_path / "two"), workers=2)
    assert [c.pdf for c in serial] == [c.pdf for c in parallel]


def test_card_command(tmp_path):
    import sys

    project = tmp_path / "p"
    write_library(project, {})
    (project / "mkdocs.yml").write_text(f"site_name: t\nsite_url: {SITE}\n")
    result = subprocess.run(
        [sys.executable, "-m", "posebook", "card", "short", "--paper", "letter", "-o", "out.pdf"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(project / "out.pdf")
    assert round(float(reader.pages[0].mediabox.width)) == 612
    missing = subprocess.run(
        [sys.executable, "-m", "posebook", "card", "shrot"], cwd=project, capture_output=True, text=True
    )
    assert missing.returncode == 1
    assert "no sequence 'shrot' (did you mean 'short'?)" in missing.stderr
