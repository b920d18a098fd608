"""Everything derived from the library, computed once per build into frozen data: "used in"
backlinks, the poses and sequences that use each prop, each sequence's props checklist, cautions
panel, steps with their parts, times and figures, the muscles index and the cautions index.

Pages, cards and structured data only format these: two pages that show the same fact read it
from the same place here, so they cannot disagree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .figure import Drawing, drawings, figures_for
from .model import ACTIONS, Caution, Count, Library, Phase, Pose, Prop, PropUse, Sequence, Step, Term
from .settings import DEFAULT_BREATH_SECONDS

SIDES_TWICE = ("right-first", "left-first")
# The order a teacher reads cautions in: the most serious first.
ACTION_ORDER = ("stop", "see-a-professional", "skip", "modify", "take-care")
assert sorted(ACTION_ORDER) == sorted(ACTIONS)

Seconds = tuple[float, float]


@dataclass(frozen=True)
class PhaseView:
    """A phase of a step with its time: the shortest and longest it can take, and a typical time."""

    phase: Phase
    seconds: Seconds
    typical: float

    @property
    def kind(self) -> str:
        return self.phase.kind

    @property
    def amount(self):
        return self.phase.amount

    @property
    def cue(self) -> str | None:
        return self.phase.cue

    @property
    def optional(self) -> bool:
        return self.phase.optional

    @property
    def instead(self) -> bool:
        return self.phase.instead


@dataclass(frozen=True)
class PartView:
    """One part of a step: its main part (on each side, or once), or a part that follows it."""

    name: str | None  # None for the step's main part
    sides: str
    phases: tuple[PhaseView, ...]
    repetitions: Count | None
    optional: bool
    cue: str | None
    seconds: Seconds  # shortest and longest, all sides and repetitions included
    typical: float  # seconds, with a breath of the middle length, every amount at its middle, optional parts left out


@dataclass(frozen=True)
class StepView:
    """A step of a sequence with everything shown about it."""

    sequence: Sequence
    number: int
    step: Step
    pose: Pose
    parts: tuple[PartView, ...]
    cautions: tuple[Caution, ...]  # the pose's own, then the step's
    props: tuple[PropUse, ...]  # what this step uses: its own list, or the pose's less what it leaves out
    figures: tuple[Drawing, ...]  # on the side the step starts with
    seconds: Seconds
    typical: float
    previous: Pose | None
    next: Pose | None

    @property
    def anchor(self) -> str:
        return step_anchor(self.sequence, self.number)

    @property
    def first_side(self) -> str | None:
        return first_side(self.step.sides)


@dataclass(frozen=True)
class PropPlace:
    """Where a class uses a prop: the whole class, or a step's pose; and how, if the pose says."""

    number: int | None  # the step's number, None for the whole class
    pose: Pose | None
    how: str | None
    instead: tuple[Prop, ...] = ()  # what can stand in for the prop here


@dataclass(frozen=True)
class ChecklistItem:
    """A prop the class needs: how many at once, whether it is optional, where it is used and what
    can stand in for it."""

    prop: Prop
    quantity: int
    optional: bool
    uses: tuple[PropPlace, ...]
    instead: tuple[Prop, ...]  # every prop that stands in for it somewhere in the class

    @property
    def instead_everywhere(self) -> tuple[Prop, ...]:
        """The stand-ins that will do wherever the class uses the prop."""
        return tuple(p for p in self.instead if all(p in place.instead for place in self.uses))

    @property
    def instead_somewhere(self) -> tuple[tuple[tuple[int, ...], tuple[Prop, ...]], ...]:
        """The other stand-ins, with the steps where each will do: ((4,), (bolster, pillow)), …"""
        everywhere = self.instead_everywhere
        found: dict[tuple[str, ...], tuple[tuple[Prop, ...], list[int]]] = {}
        for place in self.uses:
            only = tuple(p for p in place.instead if p not in everywhere)
            if only and place.number is not None:
                found.setdefault(tuple(p.slug for p in only), (only, []))[1].append(place.number)
        return tuple((tuple(numbers), props) for props, numbers in found.values())


@dataclass(frozen=True)
class PanelEntry:
    """A caution in a sequence's "who should skip or modify" panel: the whole sequence's, or a step's."""

    caution: Caution
    step: StepView | None


@dataclass(frozen=True)
class SequenceView:
    sequence: Sequence
    steps: tuple[StepView, ...]
    checklist: tuple[ChecklistItem, ...]  # required props first
    panel: tuple[PanelEntry, ...]  # the sequence's cautions, then each step's, in class order
    seconds: Seconds
    typical: float

    @property
    def figure_strip(self) -> tuple[Drawing, ...]:
        """The sequence at a glance: the first figure of each step that has one."""
        return tuple(step.figures[0] for step in self.steps if step.figures)

    @property
    def panel_by_action(self) -> tuple[tuple[str, tuple[PanelEntry, ...]], ...]:
        """The panel grouped by what to do, most serious first."""
        groups = [(action, tuple(e for e in self.panel if e.caution.action == action)) for action in ACTION_ORDER]
        return tuple((action, entries) for action, entries in groups if entries)


@dataclass(frozen=True)
class PoseUse:
    """A pose that uses a prop, or that can use it in place of another."""

    pose: Pose
    use: PropUse
    instead_of: Prop | None  # the prop this one stands in for


@dataclass(frozen=True)
class PropView:
    prop: Prop
    uses: tuple[PoseUse, ...]
    sequences: tuple[Sequence, ...]  # every sequence whose checklist has it, or has it as a stand-in
    figure: Drawing | None  # a figure of a pose that uses it, with the prop drawn in place


@dataclass(frozen=True)
class StepRef:
    """A place where a pose is used: a step of a sequence."""

    step: StepView

    @property
    def sequence(self) -> Sequence:
        return self.step.sequence

    @property
    def number(self) -> int:
        return self.step.number

    @property
    def anchor(self) -> str:
        return self.step.anchor


@dataclass(frozen=True)
class PoseView:
    pose: Pose
    drawings: tuple[Drawing, ...]  # every position, on each side for a sided pose
    used_in: tuple[StepRef, ...]  # in sequence, then class order


@dataclass(frozen=True)
class MuscleView:
    name: str  # lowercased, as the index lists it
    term: Term | None
    stretched_by: tuple[Pose, ...]
    worked_by: tuple[Pose, ...]


@dataclass(frozen=True)
class CautionPlace:
    """Where a caution applies: a pose, a whole sequence, or a step of a sequence."""

    pose: Pose | None = None
    sequence: Sequence | None = None
    step: StepView | None = None
    applies_to: str | None = None


@dataclass(frozen=True)
class CautionEntry:
    """One condition of the cautions index, with every place it applies to."""

    action: str
    condition: str
    text: str  # what the cautions index says: the card's short wording, or the condition and the advice
    places: tuple[CautionPlace, ...]


@dataclass(frozen=True)
class Views:
    breath_seconds: Seconds
    poses: Mapping[str, PoseView]
    props: Mapping[str, PropView]
    sequences: Mapping[str, SequenceView]
    muscles: tuple[MuscleView, ...]  # by name
    cautions: tuple[CautionEntry, ...]  # by action, most serious first, then by condition
    figures: tuple[Drawing, ...]  # every figure the site publishes


def step_anchor(sequence: Sequence, number: int) -> str:
    """The HTML id of a step on its sequence page: step-3-supported-bridge-variations."""
    return f"step-{number}-{sequence.steps[number - 1].pose}"


def first_side(sides: str | None) -> str | None:
    """The side a step starts on, for its figures: right, left, or None for no sides."""
    return {"right-first": "right", "right": "right", "left-first": "left", "left": "left"}.get(sides or "none")


def build_views(library: Library, breath_seconds: Seconds = DEFAULT_BREATH_SECONDS, language: str = "en") -> Views:
    """Every derived fact of the library, once; figures described in the site's language."""
    sequences = {
        slug: _sequence_view(library, sequence, breath_seconds, language)
        for slug, sequence in library.sequences.items()
    }
    used: dict[str, list[StepRef]] = {slug: [] for slug in library.poses}
    for view in sequences.values():
        for step in view.steps:
            used.setdefault(step.pose.slug, []).append(StepRef(step))
    poses = {
        slug: PoseView(pose, tuple(drawings(pose, library.props, language=language)), tuple(used[slug]))
        for slug, pose in library.poses.items()
    }
    props = {slug: _prop_view(library, prop, sequences, poses) for slug, prop in library.props.items()}
    figures = tuple(d for view in poses.values() for d in view.drawings)
    return Views(
        breath_seconds,
        MappingProxyType(poses),
        MappingProxyType(props),
        MappingProxyType(sequences),
        _muscles(library),
        _cautions(library, sequences),
        figures,
    )


def _sequence_view(library: Library, sequence: Sequence, breath: Seconds, language: str) -> SequenceView:
    steps: list[StepView] = []
    for number, step in enumerate(sequence.steps, start=1):
        pose = library.poses[step.pose]
        parts = _parts(step, breath)
        previous = library.poses[sequence.steps[number - 2].pose] if number > 1 else None
        following = library.poses[sequence.steps[number].pose] if number < len(sequence.steps) else None
        steps.append(
            StepView(
                sequence=sequence,
                number=number,
                step=step,
                pose=pose,
                parts=parts,
                cautions=(*pose.cautions, *step.cautions),
                props=step_props(step, pose),
                figures=tuple(figures_for(pose, library.props, first_side(step.sides), step.figures, language)),
                seconds=_sum(p.seconds for p in parts),
                typical=sum(p.typical for p in parts),
                previous=previous,
                next=following,
            )
        )
    panel = [PanelEntry(c, None) for c in sequence.cautions]
    panel += [PanelEntry(c, step) for step in steps for c in step.cautions]
    return SequenceView(
        sequence,
        tuple(steps),
        _checklist(library, sequence),
        tuple(panel),
        _sum(s.seconds for s in steps),
        sum(s.typical for s in steps),
    )


def step_props(step: Step, pose: Pose) -> tuple[PropUse, ...]:
    """The props a step uses: the ones it names, or its pose's less those it leaves out."""
    if step.props is not None:
        return tuple(step.props)
    return tuple(use for use in pose.props if use.prop not in step.leave_out)


def _parts(step: Step, breath: Seconds) -> tuple[PartView, ...]:
    """A step as its parts: the main part (on each side, or once), then the parts that follow."""
    written = [(None, step.sides or "none", step.phases, step.repetitions, False, None)]
    written += [(p.name, p.sides, p.phases, p.repetitions, p.optional, p.cue) for p in step.then]
    parts = []
    for name, sides, phases, repetitions, optional, cue in written:
        timed = tuple(_phase(phase, breath) for phase in phases)
        low, high, typical = _part_time(timed, sides, repetitions, optional)
        parts.append(PartView(name, sides, timed, repetitions, optional, cue, (low, high), typical))
    return tuple(parts)


def _phase(phase: Phase, breath: Seconds) -> PhaseView:
    low, high = phase.amount.seconds(breath)
    middle = (breath[0] + breath[1]) / 2
    at_middle = phase.amount.seconds((middle, middle))
    # An open amount ("5+ minutes") is planned at what it asks for, not at a guess of how much more.
    typical = at_middle[0] if phase.amount.or_more else (at_middle[0] + at_middle[1]) / 2
    return PhaseView(phase, (low, high), typical)


def _part_time(
    phases: tuple[PhaseView, ...], sides: str, repetitions: Count | None, optional: bool
) -> tuple[float, float, float]:
    """Shortest, longest and typical seconds of a part. A phase done instead of the one before it
    counts once, as the longer of the two at most; optional phases and parts count only at most."""
    groups: list[list[PhaseView]] = []
    for phase in phases:
        if phase.instead and groups:
            groups[-1].append(phase)
        else:
            groups.append([phase])
    low = sum(min((p.seconds[0] for p in g if not p.optional), default=0.0) for g in groups)
    high = sum(max(p.seconds[1] for p in g) for g in groups)
    typical = sum(g[0].typical for g in groups if not g[0].optional)
    if repetitions is not None:
        most = repetitions.high or repetitions.low
        low, high, typical = low * repetitions.low, high * most, typical * (repetitions.low + most) / 2
    if sides in SIDES_TWICE:
        low, high, typical = low * 2, high * 2, typical * 2
    if optional:
        low = typical = 0.0
    return low, high, typical


def _sum(spans) -> Seconds:
    spans = list(spans)
    return sum(s[0] for s in spans), sum(s[1] for s in spans)


def _checklist(library: Library, sequence: Sequence) -> tuple[ChecklistItem, ...]:
    """Every prop the class needs, once, with the most any one pose needs at a time."""
    items: dict[str, dict] = {}

    def add(use: PropUse, number: int | None, pose: Pose | None) -> None:
        item = items.setdefault(use.prop, {"quantity": 1, "optional": True, "uses": [], "instead": []})
        item["quantity"] = max(item["quantity"], use.quantity)
        item["optional"] = item["optional"] and use.optional
        item["uses"].append(PropPlace(number, pose, use.use, tuple(library.props[slug] for slug in use.instead)))
        for slug in use.instead:
            if library.props[slug] not in item["instead"]:
                item["instead"].append(library.props[slug])

    for use in sequence.props:
        add(use, None, None)
    for number, step in enumerate(sequence.steps, start=1):
        pose = library.poses[step.pose]
        for use in step_props(step, pose):
            add(use, number, pose)
    checklist = [
        ChecklistItem(library.props[slug], i["quantity"], i["optional"], tuple(i["uses"]), tuple(i["instead"]))
        for slug, i in items.items()
    ]
    return tuple([i for i in checklist if not i.optional] + [i for i in checklist if i.optional])


def _prop_view(
    library: Library, prop: Prop, sequences: Mapping[str, SequenceView], poses: Mapping[str, PoseView]
) -> PropView:
    uses = []
    for pose in library.poses.values():
        for use in pose.props:
            if use.prop == prop.slug:
                uses.append(PoseUse(pose, use, None))
            elif prop.slug in use.instead:
                uses.append(PoseUse(pose, use, library.props[use.prop]))
    using = tuple(
        view.sequence
        for view in sequences.values()
        if any(item.prop.slug == prop.slug or prop in item.instead for item in view.checklist)
    )
    return PropView(prop, tuple(uses), using, _prop_figure(prop, uses, poses))


def _prop_figure(prop: Prop, uses: list[PoseUse], poses: Mapping[str, PoseView]) -> Drawing | None:
    """The first figure, on its first side, of a pose that uses the prop and draws it."""
    for use in uses:
        pose = use.pose
        for drawing in poses[pose.slug].drawings:
            figure = pose.figure(drawing.position)
            drawn = figure is not None and any(p.prop == prop.slug for p in figure.props)
            if drawn and drawing.side in (None, "right"):
                return drawing
    return None


def _muscles(library: Library) -> tuple[MuscleView, ...]:
    found: dict[str, dict[str, list[Pose]]] = {}
    for pose in library.poses.values():
        for group in ("stretches", "works"):
            for muscle in getattr(pose.muscles, group):
                found.setdefault(muscle.lower(), {"stretches": [], "works": []})[group].append(pose)
    terms: dict[str, Term] = {}
    if library.glossary is not None:
        for term in library.glossary.terms:
            for word in (term.term, *term.aliases):
                terms.setdefault(word.lower(), term)

    def by_name(poses: list[Pose]) -> tuple[Pose, ...]:
        return tuple(sorted(poses, key=lambda p: p.name.lower()))

    return tuple(
        MuscleView(name, terms.get(name), by_name(found[name]["stretches"]), by_name(found[name]["works"]))
        for name in sorted(found)
    )


def _cautions(library: Library, sequences: Mapping[str, SequenceView]) -> tuple[CautionEntry, ...]:
    # The same caution (what to do, when and how) on several pages is one entry.
    entries: dict[tuple[str, str, str], list[CautionPlace]] = {}

    def key(caution: Caution) -> tuple[str, str, str]:
        return caution.action, caution.condition, " ".join(caution.card_text.split())

    for pose in library.poses.values():
        for caution in pose.cautions:
            entries.setdefault(key(caution), []).append(CautionPlace(pose=pose, applies_to=caution.applies_to))
    for view in sequences.values():
        for caution in view.sequence.cautions:
            entries.setdefault(key(caution), []).append(
                CautionPlace(sequence=view.sequence, applies_to=caution.applies_to)
            )
        for step in view.steps:
            for caution in step.cautions:
                entries.setdefault(key(caution), []).append(CautionPlace(sequence=view.sequence, step=step))
    out = []
    for action in ACTION_ORDER:
        for (act, condition, text), places in sorted(entries.items(), key=lambda item: item[0][1:]):
            if act == action:
                out.append(CautionEntry(action, condition, text, tuple(places)))
    return tuple(out)
