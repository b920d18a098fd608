"""The figure in words, from the same data it is drawn from: base, trunk, legs, arms, what each hand
rests on, props. Every contact it names holds in the drawing, within a few centimetres."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..i18n import Language, language
from ..model.words import N_, NP_
from .body import HAND_THICK, HEAD_RADIUS, RADII, Body
from .geometry import (
    Vec,
    angle_between,
    dot,
    lerp,
    mul,
    norm,
    segment_distance,
    sub,
    unit,
)
from .lay import SHAPE_WORDS, Layout, PropShape, lowest, side_word
from .reach import Reach, contacts

CONTACT = 3.0  # cm: a hand or foot this close to a part's surface rests on it, and the words may say so


@dataclass(frozen=True)
class Words:
    """What one limb does, in words: for one limb ('{s} hand on top of the {o} thigh'), for both at
    once when each does it on its own side ('hands on top of the thighs'), for both on one part
    ('hands just inside the {o} hip bone'), and which side's part it is (None: the trunk, a prop,
    or no part at all)."""

    one: str
    both: str
    shared: str = ""
    part_side: str | None = None
    contact: bool = False
    end: str = ""  # the hand or foot a contact is made with: '{end}' in the phrases
    part: str = ""  # the noun the {o} side word qualifies


def _subject(template: str) -> str:
    """The noun a phrase's {s} side word qualifies: the words after it ('{s} knee bent' -> knee)."""
    after = template.split("{s}", 1)[1].strip() if "{s}" in template else ""
    for noun in sorted(SIDE_NOUNS, key=len, reverse=True):
        if after.startswith(noun):
            return noun
    return "side"


# The side words, as each language says them of each noun ('derecha' of a knee, 'derecho' of an arm
# in Spanish): a phrase says whose side it names, and the catalog gives the word for that noun.
SIDE_NOUNS = {
    "hand": (NP_("side of hand", "right"), NP_("side of hand", "left")),
    "foot": (NP_("side of foot", "right"), NP_("side of foot", "left")),
    "arm": (NP_("side of arm", "right"), NP_("side of arm", "left")),
    "leg": (NP_("side of leg", "right"), NP_("side of leg", "left")),
    "knee": (NP_("side of knee", "right"), NP_("side of knee", "left")),
    "thigh": (NP_("side of thigh", "right"), NP_("side of thigh", "left")),
    "hip": (NP_("side of hip", "right"), NP_("side of hip", "left")),
    "shin": (NP_("side of shin", "right"), NP_("side of shin", "left")),
    "ankle": (NP_("side of ankle", "right"), NP_("side of ankle", "left")),
    "hip bone": (NP_("side of hip bone", "right"), NP_("side of hip bone", "left")),
    "side": (NP_("side of side", "right"), NP_("side of side", "left")),
    "upper arm": (NP_("side of upper arm", "right"), NP_("side of upper arm", "left")),
    "elbow": (NP_("side of elbow", "right"), NP_("side of elbow", "left")),
    "forearm": (NP_("side of forearm", "right"), NP_("side of forearm", "left")),
    "front hip": (NP_("side of front hip", "right"), NP_("side of front hip", "left")),
}


@dataclass(frozen=True)
class Phrasing:
    """Writing a figure's phrases in a language: a phrase's template from the catalog, with the side
    words ({s}, {o}) said as the language says them of the phrase's nouns."""

    words: Language
    facing: str
    mirrored: bool

    def side(self, which: str, noun: str) -> str:
        """'near' or 'far' as the word for right or left, said of a noun."""
        word = side_word(which, self.facing, self.mirrored)
        return self.words.pgettext(f"side of {noun}", word)

    def say(self, template: str, **values: str) -> str:
        return self.words.gettext(template).format(**values)


def alt_text(laid: Layout, mirrored: bool = False, words: Language | None = None) -> str:
    """The figure in words, from the same data: base, trunk, legs, arms, props."""
    figure = laid.figure
    say = Phrasing(words or language(), figure.facing, mirrored)
    base = laid.base
    phrases = [say.say(base.label, under=say.side("far", "side"))]
    phrases += _trunk_phrases(laid, say)
    phrases += _pair(laid, "leg", say)
    phrases += _pair(laid, "arm", say)
    phrases += _head_phrases(laid, say)
    for shape in laid.props:
        phrases.append(_prop_phrase(laid, shape, say))
    text = ", ".join(p for p in phrases if p)
    return text[0].upper() + text[1:] + "."


def _trunk_phrases(laid: Layout, say: Phrasing) -> list[str]:
    name = laid.figure.base
    out: list[str] = []
    if name == "supine":
        pelvis, shoulders = lowest(laid.body, "pelvis"), lowest(laid.body, "shoulders")
        if pelvis - shoulders > 8:
            out.append(say.say(N_("hips lifted")))
        if shoulders - laid.ground("shoulders") > 4:
            out.append(say.say(N_("head and shoulders lifted")))
    elif name == "prone":
        if laid.trunk <= -10:
            out.append(say.say(N_("chest lifted")))
    elif laid.base.upright:
        lean = laid.trunk
        if lean > 25:
            out.append(say.say(N_("folding forward") if name == "seated" else N_("leaning forward")))
        elif lean < -15:
            out.append(say.say(N_("leaning back")))
        elif name == "kneeling" and abs(laid.figure.side_bend or 0) < 8:
            out.append(say.say(N_("trunk upright")))
    bend = laid.figure.side_bend or 0
    if abs(bend) >= 8:
        right = "near" if laid.figure.facing == "right" else "far"
        left = "far" if right == "near" else "near"
        out.append(say.say(N_("bending sideways to the {s}"), s=say.side(right if bend > 0 else left, "side")))
    return out


# --- legs --------------------------------------------------------------------------------


def limb_angles(body: Body, which: str, limb: str) -> tuple[float, float, float]:
    """(flexion, bend, out) of a limb as drawn: the hip's or shoulder's angle toward the front of the
    body, the knee's or elbow's bend, and how far it goes out to its side."""
    frame = body.frames["pelvis" if limb == "leg" else "chest"]
    p = body.points
    root, middle, end = ("hip", "knee", "ankle") if limb == "leg" else ("shoulder", "elbow", "wrist")
    upper = unit(sub(p[f"{which} {middle}"], p[f"{which} {root}"]))
    lower = unit(sub(p[f"{which} {end}"], p[f"{which} {middle}"]))
    s = 1.0 if which == "near" else -1.0
    flexion = math.degrees(math.atan2(dot(upper, frame.f), -dot(upper, frame.u)))
    out = math.degrees(math.asin(max(-1.0, min(1.0, dot(upper, frame.l) * s))))
    return flexion, angle_between(upper, lower), out


def _leg(laid: Layout, which: str) -> Words | None:
    reach = _reach_of(laid, f"{which} foot")
    if reach is not None and reach.part != "floor":
        return _contact_words(laid, reach, "foot")
    found = _leg_pose(laid, which)
    return Words(*found) if found else None


def _leg_pose(laid: Layout, which: str) -> tuple[str, str] | None:
    """A phrase for one leg, singular ('{s} knee …') and for both legs at once."""
    figure = laid.figure
    hip, knee, _ = limb_angles(laid.body, which, "leg")
    foot_down = laid.touches(f"{which} foot") or laid.touches(f"{which} ankle")
    knee_down = laid.touches(f"{which} knee")
    if laid.base.on_side:
        foot_down = knee_down = False
    if laid.base.lying:
        if foot_down and knee >= 45:
            return N_("{s} knee bent, foot on the floor"), N_("knees bent, feet on the floor")
        if foot_down and knee < 30:
            return N_("{s} leg long on the floor"), N_("both legs long on the floor")
        if hip >= 95 and knee >= 60:
            return N_("{s} knee drawn toward the chest"), N_("both knees drawn toward the chest")
        if 20 <= hip < 95 and knee >= 45:
            return N_("{s} knee bent in front"), N_("both knees bent in front")
        if hip >= 40 and knee < 30:
            return N_("{s} leg raised"), N_("both legs raised")
        if -20 < hip < 30 and knee < 30:
            return N_("{s} leg long"), N_("both legs long")
        if hip <= -15 and knee >= 45:
            return N_("{s} thigh taken back, knee bent"), N_("thighs taken back, knees bent")
        if hip <= -15:
            return N_("{s} leg reaching back"), N_("both legs reaching back")
        return (
            (N_("{s} knee bent"), N_("both knees bent")) if knee >= 45 else (N_("{s} hip bent"), N_("both hips bent"))
        )
    if figure.base == "seated" and hip >= 45 and knee < 30:
        if foot_down or knee_down:
            return N_("{s} leg long on the floor"), N_("both legs long on the floor")
        return N_("{s} leg long lifted"), N_("both legs long lifted")
    other = "far" if which == "near" else "near"
    other_down = laid.touches(f"{other} foot")
    if figure.base == "standing" and foot_down and knee < 30 and not other_down:
        return N_("standing on the {s} leg"), N_("standing on both legs")
    if figure.base == "standing" and hip >= 45 and knee >= 45 and not foot_down:
        return N_("{s} knee lifted in front"), N_("both knees lifted in front")
    if knee_down and figure.base != "seated":
        if hip <= -5:
            return N_("{s} knee down behind"), N_("both knees down behind")
        return N_("{s} knee on the floor"), N_("both knees on the floor")
    if hip >= 45 and knee >= 45 and foot_down:
        if figure.base == "seated":
            return N_("{s} knee bent, foot on the floor"), N_("knees bent, feet on the floor")
        return N_("{s} foot forward, knee bent"), N_("both knees bent")
    if hip >= 45 and knee < 30:
        return N_("{s} leg raised forward"), N_("both legs raised forward")
    if hip <= -10 and knee < 30:
        return N_("{s} leg straight behind"), N_("both legs straight behind")
    if hip <= -10 and knee >= 45:
        return N_("{s} foot lifted behind"), N_("both feet lifted behind")
    if -20 < hip < 20 and knee < 30:
        return None if figure.base == "standing" else (N_("{s} leg straight"), N_("both legs straight"))
    return (N_("{s} knee bent"), N_("knees bent")) if knee >= 45 else (N_("{s} hip bent"), N_("hips bent"))


# --- arms and what the hands rest on -----------------------------------------------------------


def _arm(laid: Layout, which: str) -> Words | None:
    reach = _reach_of(laid, f"{which} hand")
    if reach is None:
        reach = _touching(laid, which)
    if reach is not None:
        return _contact_words(laid, reach, "hand")
    found = _arm_pose(laid, which)
    return Words(*found) if found else None


def _arm_pose(laid: Layout, which: str) -> tuple[str, str] | None:
    body = laid.body
    flexion, elbow, out = limb_angles(body, which, "arm")
    chest = body.frames["chest"]
    arm = unit(sub(body.points[f"{which} elbow"], body.points[f"{which} shoulder"]))
    raised = angle_between(arm, mul(chest.u, -1.0))
    if raised <= 35 and elbow < 20:
        return N_("{s} arm by the side"), N_("arms by the sides")
    if raised >= 150:
        return N_("{s} arm overhead"), N_("arms overhead")
    if out >= 50 and elbow < 30:
        return N_("{s} arm out to the side"), N_("arms out to the sides")
    if 45 <= flexion < 150 and elbow < 30:
        up = laid.figure.base == "supine" and abs(laid.trunk) < 10
        return (
            (N_("{s} arm reaching up"), N_("arms reaching up"))
            if up
            else (N_("{s} arm reaching forward"), N_("arms reaching forward"))
        )
    if flexion <= -30 and elbow < 30:
        return N_("{s} arm reaching back"), N_("arms reaching back")
    return None


def _reach_of(laid: Layout, end: str) -> Reach | None:
    return next((r for r in laid.reaches if r.end == end), None)


def _touching(laid: Layout, which: str) -> Reach | None:
    """A part the hand happens to rest on, without a reach saying so: the words may name it, as it holds."""
    for part, sides in (
        ("thigh", ("near", "far")),
        ("knee", ("near", "far")),
        ("hip", (which,)),
        ("belly", (None,)),
        ("chest", (None,)),
    ):
        for side in sides:
            reach = Reach("", f"{which} hand", part, side)
            if contact_distance(laid, reach) <= CONTACT:
                return reach
    return None


def contact_distance(laid: Layout, reach: Reach) -> float:
    """How far the end's palm (or sole) is from the nearest place on the part it should rest on."""
    side, _, kind = reach.end.partition(" ")
    p = laid.points
    end = (
        lerp(p[f"{side} wrist"], p[f"{side} fingers"], 0.45)
        if kind == "hand"
        else lerp(p[f"{side} heel"], p[f"{side} toes"], 0.5)
    )
    thick = HAND_THICK / 2 if kind == "hand" else RADII["foot"]
    places = contacts(laid.body, reach, lambda slug: _prop_top(laid, slug))
    if not places:
        return math.inf
    if reach.part in ("forehead", "head"):
        thick += HAND_THICK * max(0, reach.shared - 1)  # the hand under the other one
    if reach.part == "ankle":
        thick += RADII["shin"]
    beside = 4.5 if reach.shared and reach.part not in ("forehead", "head") else 0.0  # side by side with the other hand
    return max(0.0, min(norm(sub(end, place.point)) for place in places) - thick - beside)


def _prop_top(laid: Layout, slug: str) -> Vec | None:
    found = next((s for s in laid.props if s.slug == slug), None)
    return (found.x, found.top, found.z) if found is not None else None


CONTACT_WORDS = {
    # part: (one hand, both hands on their own sides, both hands on one part), the noun of {o}
    "thigh": (
        N_("{s} {end} on top of the {o} thigh"),
        N_("{ends} on top of the thighs"),
        N_("{ends} on top of the {o} thigh"),
        "thigh",
    ),
    "knee": (N_("{s} {end} on the {o} knee"), N_("{ends} on the knees"), N_("{ends} on the {o} knee"), "knee"),
    "shin": (N_("{s} {end} on the {o} shin"), N_("{ends} on the shins"), N_("{ends} on the {o} shin"), "shin"),
    "ankle": (
        N_("{s} {end} holding the {o} ankle"),
        N_("{ends} holding the ankles"),
        N_("{ends} holding the {o} ankle"),
        "ankle",
    ),
    "foot": (
        N_("{s} {end} holding the {o} foot"),
        N_("{ends} holding the feet"),
        N_("{ends} holding the {o} foot"),
        "foot",
    ),
    "hip": (N_("{s} {end} on the {o} hip"), N_("{ends} on the hips"), N_("{ends} on the {o} hip"), "hip"),
    "front hip": (
        N_("{s} {end} just inside the {o} hip bone"),
        N_("{ends} just inside the hip bones"),
        N_("{ends} just inside the {o} hip bone"),
        "hip bone",
    ),
    "belly": (N_("{s} {end} on the belly"), N_("{ends} on the belly"), N_("{ends} on the belly"), ""),
    "chest": (N_("{s} {end} on the chest"), N_("{ends} on the chest"), N_("{ends} on the chest"), ""),
    "lower back": (
        N_("{s} {end} under the lower back"),
        N_("{ends} under the lower back"),
        N_("{ends} under the lower back"),
        "",
    ),
    "sacrum": (N_("{s} {end} under the sacrum"), N_("{ends} under the sacrum"), N_("{ends} under the sacrum"), ""),
    "floor": (N_("{s} {end} on the floor"), N_("{ends} on the floor"), N_("{ends} on the floor"), ""),
    "forehead": (
        N_("forehead resting on the {s} {end}"),
        N_("forehead resting on the {ends}"),
        N_("forehead resting on the {ends}"),
        "",
    ),
    "head": (N_("{s} {end} under the head"), N_("{ends} under the head"), N_("{ends} under the head"), ""),
}
# Not under the head but on it; on a prop resting on the body.
ON_HEAD = {
    "head": (N_("{s} {end} on the head"), N_("{ends} on the head")),
    "forehead": (N_("{s} {end} on the forehead"), N_("{ends} on the forehead")),
}
ON_PROP = (N_("{s} {end} on the {prop}"), N_("{ends} on the {prop}"))


def _contact_words(laid: Layout, reach: Reach, kind: str) -> Words:
    if reach.part in ("forehead", "head") and not _under_head(laid, reach):
        one, both = ON_HEAD[reach.part]
        return Words(one, both, both, None, True, kind)
    if reach.prop:
        one, both = ON_PROP
        label = _prop_top_label(laid, reach.part)
        return Words(
            one.replace("{prop}", label), both.replace("{prop}", label), both.replace("{prop}", label), None, True, kind
        )
    one, own, shared, noun = CONTACT_WORDS[reach.part]
    return Words(one, own, shared, reach.part_side, True, kind, noun)


def _under_head(laid: Layout, reach: Reach) -> bool:
    """The hand lies under the head (the head rests on it), not on top of it."""
    side = reach.end.split()[0]
    return lerp(laid.points[f"{side} wrist"], laid.points[f"{side} fingers"], 0.45)[1] < laid.points["head"][1]


def _prop_top_label(laid: Layout, slug: str) -> str:
    found = next((s for s in laid.props if s.slug == slug), None)
    return found.label if found is not None else slug.replace("-", " ")


ENDS = {"hand": (N_("hand"), N_("hands")), "foot": (N_("foot"), N_("feet"))}


def _pair(laid: Layout, limb: str, say: Phrasing) -> list[str]:
    describe = _leg if limb == "leg" else _arm
    near, far = describe(laid, "near"), describe(laid, "far")

    def values(found: Words, which: str | None, part_side: str | None) -> dict[str, str]:
        out = {}
        if found.end:
            end, ends = ENDS[found.end]
            out.update(end=say.say(end), ends=say.say(ends))
            if which is not None:
                out["s"] = say.side(which, found.end)
        elif which is not None:
            out["s"] = say.side(which, _subject(found.one))
        if part_side is not None and found.part:
            out["o"] = say.side(part_side, found.part)
        return out

    def one(found: Words | None, which: str) -> str:
        if found is None:
            return ""
        return say.say(found.one, **values(found, which, found.part_side or which))

    if near is not None and far is not None and near.one == far.one:
        if not near.contact:
            return [say.say(near.both)]
        if near.part_side is None and far.part_side is None:
            return [say.say(near.shared, **values(near, None, None))]  # both on one part of the trunk, or one prop
        if (near.part_side, far.part_side) == ("near", "far"):
            return [say.say(near.both, **values(near, None, None))]  # each on its own side
        if near.part_side == far.part_side:
            return [say.say(near.shared, **values(near, None, near.part_side))]  # both on one side's part
    return [one(near, "near"), one(far, "far")]


def _head_phrases(laid: Layout, say: Phrasing) -> list[str]:
    """A head resting on an arm (lying on the side)."""
    if not laid.base.on_side:
        return []
    p = laid.points
    head = p["head"]
    for which in ("far", "near"):
        for a, b, r in (
            (f"{which} shoulder", f"{which} elbow", RADII["upper_arm"]),
            (f"{which} elbow", f"{which} wrist", RADII["forearm"]),
        ):
            d, _ = segment_distance(head, p[a], p[b])
            if d <= HEAD_RADIUS + r + 1.5 and min(p[a][1], p[b][1]) < head[1] - HEAD_RADIUS * 0.5:
                return [say.say(N_("head resting on the {s} arm"), s=say.side(which, "arm"))]
    return []


PART_PHRASES = {
    # a body part as a prop's phrase names it, with its article: a side word where it has one
    "head": NP_("body part", "the head"),
    "shoulders": NP_("body part", "the shoulders"),
    "chest": NP_("body part", "the chest"),
    "waist": NP_("body part", "the waist"),
    "lower back": NP_("body part", "the lower back"),
    "sacrum": NP_("body part", "the sacrum"),
    "pelvis": NP_("body part", "the pelvis"),
    "hips": NP_("body part", "the hips"),
    "front hip": NP_("body part", "the {s} front hip"),
    "front hips": NP_("body part", "the front hips"),
    "hip": NP_("body part", "the {s} hip"),
    "thigh": NP_("body part", "the {s} thigh"),
    "thighs": NP_("body part", "the thighs"),
    "knee": NP_("body part", "the {s} knee"),
    "knees": NP_("body part", "the knees"),
    "shin": NP_("body part", "the {s} shin"),
    "shins": NP_("body part", "the shins"),
    "ankle": NP_("body part", "the {s} ankle"),
    "ankles": NP_("body part", "the ankles"),
    "foot": NP_("body part", "the {s} foot"),
    "feet": NP_("body part", "the feet"),
    "upper arm": NP_("body part", "the {s} upper arm"),
    "upper arms": NP_("body part", "the upper arms"),
    "elbow": NP_("body part", "the {s} elbow"),
    "elbows": NP_("body part", "the elbows"),
    "forearm": NP_("body part", "the {s} forearm"),
    "forearms": NP_("body part", "the forearms"),
    "hand": NP_("body part", "the {s} hand"),
    "hands": NP_("body part", "the hands"),
}


def _part_phrase(text: str, laid: Layout, say: Phrasing) -> str:
    """A body part as the figure data names it ('left ankle', 'near hand', 'thighs'), in words."""
    first, _, rest = text.partition(" ")
    which = None
    if first in ("near", "far") and rest:
        which, text = first, rest
    elif first in ("right", "left") and rest:
        which, text = ("near" if first == laid.figure.facing else "far"), rest
    template = PART_PHRASES.get(text)
    if template is None:
        return ("the " + (say.side(which, "side") + " " if which else "") + text).strip()
    noun = text.removesuffix("s") if text.endswith("s") and text.removesuffix("s") in SIDE_NOUNS else text
    side = say.side(which, noun if noun in SIDE_NOUNS else "side") if which else ""
    phrase = say.words.pgettext("body part", template)
    return " ".join(phrase.format(s=side).split()) if "{s}" in template else phrase


def _prop_name(shape: PropShape, say: Phrasing) -> str:
    """A prop's name in a phrase, as rolled or folded where the figure draws it so."""
    for shape_name, adjective in SHAPE_WORDS.items():
        if shape.shape == shape_name and shape.label.startswith(adjective + " "):
            template = N_("rolled {prop}") if adjective == "rolled" else N_("folded {prop}")
            return say.say(template, prop=shape.label.removeprefix(adjective + " "))
    return shape.label


def _prop_phrase(laid: Layout, shape: PropShape, say: Phrasing) -> str:
    use = shape.placed
    assert use is not None
    prop = _prop_name(shape, say)

    def part(text: str) -> str:
        return _part_phrase(text, laid, say)

    if use.under is not None:
        return say.say(N_("{prop} under {part}"), prop=prop, part=part(use.under))
    if use.on is not None:
        other = next((o for o in laid.props if o.slug == use.on), None)
        if other is not None:
            return say.say(N_("{prop} resting on the {other}"), prop=prop, other=_prop_name(other, say))
        return say.say(N_("{prop} on {part}"), prop=prop, part=part(use.on))
    if use.around is not None:
        if use.held:
            return say.say(
                N_("{prop} around {part}, held in {hand}"), prop=prop, part=part(use.around), hand=part(use.held)
            )
        return say.say(N_("{prop} around {part}"), prop=prop, part=part(use.around))
    return say.say(N_("{prop} in {part}"), prop=prop, part=part(use.held or ""))
