"""The printable class card of a sequence: typed card data made from the sequence's view, through
a small Jinja2 template and its own print CSS (shipped in this package), rendered into a tagged
PDF/UA-1, cached by a hash of everything that goes into it."""

from __future__ import annotations

import base64
import functools
import os
from dataclasses import dataclass

import jinja2

from ..model import ACTION_LABELS, DISCLAIMER, Caution, Pose, Sequence
from ..problems import ContentError, Problem
from ..settings import CONFIG_FILE, Settings
from ..site.markdown import minutes_text
from ..views import ChecklistItem, SequenceView, StepView
from .cache import CSS_DIR, FONTS_DIR, TEMPLATES_DIR, cached, keep, printable_key
from .pdf import PdfInfo, RenderError, html_to_pdf

PAPERS = {"a4": "A4", "letter": "letter"}  # paper -> CSS page size
PAPER_LABELS = {"a4": "A4", "letter": "Letter"}
CARDS_DIR = "cards"
# Pinned in the package (SIL Open Font License), so every machine makes the same card.
FONT_FILES = {
    "regular": "NotoSans-SemiCondensed.ttf",
    "bold": "NotoSans-SemiCondensedBold.ttf",
    "italic": "NotoSans-SemiCondensedItalic.ttf",
    "bold_italic": "NotoSans-SemiCondensedBoldItalic.ttf",
    "symbols": "NotoSansSymbols2-Regular.ttf",
}
THUMB_BOX_MM = (17.0, 11.0)  # the largest a step's figure is drawn on the card: width, height


# --- what the card shows ------------------------------------------------------------------


@dataclass(frozen=True)
class CardPhase:
    kind: str
    amount: str
    optional: bool


@dataclass(frozen=True)
class CardPart:
    label: str
    repetitions: str
    phases: tuple[CardPhase, ...]


@dataclass(frozen=True)
class Thumbnail:
    uri: str  # a data: URL of the SVG
    alt: str
    width: str  # CSS lengths
    height: str


@dataclass(frozen=True)
class CardStep:
    number: int
    pose: Pose
    tick_sides: tuple[str, ...]
    url: str
    parts: tuple[CardPart, ...]
    cue: str | None
    cautions: tuple[Caution, ...]
    caution_words: str
    caution_refs: str
    figure: Thumbnail | None


@dataclass(frozen=True)
class PanelLine:
    ref: str
    text: str


@dataclass(frozen=True)
class PanelGroup:
    action: str
    entries: tuple[PanelLine, ...]


@dataclass(frozen=True)
class Card:
    sequence: Sequence
    paper: str
    steps: tuple[CardStep, ...]
    panel: tuple[PanelGroup, ...]
    props: tuple[ChecklistItem, ...]
    duration: str
    breath_low: str
    breath_high: str
    disclaimer: str
    credit: str
    page_url: str
    qr: str


@dataclass(frozen=True)
class CardFile:
    """A rendered card, as a file of the site."""

    sequence: str  # slug
    paper: str
    rel: str  # where it goes in the site, e.g. cards/iliopsoas-release-a4.pdf
    pdf: bytes
    from_cache: bool


def card_filename(sequence: Sequence, paper: str) -> str:
    return f"{sequence.slug}-{paper}.pdf"


def page_url(site_url: str, sequence: Sequence) -> str:
    return site_url.rstrip("/") + "/" + sequence.src_path.removesuffix(".md").removesuffix("/index") + "/"


def card(view: SequenceView, paper: str, settings: Settings) -> Card:
    """What the card of a sequence shows, from its view."""
    sequence = view.sequence
    # The panel groups every caution by what to do, most serious first; refs point back to steps.
    refs: dict[int, list[str]] = {}
    groups: dict[str, list[PanelLine]] = {}
    for entry in view.panel:
        if entry.step is None:
            ref = "All"
        else:
            mine = refs.setdefault(entry.step.number, [])
            ref = f"{entry.step.number}{_letter(len(mine))}"
            mine.append(ref)
        groups.setdefault(entry.caution.action, []).append(PanelLine(ref, entry.caution.card_text))
    panel = tuple(
        PanelGroup(ACTION_LABELS[action], tuple(groups[action]))
        for action in ("stop", "see-a-professional", "skip", "modify", "take-care")
        if action in groups
    )
    url = page_url(settings.site_url, sequence)
    low, high = settings.breath_seconds
    return Card(
        sequence=sequence,
        paper=paper,
        steps=tuple(_step(step, refs.get(step.number, []), settings) for step in view.steps),
        panel=panel,
        props=view.checklist,
        duration=minutes_text(view.seconds),
        breath_low=f"{low:g}",
        breath_high=f"{high:g}",
        disclaimer=DISCLAIMER,
        credit=sequence.source.credit() if sequence.source else "",
        page_url=url,
        qr=_qr_data_uri(url),
    )


def _step(step: StepView, refs: list[str], settings: Settings) -> CardStep:
    actions = list(dict.fromkeys(ACTION_LABELS[c.action].lower() for c in step.cautions))
    return CardStep(
        number=step.number,
        pose=step.pose,
        tick_sides=_tick_sides(step.step.sides),
        url=settings.site_url.rstrip("/") + "/" + step.pose.src_path.removesuffix(".md") + "/",
        parts=tuple(_part(part) for part in step.parts),
        cue=step.step.cue,
        cautions=step.cautions,
        caution_words=", ".join(actions),
        caution_refs=refs[0] if len(refs) == 1 else f"{refs[0]}–{refs[-1]}" if refs else "",
        figure=_thumbnail(step),
    )


def _thumbnail(step: StepView) -> Thumbnail | None:
    """The step's first figure, on the side it starts with, as a vector image that fits the box."""
    if not step.figures:
        return None
    drawing = step.figures[0]
    scale = min(THUMB_BOX_MM[0] / drawing.width, THUMB_BOX_MM[1] / drawing.height)
    data = base64.b64encode(drawing.svg.encode("utf-8")).decode("ascii")
    return Thumbnail(
        f"data:image/svg+xml;base64,{data}",
        drawing.alt,
        f"{drawing.width * scale:.2f}mm",
        f"{drawing.height * scale:.2f}mm",
    )


def _letter(i: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[i] if i < 26 else f"-{i + 1}"


def _tick_sides(sides: str | None) -> tuple[str, ...]:
    return {
        "right-first": ("Right", "Left"),
        "left-first": ("Left", "Right"),
        "right": ("Right",),
        "left": ("Left",),
    }.get(sides or "none", ())


def _part(part) -> CardPart:
    label = part.name or ""
    if part.optional:
        label = f"{label} (optional)" if label else "Optional"
    side = {
        "right-first": "right side first",
        "left-first": "left side first",
        "both": "both sides together",
        "right": "right side only",
        "left": "left side only",
    }.get(part.sides, "")
    if side:
        label = f"{label}, {side}" if label else side.capitalize()
    return CardPart(
        label,
        str(part.repetitions) if part.repetitions else "",
        tuple(CardPhase(p.kind, p.amount.text, p.optional) for p in part.phases),
    )


def _qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=0, dark="#000", light=None)


# --- HTML and PDF ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES_DIR), str(CSS_DIR)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["squash"] = lambda text: " ".join(str(text).split())
    return env


def font_uris() -> dict[str, str]:
    """The card's fonts: Noto Sans SemiCondensed (full IAST coverage) and Noto Sans Symbols 2."""
    found = {}
    for key, name in FONT_FILES.items():
        path = FONTS_DIR / name
        if not path.is_file():
            raise ContentError([Problem(path.as_posix(), 1, 1, "", "this card font is missing; reinstall posebook")])
        found[key] = path.as_uri()
    return found


def card_html(view: SequenceView, paper: str, settings: Settings) -> str:
    """The card as HTML: everything the PDF shows, from the structured data only."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper '{paper}': use a4 or letter")
    env = _environment()
    css = env.get_template("card.css").render(fonts=font_uris(), page_size=PAPERS[paper])
    data = card(view, paper, settings)
    return env.get_template("card.html.j2").render(css=css, **{f: getattr(data, f) for f in data.__dataclass_fields__})


def card_info(sequence: Sequence) -> PdfInfo:
    return PdfInfo(
        title=f"{sequence.title}: class card",
        description=" ".join(sequence.summary.split()),
        keywords=("yoga", "class card", sequence.title),
        credit=sequence.source.credit() if sequence.source else "",
    )


def render_card(view: SequenceView, paper: str, settings: Settings, use_cache: bool = True) -> tuple[bytes, bool]:
    """The card's PDF bytes, and whether they came from the cache."""
    html = card_html(view, paper, settings)
    folder = settings.cache_dir / "cards" if use_cache else None
    key = printable_key(html)
    pdf = cached(folder, key)
    if pdf is not None:
        return pdf, True
    pdf = _render(html, view.sequence, settings)
    keep(folder, key, pdf)
    return pdf, False


def _render(html: str, sequence: Sequence, settings: Settings) -> bytes:
    return _render_one(
        (
            html,
            card_info(sequence),
            settings.site_url,
            settings.display(settings.docs_dir / sequence.src_path),
            sequence.title,
        )
    )


def _render_one(job: tuple[str, PdfInfo, str, str, str]) -> bytes:
    html, info, site_url, shown, title = job
    try:
        return html_to_pdf(html, info, site_url)
    except RenderError as err:
        raise ContentError([Problem(shown, 1, 1, "", f"the card of '{title}' could not be made: {err}")]) from None


def build_cards(
    views: dict[str, SequenceView] | object,
    settings: Settings,
    papers: tuple[str, ...] = ("a4", "letter"),
    only: set[tuple[str, str]] | None = None,
    workers: int | None = None,
) -> list[CardFile]:
    """Every card of every sequence (or those in `only`, as (slug, paper)). Cached cards are read
    back; the rest are rendered, in parallel over the available cores when there is more than one."""
    if not settings.site_url:
        raise ContentError(
            [
                Problem(
                    _config_path(settings),
                    1,
                    1,
                    "site_url",
                    f"set site_url in {CONFIG_FILE}: the card's QR code and links point at the site",
                )
            ]
        )
    folder = settings.cache_dir / "cards"
    jobs = []
    for slug, view in views.items():  # type: ignore[attr-defined]
        for paper in papers:
            if only is not None and (slug, paper) not in only:
                continue
            html = card_html(view, paper, settings)
            jobs.append((slug, paper, view.sequence, html, printable_key(html)))
    found = {(slug, paper): cached(folder, key) for slug, paper, _, _, key in jobs}
    to_render = [job for job in jobs if found[(job[0], job[1])] is None]
    rendered = _render_many([(sequence, html) for _, _, sequence, html, _ in to_render], settings, workers)
    for (slug, paper, _, _, key), pdf in zip(to_render, rendered):
        keep(folder, key, pdf)
        found[(slug, paper)] = pdf
    fresh = {(slug, paper) for slug, paper, *_ in to_render}
    return [
        CardFile(
            slug,
            paper,
            f"{CARDS_DIR}/{card_filename(sequence, paper)}",
            found[(slug, paper)],
            (slug, paper) not in fresh,
        )
        for slug, paper, sequence, _, _ in jobs
    ]


def _config_path(settings: Settings) -> str:
    return settings.display(settings.project / CONFIG_FILE)


def _render_many(items: list[tuple[Sequence, str]], settings: Settings, workers: int | None) -> list[bytes]:
    if len(items) <= 1 or (workers or os.cpu_count() or 1) <= 1:
        return [_render(html, sequence, settings) for sequence, html in items]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = min(len(items), workers or os.cpu_count() or 1)
    # Not plain fork: `mkdocs serve` runs threads, and a process forked while another thread
    # holds a lock can hang. The fork server is started clean, without those threads.
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        return list(
            pool.map(
                _render_one,
                [
                    (
                        html,
                        card_info(sequence),
                        settings.site_url,
                        settings.display(settings.docs_dir / sequence.src_path),
                        sequence.title,
                    )
                    for sequence, html in items
                ],
            )
        )
