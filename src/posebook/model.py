"""The content model: what a pose, a prop, a sequence, a step and a caution are.

These classes are the front matter schema (``posebook schema`` writes them out as JSON Schema)
and the validated objects the rest of posebook works with. Plain, immutable, no I/O."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
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

from .problems import did_you_mean

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = SLUG.pattern

DISCLAIMER = (
    "This sequence is general guidance for yoga students and teachers. It is not a substitute "
    "for personal advice from a doctor, physical therapist or other health professional: if you "
    "have pain, an injury or a health condition, ask one before you practise."
)


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, str_strip_whitespace=True)


def _choice(*values: str, what: str):
    """A text field that takes one of a few words, with a 'did you mean' for a typo."""

    def check(value: Any) -> Any:
        if isinstance(value, str) and value in values:
            return value
        shown = _shown(value)
        raise PydanticCustomError(
            "posebook_choice",
            "{shown} is not a {what}; use one of: {choices}",
            {"shown": shown, "what": what, "choices": ", ".join(values),
             "suggestion": did_you_mean(value, values) if isinstance(value, str) else None},
        )

    return Annotated[Literal[values], BeforeValidator(check)]  # type: ignore[valid-type]


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "an empty value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return repr(value)


def _slug_ref(kind: str):
    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise PydanticCustomError("posebook_ref", "expected the slug of a {kind} (its file name without .md), got {shown}",
                                      {"kind": kind, "shown": _shown(value)})
        if _leaves_docs(value):
            raise PydanticCustomError(
                "posebook_ref_outside",
                "'{value}' points outside docs/; refer to a {kind} by its slug only (its file name without .md)",
                {"value": value, "kind": kind})
        if "/" in value or "\\" in value or value.startswith(".") or value.endswith(".md"):
            raise PydanticCustomError(
                "posebook_ref_path",
                "'{value}' is a path; refer to a {kind} by its slug only (its file name without .md), "
                "which always stays inside docs/",
                {"value": value, "kind": kind, "suggestion": _slug_from_path(value)})
        if not SLUG.match(value):
            raise PydanticCustomError("posebook_slug", "'{value}' is not a slug: use lowercase letters, digits and single hyphens, e.g. 'low-lunge'",
                                      {"value": value, "suggestion": slugify(value) or None})
        return value

    return Annotated[str, BeforeValidator(check), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN,
                                                                  "description": f"The slug of a {kind}: its file name without .md"})]


def _leaves_docs(value: str) -> bool:
    """True for a path that no page under docs/ could mean: absolute, or climbing above docs/."""
    parts = re.split(r"[\\/]", value)
    return (value.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", value) is not None
            or "://" in value or parts.count("..") > 1)


def _slug_from_path(value: str) -> str | None:
    stem = re.split(r"[\\/]", value)[-1].removesuffix(".md")
    return stem if SLUG.match(stem) else None


def slugify(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


PoseRef = _slug_ref("pose")
PropRef = _slug_ref("prop")

def _no_markup(value: Any) -> Any:
    # A title or name becomes the page's <title>, navigation and card heading; themes print
    # some of these unescaped, so angle brackets are refused rather than trusted to escaping.
    if isinstance(value, str) and ("<" in value or ">" in value):
        raise PydanticCustomError("posebook_markup", "'<' and '>' are not allowed in a name or title", {})
    return value


Text = Annotated[str, Field(min_length=1, max_length=2000)]
Name = Annotated[str, Field(min_length=1, max_length=200), BeforeValidator(_no_markup)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
Cue = Annotated[str, Field(min_length=1, max_length=300)]

# --- amounts of time -------------------------------------------------------------------

UNITS = {"breath": "breath", "breaths": "breath", "second": "second", "seconds": "second",
         "minute": "minute", "minutes": "minute"}
WORDS = {"a couple of": (2, 2), "a few": (3, 5), "several": (3, 6)}
_NUMBER = r"\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"^(?:(?P<word>{'|'.join(WORDS)})|(?P<low>{_NUMBER})(?:\s*(?:-|–|to)\s*(?P<high>{_NUMBER}))?(?P<more>\+|\s+or\s+more)?)"
    rf"\s+(?P<unit>[a-z]+)$"
)
AMOUNT_HELP = "write an amount such as '3 breaths', '30 seconds', '1-2 minutes', '5+ minutes' or 'a few breaths'"


class Amount(_Model):
    """How long a phase lasts, as the teacher wrote it: a number, a range or an open count."""

    text: str
    low: float
    high: float | None = None
    or_more: bool = False
    unit: Literal["breath", "second", "minute"]

    def seconds(self, breath_seconds: tuple[float, float]) -> tuple[float, float]:
        """The shortest and longest this could take, with a breath of the given length."""
        per = {"second": (1.0, 1.0), "minute": (60.0, 60.0), "breath": breath_seconds}[self.unit]
        high = self.high if self.high is not None else self.low
        if self.or_more:
            high = high * 1.5
        return self.low * per[0], high * per[1]


def parse_amount(value: Any) -> Any:
    if isinstance(value, Amount):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError("posebook_amount", "expected an amount of time, got {shown}; {help}",
                                  {"shown": _shown(value), "help": AMOUNT_HELP})
    if isinstance(value, (int, float)):
        raise PydanticCustomError("posebook_amount", "{value} what? Say the unit: '{value} breaths', '{value} seconds' or '{value} minutes'",
                                  {"value": value})
    text = " ".join(value.split())
    if text.startswith("-"):
        raise PydanticCustomError("posebook_amount", "'{value}' is negative; an amount of time must be more than zero",
                                  {"value": value})
    match = _AMOUNT.match(text.lower())
    if not match:
        raise PydanticCustomError("posebook_amount", "'{value}' is not an amount of time; {help}",
                                  {"value": value, "help": AMOUNT_HELP})
    unit = UNITS.get(match["unit"])
    if unit is None:
        raise PydanticCustomError("posebook_amount", "'{unit}' is not a unit; count in breaths, seconds or minutes",
                                  {"unit": match["unit"], "suggestion": did_you_mean(match["unit"], UNITS)})
    if match["word"]:
        low, high = WORDS[match["word"]]
        return Amount(text=text, low=low, high=high, unit=unit)
    low = float(match["low"])
    high = float(match["high"]) if match["high"] else None
    if low <= 0 or (high is not None and high <= low):
        raise PydanticCustomError("posebook_amount", "'{value}' must be more than zero, and a range must go from the smaller number to the larger",
                                  {"value": value})
    return Amount(text=text, low=low, high=high, or_more=bool(match["more"]), unit=unit)


AmountField = Annotated[Amount, BeforeValidator(parse_amount),
                        WithJsonSchema({"type": "string", "description": AMOUNT_HELP,
                                        "pattern": r"^(\d+(\.\d+)?(\s*(-|–|to)\s*\d+(\.\d+)?)?(\+|\s+or\s+more)?|a couple of|a few|several)\s+(breaths?|seconds?|minutes?)$"})]


class Count(_Model):
    """How many times: a number or a range."""

    low: int
    high: int | None = None

    def __str__(self) -> str:
        return f"{self.low}–{self.high}" if self.high else str(self.low)


def parse_count(value: Any) -> Any:
    if isinstance(value, Count):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise PydanticCustomError("posebook_count", "must be at least 1, got {value}", {"value": value})
        return Count(low=value)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*", value)
        if match and 1 <= int(match[1]) < int(match[2]):
            return Count(low=int(match[1]), high=int(match[2]))
    raise PydanticCustomError("posebook_count", "expected a whole number of times such as 3, or a range such as '5-10', got {shown}",
                              {"shown": _shown(value)})


CountField = Annotated[Count, BeforeValidator(parse_count),
                       WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1},
                                                 {"type": "string", "pattern": r"^\d+\s*(-|–|to)\s*\d+$"}]})]

# --- cautions --------------------------------------------------------------------------

ACTIONS = ("skip", "modify", "stop", "see-a-professional", "take-care")
ACTION_LABELS = {"skip": "Skip", "modify": "Modify", "stop": "Stop", "see-a-professional": "See a professional",
                 "take-care": "Take care"}


class Caution(_Model):
    """A condition or sign, what to do about it, and where it applies."""

    condition: Text = Field(description="The condition or sign, in the student's words: 'Your knee hurts on the mat'.")
    action: _choice(*ACTIONS, what="caution action") = Field(description="What to do: " + ", ".join(ACTIONS))  # type: ignore[valid-type]
    advice: Text = Field(description="What exactly to do, kindly and plainly.")
    applies_to: ShortText | None = Field(None, description="The part of the pose or sequence it concerns, e.g. 'relax phase'; "
                                                              "leave out when it concerns the whole page.")
    card: Annotated[str, Field(min_length=1, max_length=100)] | None = Field(
        None, description="A short wording for the printed card, at most 100 characters, e.g. 'Knee pain: pad the back knee'. "
                          "Without it the card prints the condition and the advice in full.")

    @property
    def card_text(self) -> str:
        return self.card or f"{self.condition.rstrip('.')}: {self.advice}"


# --- props -----------------------------------------------------------------------------


class PropUse(_Model):
    """A prop as a pose uses it. Write just the slug (e.g. 'block') when nothing more needs saying."""

    prop: PropRef = Field(description="The prop's slug.")  # type: ignore[valid-type]
    quantity: Annotated[int, Field(ge=1, le=20)] = Field(1, description="How many the pose needs at once.")
    optional: bool = Field(False, description="true when the pose can be done without it.")
    use: ShortText | None = Field(None, description="How the pose uses it, e.g. 'under the sacrum, medium height'.")
    instead: list[PropRef] = Field(default_factory=list, description="Props that can stand in for it here.")  # type: ignore[valid-type]


def _prop_use(value: Any) -> Any:
    return {"prop": value} if isinstance(value, str) else value


PropUseField = Annotated[PropUse, BeforeValidator(_prop_use),
                         WithJsonSchema({"anyOf": [{"type": "string", "pattern": SLUG_PATTERN},
                                                   PropUse.model_json_schema()]})]


class Muscles(_Model):
    """The muscles a pose stretches (lengthens) and works (contracts), as glossary terms."""

    stretches: list[ShortText] = Field(default_factory=list, description="Glossary terms of muscles the pose lengthens.")
    works: list[ShortText] = Field(default_factory=list, description="Glossary terms of muscles the pose contracts.")



# --- figures ---------------------------------------------------------------------------

BASES = ("supine", "prone", "side-lying", "seated", "kneeling", "standing", "all-fours")
SHAPES = ("block", "folded-blanket", "rolled-blanket", "bolster", "pillow", "strap", "ball", "kettlebell", "table")
BODY_PARTS = ("head", "shoulders", "chest", "waist", "lower back", "sacrum", "pelvis", "hips", "front hip",
              "thigh", "knee", "shin", "ankle", "foot", "upper arm", "elbow", "forearm", "hand")
LIMB_PARTS = ("hip", "front hip", "thigh", "knee", "shin", "ankle", "foot", "upper arm", "elbow", "forearm", "hand")
_PART = re.compile(r"^(?:(?P<side>near|far|right|left|both) )?(?P<part>[a-z ]+?)s?$")
PART_HELP = ("a body part such as 'sacrum', 'head', 'thighs', 'right ankle', 'near hand' or 'far knee' "
             "(right, left, near or far for an arm or a leg; near is the side facing you)")


def parse_part(value: Any) -> Any:
    """'right ankle', 'near hand', 'thighs', 'sacrum' -> the text as written, once it is known to name a part."""
    if not isinstance(value, str):
        raise PydanticCustomError("posebook_part", "expected {help}, got {shown}", {"help": PART_HELP, "shown": _shown(value)})
    text = " ".join(value.lower().split())
    match = _PART.match(text.replace("feet", "foot"))
    part = match["part"] if match else text
    if part == "hip" and not (match and match["side"]):
        part = "hips"
    if not match or (part not in BODY_PARTS and part + "s" not in BODY_PARTS):
        words = [*BODY_PARTS, *(f"{side} {limb}" for side in ("right", "left", "near", "far") for limb in LIMB_PARTS)]
        raise PydanticCustomError("posebook_part", "'{value}' is not a body part; use {help}",
                                  {"value": value, "help": PART_HELP, "suggestion": did_you_mean(text, words)})
    if match["side"] and match["side"] != "both" and part not in LIMB_PARTS:
        raise PydanticCustomError("posebook_part", "'{value}': only an arm or a leg has a right and left side; write '{part}'",
                                  {"value": value, "part": part, "suggestion": part})
    return text


PartField = Annotated[str, BeforeValidator(parse_part), WithJsonSchema({"type": "string", "description": PART_HELP})]


def _angle(low: int, high: int, what: str):
    """An optional angle in degrees between low and high."""
    return Annotated[Annotated[float, Field(ge=low, le=high)] | None, Field(default=None, description=what)]


class Joints(_Model):
    """The joint angles of one arm and one leg, in degrees. Leave one out for the base's usual angle."""

    shoulder: _angle(-90, 200, "0 = arm along the body; 90 = arm forward (toward the front of the body); "
                               "180 = arm overhead; below 0 = arm behind")  # type: ignore[valid-type]
    elbow: _angle(0, 170, "0 = straight; more bends the elbow")  # type: ignore[valid-type]
    hip: _angle(-90, 170, "0 = thigh in line with the trunk; 90 = thigh forward at a right angle (as when sitting); "
                          "below 0 = thigh behind")  # type: ignore[valid-type]
    knee: _angle(0, 170, "0 = straight; more bends the knee")  # type: ignore[valid-type]
    ankle: _angle(-40, 90, "0 = foot at a right angle to the shin; 90 = toes pointed in line with the shin")  # type: ignore[valid-type]


class FigureProp(_Model):
    """A prop in a figure, in place: under a body part, on a body part or another prop, around a limb, or held."""

    prop: PropRef = Field(description="The prop's slug.")  # type: ignore[valid-type]
    under: PartField | None = Field(None, description="The body part that rests on it, e.g. 'sacrum' or 'thighs'.")  # type: ignore[valid-type]
    on: Annotated[str, Field(min_length=1, max_length=60)] | None = Field(
        None, description="The body part it rests on (e.g. 'right front hip'), or the slug of another prop in this figure.")
    around: PartField | None = Field(None, description="For a strap: the part it loops around, e.g. 'left ankle'.")  # type: ignore[valid-type]
    held: PartField | None = Field(None, description="The hand that holds it, e.g. 'left hand'.")  # type: ignore[valid-type]
    shape: _choice(*SHAPES, what="prop shape") | None = Field(  # type: ignore[valid-type]
        None, description="How to draw it here, when not as its page says, e.g. 'rolled-blanket'.")

    @model_validator(mode="after")
    def _placed(self) -> "FigureProp":
        given = [k for k in ("under", "on", "around", "held") if getattr(self, k) is not None]
        if not given or (len(given) > 1 and sorted(given) != ["around", "held"]):
            raise PydanticCustomError(
                "posebook_placement",
                "say where the prop is with one of under, on, around or held (a strap may have around and held); {found}",
                {"found": "found none" if not given else "found " + " and ".join(given)})
        return self


class Figure(_Model):
    """A side-view stick figure of a pose, or of one position of it (e.g. 'contract')."""

    position: Name | None = Field(None, description="The position's name, e.g. 'contract' or 'relax'; "
                                                    "needed when a pose has more than one figure.")
    base: _choice(*BASES, what="figure base") = Field(  # type: ignore[valid-type]
        description="What the body rests on: " + ", ".join(BASES) + ".")
    side: _choice("right", "left", what="side") = Field(  # type: ignore[valid-type]
        "right", description="Which side of the pose the figure shows, as a sequence names it ('right' for the "
                             "side 'right-first' starts with). The figure is mirrored for the other side.")
    near_side: _choice("right", "left", what="side") | None = Field(  # type: ignore[valid-type]
        None, description="Which side of the body faces you, so its arm and leg are 'near' (for side-lying: the "
                          "upper side). Leave out when it is the same as 'side'; a low lunge with the right foot "
                          "forward, seen from the left, says 'side: right' and 'near_side: left'.")
    trunk: _angle(-100, 100, "0 = the base's usual line; more leans the trunk toward the front of the body, "
                             "below 0 leans it back. Leave out to let the trunk rest on the floor or the props.")  # type: ignore[valid-type]
    head: _angle(-60, 80, "0 = in line with the trunk (resting, when lying); more tips the chin toward the chest")  # type: ignore[valid-type]
    near: Joints = Field(default_factory=Joints, description="The arm and leg facing you.")
    far: Joints = Field(default_factory=Joints, description="The arm and leg away from you.")
    props: list[FigureProp] = Field(default_factory=list, max_length=12, description="Props drawn in place.")

    @property
    def facing(self) -> str:
        """The side of the body whose limbs are near."""
        return self.near_side or self.side


# --- the pages -------------------------------------------------------------------------


class _Page(_Model):
    # Set by the loader from the file, never written in front matter.
    slug: SkipJsonSchema[str] = Field("", exclude=True)
    src_path: SkipJsonSchema[str] = Field("", exclude=True)
    body: SkipJsonSchema[Annotated[str, StringConstraints(strip_whitespace=False)]] = Field("", exclude=True, repr=False)
    body_line: SkipJsonSchema[int] = Field(1, exclude=True, repr=False)


RESERVED = ("slug", "src_path", "body", "body_line")


class Prop(_Page):
    """A prop: what it is and what it is for. The page body says how the poses use it."""

    name: Name = Field(description="The prop's name, e.g. 'Block'.")
    summary: Text = Field(description="One or two sentences: what it is and what it is for.")
    other_names: list[Name] = Field(default_factory=list, description="Other names for it.")
    shape: _choice(*SHAPES, what="prop shape") | None = Field(  # type: ignore[valid-type]
        None, description="How figures draw it: " + ", ".join(SHAPES) + ".")


class Pose(_Page):
    """A pose: its names, props, muscles and cautions. The page body holds the instructions."""

    name: Name = Field(description="The English name, e.g. 'Low Lunge'.")
    sanskrit: Name | None = Field(None, description="The Sanskrit name in IAST, e.g. 'Setu Bandha Sarvāṅgāsana'.")
    other_names: list[Name] = Field(default_factory=list, description="Other names students may know it by.")
    summary: Text = Field(description="One or two sentences; it becomes the page's description.")
    sided: bool = Field(False, description="true when the pose is done on one side and then the other.")
    props: list[PropUseField] = Field(default_factory=list, description="Props: a prop's slug, or the fields of a PropUse.")  # type: ignore[valid-type]
    muscles: Muscles = Field(default_factory=Muscles, description="Muscles the pose stretches or works.")
    cautions: list[Caution] = Field(default_factory=list, description="Who should skip or modify the pose, and what to do.")
    see_also: list[PoseRef] = Field(default_factory=list, description="Related poses.")  # type: ignore[valid-type]
    figures: list[Figure] = Field(default_factory=list, max_length=12,
                                  description="Stick figures of the pose: one, or one per position (at most 12).")

    @field_validator("figures")
    @classmethod
    def _named_positions(cls, figures: list[Figure]) -> list[Figure]:
        if len(figures) > 1:
            names = [slugify(f.position) for f in figures if f.position]
            if len(names) < len(figures):
                raise PydanticCustomError("posebook_positions", "this pose has {n} figures: give each a 'position:' name, "
                                                                "e.g. 'contract' and 'relax'", {"n": len(figures)})
            if "" in names:
                raise PydanticCustomError("posebook_positions", "a position name needs letters or digits, e.g. 'contract'", {})
            doubled = sorted({n for n in names if names.count(n) > 1})
            if doubled:
                raise PydanticCustomError("posebook_positions", "two figures have the position name '{name}' "
                                                                "(letter case and punctuation aside); give each its own",
                                          {"name": doubled[0]})
        return figures

    def figure(self, position: str | None) -> "Figure | None":
        for figure in self.figures:
            if position is None or (figure.position or "").lower() == position.lower():
                return figure
        return None


PHASES = ("contract", "relax", "stretch", "hold", "rest")
SIDES = ("none", "right-first", "left-first", "both", "right", "left")
SIDE_LABELS = {"none": "", "right-first": "right side first, then left", "left-first": "left side first, then right",
               "both": "both sides at once", "right": "right side only", "left": "left side only"}


class Phase(_Model):
    """One phase of a step: exactly one of contract, relax, stretch, hold or rest, with its amount."""

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": [k]} for k in ("contract", "relax", "stretch", "hold", "rest")]})

    contract: AmountField | None = None  # type: ignore[valid-type]
    relax: AmountField | None = None  # type: ignore[valid-type]
    stretch: AmountField | None = None  # type: ignore[valid-type]
    hold: AmountField | None = None  # type: ignore[valid-type]
    rest: AmountField | None = None  # type: ignore[valid-type]
    cue: Cue | None = Field(None, description="A few words on what happens in this phase.")
    optional: bool = Field(False, description="true when the class may leave this phase out.")

    @model_validator(mode="after")
    def _one_kind(self) -> "Phase":
        given = [k for k in PHASES if getattr(self, k) is not None]
        if len(given) != 1:
            raise PydanticCustomError(
                "posebook_phase",
                "a phase says exactly one of {kinds} with its amount, e.g. '- contract: 3 breaths'; {found}",
                {"kinds": ", ".join(PHASES),
                 "found": "found none" if not given else "found " + " and ".join(given)})
        return self

    @property
    def kind(self) -> str:
        return next(k for k in PHASES if getattr(self, k) is not None)

    @property
    def amount(self) -> Amount:
        return getattr(self, self.kind)


class Part(_Model):
    """A further part of a step, such as 'both legs' after each side."""

    name: Name = Field(description="What this part is, e.g. 'Both legs'.")
    sides: _choice(*SIDES, what="side setting") = Field("none", description="none, right-first, left-first, both (at once), right or left.")  # type: ignore[valid-type]
    phases: list[Phase] = Field(min_length=1, description="What happens, in order.")
    repetitions: CountField | None = Field(None, description="How many times the phases are repeated: 3, or a range such as '5-10'.")  # type: ignore[valid-type]
    cue: Cue | None = Field(None, description="A short cue for the class.")
    optional: bool = Field(False, description="true when the class may leave this part out.")


class Step(_Model):
    """A pose as this sequence does it."""

    pose: PoseRef = Field(description="The pose's slug.")  # type: ignore[valid-type]
    sides: _choice(*SIDES, what="side setting") | None = Field(  # type: ignore[valid-type]
        None, description="none, right-first, left-first, both (at once), right or left (one side only).")
    phases: list[Phase] = Field(default_factory=list, description="What happens, in order, on each side.")
    repetitions: CountField | None = Field(None, description="How many times the phases are repeated: 3, or a range such as '5-10'.")  # type: ignore[valid-type]
    then: list[Part] = Field(default_factory=list, description="Further parts after the sides, e.g. both legs together.")
    cue: Cue | None = Field(None, description="One short cue for the class; it goes on the card.")
    cautions: list[Caution] = Field(default_factory=list, description="Cautions for this step only, beyond the pose's own.")
    figures: list[Name] = Field(default_factory=list, description="Which of the pose's figures to show beside the step, "
                                                                  "by position name; the card shows the first. "
                                                                  "Leave out to show them all.")

    @model_validator(mode="after")
    def _has_hold(self) -> "Step":
        if not self.phases:
            raise PydanticCustomError(
                "posebook_step",
                "this step has no phases, so nobody knows how long to stay: add 'phases:' with a line such as "
                "'- hold: 5 breaths'", {})
        return self


class Source(_Model):
    """Where a sequence comes from: credited on its page and on its card."""

    title: ShortText = Field(description="The title of the article or book.")
    authors: list[ShortText] = Field(min_length=1, description="Its authors.")
    publisher: ShortText | None = Field(None, description="Who published it.")
    url: ShortText | None = Field(None, description="Where to find it, if it is online.")

    def credit(self) -> str:
        authors = " and ".join([", ".join(self.authors[:-1]), self.authors[-1]] if len(self.authors) > 1 else self.authors)
        by = f" ({self.publisher})" if self.publisher else ""
        return f"Adapted from “{self.title}” by {authors}{by}."


class Sequence(_Page):
    """A sequence: its poses in class order, with sides, phases and cues, and whole-sequence cautions."""

    title: Name = Field(description="The sequence's title, e.g. 'Iliopsoas Release'.")
    summary: Text = Field(description="One or two sentences; it becomes the page's description.")
    purpose: Text | None = Field(None, description="What the sequence is for.")
    audience: Text | None = Field(None, description="Who it is for.")
    source: Source | None = Field(None, description="Where the sequence comes from, credited on the page and the card.")
    props: list[PropUseField] = Field(default_factory=list, description="Props for the whole class beyond the poses' own, e.g. a mat.")  # type: ignore[valid-type]
    cautions: list[Caution] = Field(default_factory=list, description="Cautions for the whole sequence.")
    steps: list[Step] = Field(description="The poses in class order.", json_schema_extra={"minItems": 1})

    @field_validator("steps")
    @classmethod
    def _not_empty(cls, steps: list[Step]) -> list[Step]:
        if not steps:
            raise PydanticCustomError("posebook_sequence", "a sequence needs at least one step", {})
        return steps

    @property
    def disclaimer(self) -> str:
        return DISCLAIMER


class Term(_Model):
    """A glossary term, defined once."""

    term: Name = Field(description="The word as it appears on the pages.")
    definition: Text = Field(description="One or two plain sentences.")
    aliases: list[ShortText] = Field(default_factory=list, description="Other spellings or names; they get the same tooltip.")


class Glossary(_Page):
    """The glossary: each term defined once, and shown as a tooltip wherever it appears on the site."""

    title: Name = Field("Glossary", description="The page title.")
    description: Text | None = Field(None, description="The page's description for search engines.")
    terms: list[Term] = Field(min_length=1, description="The terms.")


class OtherPage(_Page):
    """Any other page: the MkDocs and Material front matter fields posebook passes on safely.
    (Material prints some others, such as subtitle and icon, into the page unescaped.)"""

    title: Name | None = None
    description: Text | None = None
    hide: list[_choice("navigation", "toc", "footer", "path", "tags", "feedback", what="part to hide")] = Field(default_factory=list)  # type: ignore[valid-type]
    search: dict[str, bool] | None = None


PAGE_KINDS: dict[str, type[_Page]] = {"pose": Pose, "prop": Prop, "sequence": Sequence, "glossary": Glossary, "page": OtherPage}
