"""The figure in words, from the same data it is drawn from: base, trunk, legs, arms, what each hand
rests on, props. Every contact it names holds in the drawing, within a few centimetres."""

from __future__ import annotations

import math
from dataclasses import dataclass

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
from .lay import Layout, PropShape, lowest, side_word
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


def alt_text(laid: Layout, mirrored: bool = False) -> str:
    """The figure in words, from the same data: base, trunk, legs, arms, props."""
    figure = laid.figure
    side = figure.facing

    def s(which: str) -> str:
        return side_word(which, side, mirrored)

    base = laid.base
    phrases = [base.label.format(under=s("far"))]
    phrases += _trunk_phrases(laid, s)
    phrases += _pair(laid, "leg", s)
    phrases += _pair(laid, "arm", s)
    phrases += _head_phrases(laid, s)
    for shape in laid.props:
        phrases.append(_prop_phrase(laid, shape, s))
    text = ", ".join(p for p in phrases if p)
    return text[0].upper() + text[1:] + "."


def _trunk_phrases(laid: Layout, s) -> list[str]:
    name = laid.figure.base
    out: list[str] = []
    if name == "supine":
        pelvis, shoulders = lowest(laid.body, "pelvis"), lowest(laid.body, "shoulders")
        if pelvis - shoulders > 8:
            out.append("hips lifted")
        if shoulders - laid.ground("shoulders") > 4:
            out.append("head and shoulders lifted")
    elif name == "prone":
        if laid.trunk <= -10:
            out.append("chest lifted")
    elif laid.base.upright:
        lean = laid.trunk
        if lean > 25:
            out.append("folding forward" if name == "seated" else "leaning forward")
        elif lean < -15:
            out.append("leaning back")
        elif name == "kneeling" and abs(laid.figure.side_bend or 0) < 8:
            out.append("trunk upright")
    bend = laid.figure.side_bend or 0
    if abs(bend) >= 8:
        right = "near" if laid.figure.facing == "right" else "far"
        left = "far" if right == "near" else "near"
        out.append(f"bending sideways to the {s(right if bend > 0 else left)}")
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
            return "{s} knee bent, foot on the floor", "knees bent, feet on the floor"
        if foot_down and knee < 30:
            return "{s} leg long on the floor", "both legs long on the floor"
        if hip >= 95 and knee >= 60:
            return "{s} knee drawn toward the chest", "both knees drawn toward the chest"
        if 20 <= hip < 95 and knee >= 45:
            return "{s} knee bent in front", "both knees bent in front"
        if hip >= 40 and knee < 30:
            return "{s} leg raised", "both legs raised"
        if -20 < hip < 30 and knee < 30:
            return "{s} leg long", "both legs long"
        if hip <= -15 and knee >= 45:
            return "{s} thigh taken back, knee bent", "thighs taken back, knees bent"
        if hip <= -15:
            return "{s} leg reaching back", "both legs reaching back"
        return ("{s} knee bent", "both knees bent") if knee >= 45 else ("{s} hip bent", "both hips bent")
    if figure.base == "seated" and hip >= 45 and knee < 30:
        on_floor = " on the floor" if foot_down or knee_down else " lifted"
        return "{s} leg long" + on_floor, "both legs long" + on_floor
    other = "far" if which == "near" else "near"
    other_down = laid.touches(f"{other} foot")
    if figure.base == "standing" and foot_down and knee < 30 and not other_down:
        return "standing on the {s} leg", "standing on both legs"
    if figure.base == "standing" and hip >= 45 and knee >= 45 and not foot_down:
        return "{s} knee lifted in front", "both knees lifted in front"
    if knee_down and figure.base != "seated":
        if hip <= -5:
            return "{s} knee down behind", "both knees down behind"
        return "{s} knee on the floor", "both knees on the floor"
    if hip >= 45 and knee >= 45 and foot_down:
        if figure.base == "seated":
            return "{s} knee bent, foot on the floor", "knees bent, feet on the floor"
        return "{s} foot forward, knee bent", "both knees bent"
    if hip >= 45 and knee < 30:
        return "{s} leg raised forward", "both legs raised forward"
    if hip <= -10 and knee < 30:
        return "{s} leg straight behind", "both legs straight behind"
    if hip <= -10 and knee >= 45:
        return "{s} foot lifted behind", "both feet lifted behind"
    if -20 < hip < 20 and knee < 30:
        return None if figure.base == "standing" else ("{s} leg straight", "both legs straight")
    return ("{s} knee bent", "knees bent") if knee >= 45 else ("{s} hip bent", "hips bent")


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
        return "{s} arm by the side", "arms by the sides"
    if raised >= 150:
        return "{s} arm overhead", "arms overhead"
    if out >= 50 and elbow < 30:
        return "{s} arm out to the side", "arms out to the sides"
    if 45 <= flexion < 150 and elbow < 30:
        up = laid.figure.base == "supine" and abs(laid.trunk) < 10
        return (
            ("{s} arm reaching up", "arms reaching up") if up else ("{s} arm reaching forward", "arms reaching forward")
        )
    if flexion <= -30 and elbow < 30:
        return "{s} arm reaching back", "arms reaching back"
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
    # part: (one hand, both hands on their own sides, both hands on one part)
    "thigh": ("{s} {end} on top of the {o} thigh", "{ends} on top of the thighs", "{ends} on top of the {o} thigh"),
    "knee": ("{s} {end} on the {o} knee", "{ends} on the knees", "{ends} on the {o} knee"),
    "shin": ("{s} {end} on the {o} shin", "{ends} on the shins", "{ends} on the {o} shin"),
    "ankle": ("{s} {end} holding the {o} ankle", "{ends} holding the ankles", "{ends} holding the {o} ankle"),
    "foot": ("{s} {end} holding the {o} foot", "{ends} holding the feet", "{ends} holding the {o} foot"),
    "hip": ("{s} {end} on the {o} hip", "{ends} on the hips", "{ends} on the {o} hip"),
    "front hip": (
        "{s} {end} just inside the {o} hip bone",
        "{ends} just inside the hip bones",
        "{ends} just inside the {o} hip bone",
    ),
    "belly": ("{s} {end} on the belly", "{ends} on the belly", "{ends} on the belly"),
    "chest": ("{s} {end} on the chest", "{ends} on the chest", "{ends} on the chest"),
    "lower back": ("{s} {end} under the lower back", "{ends} under the lower back", "{ends} under the lower back"),
    "sacrum": ("{s} {end} under the sacrum", "{ends} under the sacrum", "{ends} under the sacrum"),
    "floor": ("{s} {end} on the floor", "{ends} on the floor", "{ends} on the floor"),
    "forehead": (
        "forehead resting on the {s} {end}",
        "forehead resting on the {ends}",
        "forehead resting on the {ends}",
    ),
    "head": ("{s} {end} under the head", "{ends} under the head", "{ends} under the head"),
}


def _contact_words(laid: Layout, reach: Reach, kind: str) -> Words:
    if reach.part in ("forehead", "head") and not _under_head(laid, reach):
        # Not under the head: on it.
        part = reach.part
        return Words(
            "{s} " + kind + " on the " + part,
            _plural(kind) + " on the " + part,
            _plural(kind) + " on the " + part,
            None,
            True,
        )
    if reach.prop:
        label = _prop_top_label(laid, reach.part)
        return Words(
            "{s} " + kind + " on the " + label,
            _plural(kind) + " on the " + label,
            _plural(kind) + " on the " + label,
            None,
            True,
        )
    one, own, shared = CONTACT_WORDS[reach.part]
    return Words(
        one.replace("{end}", kind),
        own.replace("{ends}", _plural(kind)),
        shared.replace("{ends}", _plural(kind)),
        reach.part_side,
        True,
    )


def _under_head(laid: Layout, reach: Reach) -> bool:
    """The hand lies under the head (the head rests on it), not on top of it."""
    side = reach.end.split()[0]
    return lerp(laid.points[f"{side} wrist"], laid.points[f"{side} fingers"], 0.45)[1] < laid.points["head"][1]


def _prop_top_label(laid: Layout, slug: str) -> str:
    found = next((s for s in laid.props if s.slug == slug), None)
    return found.label if found is not None else slug.replace("-", " ")


def _plural(kind: str) -> str:
    return "hands" if kind == "hand" else "feet"


def _pair(laid: Layout, limb: str, s) -> list[str]:
    describe = _leg if limb == "leg" else _arm
    near, far = describe(laid, "near"), describe(laid, "far")

    def one(found: Words | None, which: str) -> str:
        if found is None:
            return ""
        return found.one.format(s=s(which), o=s(found.part_side or which))

    if near is not None and far is not None and near.one == far.one:
        if not near.contact:
            return [near.both]
        if near.part_side is None and far.part_side is None:
            return [near.shared]  # both on one part of the trunk, or one prop
        if (near.part_side, far.part_side) == ("near", "far"):
            return [near.both]  # each on its own side
        if near.part_side == far.part_side:
            return [near.shared.format(o=s(near.part_side))]  # both on one side's part
    return [one(near, "near"), one(far, "far")]


def _head_phrases(laid: Layout, s) -> list[str]:
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
                return [f"head resting on the {s(which)} arm"]
    return []


def _prop_phrase(laid: Layout, shape: PropShape, s) -> str:
    use = shape.placed
    assert use is not None

    def part(text: str) -> str:
        words = text.split(" ", 1)
        if words[0] in ("near", "far") and len(words) > 1:
            return f"{s(words[0])} {words[1]}"
        if words[0] in ("right", "left") and len(words) > 1:
            which = "near" if words[0] == laid.figure.facing else "far"
            return f"{s(which)} {words[1]}"
        return text

    if use.under is not None:
        return f"{shape.label} under the {part(use.under)}"
    if use.on is not None:
        other = next((o for o in laid.props if o.slug == use.on), None)
        return f"{shape.label} resting on the {other.label}" if other else f"{shape.label} on the {part(use.on)}"
    if use.around is not None:
        held = f", held in the {part(use.held)}" if use.held else ""
        return f"{shape.label} around the {part(use.around)}{held}"
    return f"{shape.label} in the {part(use.held or '')}"
