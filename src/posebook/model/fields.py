"""Field parsers of the front matter: slugs and references, names and texts, choices with a
"did you mean", amounts of time, counts and body parts. Each one turns what a teacher wrote into
a plain value or a problem worded for the teacher."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..problems import did_you_mean

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_PATTERN = SLUG.pattern


class Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, str_strip_whitespace=True)


def choice(*values: str, what: str):
    """A text field that takes one of a few words, with a 'did you mean' for a typo."""

    def check(value: Any) -> Any:
        if isinstance(value, str) and value in values:
            return value
        raise PydanticCustomError(
            "posebook_choice",
            "{shown} is not a {what}; use one of: {choices}",
            {
                "shown": shown(value),
                "what": what,
                "choices": ", ".join(values),
                "suggestion": did_you_mean(value, values) if isinstance(value, str) else None,
            },
        )

    return Annotated[Literal[values], BeforeValidator(check)]  # type: ignore[valid-type]


def shown(value: Any, text: str = "'{}'", longest: int | None = None) -> str:
    """What a teacher wrote, in words for a message: 'x', the number 3, a list …"""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return text.format(value) if longest is None or len(value) < longest else "text"
    if value is None:
        return "an empty value"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def _slug_ref(kind: str):
    def check(value: Any) -> Any:
        if not isinstance(value, str):
            raise PydanticCustomError(
                "posebook_ref",
                "expected the slug of a {kind} (its file name without .md), got {shown}",
                {"kind": kind, "shown": shown(value)},
            )
        if _leaves_docs(value):
            raise PydanticCustomError(
                "posebook_ref_outside",
                "'{value}' points outside docs/; refer to a {kind} by its slug only (its file name without .md)",
                {"value": value, "kind": kind},
            )
        if "/" in value or "\\" in value or value.startswith(".") or value.endswith(".md"):
            raise PydanticCustomError(
                "posebook_ref_path",
                "'{value}' is a path; refer to a {kind} by its slug only (its file name without .md), "
                "which always stays inside docs/",
                {"value": value, "kind": kind, "suggestion": _slug_from_path(value)},
            )
        if not SLUG.match(value):
            raise PydanticCustomError(
                "posebook_slug",
                "'{value}' is not a slug: use lowercase letters, digits and single hyphens, e.g. 'low-lunge'",
                {"value": value, "suggestion": slugify(value) or None},
            )
        return value

    return Annotated[
        str,
        BeforeValidator(check),
        WithJsonSchema(
            {
                "type": "string",
                "pattern": SLUG_PATTERN,
                "description": f"The slug of a {kind}: its file name without .md",
            }
        ),
    ]


def _leaves_docs(value: str) -> bool:
    """True for a path that no page under docs/ could mean: absolute, or climbing above docs/."""
    parts = re.split(r"[\\/]", value)
    return (
        value.startswith(("/", "\\", "~"))
        or re.match(r"^[A-Za-z]:", value) is not None
        or "://" in value
        or parts.count("..") > 1
    )


def _slug_from_path(value: str) -> str | None:
    stem = re.split(r"[\\/]", value)[-1].removesuffix(".md")
    return stem if SLUG.match(stem) else None


def slugify(name: str) -> str:
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

UNITS = {
    "breath": "breath",
    "breaths": "breath",
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
}
WORDS = {"a couple of": (2, 2), "a few": (3, 5), "several": (3, 6)}
AMOUNT_HELP = "write an amount such as '3 breaths', '30 seconds', '1-2 minutes', '5+ minutes' or 'a few breaths'"
# The most breaths, seconds or minutes a phase can last, and the most repetitions: far beyond any class, and
# small enough that every sum of them (a step, a sequence) is an ordinary number.
MAX_AMOUNT = 1000
MAX_COUNT = 1000


@dataclass(frozen=True)
class AmountWords:
    """How a language writes an amount of time: its unit words (every form, e.g. singular and
    plural), its words for a vague count, 'or more' and 'to'. English is always understood too."""

    language: str
    units: tuple[tuple[str, str], ...]  # (form, unit)
    words: tuple[tuple[str, tuple[int, int]], ...]  # (phrase, (low, high))
    more: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    decimal_comma: bool = False

    def examples(self) -> str:
        units = {unit: form for form, unit in reversed(self.units)}
        vague = self.words[1][0] if len(self.words) > 1 else ""
        shown = [
            f"3 {units.get('breath', '')}",
            f"30 {units.get('second', '')}",
            f"1-2 {units.get('minute', '')}",
            f"5+ {units.get('minute', '')}",
        ] + ([f"{vague} {units.get('breath', '')}"] if vague else [])
        return ", ".join(f"'{' '.join(s.split())}'" for s in shown)


ENGLISH_AMOUNTS = AmountWords("en", tuple(UNITS.items()), tuple(WORDS.items()), ("or more",), ("to",))


@functools.lru_cache(maxsize=16)
def _amount_grammar(words: AmountWords) -> tuple[re.Pattern, dict[str, str], dict[str, tuple[int, int]]]:
    units = {**UNITS, **dict(words.units)}
    vague = {**WORDS, **dict(words.words)}
    number = r"\d+(?:[.,]\d+)?" if words.decimal_comma else r"\d+(?:\.\d+)?"
    to = "|".join(re.escape(w) for w in sorted({"to", *words.to}, key=len, reverse=True))
    more = "|".join(re.escape(w) for w in sorted({"or more", *words.more}, key=len, reverse=True))
    phrases = "|".join(re.escape(w) for w in sorted(vague, key=len, reverse=True))
    pattern = re.compile(
        rf"^(?:(?P<word>{phrases})|(?P<low>{number})(?:\s*(?:-|–|{to})\s*(?P<high>{number}))?(?P<more>\+|\s+(?:{more}))?)"
        rf"\s+(?P<unit>[^\W\d_]+)$"
    )
    return pattern, units, vague


def _help(words: AmountWords) -> str:
    if words.language == "en" or not words.units:
        return AMOUNT_HELP
    return f"{AMOUNT_HELP}; in '{words.language}' also {words.examples()}"


class Amount(Model):
    """How long a phase lasts, as the teacher wrote it (a range set with an en dash): a number, a range
    or an open count."""

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


def parse_amount(value: Any, words: AmountWords = ENGLISH_AMOUNTS) -> Any:
    """An amount of time as a teacher writes it, in English or in the words of `words`."""
    if isinstance(value, Amount):
        return value
    help_text = _help(words)
    pattern, units, vague = _amount_grammar(words)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise PydanticCustomError(
            "posebook_amount",
            "expected an amount of time, got {shown}; {help}",
            {"shown": shown(value), "help": help_text},
        )
    if isinstance(value, (int, float)):
        raise PydanticCustomError(
            "posebook_amount",
            "{value} what? Say the unit: '{value} breaths', '{value} seconds' or '{value} minutes'",
            {"value": value},
        )
    text = " ".join(value.split())
    if text.startswith("-"):
        raise PydanticCustomError(
            "posebook_amount", "'{value}' is negative; an amount of time must be more than zero", {"value": value}
        )
    match = pattern.match(text.lower())
    if not match:
        raise PydanticCustomError(
            "posebook_amount", "'{value}' is not an amount of time; {help}", {"value": value, "help": help_text}
        )
    unit = units.get(match["unit"])
    if unit is None:
        own = [form for form, _unit in words.units if form not in UNITS]
        also = f"; in '{words.language}' also {', '.join(own)}" if own else ""
        raise PydanticCustomError(
            "posebook_amount",
            "'{unit}' is not a unit; count in breaths, seconds or minutes{also}",
            {"unit": match["unit"], "suggestion": did_you_mean(match["unit"], units), "also": also},
        )
    if match["word"]:
        low, high = vague[match["word"]]
        return Amount(text=_dashed(text), low=low, high=high, unit=unit)
    if any(len(n) > 12 for n in (match["low"], match["high"] or "")):
        raise _too_much(value, MAX_AMOUNT, unit)
    low = float(match["low"].replace(",", "."))
    high = float(match["high"].replace(",", ".")) if match["high"] else None
    if max(low, high or 0) > MAX_AMOUNT:
        raise _too_much(value, MAX_AMOUNT, unit)
    if low <= 0 or (high is not None and high <= low):
        raise PydanticCustomError(
            "posebook_amount",
            "'{value}' must be more than zero, and a range must go from the smaller number to the larger",
            {"value": value},
        )
    return Amount(text=_dashed(text), low=low, high=high, or_more=bool(match["more"]), unit=unit)


def _dashed(text: str) -> str:
    """A range as print sets it, '1–2 minutes', however it was typed ('1-2', '1 - 2')."""
    return re.sub(r"(\d)\s*-\s*(\d)", "\\1–\\2", text)


def _amount_field(value: Any, info: ValidationInfo) -> Any:
    # The reading stage passes the site language's words for amounts in the validation context.
    return parse_amount(value, (info.context or {}).get("amount_words") or ENGLISH_AMOUNTS)


def _too_much(value: Any, most: int, unit: str) -> PydanticCustomError:
    shown = value if len(value) <= 40 else value[:20] + "…"
    return PydanticCustomError(
        "posebook_amount",
        "'{value}' is more than posebook can time; an amount is at most {most} {unit}s",
        {"value": shown, "most": most, "unit": unit},
    )


AmountField = Annotated[
    Amount,
    BeforeValidator(_amount_field),
    WithJsonSchema(
        {
            "type": "string",
            "description": AMOUNT_HELP,
            "pattern": r"^(\d+(\.\d+)?(\s*(-|–|to)\s*\d+(\.\d+)?)?(\+|\s+or\s+more)?|a couple of|a few|several)"
            r"\s+(breaths?|seconds?|minutes?)$",
        }
    ),
]


class Count(Model):
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
        if value > MAX_COUNT:
            raise PydanticCustomError(
                "posebook_count", "must be at most {most}, got {value}", {"value": value, "most": MAX_COUNT}
            )
        return Count(low=value)
    if isinstance(value, str):
        # Digits are counted before they are read: Python refuses to read very long numbers at all.
        match = re.fullmatch(r"\s*(\d{1,12})\s*(?:-|–|to)\s*(\d{1,12})\s*", value)
        if match and 1 <= int(match[1]) < int(match[2]) <= MAX_COUNT:
            return Count(low=int(match[1]), high=int(match[2]))
        if match and int(match[2]) > MAX_COUNT:
            raise PydanticCustomError(
                "posebook_count", "must be at most {most}, got {shown}", {"shown": shown(value), "most": MAX_COUNT}
            )
    raise PydanticCustomError(
        "posebook_count",
        "expected a whole number of times such as 3, or a range such as '5-10', got {shown}",
        {"shown": shown(value)},
    )


CountField = Annotated[
    Count,
    BeforeValidator(parse_count),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_COUNT},
                {"type": "string", "pattern": r"^\d+\s*(-|–|to)\s*\d+$"},
            ]
        }
    ),
]


# --- body parts ------------------------------------------------------------------------

BODY_PARTS = (
    "head",
    "shoulders",
    "chest",
    "waist",
    "lower back",
    "sacrum",
    "pelvis",
    "hips",
    "front hip",
    "thigh",
    "knee",
    "shin",
    "ankle",
    "foot",
    "upper arm",
    "elbow",
    "forearm",
    "hand",
)
LIMB_PARTS = ("hip", "front hip", "thigh", "knee", "shin", "ankle", "foot", "upper arm", "elbow", "forearm", "hand")
_PART = re.compile(r"^(?:(?P<side>near|far|right|left|both) )?(?P<part>[a-z ]+?)s?$")
PART_HELP = (
    "a body part such as 'sacrum', 'head', 'thighs', 'right ankle', 'near hand' or 'far knee' "
    "(right, left, near or far for an arm or a leg; near is the side facing you)"
)


def parse_part(value: Any) -> Any:
    """'right ankle', 'near hand', 'thighs', 'sacrum' -> the text as written, once it is known to name a part."""
    if not isinstance(value, str):
        raise PydanticCustomError(
            "posebook_part", "expected {help}, got {shown}", {"help": PART_HELP, "shown": shown(value)}
        )
    text = " ".join(value.lower().split())
    match = _PART.match(text.replace("feet", "foot"))
    part = match["part"] if match else text
    if part == "hip" and not (match and match["side"]):
        part = "hips"
    if not match or (part not in BODY_PARTS and part + "s" not in BODY_PARTS):
        words = [*BODY_PARTS, *(f"{side} {limb}" for side in ("right", "left", "near", "far") for limb in LIMB_PARTS)]
        raise PydanticCustomError(
            "posebook_part",
            "'{value}' is not a body part; use {help}",
            {"value": value, "help": PART_HELP, "suggestion": did_you_mean(text, words)},
        )
    if match["side"] and match["side"] != "both" and part not in LIMB_PARTS:
        raise PydanticCustomError(
            "posebook_part",
            "'{value}': only an arm or a leg has a right and left side; write '{part}'",
            {"value": value, "part": part, "suggestion": part},
        )
    return text


PartField = Annotated[str, BeforeValidator(parse_part), WithJsonSchema({"type": "string", "description": PART_HELP})]
