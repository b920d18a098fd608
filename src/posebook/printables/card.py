"""The teacher's class card of a sequence, made to be read from the mat: the front is the practice in
class order, a grid cell per step (number, pose name, figure at one scale for the whole card, tick
boxes for the sides, the dose, the cue and the step's stop signs); the back is the full "who should
skip or modify" panel, each caution once with its steps, the props checklist, the health note and
the credit. Typed data made from the sequence's view, through a small template and its own CSS."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Language, language
from ..model import DISCLAIMER, Pose, Sequence
from ..settings import Settings
from ..views import ChecklistItem, SequenceView, StepView
from .common import (
    CautionGroup,
    DosePart,
    Picture,
    Scale,
    caution_groups,
    common_scale,
    credit,
    dose,
    page_url,
    pdf_info,
    qr_data_uri,
    render_html,
    text_width_mm,
    tick_sides,
    where,
)
from .pdf import PdfInfo

# One scale for the card: the widest figure at most this wide, the tallest at most this tall, and a
# body lying long never less than 30 mm across. (Larger figures leave the dose too narrow a column.)
FIGURE_COLUMN_MM = 34.0
FIGURE_HEIGHT_MM = 30.0
LYING_MM = 30.0
# A figure at most this wide (standing, kneeling, seated) leaves room for the cue and stop signs
# beside it, in the dose's column; under a wider one (lying) they run across the cell.
NARROW_MM = 20.0
TICK_MM = 6.5  # a tick box and the space under it
TICK_LABEL_PT = 11.0


@dataclass(frozen=True)
class CardStep:
    number: int
    pose: Pose
    url: str
    ticks: tuple[str, ...]  # the sides to tick off, in class order
    dose: tuple[DosePart, ...]
    cue: str | None
    stops: tuple[str, ...]  # the step's stop signs, in words
    more: int  # how many of its other cautions the back lists
    picture: Picture | None
    notes_beside: bool  # the cue and stop signs go beside the figure, not under it
    column_mm: float  # the figure's column: the card's, or a narrow figure's own width

    @property
    def body_mm(self) -> float:
        """The least height of the row of figure, dose and tick boxes."""
        return max(self.picture.height_mm + 0.5 if self.picture else 0.0, TICK_MM * len(self.ticks))


@dataclass(frozen=True)
class PropLine:
    item: ChecklistItem
    where: str  # "Steps 3, 5", "Whole class", in the language


@dataclass(frozen=True)
class Card:
    sequence: Sequence
    language: str  # the site's language code, as the PDF and its hyphenation use it
    paper: str
    steps: tuple[CardStep, ...]
    scale: Scale
    ticks_mm: float  # the tick boxes' column: a box and the longest side's name beside it
    cautions: tuple[CautionGroup, ...]
    props: tuple[PropLine, ...]
    duration: str  # "about 23 minutes": the typical time, as the sequence page gives it
    span: str  # "15–34 minutes": from the shortest to the longest way through ("" for a class of a minute or two)
    breath: str  # "4–6"
    disclaimer: str
    credit: str
    page_url: str
    qr: str


def card(view: SequenceView, paper: str, settings: Settings) -> Card:
    """What the card of a sequence shows, from its view."""
    sequence = view.sequence
    shown = [step.figures[0] for step in view.steps if step.figures]
    scale = common_scale(shown, FIGURE_COLUMN_MM, FIGURE_HEIGHT_MM, LYING_MM)
    url = page_url(settings.site_url, sequence.src_path)
    words = language(settings.language)
    steps = tuple(_step(step, scale, settings, words) for step in view.steps)
    return Card(
        sequence=sequence,
        language=settings.language,
        paper=paper,
        steps=steps,
        scale=scale,
        ticks_mm=round(6.5 + max((text_width_mm(t, TICK_LABEL_PT) for s in steps for t in s.ticks), default=0.0), 2),
        cautions=caution_groups(view, words),
        props=tuple(_prop_line(item, words) for item in view.checklist),
        duration=words.about(view.typical),
        span=words.minutes_span(view.seconds) if view.seconds[1] >= 120 else "",
        breath=words.range(*settings.breath_seconds),
        disclaimer=words.gettext(DISCLAIMER),
        credit=credit(sequence, words),
        page_url=url,
        qr=qr_data_uri(url),
    )


def _step(step: StepView, scale: Scale, settings: Settings, words: Language) -> CardStep:
    ticks = tick_sides(step.step.sides, words)
    stops = tuple(dict.fromkeys(c.card_text for c in step.cautions if c.action == "stop"))
    others = {(c.action, c.card_text) for c in step.cautions if c.action != "stop"}
    picture = scale.picture(step.figures[0]) if step.figures else None
    beside = picture is not None and picture.width_mm <= NARROW_MM
    return CardStep(
        number=step.number,
        pose=step.pose,
        url=page_url(settings.site_url, step.pose.src_path),
        ticks=ticks,
        dose=dose(step.parts, main_sides_shown=bool(ticks), words=words),
        cue=step.step.cue,
        stops=stops,
        more=len(others),
        picture=picture,
        notes_beside=beside,
        column_mm=picture.width_mm if beside and picture else scale.column_mm if picture else 0.0,
    )


def _prop_line(item: ChecklistItem, words: Language) -> PropLine:
    numbers = [place.number for place in item.uses if place.number is not None]
    whole = any(place.number is None for place in item.uses)
    return PropLine(item, where([] if whole else numbers, words))


def card_html(view: SequenceView, paper: str, settings: Settings) -> str:
    """The card as HTML: everything the PDF shows, from the structured data only."""
    return render_html("card.html.j2", settings.language, card=card(view, paper, settings))


def card_info(sequence: Sequence, words: Language) -> PdfInfo:
    title = words.gettext("%(title)s: class card") % {"title": sequence.title}
    return pdf_info(sequence, words, title, words.gettext("class card"))
