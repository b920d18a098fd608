"""The teacher's class card of a sequence, made to be read from the mat: the front is the practice in
class order, a grid cell per step (number, pose name, figure at one scale for the whole card, tick
boxes for the sides, the dose, the cue and the step's stop signs); the back is the full "who should
skip or modify" panel, each caution once with its steps, the props checklist, the health note and
the credit. Typed data made from the sequence's view, through a small template and its own CSS."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DISCLAIMER, Pose, Sequence
from ..settings import Settings
from ..site.markdown import minutes_text
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
    environment,
    page_url,
    qr_data_uri,
    step_ranges,
    tick_sides,
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
    where: str  # "Steps 3, 5", "Whole class"


@dataclass(frozen=True)
class Card:
    sequence: Sequence
    paper: str
    steps: tuple[CardStep, ...]
    scale: Scale
    cautions: tuple[CautionGroup, ...]
    props: tuple[PropLine, ...]
    duration: str
    breath: tuple[str, str]
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
    low, high = settings.breath_seconds
    return Card(
        sequence=sequence,
        paper=paper,
        steps=tuple(_step(step, scale, settings) for step in view.steps),
        scale=scale,
        cautions=caution_groups(view),
        props=tuple(_prop_line(item) for item in view.checklist),
        duration=minutes_text(view.seconds),
        breath=(f"{low:g}", f"{high:g}"),
        disclaimer=DISCLAIMER,
        credit=credit(sequence),
        page_url=url,
        qr=qr_data_uri(url),
    )


def _step(step: StepView, scale: Scale, settings: Settings) -> CardStep:
    ticks = tick_sides(step.step.sides)
    stops = tuple(dict.fromkeys(c.card_text for c in step.cautions if c.action == "stop"))
    others = {(c.action, c.card_text) for c in step.cautions if c.action != "stop"}
    picture = scale.picture(step.figures[0]) if step.figures else None
    beside = picture is not None and picture.width_mm <= NARROW_MM
    return CardStep(
        number=step.number,
        pose=step.pose,
        url=page_url(settings.site_url, step.pose.src_path),
        ticks=ticks,
        dose=dose(step.parts, main_sides_shown=bool(ticks)),
        cue=step.step.cue,
        stops=stops,
        more=len(others),
        picture=picture,
        notes_beside=beside,
        column_mm=picture.width_mm if beside and picture else scale.column_mm if picture else 0.0,
    )


def _prop_line(item: ChecklistItem) -> PropLine:
    numbers = [place.number for place in item.uses if place.number is not None]
    whole = any(place.number is None for place in item.uses)
    return PropLine(item, "Whole class" if whole or not numbers else step_ranges(numbers))


def card_html(view: SequenceView, paper: str, settings: Settings) -> str:
    """The card as HTML: everything the PDF shows, from the structured data only."""
    return environment().get_template("card.html.j2").render(card=card(view, paper, settings))


def card_info(sequence: Sequence) -> PdfInfo:
    return PdfInfo(
        title=f"{sequence.title}: class card",
        description=" ".join(sequence.summary.split()),
        keywords=("yoga", "class card", sequence.title),
        credit=credit(sequence),
    )
