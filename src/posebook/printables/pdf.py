"""HTML to a tagged PDF/UA-1 with WeasyPrint, confined: it fetches only the package's own files
(fonts) and `data:` URLs, follows no redirects, carries no attachments, and its warnings (a
missing glyph, a CSS error, a failed fetch) are errors. Sanskrit and other `lang` spans are
tagged with their language; the XMP packet carries the source credit."""

from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from .cache import FONTS_DIR


class RenderError(Exception):
    """The renderer refused or failed: the message says why."""


@dataclass(frozen=True)
class PdfInfo:
    """The document metadata of a printable."""

    title: str
    description: str
    keywords: tuple[str, ...]
    credit: str  # the source credit, in the XMP packet as dc:source; "" for none


class UnfitError(RenderError):
    """Parts of the printable that must each stay whole on one page (`data-keep`) do not fit one."""

    def __init__(self, units: list[str]):
        self.units = units
        super().__init__("these parts do not fit on one page: " + ", ".join(units))


def html_to_pdf(html: str, info: PdfInfo, site_url: str, css: str = "") -> bytes:
    """Render a printable's HTML with its stylesheet (the package's own CSS, read once per process).
    Links relative to the page resolve against `site_url`. An element marked `data-keep` must lie
    whole on one page, inside its margins: UnfitError names the ones that do not, so that nothing is
    ever split or clipped in silence."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError

    _tag_languages()
    fetcher = ConfinedFetcher(site_url=site_url, roots=[FONTS_DIR])
    with _only_own_fonts(), _warnings_as_errors() as problems:
        try:
            stylesheets = [_stylesheet(css, problems)] if css else []
            document = weasyprint.HTML(string=html, base_url=site_url or None, url_fetcher=fetcher).render(
                pdf_variant="pdf/ua-1", stylesheets=stylesheets, font_config=_fonts()
            )
        except FatalURLFetchingError as err:
            raise RenderError(str(err.__cause__ or err)) from None
        if document.metadata.attachments:
            raise RenderError("it asks for attachments; a printable never carries files")
        unfit = unfit_units(document)
        if unfit:
            raise UnfitError(unfit)
        document.metadata = _metadata(document.metadata, info)
        pdf = document.write_pdf(pdf_variant="pdf/ua-1", attachments=[])
    if problems:
        raise RenderError("it could not be made cleanly:\n" + "\n".join(problems))
    return pdf


# What one renderer process keeps between printables: the fonts it has loaded, and its parsed
# stylesheets (a card and a sheet, A4 and Letter). Both are made from the package's own files only.
_FONTS = None
_STYLESHEETS: dict[str, object] = {}


def _fonts():
    global _FONTS
    if _FONTS is None:
        import atexit

        from weasyprint.text.fonts import FontConfiguration

        _FONTS = FontConfiguration()
        # Let it remove its folder of fonts while the interpreter can still run its clean-up.
        atexit.register(_forget_fonts)
    return _FONTS


def _forget_fonts() -> None:
    global _FONTS
    _FONTS = None
    _STYLESHEETS.clear()


def _stylesheet(css: str, problems: list[str]):
    if css not in _STYLESHEETS:
        import weasyprint

        before = len(problems)
        sheet = weasyprint.CSS(string=css, url_fetcher=ConfinedFetcher("", [FONTS_DIR]), font_config=_fonts())
        if len(problems) > before:
            return sheet  # reported as an error by the caller; never kept
        _STYLESHEETS[css] = sheet
    return _STYLESHEETS[css]


def unfit_units(document) -> list[str]:
    """The `data-keep` values of the elements laid out over more than one page or past a page's
    content box, in document order; or ["page"] when something else runs past it."""
    found: dict[str, set[int]] = {}
    unfit: list[str] = []
    slack = 0.5  # CSS px: rounding

    def walk(box, unit: str | None, page: int, right: float, bottom: float) -> None:
        element = getattr(box, "element", None)
        if element is not None and element.get("data-keep") and unit is None:
            unit = element.get("data-keep")
            found.setdefault(unit, set()).add(page)
        if box.position_x + box.margin_width() > right + slack or box.position_y + box.margin_height() > bottom + slack:
            key = unit or "page"
            if key not in unfit:
                unfit.append(key)
        for child in getattr(box, "children", ()):
            walk(child, unit, page, right, bottom)

    for number, page in enumerate(document.pages):
        page_box = page._page_box
        right = page_box.content_box_x() + page_box.width
        bottom = page_box.content_box_y() + page_box.height
        for child in page_box.children:
            if type(child).__name__.endswith("MarginBox"):
                continue
            walk(child, None, number, right, bottom)
    split = [unit for unit, pages in found.items() if len(pages) > 1 and unit not in unfit]
    units = [unit for unit in unfit + split if unit != "page"]
    # A part too tall for its page also pushes the boxes around it past the edge: name the part only.
    return units or unfit


def _tag_languages() -> None:
    """Carry `lang` attributes into the PDF structure tree as /Lang, so that a screen reader
    reads Sanskrit names as Sanskrit: PDF/UA asks for every change of language to be marked,
    and WeasyPrint 70 marks only the document's language."""
    import pydyf
    from weasyprint.pdf import tags

    if getattr(tags._build_box_tree, "posebook_lang", False):
        return
    original = tags._build_box_tree

    def build_box_tree(box, parent, pdf, *args):
        element_tag = None if box.element is None else box.element_tag
        lang = box.element.get("lang") if element_tag not in (None, "html", "body") else None
        for element in original(box, parent, pdf, *args):
            if lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            yield element

    build_box_tree.posebook_lang = True
    tags._build_box_tree = build_box_tree


def _metadata(metadata, info: PdfInfo):
    """WeasyPrint's document metadata, with the source credit in the XMP packet."""
    from weasyprint.document import DocumentMetadata

    credit = info.credit

    class Metadata(DocumentMetadata):
        def generate_rdf_metadata(self, variant, version, conformance):
            data = super().generate_rdf_metadata(variant, version, conformance)
            if not credit:
                return data
            rdf_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
            dc_ns = "http://purl.org/dc/elements/1.1/"
            ET.register_namespace("rdf", rdf_ns)
            ET.register_namespace("dc", dc_ns)
            root = ET.fromstring(data)
            description = ET.SubElement(root, f"{{{rdf_ns}}}Description", {f"{{{rdf_ns}}}about": ""})
            source = ET.SubElement(ET.SubElement(description, f"{{{dc_ns}}}source"), f"{{{rdf_ns}}}Alt")
            ET.SubElement(source, f"{{{rdf_ns}}}li", {"xml:lang": "x-default"}).text = credit
            return ET.tostring(root, encoding="utf-8")

    new = Metadata()
    new.__dict__.update(metadata.__dict__)
    new.title = info.title
    new.description = info.description
    new.authors = ["posebook"]
    new.keywords = list(info.keywords)
    new.created = new.modified = None
    return new


@contextmanager
def _only_own_fonts():
    """Fontconfig sees only the package's fonts while a printable renders (its configuration file is read when
    WeasyPrint sets up the fonts of a document): the machine's fonts never stand in for a missing character,
    so a printable does not depend on the machine that made it."""
    previous = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(FONTS_DIR / "fonts.conf")
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("FONTCONFIG_FILE", None)
        else:
            os.environ["FONTCONFIG_FILE"] = previous


@contextmanager
def _warnings_as_errors():
    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problems.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    loggers = [logging.getLogger("weasyprint"), logging.getLogger("fontTools")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield problems
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def ConfinedFetcher(site_url: str, roots: list[Path]):  # noqa: N802 - builds an instance of a class made on first use
    """A WeasyPrint URL fetcher that serves data: URLs, files under the given folders, and site_url
    links mapped to the first folder. Anything else, http(s) and other files included, stops the
    render. The class is made on first use so that importing posebook does not import WeasyPrint."""
    global _ConfinedFetcher
    if _ConfinedFetcher is None:
        _ConfinedFetcher = _make_fetcher_class()
    return _ConfinedFetcher(site_url, roots)


_ConfinedFetcher = None


def _make_fetcher_class():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):
        def __init__(self, site_url: str, roots: list[Path]):
            super().__init__(allow_redirects=False, fail_on_errors=True)
            self.site_url = site_url.rstrip("/") + "/" if site_url else ""
            self.roots = [Path(r).resolve() for r in roots]

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = None
            if url.startswith("file:"):
                path = Path(unquote(urlparse(url).path))
            elif self.site_url and url.startswith(self.site_url):
                relative = unquote(urlparse(url).path)[len(urlparse(self.site_url).path) :]
                path = (self.roots[0] / relative) if self.roots else None
            if path is not None:
                resolved = path.resolve()
                if resolved.is_file() and any(resolved.is_relative_to(r) for r in self.roots):
                    return URLFetcherResponse(url, resolved.read_bytes(), {"Content-Type": _mime(resolved)})
            raise FatalURLFetchingError(f"a printable may only use its own files and data: URLs; refused {url}")

    return Fetcher


def _mime(path: Path) -> str:
    return {
        ".ttf": "font/ttf",
        ".otf": "font/otf",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
    }.get(path.suffix.lower(), "application/octet-stream")
