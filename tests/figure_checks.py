"""Checks the figure tests share, measured on the geometry itself: segment lengths, the floor, the
canvas, and every contact a figure's words name ("right hand on top of the right thigh",
"forehead resting on the hands", "block under the sacrum" …) holding within a few centimetres."""

from __future__ import annotations

import math
import re

import pytest

from posebook import figure as F

CONTACT = 3.0  # cm between the two surfaces a phrase says touch
SEGMENTS = [("pelvis", "shoulders", None)] + [
    seg
    for side in ("near", "far")
    for seg in [
        (f"{side} hip", f"{side} knee", "thigh"),
        (f"{side} knee", f"{side} ankle", "shin"),
        (f"{side} heel", f"{side} toes", "foot"),
        (f"{side} shoulder", f"{side} elbow", "upper_arm"),
        (f"{side} elbow", f"{side} wrist", "forearm"),
        (f"{side} wrist", f"{side} fingers", "hand"),
    ]
]


def assert_lengths(laid: F.Layout) -> None:
    p = laid.points
    for a, b, name in SEGMENTS:
        if name is None:
            continue
        want = F.LENGTHS[name] if name != "foot" else 19.0
        assert math.dist(p[a], p[b]) == pytest.approx(want, abs=1e-6), (a, b)
    assert math.dist(p["shoulders"], p["neck"]) == pytest.approx(F.LENGTHS["neck"], abs=1e-6)
    assert math.dist(p["neck"], p["head"]) == pytest.approx(F.LENGTHS["head"], abs=1e-6)


def assert_nothing_below_the_floor(laid: F.Layout) -> None:
    for name in (*F.lay.DRAWN,):
        assert F.lowest(laid.body, name) >= -1e-6, name
    for name, section in laid.body.sections.items():
        assert section.lowest >= -1e-6, name


def assert_inside_canvas(scene: F.Scene) -> None:
    box = scene.canvas

    def inside(x: float, y: float, r: float = 0.0) -> None:
        sx, sy = box.to_svg((x, y))
        assert r - 1e-6 <= sx <= box.width - r + 1e-6 and r - 1e-6 <= sy <= box.height - r + 1e-6, (x, y, r)

    for kind, item in scene.layers:
        if kind == "limb":
            for a, b, r in item.segments:
                inside(*a, r)
                inside(*b, r)
        elif kind == "head":
            inside(*item.centre, item.radius)
        elif kind == "trunk":
            for q in (*item.pelvis, *item.chest):
                inside(*q)
        elif kind == "prop":
            inside(item.left, item.bottom)
            inside(item.left + item.width, item.bottom + item.height)
    # The floor is the same distance above the bottom of every canvas.
    assert box.bottom == pytest.approx(-3.0) or box.bottom < -3.0


# --- the words and the drawing ---------------------------------------------------------------

CONTACT_PHRASE = re.compile(
    r"^(?P<who>(?:right|left) (?:hand|foot)|hands|feet) (?P<how>on top of|on|holding|just inside|under) the "
    r"(?:(?P<side>right|left) )?(?P<part>.+)$"
)
PLURAL = {
    "thighs": "thigh",
    "knees": "knee",
    "shins": "shin",
    "ankles": "ankle",
    "feet": "foot",
    "hips": "hip",
    "hip bones": "hip bone",
}


def assert_contacts_hold(laid: F.Layout, alt: str, mirrored: bool) -> None:
    """Every contact the words name holds in the geometry, within a few centimetres."""
    facing = laid.figure.facing
    near_word = facing if not mirrored else ("left" if facing == "right" else "right")

    def which(word: str) -> str:
        return "near" if word == near_word else "far"

    labels = {shape.label: shape for shape in laid.props}
    props = list(laid.props)  # their phrases come last, in this order
    last_side = None
    current = None
    for phrase in alt.rstrip(".").split(", "):
        phrase = phrase[0].lower() + phrase[1:]
        words = phrase.split()
        if words[0] in ("right", "left"):
            last_side = which(words[0])
        if props and phrase.startswith(props[0].label + " "):
            current = props.pop(0)
            labels[current.label] = current  # this prop's own phrase: the right one of two alike
        found = CONTACT_PHRASE.match(phrase)
        if found and found["part"] == "floor":
            found = None
        if phrase.startswith("forehead resting on the "):
            rest = phrase.removeprefix("forehead resting on the ")
            hands = ["near", "far"] if rest == "hands" else [which(rest.split()[0])]
            for hand in hands:
                assert _to_forehead(laid, hand) <= CONTACT + F.body.HAND_THICK * (len(hands) - 1), phrase
        elif phrase.startswith("head resting on the "):
            arm = which(phrase.split()[-2])
            assert _head_on_arm(laid, arm) <= CONTACT, phrase
        elif " under the " in phrase and not (found and found["who"].split()[-1] in ("hand", "hands")):
            label, _, part = phrase.partition(" under the ")
            shape = labels[label]
            names = F.part_names(
                part
                if part.split()[0] not in ("right", "left")
                else f"{which(part.split()[0])} {part.split(' ', 1)[1]}",
                facing,
            )
            assert min(laid.gap(n) for n in names) <= F.TOLERANCE, phrase
            assert shape.y == 0
        elif " resting on the " in phrase:
            top, _, bottom = phrase.partition(" resting on the ")
            assert labels[top].y == pytest.approx(labels[bottom].top), phrase
        elif " around the " in phrase:
            label, _, part = phrase.partition(" around the ")
            shape = labels[label]
            names = F.part_names(_as_near_far(part, which), facing)
            assert min(math.dist(shape.centre, F.lay.place(laid.body, n)) for n in names) <= shape.width / 2 + 1e-6, (
                phrase
            )
        elif phrase.startswith("held in the "):
            side = which(phrase.split()[3])
            palm = _palm(laid, side)
            assert math.dist(current.line[1], palm) <= 1e-6, phrase
        elif found and found["part"] not in labels:
            who, part = found["who"], PLURAL.get(found["part"], found["part"])
            kind = "hand" if "hand" in who else "foot"
            if who in ("hands", "feet"):
                ends = ["near", "far"]
                own = found["side"] is None and found["part"] in PLURAL
                sides = ends if own else [which(found["side"])] * 2 if found["side"] else [None, None]
            else:
                ends = [which(who.split()[0])]
                sides = [which(found["side"]) if found["side"] else None]
            stacked = F.body.HAND_THICK if part in ("head", "forehead") and len(ends) == 2 else 0.0  # one on the other
            for end, side in zip(ends, sides):
                distance = _to_part(laid, kind, end, part, side)
                assert distance <= CONTACT + stacked, (phrase, end, round(distance, 1))
        elif found is None and " on the " in phrase and phrase.partition(" on the ")[0] in labels:
            # A prop on a body part: the middle of its bottom touches the part's surface.
            label, _, part = phrase.partition(" on the ")
            shape = labels[label]
            names = F.part_names(_as_near_far(part, which), facing)
            bottom = (shape.x, shape.y, shape.z)
            if part.endswith("front hip"):
                sections = laid.body.sections
                assert _between(bottom, sections["pelvis"], sections["crest"]) <= CONTACT, phrase
            elif names[0] in F.lay.TRUNK_WORDS:
                # On the trunk: on its outline, or on the top of one of its cross-sections.
                tops = [laid.body.sections[n].top_point() for n in F.lay.TRUNK_WORDS[names[0]]]
                near = min(math.dist(bottom, t) for t in tops)
                assert min(near, _to_surface(laid, names[0], bottom)) <= CONTACT, phrase
            elif len(names) == 1:
                assert _to_surface(laid, names[0], bottom) <= CONTACT, phrase
            else:  # across both thighs (or knees …): on the top of the higher one, between them
                tops = [F.lay.highest_point(laid.body, n)[1] for n in names]
                assert abs(shape.y - max(tops)) <= CONTACT, phrase
        elif found:  # a hand on a prop
            who = found["who"]
            shape = labels[found["part"]]
            ends = ["near", "far"] if who in ("hands", "feet") else [which(who.split()[0])]
            for end in ends:
                top = (shape.x, shape.top, shape.z)
                assert math.dist(_palm(laid, end), top) - F.RADII["hand"] <= CONTACT + 4.5, phrase
        elif phrase.endswith(("on the floor", "down behind")):
            # 'right knee bent, foot on the floor', 'both legs long on the floor', 'left knee down behind'
            part = "knee" if re.search(r"\bknees? (down|on)\b", phrase) else "foot"
            part = "hand" if "hand" in phrase else part
            sides = (
                ["near", "far"]
                if ("both" in phrase or "feet" in phrase or "knees" in phrase)
                else [which(words[0]) if words[0] in ("right", "left") else last_side]
            )
            for side in sides:
                ends = [f"{side} foot", f"{side} ankle"] if part == "foot" else [f"{side} {part}"]
                assert min(laid.gap(e) for e in ends) <= F.TOLERANCE, (phrase, side)
        elif not phrase.startswith(("lying on the", "standing on the", "on hands and knees")):
            assert not re.search(r"\b(on|holding|under|resting|around|inside)\b", phrase), f"unchecked: {phrase}"


def _as_near_far(part: str, which) -> str:
    words = part.split(" ", 1)
    return f"{which(words[0])} {words[1]}" if words[0] in ("right", "left") and len(words) > 1 else part


def _to_surface(laid: F.Layout, name: str, point) -> float:
    """How far a point is from the surface of a place of the body."""
    sections = laid.body.sections
    if name in F.lay.TRUNK_WORDS:
        found = F.lay.TRUNK_WORDS[name]
        first, last = sections[found[0]], sections[found[-1]]
        return _between(point, first, last) if first is not last else _ring_distance(point, first)
    if name == "head":
        return abs(math.dist(point, laid.points["head"]) - F.HEAD_RADIUS)
    side, _, part = name.partition(" ")
    ends = {
        "thigh": ("hip", "knee", "thigh"),
        "shin": ("knee", "ankle", "shin"),
        "upper arm": ("shoulder", "elbow", "upper_arm"),
        "forearm": ("elbow", "wrist", "forearm"),
        "foot": ("heel", "toes", "foot"),
        "hand": ("wrist", "fingers", "hand"),
    }
    if part in ends:
        a, b, r = ends[part]
        return abs(_segment_distance(point, laid.points[f"{side} {a}"], laid.points[f"{side} {b}"]) - F.RADII[r])
    return abs(math.dist(point, laid.points[name]) - F.body.point_radius(name))


def _palm(laid: F.Layout, side: str):
    p = laid.points
    return tuple(a + (b - a) * 0.45 for a, b in zip(p[f"{side} wrist"], p[f"{side} fingers"]))


def _sole(laid: F.Layout, side: str):
    p = laid.points
    return tuple((a + b) / 2 for a, b in zip(p[f"{side} heel"], p[f"{side} toes"]))


def _segment_distance(point, a, b) -> float:
    ab = [y - x for x, y in zip(a, b)]
    length2 = sum(c * c for c in ab)
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, sum((q - x) * c for q, x, c in zip(point, a, ab)) / length2))
    return math.dist(point, [x + c * t for x, c in zip(a, ab)])


def _ring_distance(point, section) -> float:
    return min(math.dist(point, q) for q in section.ring(64))


def _to_part(laid: F.Layout, kind: str, end: str, part: str, side: str | None) -> float:
    """Between the surface of the hand (or the sole) and the surface of the part."""
    p = laid.points
    at = _palm(laid, end) if kind == "hand" else _sole(laid, end)
    thick = F.RADII["hand"] if kind == "hand" else F.RADII["foot"]
    segments = {"thigh": ("hip", "knee", "thigh"), "shin": ("knee", "ankle", "shin"), "foot": ("heel", "toes", "foot")}
    if part in segments:
        a, b, seg = segments[part]
        front = laid.body.frames[f"{side} {seg}"].f
        r = F.RADII[seg]
        # On top of: on the front surface of the segment.
        ends = [tuple(q + f * r for q, f in zip(p[f"{side} {x}"], front)) for x in (a, b)]
        return _segment_distance(at, *ends) - thick
    if part == "knee":
        return math.dist(at, p[f"{side} knee"]) - F.RADII["thigh"] - thick
    if part == "ankle":
        return math.dist(at, p[f"{side} ankle"]) - F.RADII["shin"] - thick
    sections = laid.body.sections
    if part in ("hip", "hip bone"):
        # On the side of the pelvis (the hip), or on its front (just inside the hip bone): the
        # pelvis's outline, on the part's side.
        s = 1 if side == "near" else -1
        ring = [
            q
            for name in ("pelvis", "crest")
            for q in sections[name].ring(64)
            if (sum((a - b) * l for a, b, l in zip(q, sections[name].centre, sections[name].l)) * s) > 0
        ]
        return min(math.dist(at, q) for q in ring) - thick - (4.5 if part == "hip bone" else 0.0)
    if part in ("belly", "lower back"):
        return _between(at, sections["crest"], sections["waist"]) - thick - 4.5 * (1 if _both(laid, kind, part) else 0)
    if part == "chest":
        return _between(at, sections["ribs"], sections["chest"]) - thick
    if part == "sacrum":
        return _ring_distance(at, sections["pelvis"]) - thick
    if part in ("head", "forehead"):
        return math.dist(at, p["head"]) - F.HEAD_RADIUS - thick
    raise AssertionError(f"no check for '{part}'")


def _between(point, a, b) -> float:
    """How far a point is from the trunk's surface between two of its cross-sections (and a little beyond)."""
    best = math.inf
    for i in range(-2, 13):
        t = i / 10
        centre = tuple(x + (y - x) * t for x, y in zip(a.centre, b.centre))
        section = type(a)(centre, a.f, a.l, a.depth + (b.depth - a.depth) * t, a.width + (b.width - a.width) * t)
        best = min(best, _ring_distance(point, section))
    return best


def _both(laid: F.Layout, kind: str, part: str) -> bool:
    return sum(1 for r in laid.reaches if r.part == part and r.end.endswith(kind)) == 2


def _to_forehead(laid: F.Layout, hand: str) -> float:
    return math.dist(_palm(laid, hand), laid.points["head"]) - F.HEAD_RADIUS - F.RADII["hand"]


def _head_on_arm(laid: F.Layout, arm: str) -> float:
    p = laid.points
    gaps = [
        _segment_distance(p["head"], p[f"{arm} {a}"], p[f"{arm} {b}"]) - F.HEAD_RADIUS - F.RADII[r]
        for a, b, r in (("shoulder", "elbow", "upper_arm"), ("elbow", "wrist", "forearm"))
    ]
    return min(gaps)
