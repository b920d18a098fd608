"""posebook in the teacher's language: every word posebook writes comes from its catalogs. A
library written in Spanish builds a Spanish site in which no English word of posebook's appears;
amounts can be written in the site's language; a catalog that lacks a string fails here."""

from __future__ import annotations

import re
import shutil

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sitebuild import build

from conftest import ROOT, settings_for
from posebook.i18n import LOCALES, available, language
from posebook.read import try_load_library

SPANISH = ROOT / "tests" / "fixtures" / "es"
SOURCE = ROOT / "src" / "posebook"


def used_messages() -> set[str]:
    """Every message posebook's code and templates use, extracted as `pybabel extract` does."""
    method_map = [("**/templates/**.j2", "jinja2"), ("**.py", "python")]
    options = {"**/templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    keywords = {
        "_": None,
        "gettext": None,
        "ngettext": (1, 2),
        "pgettext": ((1, "c"), 2),
        "N_": None,
        "NP_": ((1, "c"), 2),
    }
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(SOURCE), method_map, options, keywords=keywords
    ):
        found.add((context, message if isinstance(message, str) else message[0]))
    return found


@pytest.mark.parametrize("code", [code for code in available() if code != "en"])
def test_every_catalog_has_every_string_the_code_and_templates_use(code):
    with (LOCALES / code / "LC_MESSAGES" / "posebook.po").open("rb") as f:
        catalog = read_po(f)
    translated = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and m.string and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    missing = used_messages() - translated
    assert not missing, sorted(missing, key=str)
    assert not [m.id for m in catalog if m.fuzzy and m.id], "fuzzy translations are not used; review them"


def test_spanish_amounts_and_english_ones_are_understood_and_errors_say_which_forms():
    library, problems = try_load_library(settings_for(SPANISH, language="es"))
    assert problems == []
    phases = library.sequences["liberar-el-psoas"].steps[0].phases
    assert [(p.amount.low, p.amount.unit) for p in phases] == [(3.0, "breath"), (3.0, "breath")]
    assert library.sequences["liberar-el-psoas"].steps[2].phases[0].amount.or_more


def test_an_amount_error_stays_in_english_and_names_the_languages_forms(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SPANISH, docs)
    page = docs / "sequences" / "liberar-el-psoas.md"
    page.write_text(page.read_text(encoding="utf-8").replace("varias respiraciones", "varias respiracines"), "utf-8")
    _, problems = try_load_library(settings_for(docs, project=tmp_path, language="es"))
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith("docs/sequences/liberar-el-psoas.md:23:16: error: steps[0].phases[1].relax: ")
    assert "'respiracines' is not a unit" in message and "respiraciones" in message
    assert "(did you mean 'respiraciones'?)" in message


def english_words() -> set[str]:
    """The words of posebook's English messages that a Spanish page should never show."""
    spanish = language("es")
    words = set()
    for context, message in used_messages():
        if context:
            continue
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"%\(\w+\)s", " ", message))}
    translated = " ".join(spanish.gettext(m) for c, m in used_messages() if not c).lower()
    # Words that are the same in both languages, or names, are not a sign of English.
    return {w for w in words if w not in translated.split() and w not in {"posebook", "pdf", "yoga", "sanskrit"}}


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("es")
    docs = project / "docs"
    shutil.copytree(SPANISH, docs)
    result = build(project, docs, project / "site", language="es")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_spanish_library_builds_a_site_with_no_english_word_of_posebooks(spanish_site):
    english = english_words()
    assert {"before", "start", "cautions", "optional", "minutes", "breath"} & english
    pages = sorted(p for p in spanish_site.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 10
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == "es"
        article = soup.find("article")
        text = (
            " ".join(article.stripped_strings)
            + " "
            + " ".join(el.get(attr, "") for el in article.find_all(True) for attr in ("title", "aria-label", "alt"))
        )
        script = soup.find("script", type="application/ld+json")
        if script is not None:
            text = text.replace(script.get_text(), " ")
        found = {w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() in english}
        assert not found, (page.relative_to(spanish_site).as_posix(), sorted(found))


def test_the_spanish_sequence_page_says_its_words_in_spanish(spanish_site):
    soup = BeautifulSoup((spanish_site / "sequences/liberar-el-psoas/index.html").read_text("utf-8"), "html.parser")
    text = " ".join(soup.find("article").stripped_strings)
    for words in (
        "Antes de empezar",
        "Necesitas:",
        "Una nota de salud de posebook.",
        "Quién debe omitir o adaptar",
        "primero el lado derecho, luego el izquierdo",
        "o en su lugar:",
        "Adaptado de «Una secuencia de ejemplo», de Ana Autora y Berta Escritora (Editorial de Prueba).",
    ):
        assert words in text, words
    assert soup.find(attrs={"lang": "sa-Latn"}).get_text() == "Setu Bandha Sarvāṅgāsana"
    assert re.search(r"Alrededor de \d+(½)? minutos?", text)
    import json

    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["inLanguage"] == "es"
    assert "contraer 3 respiraciones" in data["step"][0]["text"]


def test_english_is_the_language_of_the_message_ids():
    english = language("en")
    assert english.gettext("Before you start") == "Before you start"
    assert english.about(90) == "about 1½ minutes"
    assert language("pt-BR").catalog == "en"  # no Portuguese catalog yet: English, as the source
    assert language("es-MX").catalog == "es"


@pytest.mark.parametrize("kind", ["card", "student"])
def test_the_spanish_printables_say_posebooks_words_in_spanish_and_are_tagged_spanish(spanish_site, kind):
    """The class card and the take-home sheet of a Spanish site: no English word of posebook's, in
    the text or in the PDF's title, the links on the sequence page say 'Carta', and a screen reader
    and the hyphenation take the PDF as Spanish."""
    from pypdf import PdfReader

    english = english_words()
    folder = spanish_site / "cards"
    suffix = "" if kind == "card" else "-student"
    for paper in ("a4", "letter"):
        reader = PdfReader(folder / f"liberar-el-psoas{suffix}-{paper}.pdf")
        text = " ".join(page.extract_text() for page in reader.pages)
        addresses = re.sub(r"https?://\S+", " ", re.sub(r"/\s+", "/", text))  # the site's address is no word
        found = {w for w in re.findall(r"[A-Za-z]{3,}", addresses) if w.lower() in english}
        assert not found, (kind, paper, sorted(found))
        assert reader.trailer["/Root"]["/Lang"] == "es"
        title = reader.metadata.title
        assert title.endswith(": ficha de clase" if kind == "card" else ": hoja para casa"), title
        assert re.search(r"Página 1 de \d", text)
        assert "Adaptado de «Una secuencia de ejemplo», de Ana Autora y Berta Escritora (Editorial de Prueba)." in " ".join(
            text.split()
        )
    soup = BeautifulSoup((spanish_site / "sequences/liberar-el-psoas/index.html").read_text("utf-8"), "html.parser")
    links = [a.get_text() for a in soup.select(".pb-facts-line a[type='application/pdf']")]
    assert links == ["A4", "Carta", "A4", "Carta"]


def test_the_spanish_card_hyphenates_as_spanish_does(spanish_site):
    """The back of the card hyphenates its running text, at the places Spanish breaks a word."""
    import pyphen
    from pypdf import PdfReader

    spanish = pyphen.Pyphen(lang="es")
    breaks = []
    for paper in ("a4", "letter"):
        reader = PdfReader(spanish_site / "cards" / f"liberar-el-psoas-{paper}.pdf")
        text = " ".join(page.extract_text() for page in reader.pages)
        breaks += re.findall(r"(\w+)\u2010\s+(\w+)", text)
    assert breaks, "nothing on the Spanish cards is hyphenated"
    for head, tail in breaks:
        assert len(head) in spanish.positions(head + tail), (head, tail)
