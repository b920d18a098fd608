"""What the printables keep and what they read: a cached card is used only when it is this user's own
(sealed, see posebook.store), and a card is drawn with the package's fonts only."""

import shutil

import pytest
from pypdf import PdfReader

from conftest import settings_for, views_of, write_library
from posebook.printables.cache import FONTS_DIR, printable_key
from posebook.printables.pdf import PdfInfo, RenderError, html_to_pdf
from posebook.printables.render import build_printables, printable_css, printable_html
from posebook.read import load_library

FORGED = b"%PDF-1.7\n% not the card posebook would make\n"


def key_of(view, settings, paper="a4"):
    return printable_key(
        printable_css("card", paper, settings.language) + printable_html(view, "card", paper, settings)
    )


def build_cards(sequences, settings):
    made = build_printables(sequences, settings, kinds=("card",), workers=1)
    return {(c.sequence, c.paper): c for c in made}


def cards_of(tmp_path):
    docs = write_library(tmp_path, {})
    settings = settings_for(docs, project=tmp_path)
    views = views_of(load_library(docs, display_root=tmp_path))
    made = build_cards(views.sequences, settings)
    key = key_of(views.sequences["short"], settings)
    return made, settings.cache_dir / "cards", key


def test_a_pdf_committed_into_the_cache_is_never_published_as_a_card(tmp_path):
    """Whoever commits to the project can work out a card's cache key (a hash of public inputs) and put a
    PDF under it; without this user's seal it is ignored and the card is made again."""
    docs = write_library(tmp_path, {})
    settings = settings_for(docs, project=tmp_path)
    views = views_of(load_library(docs, display_root=tmp_path))
    key = key_of(views.sequences["short"], settings)
    folder = settings.cache_dir / "cards"
    folder.mkdir(parents=True)
    (folder / f"{key}.pdf").write_bytes(FORGED)
    (folder / f"{key}.pdf.seal").write_text("0" * 64 + "\n")  # a seal made without the key
    made = build_cards(views.sequences, settings)
    card = made[("short", "a4")]
    assert not card.from_cache
    assert card.pdf != FORGED and card.pdf.startswith(b"%PDF-")
    assert "Short" in PdfReader(folder / f"{key}.pdf").pages[0].extract_text()


def test_a_stale_or_damaged_cache_entry_is_made_again(tmp_path):
    made, folder, key = cards_of(tmp_path)
    good = made[("short", "a4")].pdf
    (folder / f"{key}.pdf").write_bytes(good[: len(good) // 2])  # cut short, as by a full disk
    again, _, _ = cards_of(tmp_path)
    assert not again[("short", "a4")].from_cache
    assert again[("short", "a4")].pdf == good
    assert again[("short", "letter")].from_cache


def test_the_cache_entry_of_one_card_cannot_stand_for_another(tmp_path):
    """A sealed entry moved under another card's key is refused: the seal covers the name too."""
    made, folder, key = cards_of(tmp_path)
    letter = next(p for p in folder.glob("*.pdf") if p.name != f"{key}.pdf")
    shutil.copy(letter, folder / f"{key}.pdf")
    shutil.copy(letter.with_name(letter.name + ".seal"), folder / f"{key}.pdf.seal")
    again, _, _ = cards_of(tmp_path)
    assert not again[("short", "a4")].from_cache
    assert again[("short", "a4")].pdf == made[("short", "a4")].pdf


def test_a_character_the_fonts_lack_never_brings_in_a_font_of_the_machine():
    """Rendering only ever sees the package's fonts. Hebrew and Arabic-Indic digits, which this machine's
    DejaVu fonts have and the card's fonts lack, stop the render (`posebook check` refuses them earlier, at
    their line) instead of being drawn with whatever fonts the machine that makes the card has."""
    font = (FONTS_DIR / "NotoSans-SemiCondensed.ttf").as_uri()
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>t</title><style>@font-face {{ font-family: "Card Sans"; '
        f'src: url("{font}"); }} html {{ font-family: "Card Sans"; }}</style></head>'
        "<body><p>Rest שלום ٣</p></body></html>"
    )
    with pytest.raises(RenderError) as stopped:
        html_to_pdf(html, PdfInfo("t", "t", (), ""), "https://posebook.example.org/")
    assert '"ש" (U+05E9)' in str(stopped.value) and '"٣" (U+0663)' in str(stopped.value)
