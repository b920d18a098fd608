"""Views derived from the library: "used in" backlinks, a sequence's props checklist and
cautions panel, step timelines, the figures a step shows and estimated durations. Plain data in, plain data out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .figure import Drawing, figures_for
from .loader import Library
from .model import SIDE_LABELS, Caution, Part, Phase, Pose, Prop, Sequence, Step

DEFAULT_BREATH_SECONDS = (4.0, 6.0)
SIDES_TWICE = ("right-first", "left-first")


@dataclass(frozen=True)
class StepRef:
    """A place where a pose is used: a sequence and the step's position in it (from 1)."""

    sequence: Sequence
    number: int
    step: Step

    @property
    def anchor(self) -> str:
        return step_anchor(self.sequence, self.number)


@dataclass
class ChecklistItem:
    prop: Prop
    quantity: int = 1
    optional: bool = True
    uses: list[tuple[str, str | None]] = field(default_factory=list)  # (where, how)
    instead: list[Prop] = field(default_factory=list)


@dataclass(frozen=True)
class PanelEntry:
    caution: Caution
    where: str  # "whole sequence" or the step's pose name
    step_number: int | None = None
    pose: Pose | None = None


def step_anchor(sequence: Sequence, number: int) -> str:
    """The HTML id of a step on its sequence page: step-3-supported-bridge-variations."""
    return f"step-{number}-{sequence.steps[number - 1].pose}"


def used_in(library: Library) -> dict[str, list[StepRef]]:
    """For each pose slug, every sequence step that uses it, in sequence then class order."""
    refs: dict[str, list[StepRef]] = {slug: [] for slug in library.poses}
    for sequence in library.sequences.values():
        for number, step in enumerate(sequence.steps, start=1):
            refs.setdefault(step.pose, []).append(StepRef(sequence, number, step))
    return refs


def props_checklist(library: Library, sequence: Sequence) -> list[ChecklistItem]:
    """Every prop the class needs, once, with the most any one pose needs at a time."""
    items: dict[str, ChecklistItem] = {}

    def add(use, where: str) -> None:
        item = items.setdefault(use.prop, ChecklistItem(library.props[use.prop]))
        item.quantity = max(item.quantity, use.quantity)
        item.optional = item.optional and use.optional
        item.uses.append((where, use.use))
        for slug in use.instead:
            if library.props[slug] not in item.instead:
                item.instead.append(library.props[slug])

    for use in sequence.props:
        add(use, "whole class")
    for number, step in enumerate(sequence.steps, start=1):
        for use in library.poses[step.pose].props:
            add(use, f"{number}. {library.poses[step.pose].name}")
    required = [i for i in items.values() if not i.optional]
    optional = [i for i in items.values() if i.optional]
    return required + optional


def cautions_panel(library: Library, sequence: Sequence) -> list[PanelEntry]:
    """Who should skip or modify: the sequence's cautions, then each step's, in class order."""
    entries = [PanelEntry(c, "whole sequence") for c in sequence.cautions]
    for number, step in enumerate(sequence.steps, start=1):
        pose = library.poses[step.pose]
        for caution in [*pose.cautions, *step.cautions]:
            entries.append(PanelEntry(caution, pose.name, number, pose))
    return entries


def step_cautions(library: Library, step: Step) -> list[Caution]:
    return [*library.poses[step.pose].cautions, *step.cautions]


def parts(step: Step) -> list[Part]:
    """A step as a list of parts: its main part (each side) and the parts that follow."""
    main = Part(name="each side" if step.sides in SIDES_TWICE else "main", sides=step.sides or "none",
                phases=step.phases, repetitions=step.repetitions, cue=None, optional=False)
    return [main, *step.then]


def phase_text(phase: Phase) -> str:
    text = f"{phase.kind} {phase.amount.text}"
    return f"({text}, optional)" if phase.optional else text


def timeline(phases: list[Phase]) -> str:
    """contract 3 breaths → relax 3 breaths"""
    return " → ".join(phase_text(p) for p in phases)


def first_side(sides: str | None) -> str | None:
    """The side a step starts on, for its figures: right, left, or None for no sides."""
    return {"right-first": "right", "right": "right", "left-first": "left", "left": "left"}.get(sides or "none")


def step_figures(library: Library, step: Step) -> list[Drawing]:
    """The figures a step shows: the positions it names (or all of them), on the side it starts with."""
    return figures_for(library.poses[step.pose], library.props, first_side(step.sides), step.figures)


def sides_text(sides: str | None) -> str:
    return SIDE_LABELS.get(sides or "none", "")


def part_seconds(part: Part, breath: tuple[float, float]) -> tuple[float, float]:
    low = high = 0.0
    for phase in part.phases:
        a, b = phase.amount.seconds(breath)
        if not phase.optional:
            low += a
        high += b
    reps = part.repetitions
    if reps is not None:
        low, high = low * reps.low, high * (reps.high or reps.low)
    if part.sides in SIDES_TWICE:
        low, high = low * 2, high * 2
    if part.optional:
        low = 0.0
    return low, high


def step_seconds(step: Step, breath: tuple[float, float] = DEFAULT_BREATH_SECONDS) -> tuple[float, float]:
    spans = [part_seconds(p, breath) for p in parts(step)]
    return sum(s[0] for s in spans), sum(s[1] for s in spans)


def sequence_seconds(sequence: Sequence, breath: tuple[float, float] = DEFAULT_BREATH_SECONDS) -> tuple[float, float]:
    spans = [step_seconds(s, breath) for s in sequence.steps]
    return sum(s[0] for s in spans), sum(s[1] for s in spans)


def duration_text(seconds: tuple[float, float]) -> str:
    """'about 25–40 minutes', rounded to whole minutes."""
    low = max(1, round(seconds[0] / 60))
    high = max(low, round(seconds[1] / 60))
    return f"about {low} minute{'s' if low != 1 else ''}" if low == high else f"about {low}–{high} minutes"
