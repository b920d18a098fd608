"""Reaches: a hand (or foot) put on a body part or a prop by bending the arm (or leg) to get it
there, a two-link inverse kinematics within the elbow's (or knee's) range, instead of where fixed
angles would leave it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Figure
from ..model.figure import REACH_ENDS, REACH_HELP, REACH_PARTS, REACH_TRUNK
from ..problems import did_you_mean
from .body import (
    HAND_THICK,
    HEAD_PLACES,
    HEAD_RADIUS,
    HEEL,
    LENGTHS,
    PALM,
    RADII,
    SOLE,
    TOE,
    Body,
    point_radius,
)
from .errors import FigureError
from .geometry import (
    Frame,
    Vec,
    add,
    along,
    cross,
    dot,
    lerp,
    mix,
    mul,
    norm,
    sub,
    unit,
)

MAX_BEND = 170.0  # the most an elbow or a knee bends
UNDER_PARTS = (
    "lower back",
    "sacrum",
    "head",
    "forehead",
    "floor",
)  # a hand goes under these, between them and the floor
SHOULDER_GIVE = 4.0  # cm the shoulder may move toward what the hand reaches for
PLURALS = {
    "thighs": "thigh",
    "knees": "knee",
    "shins": "shin",
    "ankles": "ankle",
    "feet": "foot",
    "hips": "hip",
    "front hips": "front hip",
}
# Where along a segment a hand rests by preference, and how far along it may go to reach it.
ALONG = {"thigh": (0.6, 0.1, 0.85), "shin": (0.5, 0.15, 0.8), "foot": (0.55, 0.3, 0.8)}
SEGMENT_OF = {"thigh": ("hip", "knee", "thigh"), "shin": ("knee", "ankle", "shin"), "foot": ("heel", "toes", "foot")}


@dataclass(frozen=True)
class Reach:
    """One end put on one part: which end ('near hand' …), what it rests on, as the alt text says it."""

    key: str  # as written, for errors
    end: str  # 'near hand', 'far foot'
    part: str  # 'thigh', 'belly', 'forehead', or a prop's slug
    part_side: str | None  # 'near' or 'far' for a limb part, None for the trunk, the head or a prop
    prop: bool = False
    shared: int = 0  # 0 alone; 1 or 2 when both ends rest on the same part (side by side, or stacked)


def parse_reaches(figure: Figure) -> tuple[Reach, ...]:
    """The figure's reaches, one per end, checked. Raise FigureError at ('reach', key) for words it can't use."""
    out: list[Reach] = []
    seen: dict[str, str] = {}
    props_on_body = {use.prop for use in figure.props if use.on is not None}
    slugs = [use.prop for use in figure.props]
    for key, target in figure.reach.items():
        words = " ".join(key.lower().split())
        if words not in REACH_ENDS:
            raise FigureError(
                ("reach", key),
                f"'{key}' is not a hand or a foot; use one of: " + ", ".join(REACH_ENDS),
                did_you_mean(words, REACH_ENDS),
            )
        kind = "hand" if "hand" in words else "foot"
        if words in ("hands", "both hands", "feet", "both feet"):
            ends = [f"near {kind}", f"far {kind}"]
        else:
            which = words.split()[0]
            ends = [f"{_near_or_far(which, figure.facing)} {kind}"]
        text = " ".join(target.lower().split())
        parsed = _parse_target(text, slugs)
        if parsed is None:
            words_known = [
                *REACH_TRUNK,
                "floor",
                *(f"{s} {p}" for s in ("right", "left") for p in REACH_PARTS),
                *PLURALS,
                *REACH_PARTS,
                *slugs,
            ]
            raise FigureError(
                ("reach", key),
                f"'{target}' is not a part a {kind} can reach; use {REACH_HELP}",
                did_you_mean(text, words_known),
            )
        which, part, plural, prop = parsed
        if prop and part not in props_on_body:
            raise FigureError(
                ("reach", key),
                f"the {part} is not resting on the body, so a {kind} can't be put on "
                f"it; place it with 'on:' a body part, or reach a body part",
            )
        if kind == "foot" and part in ("forehead", "head"):
            raise FigureError(
                ("reach", key),
                f"a foot can't reach the {part}; name a part a foot can rest on, such as the other knee or thigh",
            )
        for n, end in enumerate(ends):
            if end in seen:
                raise FigureError(
                    ("reach", key),
                    f"the {_words(end, figure.facing)} already reaches the "
                    f"{seen[end]}; say where each hand or foot goes once",
                )
            end_side = end.split()[0]
            if prop or part in REACH_TRUNK or part == "floor":
                part_side = None
            elif which is not None:
                part_side = _near_or_far(which, figure.facing)
            else:
                part_side = end_side  # 'thighs', or 'thigh' with no side: each its own
            if kind == "hand" and part_side is None and part in ("hip", "front hip"):
                part_side = end_side
            if part_side is not None and kind == "foot" and part_side == end_side:
                raise FigureError(("reach", key), f"a foot can't reach its own leg; name the other leg's {part}")
            shared = (
                n + 1
                if len(ends) == 2 and not plural and part != "floor" and (part_side is None or which is not None)
                else 0
            )
            seen[end] = target
            out.append(Reach(key, end, part, part_side, prop, shared))
    return tuple(out)


def _parse_target(text: str, slugs: list[str]) -> tuple[str | None, str, bool, bool] | None:
    """'right thigh' -> ('right', 'thigh', plural?, prop?)."""
    if text in slugs:
        return None, text, False, True
    if text in REACH_TRUNK or text == "floor":
        return None, text, False, False
    match = re.fullmatch(r"(?:(right|left|near|far) )?(.+)", text)
    if not match:
        return None
    which, name = match[1], match[2]
    if name in PLURALS and which is None:
        return None, PLURALS[name], True, False
    if name in REACH_PARTS:
        return which, name, False, False
    return None


def _near_or_far(which: str, facing: str) -> str:
    if which in ("near", "far"):
        return which
    return "near" if which == facing else "far"


def _words(end: str, facing: str) -> str:
    side, _, part = end.partition(" ")
    other = "left" if facing == "right" else "right"
    return f"{facing if side == 'near' else other} {part}"


# --- where on the part ------------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    point: Vec  # on the part's surface
    normal: Vec  # out of the surface, where the palm (or sole) lies
    axis: Vec | None  # the part's long direction, which a hand lies along; None for a round part


def contacts(body: Body, reach: Reach, prop_top: Callable[[str], Vec | None]) -> list[Contact]:
    """The places on the part where the end may rest, best first."""
    p, f = body.points, body.frames
    pelvis, chest = f["pelvis"], f["chest"]
    side = reach.part_side
    s = 1.0 if side == "near" else -1.0
    if reach.prop:
        top = prop_top(reach.part)
        return [Contact(top, (0.0, 1.0, 0.0), None)] if top is not None else []
    part = reach.part
    if part in SEGMENT_OF:
        a, b, seg = SEGMENT_OF[part]
        start, end = p[f"{side} {a}"], p[f"{side} {b}"]
        frame = f[f"{side} {seg}"]
        radius = RADII[seg]
        prefer, low, high = ALONG[part]
        steps = sorted(
            {round(low + i * 0.05, 2) for i in range(int((high - low) / 0.05) + 1)}, key=lambda t: (abs(t - prefer), t)
        )
        axis = unit(sub(end, start))
        return [Contact(along(lerp(start, end, t), frame.f, radius), frame.f, axis) for t in steps]
    if part == "knee":
        frame = f[f"{side} thigh"]
        return [Contact(along(p[f"{side} knee"], frame.f, point_radius("knee")), frame.f, None)]
    if part == "ankle":
        frame = f[f"{side} shin"]
        return [Contact(p[f"{side} ankle"], frame.f, None)]  # the normal is turned toward the hand below
    sections = body.sections
    if part == "hip":
        crest = sections["crest"]
        return [Contact(along(crest.centre, crest.l, s * crest.width), mul(crest.l, s), None)]
    if part == "front hip":
        below = sections["pelvis"]
        centre = along(below.centre, pelvis.u, 6.0)
        point = mix((centre, 1.0), (pelvis.f, below.depth * 0.85), (pelvis.l, s * 10.0))
        return [Contact(point, pelvis.f, None)]
    if part in ("belly", "lower back"):
        waist = sections["waist"]
        front = 1.0 if part == "belly" else -1.0
        # A hand on the belly lies along the trunk, so the picture shows it on the belly.
        return [Contact(along(waist.centre, waist.f, front * waist.depth), mul(waist.f, front), pelvis.u)]
    if part == "sacrum":
        below = sections["pelvis"]
        return [Contact(along(below.centre, below.f, -below.depth), mul(below.f, -1.0), None)]
    if part == "chest":
        ribs, chest_ = sections["ribs"], sections["chest"]
        centre = lerp(ribs.centre, chest_.centre, 0.5)
        depth = (ribs.depth + chest_.depth) / 2
        return [Contact(along(centre, chest.f, depth), chest.f, chest.u)]
    head = f["head"]
    au, af = HEAD_PLACES["forehead" if part == "forehead" else "back of the head"]
    n = unit(mix((head.u, au), (head.f, af)))
    point = along(p["head"], n, HEAD_RADIUS)
    # A head resting on the hands: they lie under it, one on the other.
    stack = (0.0, -1.0, 0.0) if n[1] < -0.3 else n
    return [Contact(point, stack, None)]


# --- the limb that gets it there ----------------------------------------------------------


def two_link(
    root: Vec, target: Vec, a: float, b: float, pole: Vec, above: float = -math.inf
) -> tuple[Vec, float] | None:
    """The middle joint of a two-segment limb from root to target, bent toward `pole` (but kept
    at or above the height `above`, the floor, if it can be), and the bend in degrees; None if the
    target is out of reach or too close for the joint's range."""
    d = norm(sub(target, root))
    if d > a + b + 1e-6:
        return None
    closest = math.sqrt(a * a + b * b - 2 * a * b * math.cos(math.radians(180 - MAX_BEND)))
    if d < closest - 1e-6:
        return None
    d = max(min(d, a + b), 1e-6)
    n = unit(sub(target, root))
    cos_a = max(-1.0, min(1.0, (a * a + d * d - b * b) / (2 * a * d)))
    sin_a = math.sqrt(1 - cos_a * cos_a)
    e = sub(pole, mul(n, dot(n, pole)))
    if norm(e) < 1e-6:
        e = cross(n, (0.0, 0.0, 1.0)) if abs(n[2]) < 0.9 else cross(n, (1.0, 0.0, 0.0))
    e = unit(e)
    centre = along(root, n, a * cos_a)
    radius = a * sin_a
    middle = along(centre, e, radius)
    if middle[1] < above and radius > 1e-6:
        # The joint would go through the floor: turn it about the root-target line, the least it
        # takes, until it rests on the floor (or as high as it goes).
        e2 = cross(n, e)
        c = (above - centre[1]) / radius
        k = math.hypot(e[1], e2[1])
        if k > 1e-9:
            phi = math.atan2(e2[1], e[1])
            if abs(c) <= k:
                spread = math.acos(c / k)
                turns = [phi + spread, phi - spread]
            else:
                turns = [phi]
            t = min(turns, key=lambda t: abs((t + math.pi) % (2 * math.pi) - math.pi))
            middle = mix((centre, 1.0), (e, radius * math.cos(t)), (e2, radius * math.sin(t)))
    cos_bend = max(-1.0, min(1.0, (d * d - a * a - b * b) / (2 * a * b)))
    return middle, math.degrees(math.acos(cos_bend))


def reach_gap(root: Vec, target: Vec, a: float, b: float) -> float:
    """How far the target is beyond what the limb can reach (negative: too close to bend that far)."""
    d = norm(sub(target, root))
    closest = math.sqrt(a * a + b * b - 2 * a * b * math.cos(math.radians(180 - MAX_BEND)))
    return d - (a + b) if d > a + b else d - closest if d < closest else 0.0


def apply(
    body: Body,
    figure: Figure,
    reaches: tuple[Reach, ...],
    prop_top: Callable[[str], Vec | None],
    floor: float = -math.inf,
) -> Body:
    """The body with each reaching limb bent so its end rests on its part. Feet first (a hand may
    reach a foot), then hands. Raise FigureError at ('reach', key) when a part is out of reach."""
    for reach in sorted(reaches, key=lambda r: (r.end.endswith("hand"), r.end)):
        if reach.part == "floor":
            continue  # laid down with the resting limbs
        options = contacts(body, reach, prop_top)
        placed = None
        best_gap = math.inf
        under = False
        for contact in options:
            if (
                reach.part not in UNDER_PARTS
                and contact.point[1] + contact.normal[1] * HAND_THICK - HAND_THICK / 2 < floor - 0.5
            ):
                under = True  # that side of the part lies on the floor: no room for a hand there
                continue
            attempt = _place(body, reach, contact, floor)
            if isinstance(attempt, float):
                best_gap = min(best_gap, attempt, key=abs)
                continue
            placed = attempt
            break
        if placed is None:
            kind = reach.end.partition(" ")[2]
            limb = "arm" if kind == "hand" else "leg"
            where = _words(reach.end, figure.facing)
            if under and best_gap == math.inf:
                message = (
                    f"the {where} can't reach the {_part_words(reach, figure.facing)}: the side of it a "
                    f"{kind} would rest on faces the floor; change the angles, or leave out this reach"
                )
            elif best_gap > 0:
                message = (
                    f"the {where} can't reach the {_part_words(reach, figure.facing)}: with these angles it "
                    f"is {best_gap:.0f} cm beyond the straight {limb}'s reach; bring the two closer "
                    f"(the trunk's or the legs' angles), or leave out this reach"
                )
            else:
                message = (
                    f"the {where} can't reach the {_part_words(reach, figure.facing)}: it is too close for "
                    f"the {'elbow' if kind == 'hand' else 'knee'} to bend that far; change the angles, or "
                    f"leave out this reach"
                )
            raise FigureError(("reach", reach.key), message)
        body = placed
    return body


def _part_words(reach: Reach, facing: str) -> str:
    if reach.part_side is None:
        return reach.part
    return f"{_words(reach.part_side + ' x', facing).split()[0]} {reach.part}"


def _place(body: Body, reach: Reach, contact: Contact, floor: float = -math.inf) -> Body | float:
    """The body with this end on this contact, or how far out of reach it is."""
    side, _, kind = reach.end.partition(" ")
    s = 1.0 if side == "near" else -1.0
    p, f = body.points, body.frames
    if kind == "hand":
        root, a, b = p[f"{side} shoulder"], LENGTHS["upper_arm"], LENGTHS["forearm"]
        chest = f["chest"]
        down: Vec = (0.0, -1.0, 0.0)
        pole = unit(mix((chest.l, s), (chest.f, -0.2), (down, 0.25), (chest.u, -0.45)))
        thick = HAND_THICK
    else:
        root, a, b = p[f"{side} hip"], LENGTHS["thigh"], LENGTHS["shin"]
        pelvis = f["pelvis"]
        pole = unit(mix((pelvis.f, 1.0), (pelvis.l, 0.3 * s)))
        thick = SOLE * 2
    normal = contact.normal
    if contact.axis is None and reach.part == "ankle":
        # A hand holds the ankle from the side it comes from.
        toward = sub(root, contact.point)
        axis = unit(sub(p[f"{reach.part_side} knee"], contact.point))
        normal = unit(sub(toward, mul(axis, dot(toward, axis))), fallback=normal)
        contact = Contact(along(contact.point, normal, RADII["shin"]), normal, None)
    layer = thick / 2
    across = None
    if reach.shared:
        if reach.part in ("forehead", "head"):
            layer += thick * (reach.shared - 1)  # stacked: the near hand against the head, the far one under it
        else:
            across = 4.5 if reach.shared == 1 else -4.5
    at = along(contact.point, normal, layer)
    if across is not None:
        sideways = unit(
            cross(normal, contact.axis or unit(cross(normal, (0.0, 0.0, 1.0)), fallback=(1.0, 0.0, 0.0))),
            fallback=(0.0, 0.0, 1.0),
        )
        at = along(at, sideways, across)
    # The hand lies along the part, fingers away from the shoulder; on a round part, the way the
    # forearm comes (found from the shoulder's direction, then again from the forearm's).
    middle_radius = RADII["upper_arm"] if kind == "hand" else RADII["thigh"]
    come = sub(at, root)
    points: dict[str, Vec] = {}
    start = root
    solved = None
    for _ in range(2 if kind == "hand" and contact.axis is None else 1):
        if contact.axis is not None:
            lie = contact.axis if dot(contact.axis, come) >= 0 else mul(contact.axis, -1.0)
        else:
            lie = unit(sub(come, mul(normal, dot(come, normal))), fallback=unit(come))
        if kind == "hand":
            end_joint = sub(at, mul(lie, LENGTHS["hand"] * PALM))
        else:
            # The ankle above the middle of the sole, which rests on the part.
            ahead = unit(sub(lie, mul(normal, dot(lie, normal))), fallback=lie)
            end_joint = mix((at, 1.0), (normal, SOLE), (ahead, -(TOE - HEEL) / 2))
        root = start
        short = reach_gap(root, end_joint, a, b)
        if kind == "hand" and 0 < short <= SHOULDER_GIVE:
            # The shoulder blade gives a little: the shoulder moves toward the hand's target.
            root = along(root, unit(sub(end_joint, root)), short)
        solved = two_link(root, end_joint, a, b, pole, floor + middle_radius)
        if solved is None:
            return reach_gap(root, end_joint, a, b)
        come = sub(end_joint, solved[0])
    assert solved is not None
    if root != start:
        points[f"{side} shoulder"] = root
    middle, _ = solved
    upper = unit(sub(middle, root))
    lower = unit(sub(end_joint, middle))
    names = ("elbow", "wrist", "upper arm", "forearm") if kind == "hand" else ("knee", "ankle", "thigh", "shin")
    upper_frame = _frame_for(upper, lower, f[f"{side} {names[2]}"], bends_forward=kind == "hand")
    lower_frame = _frame_for(lower, lower, upper_frame, bends_forward=kind == "hand")
    points.update({f"{side} {names[0]}": middle, f"{side} {names[1]}": end_joint})
    frames = {f"{side} {names[2]}": upper_frame, f"{side} {names[3]}": lower_frame}
    if kind == "hand":
        points[f"{side} fingers"] = along(end_joint, lie, LENGTHS["hand"])
        frames[f"{side} hand"] = Frame.from_u(mul(lie, -1.0), upper_frame.l)
    else:
        toes = unit(sub(lie, mul(normal, dot(lie, normal))), fallback=lie)
        foot = Frame(normal, mul(toes, -1.0), cross(normal, mul(toes, -1.0)))
        points[f"{side} heel"] = add(along(end_joint, toes, -HEEL), mul(normal, -SOLE))
        points[f"{side} toes"] = add(along(end_joint, toes, TOE), mul(normal, -SOLE))
        frames[f"{side} foot"] = foot
    return body.with_points(points, frames)


def _frame_for(direction: Vec, next_direction: Vec, previous: Frame, bends_forward: bool) -> Frame:
    """A segment's frame: along `direction`, its front turned toward where the next segment bends."""
    u = mul(direction, -1.0)
    bend = sub(next_direction, mul(direction, dot(next_direction, direction)))
    if norm(bend) > 1e-3:
        front = unit(bend) if bends_forward else mul(unit(bend), -1.0)
        return Frame(front, u, cross(front, u))
    return Frame.from_u(u, previous.l)
