"""The printable class card: a sequence's structured data through a small Jinja2 template and
its own print CSS, rendered by WeasyPrint into a tagged PDF/UA-1.

WeasyPrint fetches only through `ConfinedFetcher`: files under the library's own folders, the
card's fonts and `data:` URLs; anything else stops the render. Its warnings (a missing glyph, a
CSS error, a failed fetch) are errors too. Cards are cached by a hash of everything that goes
into them, so an unchanged card is never rendered twice."""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
import os
import tempfile
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import jinja2

from . import __version__, index
from .loader import Library
from .model import ACTION_LABELS, DISCLAIMER, Sequence

PDF_DIR = Path(__file__).resolve().parents[2] / "pdf"
PAPER = {"a4": "A4", "letter": "letter"}
PAPER_LABELS = {"a4": "A4", "letter": "Letter"}
# Pinned in the repository (SIL Open Font License), so every machine makes the same card.
FONT_FILES = {
    "regular": "NotoSans-SemiCondensed.ttf",
    "bold": "NotoSans-SemiCondensedBold.ttf",
    "italic": "NotoSans-SemiCondensedItalic.ttf",
    "bold_italic": "NotoSans-SemiCondensedBoldItalic.ttf",
    "symbols": "NotoSansSymbols2-Regular.ttf",
}


PANEL_ORDER = ("stop", "see-a-professional", "skip", "modify", "take-care")


class CardError(Exception):
    """A card could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class CardSettings:
    site_url: str
    breath_seconds: tuple[float, float] = index.DEFAULT_BREATH_SECONDS
    pdf_dir: Path = PDF_DIR
    cache_dir: Path | None = None


def card_filename(sequence: Sequence, paper: str) -> str:
    return f"{sequence.slug}-{paper}.pdf"


def page_url(settings: CardSettings, sequence: Sequence) -> str:
    return settings.site_url.rstrip("/") + "/" + sequence.src_path.removesuffix(".md").removesuffix("/index") + "/"


# --- fonts -------------------------------------------------------------------------------


def font_paths(pdf_dir: Path) -> dict[str, Path]:
    """The card's fonts: Noto Sans SemiCondensed (full IAST coverage) and Noto Sans Symbols 2."""
    found = {}
    for key, name in FONT_FILES.items():
        path = pdf_dir / "fonts" / name
        if not path.is_file():
            raise CardError(f"the card font {path} is missing; restore pdf/fonts/ from the repository")
        found[key] = path.resolve()
    return found


# --- HTML --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _environment(pdf_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(pdf_dir)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
    env.filters["squash"] = lambda text: " ".join(str(text).split())
    return env


def card_html(library: Library, sequence: Sequence, paper: str, settings: CardSettings) -> str:
    """The card as HTML: everything the PDF shows, from the structured data only."""
    if paper not in PAPER:
        raise CardError(f"unknown paper '{paper}': use a4 or letter")
    env = _environment(settings.pdf_dir)
    fonts = {key: path.as_uri() for key, path in font_paths(settings.pdf_dir).items()}
    css = env.get_template("card.css").render(fonts=fonts, page_size=PAPER[paper])

    steps = []
    # The panel groups every caution by what to do, most serious first; refs point back to steps.
    groups: dict[str, list[dict]] = {action: [] for action in PANEL_ORDER}
    for caution in sequence.cautions:
        groups[caution.action].append({"ref": "All", "text": caution.card_text})
    for number, step in enumerate(sequence.steps, start=1):
        pose = library.poses[step.pose]
        cautions = index.step_cautions(library, step)
        refs = [f"{number}{_letter(i)}" for i in range(len(cautions))]
        for ref, caution in zip(refs, cautions):
            groups[caution.action].append({"ref": ref, "text": caution.card_text})
        actions = list(dict.fromkeys(ACTION_LABELS[c.action].lower() for c in cautions))
        steps.append({
            "number": number,
            "pose": pose,
            "tick_sides": _tick_sides(step.sides),
            "url": settings.site_url.rstrip("/") + "/" + pose.src_path.removesuffix(".md") + "/",
            "parts": [_part(part) for part in index.parts(step)],
            "cue": step.cue,
            "cautions": cautions,
            "caution_words": ", ".join(actions),
            "caution_refs": refs[0] if len(refs) == 1 else f"{refs[0]}–{refs[-1]}" if refs else "",
            "figure": _thumbnail(library, step),
        })
    url = page_url(settings, sequence)
    low, high = settings.breath_seconds
    return env.get_template("card.html.j2").render(
        sequence=sequence, paper=paper, css=css, steps=steps,
        panel=[{"action": ACTION_LABELS[a], "entries": e} for a, e in groups.items() if e],
        props=index.props_checklist(library, sequence),
        duration=index.duration_text(index.sequence_seconds(sequence, settings.breath_seconds)),
        breath_low=f"{low:g}", breath_high=f"{high:g}", disclaimer=DISCLAIMER,
        credit=sequence.source.credit() if sequence.source else "", page_url=url, qr=_qr_data_uri(url),
    )


THUMB_BOX_MM = (17.0, 11.0)  # the largest a step's figure is drawn on the card: width, height


def _thumbnail(library: Library, step) -> dict | None:
    """The step's first figure, on the side it starts with, as a vector image that fits the box."""
    shown = index.step_figures(library, step)
    if not shown:
        return None
    drawing = shown[0]
    scale = min(THUMB_BOX_MM[0] / drawing.width, THUMB_BOX_MM[1] / drawing.height)
    data = base64.b64encode(drawing.svg.encode("utf-8")).decode("ascii")
    return {"uri": f"data:image/svg+xml;base64,{data}", "alt": drawing.alt,
            "width": f"{drawing.width * scale:.2f}mm", "height": f"{drawing.height * scale:.2f}mm"}


def _letter(i: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[i] if i < 26 else f"-{i + 1}"


def _tick_sides(sides: str | None) -> list[str]:
    return {"right-first": ["Right", "Left"], "left-first": ["Left", "Right"], "right": ["Right"],
            "left": ["Left"]}.get(sides or "none", [])


def _part(part) -> dict:
    label = "" if part.name in ("main", "each side") else part.name
    if part.optional:
        label = f"{label} (optional)" if label else "Optional"
    side = {"right-first": "right side first", "left-first": "left side first", "both": "both sides together",
            "right": "right side only", "left": "left side only"}.get(part.sides, "")
    if side:
        label = f"{label}, {side}" if label else side.capitalize()
    return {"label": label, "repetitions": str(part.repetitions) if part.repetitions else "",
            "phases": [{"kind": p.kind, "amount": p.amount.text, "optional": p.optional} for p in part.phases]}


def _qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=0, dark="#000", light=None)


# --- PDF ---------------------------------------------------------------------------------


def project_cache(project: Path) -> Path:
    """Where a project's cards are cached, by the hash of their inputs."""
    return project / ".cache" / "posebook" / "cards"


def _cache_path(html: str, settings: CardSettings) -> Path | None:
    return settings.cache_dir / f"{card_key(html, settings)}.pdf" if settings.cache_dir else None


def render_card(library: Library, sequence: Sequence, paper: str, settings: CardSettings) -> tuple[bytes, bool]:
    """The card's PDF bytes, and whether they came from the cache."""
    html = card_html(library, sequence, paper, settings)
    cached = _cache_path(html, settings)
    if cached is not None and cached.is_file():
        return cached.read_bytes(), True
    pdf = html_to_pdf(html, sequence, settings)
    if cached is not None:
        write_atomically(cached, pdf)
    return pdf, False


def card_key(html: str, settings: CardSettings) -> str:
    """A hash of every input of a card: its HTML (content, template, CSS), fonts and versions."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    # Versions from the package metadata: importing WeasyPrint takes a second, and a cache hit needs none of it.
    for part in (html, __version__, version("weasyprint"), version("pydyf")):
        digest.update(part.encode("utf-8") + b"\0")
    for path in font_paths(settings.pdf_dir).values():
        digest.update(_file_hash(path).encode() + b"\0")
    for name in ("card.css", "card.html.j2"):
        digest.update(_file_hash(settings.pdf_dir / name).encode() + b"\0")
    return digest.hexdigest()


_HASHES: dict[tuple[str, float, int], str] = {}


def _file_hash(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_mtime, stat.st_size)
    if key not in _HASHES:
        _HASHES[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _HASHES[key]


def html_to_pdf(html: str, sequence: Sequence, settings: CardSettings) -> bytes:
    import weasyprint

    _tag_languages()
    fetcher = ConfinedFetcher(site_url=settings.site_url, roots=[settings.pdf_dir])
    from weasyprint.urls import FatalURLFetchingError

    with _warnings_as_errors(sequence) as problems:
        try:
            document = weasyprint.HTML(string=html, base_url=settings.site_url or None, url_fetcher=fetcher).render(
                pdf_variant="pdf/ua-1")
        except FatalURLFetchingError as err:
            raise CardError(f"the card of '{sequence.title}' could not be made: {err.__cause__ or err}") from None
        if document.metadata.attachments:
            raise CardError(f"the card of '{sequence.title}' asks for attachments; a card never carries files")
        document.metadata = _card_metadata(document.metadata, sequence)
        pdf = document.write_pdf(pdf_variant="pdf/ua-1", attachments=[])
    if problems:
        raise CardError(f"the card of '{sequence.title}' could not be made cleanly:\n" + "\n".join(problems))
    return pdf


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


def _card_metadata(metadata, sequence: Sequence):
    """WeasyPrint's document metadata for the card, with the source credit in the XMP packet."""
    from weasyprint.document import DocumentMetadata

    credit = sequence.source.credit() if sequence.source else ""

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
    new.title = f"{sequence.title}: class card"
    new.description = " ".join(sequence.summary.split())
    new.authors = ["posebook"]
    new.keywords = ["yoga", "class card", sequence.title]
    new.created = new.modified = None
    return new


@contextmanager
def _warnings_as_errors(sequence: Sequence):
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


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old bytes or the new ones, never half of them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- the fetcher -------------------------------------------------------------------------


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
                relative = unquote(urlparse(url).path)[len(urlparse(self.site_url).path):]
                path = (self.roots[0] / relative) if self.roots else None
            if path is not None:
                resolved = path.resolve()
                if resolved.is_file() and any(resolved.is_relative_to(r) for r in self.roots):
                    return URLFetcherResponse(url, resolved.read_bytes(), {"Content-Type": _mime(resolved)})
            raise FatalURLFetchingError(f"the card may only use its own files and data: URLs; refused {url}")

    return Fetcher


def _mime(path: Path) -> str:
    return {".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2", ".woff": "font/woff", ".css": "text/css",
            ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(
        path.suffix.lower(), "application/octet-stream")


# --- every card of the library -------------------------------------------------------------

CARDS_DIR = "cards"


@dataclass(frozen=True)
class CardFile:
    sequence: str  # slug
    paper: str
    rel: str  # where it goes in the site, e.g. cards/iliopsoas-release-a4.pdf
    pdf: bytes
    from_cache: bool


def build_cards(library: Library, settings: CardSettings, papers: tuple[str, ...] = ("a4", "letter"),
                workers: int | None = None) -> list[CardFile]:
    """Every card of every sequence. Cached cards are read back; the rest are rendered, in
    parallel over the available cores when there is more than one to render."""
    if not settings.site_url:
        raise CardError("set site_url in mkdocs.yml: the card's QR code and links point at the site")
    jobs = []
    for slug, sequence in library.sequences.items():
        for paper in papers:
            html = card_html(library, sequence, paper, settings)
            jobs.append((slug, paper, html, _cache_path(html, settings)))
    to_render = [job for job in jobs if job[3] is None or not job[3].is_file()]
    rendered = _render_many([(library.sequences[slug], html) for slug, _, html, _ in to_render], settings, workers)
    out = []
    fresh = {(slug, paper): pdf for (slug, paper, _, _), pdf in zip(to_render, rendered)}
    for slug, paper, _html, cached in jobs:
        if (slug, paper) in fresh:
            pdf = fresh[(slug, paper)]
            if cached is not None:
                write_atomically(cached, pdf)
            from_cache = False
        else:
            pdf = cached.read_bytes()
            from_cache = True
        out.append(CardFile(slug, paper, f"{CARDS_DIR}/{card_filename(library.sequences[slug], paper)}", pdf, from_cache))
    return out


def _render_many(items: list[tuple[Sequence, str]], settings: CardSettings, workers: int | None) -> list[bytes]:
    if len(items) <= 1 or (workers or os.cpu_count() or 1) <= 1:
        return [html_to_pdf(html, sequence, settings) for sequence, html in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = min(len(items), workers or os.cpu_count() or 1)
    # Not plain fork: `mkdocs serve` runs threads, and a process forked while another thread
    # holds a lock can hang. The fork server is started clean, without those threads.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        return list(pool.map(_render_one, [(html, sequence, settings) for sequence, html in items]))


def _render_one(args: tuple[str, Sequence, CardSettings]) -> bytes:
    html, sequence, settings = args
    return html_to_pdf(html, sequence, settings)
