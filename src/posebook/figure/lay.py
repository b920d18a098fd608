"""Laying a figure down: the trunk settles so the body rests as its base says, a resting head
finds the floor, hands and feet reach what they should, the body sits on the floor (y = 0) and
the props under it, and every prop goes in place. Raise FigureError for data that can't be drawn."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from ..model import Figure, FigureProp, Prop, parse_part
from .body import (
    BASES,
    HAND_THICK,
    HEAD_PLACES,
    HEAD_RADIUS,
    LENGTHS,
    LIMB_SEGMENTS,
    PALM,
    RADII,
    SECTIONS,
    SIDES,
    SOLE,
    Base,
    Body,
    head_angle,
    point_radius,
    skeleton,
    with_head,
)
from .errors import FigureError
from .geometry import Frame, Vec, add, lerp, rotate, sub
from .reach import Reach, apply, contacts, parse_reaches

TOLERANCE = 1.0  # how far (cm) a part may float and still count as resting on something

SHAPE_SIZES = {  # along the mat, height, across the body; cm
    "block": (10.0, 15.0, 23.0),
    "folded-blanket": (28.0, 5.0, 60.0),
    "rolled-blanket": (15.0, 15.0, 60.0),
    "bolster": (22.0, 22.0, 60.0),
    "pillow": (45.0, 11.0, 30.0),
    "ball": (7.0, 7.0, 7.0),
    "kettlebell": (13.0, 17.0, 13.0),
    "table": (190.0, 70.0, 70.0),
    "strap": (0.0, 0.0, 0.0),
}
TABLE_EDGE = 12.0  # how far a bed or table goes beyond the part that lies on it, toward the feet
SHAPE_WORDS = {"rolled-blanket": "rolled", "folded-blanket": "folded"}

# What the trunk words of a figure stand for: the cross-sections of the trunk they name.
TRUNK_WORDS = {
    "pelvis": ("seat", "pelvis"),
    "hips": ("seat", "pelvis"),
    "sacrum": ("pelvis",),
    "front hip": ("pelvis",),
    "waist": ("waist",),
    "lower back": ("waist",),
    "chest": ("ribs", "chest"),
    "shoulders": ("chest", "shoulders"),
}
SINGULAR = {
    "thighs": "thigh",
    "knees": "knee",
    "shins": "shin",
    "ankles": "ankle",
    "feet": "foot",
    "foots": "foot",
    "elbows": "elbow",
    "forearms": "forearm",
    "upper arms": "upper arm",
    "hands": "hand",
    "front hips": "front hip",
    "hip": "hips",
}
# Points the lowest part of the body is looked for among (beside the trunk's sections).
DRAWN = (
    "head",
    "neck",
    *(
        f"{s} {p}"
        for s in SIDES
        for p in ("hip", "knee", "ankle", "heel", "toes", "shoulder", "elbow", "wrist", "fingers")
    ),
)


def part_names(part: str, facing: str) -> tuple[str, ...]:
    """The places of the body a part (as a teacher writes it) stands for: 'thighs' -> ('near thigh',
    'far thigh'), 'sacrum' -> ('sacrum',), 'right knee' -> ('near knee',) when the right side is near."""
    words = part.split(" ", 1)
    which, name = (
        (words[0], words[1]) if words[0] in ("near", "far", "right", "left", "both") and len(words) > 1 else ("", part)
    )
    if which in ("right", "left"):
        which = "near" if which == facing else "far"
    name = SINGULAR.get(name, name)
    if name in TRUNK_WORDS or name == "head":
        return (name,)
    if name == "front hip" and which in ("near", "far"):
        return ("pelvis",)
    if which in ("near", "far"):
        return (f"{which} {name}",)
    return tuple(f"{s} {name}" for s in SIDES)


def lowest(body: Body, name: str) -> float:
    """The height of the lowest point of a place of the body."""
    if name in TRUNK_WORDS:
        return min(body.sections[s].lowest for s in TRUNK_WORDS[name])
    if name in SECTIONS:
        return body.sections[name].lowest
    p = body.points
    side, _, part = name.partition(" ")
    if part in ("thigh", "shin", "upper arm", "forearm"):
        a, b = next((f"{side} {x}", f"{side} {y}") for seg, x, y in LIMB_SEGMENTS if seg == part)
        return (p[a][1] + p[b][1]) / 2 - RADII[part.replace(" ", "_")]
    if part == "foot":
        return min(p[f"{side} heel"][1], p[f"{side} toes"][1]) - RADII["foot"]
    if part == "hand":
        return lerp(p[f"{side} wrist"], p[f"{side} fingers"], 0.45)[1] - RADII["hand"]
    return p[name][1] - point_radius(name)


def highest_point(body: Body, name: str) -> Vec:
    """The top of a place of the body, where a prop on it rests."""
    if name in TRUNK_WORDS:
        return max((body.sections[n].top_point() for n in TRUNK_WORDS[name]), key=lambda q: q[1])
    side, _, part = name.partition(" ")
    seg = next(((a, b, part) for s, a, b in LIMB_SEGMENTS if s == part), None)
    if seg is not None:
        # A segment's top: the higher of its ends (a foot standing up: its toes), plus its thickness.
        high = max((body.points[f"{side} {seg[0]}"], body.points[f"{side} {seg[1]}"]), key=lambda q: q[1])
        return high[0], high[1] + RADII[part.replace(" ", "_")], high[2]
    x, y, z = place(body, name)
    return x, lowest(body, name) + 2 * (y - lowest(body, name)), z


def place(body: Body, name: str) -> Vec:
    """The middle of a place of the body."""
    if name in TRUNK_WORDS:
        return body.sections[TRUNK_WORDS[name][-1]].centre
    if name in body.sections:
        return body.sections[name].centre
    p = body.points
    side, _, part = name.partition(" ")
    seg = next(((x, y) for s, x, y in LIMB_SEGMENTS if s == part), None)
    if seg is not None:
        return lerp(p[f"{side} {seg[0]}"], p[f"{side} {seg[1]}"], 0.45 if part == "hand" else 0.5)
    return p[name]


@dataclass(frozen=True)
class PropShape:
    """A prop as drawn: its shape and its box, centred at x (along the mat) and z (across), standing on y."""

    slug: str
    shape: str
    label: str
    x: float
    z: float
    y: float
    width: float  # along the mat
    height: float
    depth: float  # across
    line: tuple[Vec, Vec] | None = None  # a strap: from the loop to the hand
    placed: FigureProp | None = None

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def centre(self) -> Vec:
        return self.x, self.y + self.height / 2, self.z


@dataclass(frozen=True)
class Layout:
    """A figure laid out: the body on the floor (y = 0), props in place, the trunk angle used."""

    figure: Figure
    body: Body
    props: tuple[PropShape, ...]
    trunk: float
    reaches: tuple[Reach, ...]

    @property
    def points(self) -> dict[str, Vec]:
        return self.body.points

    @property
    def base(self) -> Base:
        return BASES[self.figure.base]

    def ground(self, name: str) -> float:
        """The top of whatever is under a place of the body: a prop under it, or the floor."""
        unders = [p for p in self.props if p.placed is not None and p.placed.under is not None]
        return ground_under(self.body, unders, self.figure.facing, name)

    def gap(self, name: str) -> float:
        """How far a place's drawing is above whatever it rests on: the floor, or a prop under it."""
        return lowest(self.body, name) - self.ground(name)

    def touches(self, name: str) -> bool:
        return self.gap(name) <= TOLERANCE


def prop_shape(use: FigureProp, props: dict[str, Prop]) -> str | None:
    if use.shape:
        return use.shape
    prop = props.get(use.prop)
    return prop.shape if prop is not None else None


def prop_label(use: FigureProp, props: dict[str, Prop]) -> str:
    prop = props.get(use.prop)
    name = (prop.name if prop is not None else use.prop.replace("-", " ")).lower()
    if use.shape in SHAPE_WORDS and (prop is None or prop.shape != use.shape) and SHAPE_WORDS[use.shape] not in name:
        return f"{SHAPE_WORDS[use.shape]} {name}"
    return name


def layout(figure: Figure, props: dict[str, Prop]) -> Layout:
    """Lay the figure on the floor and its props. Raise FigureError for data that cannot be drawn."""
    return _layout(figure.model_dump_json(), props_key([figure], props))


def props_key(figures, props: dict[str, Prop]) -> tuple[tuple[str, str, str | None], ...]:
    """What drawing these figures needs of the props: slug, name and shape, hashable for the memos."""
    return tuple(
        sorted({(u.prop, props[u.prop].name, props[u.prop].shape) for f in figures for u in f.props if u.prop in props})
    )


def props_from_key(used: tuple[tuple[str, str, str | None], ...]) -> dict[str, Prop]:
    return {slug: Prop(name=name, summary=name, shape=shape, slug=slug) for slug, name, shape in used}


@functools.lru_cache(maxsize=4096)
def _layout(figure_json: str, used: tuple[tuple[str, str, str | None], ...]) -> Layout:
    # Pages, cards and checks all ask for the same figures: lay each out once. Pure, so safe to memoise.
    figure = Figure.model_validate_json(figure_json)
    props = props_from_key(used)
    _check_view(figure)
    _check_props(figure, props)
    reaches = parse_reaches(figure)
    base = BASES[figure.base]
    if figure.trunk is not None or base.on_side:
        return laid(figure, props, figure.trunk or 0.0, reaches)

    # Let the trunk settle where the body rests best on the floor and the props under it: every
    # 5 degrees, then every degree around the best of those.
    def score(t: int) -> tuple[float, int]:
        try:
            return round(unrest(laid(figure, props, float(t), reaches, settling=True)), 3), abs(t)
        except FigureError:
            return math.inf, abs(t)

    scores: dict[int, tuple[float, int]] = {}

    def scored(t: int) -> tuple[float, int]:
        if t not in scores:
            scores[t] = score(t)
        return scores[t]

    best = min(range(-90, 91, 15), key=scored)
    for step in (7, 3, 1):
        best = min((t for t in (best - step, best, best + step) if -90 <= t <= 90), key=scored)
    return laid(figure, props, float(best), reaches)


def unrest(laid_out: Layout) -> float:
    """How far the parts that should rest on something float above it, in all."""
    total = 0.0
    for group in laid_out.base.level or laid_out.base.support:
        total += min(max(laid_out.gap(p), 0.0) for p in group)
    for shape in laid_out.props:
        if shape.placed is not None and shape.placed.under is not None:
            total += sum(max(laid_out.gap(p), 0.0) for p in part_names(shape.placed.under, laid_out.figure.facing))
    return total


def laid(
    figure: Figure, props: dict[str, Prop], trunk: float, reaches: tuple[Reach, ...] = (), settling: bool = False
) -> Layout:
    """The figure at this trunk angle, on the floor and its props. While the trunk settles, the
    hands and feet that reach for a part are left out: they go where the rest of the body puts them."""
    facing = figure.facing
    base = BASES[figure.base]
    unders: list[tuple[FigureProp, tuple[str, ...], str, tuple[float, float, float]]] = []
    for use in figure.props:
        if use.under is not None:
            shape = prop_shape(use, props) or "block"
            unders.append((use, part_names(use.under, facing), shape, SHAPE_SIZES[shape]))
    body = skeleton(figure, trunk)
    # What each place of the body would rest on: a prop under it (the part named, or any part
    # above the prop), or the floor.
    under_shapes = _under_shapes(figure, props, body, unders)
    names = {*DRAWN, *SECTIONS, *(n for _, found, _, _ in unders for n in found)}
    ground = {n: ground_under(body, under_shapes, facing, n) for n in names}
    # Lying down, a head and the limbs left to rest (no angles, no reach) lie on the floor, or on
    # what is under them: found against the floor the rest of the body defines.
    # Hands under the head: the forehead on them lying face down, the back of the head lying on the back.
    under = {"prone": "forehead", "supine": "head"}.get(figure.base)
    reaching_head = [r for r in reaches if r.part == under and not r.prop]
    head_rests = base.head_rests and figure.head is None
    resting = _resting_limbs(figure, reaches)
    on_floor = [r for r in reaches if r.part == "floor"]
    skip = {f"{r.end.split()[0]} {p}" for r in reaches for p in LIMB_ENDS[r.end.split()[1]]}
    skip |= {f"{side} {p}" for side, kind in resting for p in LIMB_ENDS[kind]}
    if head_rests:
        skip |= {"head", "neck"}
    floor = -_lift(body, ground, skip)
    if base.on_side and figure.head is None:
        body = with_head(body, head_angle(figure), _side_head_tilt(body, floor + ground.get("head", 0.0)))
    if head_rests:
        place = None
        if reaching_head:
            place = "forehead" if reaching_head[0].part == "forehead" else "back of the head"
        under_head = ground.get("head", 0.0) + HAND_THICK * len(reaching_head)
        body = with_head(body, _resting_head(figure, body, floor + under_head, place))
        # A head that can't get down to the floor within its range may still reach below it.
        head_floor = -_lift(body, ground, skip - {"head", "neck"})
        if not reaching_head:
            floor = min(floor, head_floor)
    for side, kind in resting:
        body = _rest_limb(body, side, kind, floor) or body
    for reach in on_floor:
        side, kind = reach.end.split()
        rested = _rest_limb(body, side, "leg" if kind == "foot" else "arm", floor, by_end=True)
        if rested is None:
            limb = "leg" if kind == "foot" else "arm"
            raise FigureError(
                ("reach", reach.key),
                f"the {name(reach.end, facing)} can't reach the floor by turning the "
                f"{limb} at the {'hip' if kind == 'foot' else 'shoulder'}; change the "
                f"angles so it comes near the floor",
            )
        body = rested
    posed = body
    if settling:
        body = body.moved((0.0, _lift(body, ground, skip), 0.0))
    else:
        body = apply(body, figure, reaches, lambda slug: _prop_top_on_body(figure, props, posed, slug), floor)
        body = body.moved((0.0, _lift(body, ground, set()), 0.0))
    shapes = _place_props(figure, props, body, unders)
    return Layout(figure, body, tuple(shapes), trunk, reaches)


LIMB_ENDS = {
    "hand": ("elbow", "wrist", "fingers"),
    "foot": ("knee", "ankle", "heel", "toes"),
    "arm": ("elbow", "wrist", "fingers"),
    "leg": ("knee", "ankle", "heel", "toes"),
}
LIMB_FRAMES = {"arm": ("upper arm", "forearm", "hand"), "leg": ("thigh", "shin", "foot")}


def _resting_limbs(figure: Figure, reaches: tuple[Reach, ...]) -> list[tuple[str, str]]:
    """The limbs that rest on the floor, with no angle and no reach: lying on the back or the front,
    the arms and legs; sitting, the legs."""
    base = BASES[figure.base]
    if not (base.lying or figure.base == "seated") or base.on_side:
        return []
    out = []
    ends = {r.end for r in reaches}
    for side in SIDES:
        joints = getattr(figure, side)
        if joints.hip is None and joints.knee is None and joints.hip_out is None and f"{side} foot" not in ends:
            out.append((side, "leg"))
        if (
            base.lying
            and joints.shoulder is None
            and joints.elbow is None
            and joints.shoulder_out is None
            and f"{side} hand" not in ends
        ):
            out.append((side, "arm"))
    return out


def _rest_limb(body: Body, side: str, kind: str, floor: float, by_end: bool = False) -> Body | None:
    """The limb turned at its root (about the body's side-to-side axis) until its lowest point (or
    its end: the palm, or the sole) meets the floor, by the smallest turn that does; None if no
    turn of up to 45 degrees does. A foot flat on the floor stays flat as the leg turns."""
    root = body.points[f"{side} {'hip' if kind == 'leg' else 'shoulder'}"]
    axis = body.frames["pelvis" if kind == "leg" else "chest"].l
    if abs(axis[2]) < 0.999:  # only a body seen from the side turns its limbs in the picture's plane
        return None
    turn_sign = axis[2]
    flat = kind == "leg" and body.frames[f"{side} foot"].f[1] > 0.999
    # The points that turn with the limb, and how far below each its drawing reaches.
    if flat:
        moving = [(f"{side} knee", point_radius(f"{side} knee")), (f"{side} ankle", SOLE + RADII["foot"])]
    else:
        moving = [(f"{side} {p}", point_radius(f"{side} {p}")) for p in LIMB_ENDS[kind]]
    offsets = [(sub(body.points[n], root), rad) for n, rad in moving]

    def lowest_after(degrees: float) -> float:
        r = math.radians(degrees * turn_sign)
        c, s = math.cos(r), math.sin(r)
        return min(root[1] + d[0] * s + d[1] * c - rad for d, rad in offsets)

    tries = [offsets]
    if by_end:
        if flat:
            tries = [offsets[-1:]]  # the ankle, over the flat sole
        else:  # the middle of the palm (or sole); for a foot, if that can't be, heel or toes first
            (a, rad), (b, _) = offsets[-2], offsets[-1]
            tries = [[(lerp(a, b, PALM if kind == "arm" else 0.5), rad)]]
            if kind == "leg":
                tries.append(offsets[-2:])
    options: list[float] = []
    for ends in tries:
        for d, rad in ends:
            # root_y + dx sin t + dy cos t - rad = floor
            a, b, c = d[1], d[0], floor + rad - root[1]
            length = math.hypot(a, b)
            if length < 1e-9 or abs(c) > length:
                continue
            phi = math.atan2(b, a)
            for t in (phi + math.acos(c / length), phi - math.acos(c / length)):
                degrees = math.degrees(t) * turn_sign
                degrees = (degrees + 180) % 360 - 180
                if -45 <= degrees <= 45 and lowest_after(degrees) >= floor - 1e-6:
                    options.append(degrees)
        if options:
            break
    if not options:
        return None
    turn = min(options, key=abs)
    names = [f"{side} {p}" for p in LIMB_ENDS[kind]]
    points = {n: add(root, rotate(sub(body.points[n], root), axis, turn)) for n in names}
    turned = LIMB_FRAMES[kind]
    if flat:
        # The foot keeps flat: it moves with the ankle.
        shift = sub(points[f"{side} ankle"], body.points[f"{side} ankle"])
        for n in (f"{side} heel", f"{side} toes"):
            points[n] = add(body.points[n], shift)
        turned = turned[:2]
    frames = {f"{side} {n}": Frame(*(rotate(v, axis, turn) for v in body.frames[f"{side} {n}"])) for n in turned}
    return body.with_points(points, frames)


def _lift(body: Body, ground: dict[str, float], skip: set[str]) -> float:
    """How far to raise the body so its lowest part meets the floor, or the prop under it."""
    need = max(ground.get(name, 0.0) - sec.lowest for name, sec in body.sections.items())
    for name in (*DRAWN, *ground):
        if name in skip or name in body.sections:
            continue
        need = max(need, ground.get(name, 0.0) - lowest(body, name))
    return need


def ground_under(body: Body, shapes, facing: str, name: str) -> float:
    """The top of the highest prop under a place of the body, or 0: the floor. A prop holds up
    the part it is under; a bed or table, whatever lies above it."""
    x, _, z = place(body, name)
    top = 0.0
    for shape in shapes:
        named = name in part_names(shape.placed.under, facing)
        above = (
            shape.shape == "table"
            and abs(x - shape.x) <= shape.width / 2 + 1.0
            and abs(z - shape.z) <= shape.depth / 2 + 1.0
        )
        if named or above:
            top = max(top, shape.top)
    return top


def _under_shapes(figure: Figure, props: dict[str, Prop], body: Body, unders) -> list[PropShape]:
    """The props under the body, on the floor, each under the middle of its part."""
    shapes = []
    for use, names, shape, (width, height, depth) in unders:
        xs = [place(body, n) for n in names]
        x = sum(p[0] for p in xs) / len(xs)
        z = sum(p[2] for p in xs) / len(xs)
        if shape == "table":
            # A bed or a table reaches from the part toward the head: the part lies near its edge.
            toward_head = 1.0 if body.points["shoulders"][0] >= body.points["pelvis"][0] else -1.0
            x += toward_head * (width / 2 - TABLE_EDGE)
        shapes.append(PropShape(use.prop, shape, prop_label(use, props), x, z, 0.0, width, height, depth, placed=use))
    return shapes


def _resting_head(figure: Figure, body: Body, floor: float, place: str | None = None) -> float:
    """The head angle (within a comfortable range of neutral) that rests the head's lowest point
    (or a place on it: the forehead on the hands) on `floor`, a height in the body's own
    coordinates; or the usual angle if it can't get there."""
    chest = body.frames["chest"]
    usual = head_angle(figure)
    along_u = LENGTHS["neck"] + LENGTHS["head"]
    along_f = 0.0
    if place is None:
        floor += HEAD_RADIUS
    else:
        along_u += HEAD_PLACES[place][0] * HEAD_RADIUS
        along_f = HEAD_PLACES[place][1] * HEAD_RADIUS
    # The place's height is shoulders + a cos h + b sin h, the head turned by h toward the chest.
    a = along_u * chest.u[1] + along_f * chest.f[1]
    b = along_u * chest.f[1] - along_f * chest.u[1]
    c = floor - body.points["shoulders"][1]
    r = math.hypot(a, b)
    if r < 1e-9 or abs(c / r) > 1:
        return usual
    phi = math.degrees(math.atan2(b, a))
    spread = math.degrees(math.acos(c / r))
    options = [h for h in (phi + spread, phi - spread) for h in (h, h - 360, h + 360) if -50 <= h <= 70]
    if not options:
        return usual
    return min(options, key=lambda h: (abs(h - usual), h))


def _side_head_tilt(body: Body, floor: float) -> float:
    """Lying on the side, the head tips down (sideways) to rest on the arm under it, or on the floor."""
    p = body.points
    head = p["head"]
    rest = floor
    for side in SIDES:
        for a, b, r in (
            (f"{side} shoulder", f"{side} elbow", RADII["upper_arm"]),
            (f"{side} elbow", f"{side} wrist", RADII["forearm"]),
        ):
            (ax, ay, _), (bx, by, _) = p[a], p[b]
            if min(ax, bx) - r <= head[0] <= max(ax, bx) + r and max(ay, by) < head[1]:
                t = 0.0 if abs(bx - ax) < 1e-9 else max(0.0, min(1.0, (head[0] - ax) / (bx - ax)))
                rest = max(rest, ay + (by - ay) * t + r)
    chest = body.frames["chest"]
    reach_ = LENGTHS["neck"] + LENGTHS["head"]
    # The head's height is shoulders + reach (u cos t + l sin t), tipped by t about the chest's front.
    a, b = chest.u[1], chest.l[1]
    c = (rest + HEAD_RADIUS - body.points["shoulders"][1]) / reach_
    k = math.hypot(a, b)
    if k < 1e-9 or abs(c) > k:
        return 0.0
    phi = math.atan2(b, a)
    options = [math.degrees(phi + s * math.acos(c / k)) for s in (1, -1)]
    options = [(t + 180) % 360 - 180 for t in options]
    options = [t for t in options if -35 <= t <= 35]
    return min(options, key=abs) if options else 0.0


def _prop_top_on_body(figure: Figure, props: dict[str, Prop], body: Body, slug: str) -> Vec | None:
    """Where the top of a prop resting on the body is, in the body's own coordinates (before it is laid down)."""
    shapes = _place_props(figure, props, body, [])
    found = next((s for s in shapes if s.slug == slug), None)
    if found is None:
        return None
    return found.x, found.top, found.z


def _place_props(figure: Figure, props: dict[str, Prop], body: Body, unders) -> list[PropShape]:
    facing = figure.facing
    slugs = {use.prop for use in figure.props}
    shapes = _under_shapes(figure, props, body, unders)
    for use in _in_stacking_order(figure.props):
        shape = prop_shape(use, props) or "block"
        width, height, depth = SHAPE_SIZES[shape]
        label = prop_label(use, props)
        if use.on is not None:
            below = next((s for s in shapes if s.slug == use.on), None)
            if below is None and use.on in slugs:
                continue  # on a prop under the body, which is not placed yet
            if below is not None:
                x, bottom, z = below.x, below.top, below.z
            else:
                names = part_names(use.on, facing)
                if (
                    use.on.endswith("front hip")
                    and use.on.split()[0] in ("right", "left", "near", "far")
                    and body.frames["pelvis"].f[1] > 0.3
                ):  # the front of the hip faces up: lying on the back
                    which = part_names(use.on.split()[0] + " thigh", facing)[0].split()[0]
                    contact = contacts(body, Reach("", "near hand", "front hip", which), lambda _: None)[0]
                    x, bottom, z = contact.point
                else:
                    tops = [highest_point(body, n) for n in names]
                    x = sum(t[0] for t in tops) / len(tops)
                    z = sum(t[2] for t in tops) / len(tops)
                    bottom = max(t[1] for t in tops)
            shapes.append(PropShape(use.prop, shape, label, x, z, bottom, width, height, depth, placed=use))
        elif use.around is not None:
            at = place(body, part_names(use.around, facing)[0])
            hand = place(body, part_names(use.held, facing)[0]) if use.held else None
            size = 2 * (RADII["shin"] + 1.5)
            shapes.append(
                PropShape(
                    use.prop,
                    "strap",
                    label,
                    at[0],
                    at[2],
                    at[1] - size / 2,
                    size,
                    size,
                    size,
                    line=(at, hand) if hand else None,
                    placed=use,
                )
            )
        elif use.held is not None:
            at = place(body, part_names(use.held, facing)[0])
            bottom = max(at[1] - height / 2, 0.0)  # a prop in a hand near the floor stands on the floor
            shapes.append(PropShape(use.prop, shape, label, at[0], at[2], bottom, width, height, depth, placed=use))
    return shapes


def _in_stacking_order(uses: list[FigureProp]) -> list[FigureProp]:
    """The props not under the body, each after the prop it rests on (checked for loops beforehand)."""
    slugs = {use.prop for use in uses}
    placed = {use.prop for use in uses if use.under is not None}
    waiting = [use for use in uses if use.under is None]
    ordered: list[FigureProp] = []
    while waiting:
        ready = [use for use in waiting if use.on is None or use.on not in slugs or use.on in placed]
        if not ready:  # a loop: _check_props reports it before any layout
            ready = waiting
        for use in ready:
            ordered.append(use)
            placed.add(use.prop)
        waiting = [use for use in waiting if use not in ready]
    return ordered


def _check_view(figure: Figure) -> None:
    if figure.view == "front" and not BASES[figure.base].upright:
        raise FigureError(
            ("view",),
            f"a figure with base '{figure.base}' is drawn from the side; 'view: front' is "
            f"for sitting, kneeling and standing figures",
        )


def _check_props(figure: Figure, props: dict[str, Prop]) -> None:
    slugs = [use.prop for use in figure.props]
    for j, use in enumerate(figure.props):
        if use.prop in props and prop_shape(use, props) is None:
            raise FigureError(
                ("props", j, "prop"),
                f"the prop '{use.prop}' has no shape to draw: add 'shape:' to its page "
                f"(docs/props/{use.prop}.md) or to this prop, one of " + ", ".join(SHAPE_SIZES),
            )
        if use.on is not None and use.on not in slugs:
            try:
                parse_part(use.on)
            except Exception:
                raise FigureError(
                    ("props", j, "on"),
                    f"'{use.on}' is neither a body part nor another prop of this figure; "
                    f"name a body part such as 'right front hip', or one of: "
                    + (", ".join(s for s in slugs if s != use.prop) or "(no other props)"),
                ) from None
        if use.on == use.prop:
            raise FigureError(("props", j, "on"), "a prop cannot rest on itself")
        seen, current = {use.prop}, use
        while current.on is not None and current.on in slugs:
            current = next(u for u in figure.props if u.prop == current.on)
            if current.prop in seen:
                raise FigureError(
                    ("props", j, "on"),
                    f"the {use.prop} rests on the {use.on}, which rests on the "
                    f"{use.prop} again; one of them must rest on the body or under it",
                )
            seen.add(current.prop)
        if use.held is not None and not use.held.endswith(("hand", "hands")):
            raise FigureError(("props", j, "held"), f"'{use.held}' cannot hold a prop; name a hand, e.g. 'left hand'")
        if use.around is not None and prop_shape(use, props) not in (None, "strap"):
            raise FigureError(
                ("props", j, "around"), "only a strap goes around a limb; put this prop under, on or in a hand ('held')"
            )


def check_figure(figure: Figure, props: dict[str, Prop]) -> Layout:
    """Lay the figure out and check that it rests as its base says. Raise FigureError if not."""
    laid_out = layout(figure, props)
    base = laid_out.base
    where = ("trunk",) if figure.trunk is not None else ("base",)
    for group in base.support:
        if not any(laid_out.touches(p) for p in group):
            lowest_part = min(_NAMED, key=lambda p: laid_out.gap(p))
            raise FigureError(
                where,
                f"a figure with base '{figure.base}' rests on its {_words(group, figure.facing)}, but with "
                f"these angles its lowest part is the {name(lowest_part, figure.facing)}, and the "
                f"{name(min(group, key=laid_out.gap), figure.facing)} floats "
                f"{min(laid_out.gap(p) for p in group):.0f} cm above the floor; check the angles",
                _trunk_hint(figure, props, group),
            )
    for shape in laid_out.props:
        use = shape.placed
        if use is None or use.under is None:
            continue
        names = part_names(use.under, figure.facing)
        gap = min(laid_out.gap(n) for n in names)
        if gap > TOLERANCE:
            index = figure.props.index(use)
            raise FigureError(
                ("props", index, "under"),
                f"the {shape.label} is under the {use.under}, but with these angles the {use.under} is "
                f"{gap:.0f} cm above it; change the angles so it rests there",
                _trunk_hint(figure, props, names),
            )
    return laid_out


# The places named when a figure does not rest: the lowest one is said in the message.
_NAMED = ("head", "pelvis", "shoulders", *(f"{s} {p}" for s in SIDES for p in ("knee", "foot", "hand", "elbow")))


def _trunk_hint(figure: Figure, props: dict[str, Prop], group: tuple[str, ...]) -> str | None:
    """A trunk angle that would let the figure rest as it should, if one exists."""
    now = figure.trunk or 0
    reaches = parse_reaches(figure)
    for t in sorted(range(int(now) - 45, int(now) + 46), key=lambda t: (abs(t - now), t)):
        if not -90 <= t <= 90:
            continue
        try:
            candidate = laid(figure.model_copy(update={"trunk": float(t)}), props, float(t), reaches)
        except FigureError:
            continue
        if unrest(candidate) <= TOLERANCE * 2 and any(candidate.touches(p) for p in group):
            return f"trunk: {t}"
    return None


def _words(group: tuple[str, ...], side: str) -> str:
    names = []
    for p in group:
        word = name(p, side, generic=True)
        if word not in names:
            names.append(word)
    return " or ".join(names)


def name(point: str, side: str, generic: bool = False, mirrored: bool = False) -> str:
    """'near knee' -> 'right knee' (or 'knees' when generic)."""
    words = {"waist": "lower back", "fingers": "fingertips", "seat": "sitting bones"}
    which, _, rest = point.partition(" ")
    if which not in ("near", "far"):
        return words.get(point, point)
    if generic:
        return {
            "foot": "feet",
            "toes": "feet",
            "ankle": "feet",
            "knee": "knees",
            "hand": "hands",
            "elbow": "elbows",
            "wrist": "hands",
        }.get(rest, rest)
    return f"{side_word(which, side, mirrored)} {words.get(rest, rest)}"


def side_word(which: str, side: str, mirrored: bool = False) -> str:
    """'near' or 'far' as 'right' or 'left', for a figure whose near side is `side`."""
    near = side if not mirrored else ("left" if side == "right" else "right")
    far = "left" if near == "right" else "right"
    return near if which == "near" else far
