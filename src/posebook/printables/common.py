"""What the class card and the take-home sheet share: papers and fonts, figures drawn at one scale
per printable, a step's dose in words, the cautions of a sequence with the steps each applies to,
the QR code, and the template environment."""

from __future__ import annotations

import base64
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from ..figure import Drawing
from ..i18n import Language, language
from ..model import ACTION_LABELS, SIDE_LABELS, Caution, Sequence
from ..model.fields import Count
from ..model.words import N_, NP_
from ..model.words import credit as source_credit
from ..problems import ContentError, Problem
from ..views import ACTION_ORDER, PartView, SequenceView
from .cache import CSS_DIR, FONTS_DIR, TEMPLATES_DIR
from .pdf import PdfInfo

PAPERS = {"a4": "A4", "letter": "letter"}  # paper -> CSS page size
PAPER_LABELS = {"a4": N_("A4"), "letter": N_("Letter")}
# A phase as a dose line says it, in lower case: "contract 3 breaths".
PHASE_WORDS = {
    "contract": NP_("dose", "contract"),
    "relax": NP_("dose", "relax"),
    "stretch": NP_("dose", "stretch"),
    "hold": NP_("dose", "hold"),
    "rest": NP_("dose", "rest"),
}
# Pinned in the package (SIL Open Font License), so every machine makes the same printables.
FONT_FILES = {
    "regular": "NotoSans-SemiCondensed.ttf",
    "bold": "NotoSans-SemiCondensedBold.ttf",
    "italic": "NotoSans-SemiCondensedItalic.ttf",
    "bold_italic": "NotoSans-SemiCondensedBoldItalic.ttf",
    "symbols": "NotoSansSymbols2-Regular.ttf",
}
# A body lying long is about 180 cm of figure canvas: this is the smallest scale (mm of paper per cm
# of canvas) at which it is still 30 mm across, large enough to see its shape from standing height.
LYING_CM = 180.0


# --- figures at one scale --------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    """A figure as a printable draws it: a vector image, its alt text and its size on paper."""

    uri: str  # a data: URL of the SVG
    alt: str
    width_mm: float
    height_mm: float

    @property
    def style(self) -> str:
        return f"width: {self.width_mm:.2f}mm; height: {self.height_mm:.2f}mm"


@dataclass(frozen=True)
class Scale:
    """One scale for every figure of a printable, so a standing and a lying figure keep their true sizes."""

    mm_per_cm: float
    column_mm: float  # the width of the figure column: the widest figure at this scale

    def picture(self, drawing: Drawing) -> Picture:
        data = base64.b64encode(drawing.svg.encode("utf-8")).decode("ascii")
        return Picture(
            f"data:image/svg+xml;base64,{data}",
            drawing.alt,
            round(drawing.width * self.mm_per_cm, 2),
            round(drawing.height * self.mm_per_cm, 2),
        )


def common_scale(drawings: Iterable[Drawing], column_mm: float, height_mm: float, lying_mm: float) -> Scale:
    """The largest scale at which every figure fits a column `column_mm` wide and `height_mm` tall,
    but never below the one at which a body lying long is `lying_mm` across."""
    drawings = list(drawings)
    widest = max((d.width for d in drawings), default=LYING_CM)
    tallest = max((d.height for d in drawings), default=0.0)
    fit = min(column_mm / max(widest, 1.0), height_mm / max(tallest, 1.0))
    scale = max(fit, lying_mm / LYING_CM)
    return Scale(scale, max(widest * scale, lying_mm))


# --- a step's dose ------------------------------------------------------------------------------


def paper_label(paper: str, words: Language) -> str:
    """'A4', 'Letter' in the language."""
    return words.gettext(PAPER_LABELS[paper])


@dataclass(frozen=True)
class DosePhase:
    kind: str  # contract, relax, stretch, hold, rest
    word: str  # the kind as a dose line says it, in the language: "contract"
    amount: str  # "3 breaths"
    optional: bool
    instead: bool  # done in place of the phase before it
    cue: str | None


@dataclass(frozen=True)
class DosePart:
    """One part of a step's dose: its phases in order, named when it is not the step's main part."""

    label: str  # "" for the main part done on the sides the tick boxes show
    phases: tuple[DosePhase, ...]
    repetitions: Count | None  # None when done once


def dose(parts: Iterable[PartView], main_sides_shown: bool, words: Language) -> tuple[DosePart, ...]:
    """A step's parts in words. The main part is unnamed when the tick boxes already say its sides."""
    out = []
    for part in parts:
        said = [part.name] if part.name else []
        if part.optional:
            said.append(words.gettext("optional"))
        side = SIDE_LABELS.get(part.sides, "")
        if side and not (part.name is None and main_sides_shown):
            said.append(words.gettext(side))
        label = ", ".join(said)
        out.append(
            DosePart(
                label[:1].upper() + label[1:],
                tuple(
                    DosePhase(
                        p.kind,
                        words.pgettext("dose", PHASE_WORDS[p.kind]),
                        p.amount.text,
                        p.optional,
                        p.instead,
                        p.cue,
                    )
                    for p in part.phases
                ),
                part.repetitions if part.repetitions and (part.repetitions.high or part.repetitions.low > 1) else None,
            )
        )
    return tuple(out)


TICKS = {"right": N_("Right"), "left": N_("Left")}


def tick_sides(sides: str | None, words: Language) -> tuple[str, ...]:
    """The sides a teacher ticks off, in the order the class does them."""
    order = {"right-first": ("right", "left"), "left-first": ("left", "right"), "right": ("right",), "left": ("left",)}
    return tuple(words.gettext(TICKS[side]) for side in order.get(sides or "none", ()))


@functools.lru_cache(maxsize=8)
def _advances(font: str) -> tuple[dict[str, str], dict[str, int], int]:
    from fontTools.ttLib import TTFont

    with TTFont(FONTS_DIR / FONT_FILES[font], lazy=True) as ttf:
        return (
            dict(ttf.getBestCmap()),
            {name: width for name, (width, _) in ttf["hmtx"].metrics.items()},
            ttf["head"].unitsPerEm,
        )


def text_width_mm(text: str, size_pt: float, font: str = "regular") -> float:
    """How wide a line of text is set in one of the printables' fonts (no kerning: a little generous)."""
    cmap, widths, units = _advances(font)
    missing = widths.get(".notdef", units // 2)
    total = sum(widths.get(cmap.get(ord(c), ""), missing) for c in text)
    return total / units * size_pt * 25.4 / 72


# --- cautions, each once ------------------------------------------------------------------------


@dataclass(frozen=True)
class CautionLine:
    """A caution of the sequence, once, with every step it applies to (none: the whole class)."""

    caution: Caution
    steps: tuple[int, ...]
    where: str  # "Steps 5, 6", "Whole class", in the language


@dataclass(frozen=True)
class CautionGroup:
    action: str  # stop, see-a-professional …
    label: str  # "Stop"
    lines: tuple[CautionLine, ...]


def caution_groups(view: SequenceView, words: Language, wording=lambda c: c.card_text) -> tuple[CautionGroup, ...]:
    """The sequence's cautions grouped by what to do, stop first; a caution worded the same way on
    several steps is one line with all of them."""
    found: dict[tuple[str, str], tuple[Caution, list[int]]] = {}
    for entry in view.panel:
        key = (entry.caution.action, " ".join(wording(entry.caution).split()))
        caution, steps = found.setdefault(key, (entry.caution, []))
        if entry.step is not None and entry.step.number not in steps:
            steps.append(entry.step.number)
    groups = []
    for action in ACTION_ORDER:
        lines = [
            CautionLine(c, tuple(steps), where(steps, words)) for (act, _), (c, steps) in found.items() if act == action
        ]
        # The whole class's first, then in class order.
        lines.sort(key=lambda line: line.steps[:1] or (0,))
        if lines:
            groups.append(CautionGroup(action, words.gettext(ACTION_LABELS[action]), tuple(lines)))
    return tuple(groups)


def where(numbers: Iterable[int], words: Language) -> str:
    """'Step 3', 'Steps 2, 4, 7–9', or 'Whole class' for none, in the language."""
    numbers = sorted(set(numbers))
    if not numbers:
        return words.gettext("Whole class")
    return words.ngettext("Step %(steps)s", "Steps %(steps)s", len(numbers)) % {"steps": step_ranges(numbers, words)}


def step_ranges(numbers: Iterable[int], words: Language) -> str:
    """'3', '2, 4, 7–9': runs of three or more steps as a range."""
    numbers = sorted(set(numbers))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(words.range(r[0], r[-1]) if len(r) > 2 else ", ".join(map(words.number, r)) for r in runs)


# --- links and the QR code ------------------------------------------------------------------------


def page_url(site_url: str, src_path: str) -> str:
    """The address of a page of the site, from its path under docs/."""
    return site_url.rstrip("/") + "/" + src_path.removesuffix(".md").removesuffix("/index") + "/"


def qr_data_uri(url: str) -> str:
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=0, dark="#000", light=None)


def credit(sequence: Sequence, words: Language) -> str:
    """The credit of the sequence's source, in the language; '' when it has none."""
    return source_credit(sequence.source, words) if sequence.source else ""


def pdf_info(sequence: Sequence, words: Language, title: str, kind: str) -> PdfInfo:
    """A printable's document metadata: its title and kind (in the language), the summary and the credit."""
    return PdfInfo(
        title=title,
        description=" ".join(sequence.summary.split()),
        keywords=("yoga", kind, sequence.title),
        credit=credit(sequence, words),
    )


def render_html(template: str, code: str, **data) -> str:
    """A printable's HTML from its template, in the language."""
    return environment(code).get_template(template).render(**data)


# --- templates and fonts --------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def environment(code: str = "en") -> jinja2.Environment:
    """The printables' templates in a language: `_`, `ngettext` and `pgettext` speak it."""
    words = language(code)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(TEMPLATES_DIR), str(CSS_DIR)]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        words.gettext, words.ngettext, newstyle=False, pgettext=words.pgettext, npgettext=words.npgettext
    )
    env.filters["squash"] = lambda text: " ".join(str(text).split())
    env.filters["number"] = words.number
    env.globals.update(
        language=words,
        either=lambda names: words.join(list(names), style="or"),
        steps_named=lambda numbers: where(numbers, words),
    )
    return env


def font_uris() -> dict[str, str]:
    """The printables' fonts: Noto Sans SemiCondensed (full IAST coverage) and Noto Sans Symbols 2."""
    found = {}
    for key, name in FONT_FILES.items():
        path = FONTS_DIR / name
        if not path.is_file():
            raise ContentError(
                [Problem(path.as_posix(), 1, 1, "", "this printable font is missing; reinstall posebook")]
            )
        found[key] = path.as_uri()
    return found


def stylesheet(name: str, paper: str, code: str = "en") -> str:
    """A printable's CSS for a paper size and language, with the pinned fonts."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper '{paper}': use a4 or letter")
    template = environment(code).get_template(name)
    return template.render(fonts=font_uris(), page_size=PAPERS[paper], page_of=page_of(language(code)))


def css_string(text: str) -> str:
    """Text as a CSS string: quoted, with quotes, backslashes and line ends escaped."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\\n\r' else c for c in text) + '"'


def page_of(words: Language) -> Markup:
    """'Page 1 of 2' as the CSS `content` of a page's margin box, in the language (safe CSS by
    construction: every piece of text is a CSS string)."""
    text = words.gettext("Page %(page)s of %(pages)s")
    parts = re.split(r"(%\((?:page|pages)\)s)", text)
    counters = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}
    return Markup(" ".join(counters.get(part) or css_string(part) for part in parts if part))
