"""The pages of a library: poses, props, sequences (steps, parts, phases), cautions, the glossary
and any other page. These classes are the front matter schema (`posebook schema` writes them out
as JSON Schema) and the validated objects the rest of posebook works with."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

from .fields import (
    SLUG_PATTERN,
    Amount,
    AmountField,
    CountField,
    Cue,
    Model,
    Name,
    PoseRef,
    PropRef,
    ShortText,
    Text,
    choice,
    slugify,
)
from .figure import SHAPES, Figure

# --- cautions --------------------------------------------------------------------------

ACTIONS = ("skip", "modify", "stop", "see-a-professional", "take-care")


class Caution(Model):
    """A condition or sign, what to do about it, and where it applies."""

    condition: Text = Field(description="The condition or sign, in the student's words: 'Your knee hurts on the mat'.")
    action: choice(*ACTIONS, what="caution action") = Field(description="What to do: " + ", ".join(ACTIONS))  # type: ignore[valid-type]
    advice: Text = Field(description="What exactly to do, kindly and plainly.")
    applies_to: ShortText | None = Field(
        None,
        description="The part of the pose or sequence it concerns, e.g. 'relax phase'; "
        "leave out when it concerns the whole page.",
    )
    card: Annotated[str, Field(min_length=1, max_length=100)] | None = Field(
        None,
        description="A short wording for the printed card, at most 100 characters, "
        "e.g. 'Knee pain: pad the back knee'. Without it the card prints the condition and the advice in full.",
    )

    @property
    def card_text(self) -> str:
        return self.card or f"{self.condition.rstrip('.')}: {self.advice}"


# --- props -----------------------------------------------------------------------------


class PropUse(Model):
    """A prop as a pose uses it. Write just the slug (e.g. 'block') when nothing more needs saying."""

    prop: PropRef = Field(description="The prop's slug.")  # type: ignore[valid-type]
    quantity: Annotated[int, Field(ge=1, le=20)] = Field(1, description="How many the pose needs at once.")
    optional: bool = Field(False, description="true when the pose can be done without it.")
    use: ShortText | None = Field(None, description="How the pose uses it, e.g. 'under the sacrum, medium height'.")
    instead: list[PropRef] = Field(default_factory=list, description="Props that can stand in for it here.")  # type: ignore[valid-type]


def _prop_use(value: Any) -> Any:
    return {"prop": value} if isinstance(value, str) else value


PropUseField = Annotated[
    PropUse,
    BeforeValidator(_prop_use),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, PropUse.model_json_schema()]}),
]


class Muscles(Model):
    """The muscles a pose stretches (lengthens) and works (contracts), as glossary terms."""

    stretches: list[ShortText] = Field(
        default_factory=list, description="Glossary terms of muscles the pose lengthens."
    )
    works: list[ShortText] = Field(default_factory=list, description="Glossary terms of muscles the pose contracts.")


# --- the pages -------------------------------------------------------------------------


class _Page(Model):
    # Set by the loader from the file, never written in front matter.
    slug: SkipJsonSchema[str] = Field("", exclude=True)
    src_path: SkipJsonSchema[str] = Field("", exclude=True)
    body: SkipJsonSchema[Annotated[str, StringConstraints(strip_whitespace=False)]] = Field(
        "", exclude=True, repr=False
    )
    body_line: SkipJsonSchema[int] = Field(1, exclude=True, repr=False)


RESERVED = ("slug", "src_path", "body", "body_line")


class Prop(_Page):
    """A prop: what it is and what it is for. The page body says how the poses use it."""

    name: Name = Field(description="The prop's name, e.g. 'Block'.")
    summary: Text = Field(description="One or two sentences: what it is and what it is for.")
    other_names: list[Name] = Field(default_factory=list, description="Other names for it.")
    shape: choice(*SHAPES, what="prop shape") | None = Field(  # type: ignore[valid-type]
        None, description="How figures draw it: " + ", ".join(SHAPES) + "."
    )


class Pose(_Page):
    """A pose: its names, props, muscles and cautions. The page body holds the instructions."""

    name: Name = Field(description="The English name, e.g. 'Low Lunge'.")
    sanskrit: Name | None = Field(None, description="The Sanskrit name in IAST, e.g. 'Setu Bandha Sarvāṅgāsana'.")
    other_names: list[Name] = Field(default_factory=list, description="Other names students may know it by.")
    summary: Text = Field(description="One or two sentences; it becomes the page's description.")
    sided: bool = Field(False, description="true when the pose is done on one side and then the other.")
    props: list[PropUseField] = Field(
        default_factory=list, description="Props: a prop's slug, or the fields of a PropUse."
    )  # type: ignore[valid-type]
    muscles: Muscles = Field(default_factory=Muscles, description="Muscles the pose stretches or works.")
    cautions: list[Caution] = Field(
        default_factory=list, description="Who should skip or modify the pose, and what to do."
    )
    see_also: list[PoseRef] = Field(default_factory=list, description="Related poses.")  # type: ignore[valid-type]
    figures: list[Figure] = Field(
        default_factory=list,
        max_length=12,
        description="Stick figures of the pose: one, or one per position (at most 12).",
    )

    @field_validator("figures")
    @classmethod
    def _named_positions(cls, figures: list[Figure]) -> list[Figure]:
        if len(figures) > 1:
            names = [slugify(f.position) for f in figures if f.position]
            if len(names) < len(figures):
                raise PydanticCustomError(
                    "posebook_positions",
                    "this pose has {n} figures: give each a 'position:' name, e.g. 'contract' and 'relax'",
                    {"n": len(figures)},
                )
            if "" in names:
                raise PydanticCustomError(
                    "posebook_positions", "a position name needs letters or digits, e.g. 'contract'", {}
                )
            doubled = sorted({n for n in names if names.count(n) > 1})
            if doubled:
                raise PydanticCustomError(
                    "posebook_positions",
                    "two figures have the position name '{name}' "
                    "(letter case and punctuation aside); give each its own",
                    {"name": doubled[0]},
                )
        return figures

    def figure(self, position: str | None) -> Figure | None:
        for figure in self.figures:
            if position is None or (figure.position or "").lower() == position.lower():
                return figure
        return None


PHASES = ("contract", "relax", "stretch", "hold", "rest")
SIDES = ("none", "right-first", "left-first", "both", "right", "left")


class Phase(Model):
    """One phase of a step: exactly one of contract, relax, stretch, hold or rest, with its amount."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": [k]} for k in ("contract", "relax", "stretch", "hold", "rest")]}
    )

    contract: AmountField | None = None  # type: ignore[valid-type]
    relax: AmountField | None = None  # type: ignore[valid-type]
    stretch: AmountField | None = None  # type: ignore[valid-type]
    hold: AmountField | None = None  # type: ignore[valid-type]
    rest: AmountField | None = None  # type: ignore[valid-type]
    cue: Cue | None = Field(None, description="A few words on what happens in this phase.")
    optional: bool = Field(False, description="true when the class may leave this phase out.")
    instead: bool = Field(
        False,
        description="true when this phase is an alternative to the phase before it: the class does one or the "
        "other, e.g. a side bend instead of settling into the lunge.",
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Phase:
        given = [k for k in PHASES if getattr(self, k) is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "posebook_phase",
                "a phase says exactly one of {kinds} with its amount, e.g. '- contract: 3 breaths'; {found}",
                {"kinds": ", ".join(PHASES), "found": "found none" if not given else "found " + " and ".join(given)},
            )
        return self

    @property
    def kind(self) -> str:
        return next(k for k in PHASES if getattr(self, k) is not None)

    @property
    def amount(self) -> Amount:
        return getattr(self, self.kind)


def _first_is_not_an_alternative(phases: list[Phase]) -> list[Phase]:
    if phases and phases[0].instead:
        raise PydanticCustomError(
            "posebook_instead",
            "the first phase has 'instead: true', but there is no phase before it to do instead of; "
            "put the alternative after the phase it replaces",
            {},
        )
    return phases


class Part(Model):
    """A further part of a step, such as 'both legs' after each side."""

    name: Name = Field(description="What this part is, e.g. 'Both legs'.")
    sides: choice(*SIDES, what="side setting") = Field(
        "none", description="none, right-first, left-first, both (at once), right or left."
    )  # type: ignore[valid-type]
    phases: list[Phase] = Field(min_length=1, description="What happens, in order.")
    repetitions: CountField | None = Field(
        None, description="How many times the phases are repeated: 3, or a range such as '5-10'."
    )  # type: ignore[valid-type]
    cue: Cue | None = Field(None, description="A short cue for the class.")
    optional: bool = Field(False, description="true when the class may leave this part out.")

    @field_validator("phases")
    @classmethod
    def _alternatives(cls, phases: list[Phase]) -> list[Phase]:
        return _first_is_not_an_alternative(phases)


class Step(Model):
    """A pose as this sequence does it."""

    pose: PoseRef = Field(description="The pose's slug.")  # type: ignore[valid-type]
    sides: choice(*SIDES, what="side setting") | None = Field(  # type: ignore[valid-type]
        None, description="none, right-first, left-first, both (at once), right or left (one side only)."
    )
    phases: list[Phase] = Field(default_factory=list, description="What happens, in order, on each side.")
    repetitions: CountField | None = Field(
        None, description="How many times the phases are repeated: 3, or a range such as '5-10'."
    )  # type: ignore[valid-type]
    then: list[Part] = Field(
        default_factory=list, description="Further parts after the sides, e.g. both legs together."
    )
    cue: Cue | None = Field(None, description="One short cue for the class; it goes on the card.")
    cautions: list[Caution] = Field(
        default_factory=list, description="Cautions for this step only, beyond the pose's own."
    )
    figures: list[Name] = Field(
        default_factory=list,
        description="Which of the pose's figures to show beside the step, "
        "by position name; the card shows the first. "
        "Leave out to show them all.",
    )
    leave_out: list[PropRef] = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="Props of the pose that this class does without, e.g. [therapy-table] when the class skips "
        "the pose's progression on a table. They leave the class's props checklist unless another step uses them.",
    )
    props: list[PropUseField] | None = Field(  # type: ignore[valid-type]
        None,
        description="The props this step uses, in place of the pose's own list, written like a pose's props; "
        "[] for none. Leave out to use the pose's props (less any in leave_out).",
    )

    @field_validator("phases")
    @classmethod
    def _alternatives(cls, phases: list[Phase]) -> list[Phase]:
        return _first_is_not_an_alternative(phases)

    @model_validator(mode="after")
    def _has_hold(self) -> Step:
        if not self.phases:
            raise PydanticCustomError(
                "posebook_step",
                "this step has no phases, so nobody knows how long to stay: add 'phases:' with a line such as "
                "'- hold: 5 breaths'",
                {},
            )
        if self.props is not None and self.leave_out:
            raise PydanticCustomError(
                "posebook_step",
                "give either 'props:' (the props this step uses) or 'leave_out:' (props of the pose it does "
                "without), not both",
                {},
            )
        return self


class Source(Model):
    """Where a sequence comes from: credited on its page and on its card."""

    title: ShortText = Field(description="The title of the article or book.")
    authors: list[ShortText] = Field(min_length=1, description="Its authors.")
    publisher: ShortText | None = Field(None, description="Who published it.")
    url: ShortText | None = Field(None, description="Where to find it, if it is online.")


class Sequence(_Page):
    """A sequence: its poses in class order, with sides, phases and cues, and whole-sequence cautions."""

    title: Name = Field(description="The sequence's title, e.g. 'Iliopsoas Release'.")
    summary: Text = Field(description="One or two sentences; it becomes the page's description.")
    purpose: Text | None = Field(None, description="What the sequence is for.")
    audience: Text | None = Field(None, description="Who it is for.")
    source: Source | None = Field(None, description="Where the sequence comes from, credited on the page and the card.")
    props: list[PropUseField] = Field(
        default_factory=list, description="Props for the whole class beyond the poses' own, e.g. a mat."
    )  # type: ignore[valid-type]
    cautions: list[Caution] = Field(default_factory=list, description="Cautions for the whole sequence.")
    steps: list[Step] = Field(description="The poses in class order.", json_schema_extra={"minItems": 1})

    @field_validator("steps")
    @classmethod
    def _not_empty(cls, steps: list[Step]) -> list[Step]:
        if not steps:
            raise PydanticCustomError("posebook_sequence", "a sequence needs at least one step", {})
        return steps


def _no_tooltip_markup(value: Any) -> Any:
    # The theme shows a definition as HTML in a tooltip: no tag may reach it.
    if isinstance(value, str) and ("<" in value or ">" in value):
        raise PydanticCustomError(
            "posebook_markup", "'<' and '>' are not allowed in a definition: the site shows it as HTML in a tooltip", {}
        )
    return value


MAX_GLOSSARY_WORDS = 500


class Term(Model):
    """A glossary term, defined once."""

    term: Name = Field(description="The word as it appears on the pages.")
    definition: Annotated[Text, BeforeValidator(_no_tooltip_markup)] = Field(
        description="One or two plain sentences, without '<' or '>'."
    )
    aliases: list[ShortText] = Field(
        default_factory=list, description="Other spellings or names; they get the same tooltip."
    )


class Glossary(_Page):
    """The glossary: each term defined once, and shown as a tooltip wherever it appears on the site."""

    title: Name | None = Field(None, description="The page title; 'Glossary' in the site's language if left out.")
    description: Text | None = Field(None, description="The page's description for search engines.")
    terms: list[Term] = Field(min_length=1, description=f"The terms: at most {MAX_GLOSSARY_WORDS}, aliases included.")

    @field_validator("terms")
    @classmethod
    def _not_too_many(cls, terms: list[Term]) -> list[Term]:
        # Every page is searched for every term and alias: their number multiplies the time of every page.
        words = sum(1 + len(term.aliases) for term in terms)
        if words > MAX_GLOSSARY_WORDS:
            raise PydanticCustomError(
                "posebook_glossary",
                "the glossary has {words} terms and aliases; it may have at most {most}",
                {"words": words, "most": MAX_GLOSSARY_WORDS},
            )
        return terms


class OtherPage(_Page):
    """Any other page: the MkDocs and Material front matter fields posebook passes on safely.
    (Material prints some others, such as subtitle and icon, into the page unescaped.)"""

    title: Name | None = None
    description: Text | None = None
    hide: list[choice("navigation", "toc", "footer", "path", "tags", "feedback", what="part to hide")] = Field(
        default_factory=list
    )  # type: ignore[valid-type]
    search: dict[str, bool] | None = None


PAGE_KINDS: dict[str, type[_Page]] = {
    "pose": Pose,
    "prop": Prop,
    "sequence": Sequence,
    "glossary": Glossary,
    "page": OtherPage,
}
