"""A laid-out figure as seen from its view: the body projected on the picture's plane (x to the
right, y up, the floor at y = 0), each part in the order it is painted (far limbs, trunk, near
limbs, props on top), and the canvas around it. One centimetre of body is one unit of the canvas
in every figure, so figures drawn at one scale show their true sizes side by side."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .body import (
    HEAD_RADIUS,
    LIMB_SEGMENTS,
    RADII,
    SECTIONS,
    SIDES,
    Section,
    point_radius,
)
from .body import ROUNDING as SMOOTH
from .geometry import along, lerp
from .lay import Layout, PropShape

Point = tuple[float, float]

MARGIN = 4.0  # around the drawing, on every side but the bottom
FLOOR_MARGIN = 3.0  # below the floor line, the same for every figure so floors line up
HALO = 1.6  # the gap kept around a limb or the head drawn over something else
FAR_EDGE = 1.3  # the outline of a far limb
ELEVATION = 35.0  # degrees: a body lying on its side is seen from in front and above, on the floor
# degrees: a figure "seen from the front" is seen a little from its side too, so that a foot forward
# and a knee down behind (a lunge) still show while the trunk bends sideways.
FRONT_TURN = 35.0
FLOOR_BEYOND = 4.0  # how far the floor seen from above goes beyond the body, toward and away from the viewer
FAR_BEHIND = 6.0  # how far behind the trunk a limb's middle is, seen from the front, to count as far
STROKE_RADII = {
    "thigh": RADII["thigh"],
    "shin": RADII["shin"],
    "foot": RADII["foot"],
    "upper arm": RADII["upper_arm"],
    "forearm": RADII["forearm"],
    "hand": RADII["hand"],
}


@dataclass(frozen=True)
class Limb:
    """An arm or a leg as drawn: its segments (from, to, half thickness), near or far."""

    name: str  # 'near leg', 'far arm'
    segments: tuple[tuple[Point, Point, float], ...]
    far: bool
    depth: float


@dataclass(frozen=True)
class Trunk:
    pelvis: tuple[Point, ...]
    chest: tuple[Point, ...]
    neck: tuple[Point, Point, float]


@dataclass(frozen=True)
class Head:
    centre: Point
    radius: float
    face: Point  # the nose, on the side the face looks


@dataclass(frozen=True)
class PropItem:
    shape: PropShape
    left: float
    bottom: float
    width: float
    height: float
    line: tuple[Point, Point] | None = None  # a strap: from the loop to the hand


@dataclass(frozen=True)
class Canvas:
    """The drawing's box in figure units: left, bottom, width, height (y up)."""

    left: float
    bottom: float
    width: float
    height: float

    def to_svg(self, point: Point) -> Point:
        return point[0] - self.left, self.bottom + self.height - point[1]


@dataclass(frozen=True)
class Scene:
    """What is painted, in order: ('prop', PropItem), ('limb', Limb), ('trunk', Trunk), ('head', Head)."""

    view: str
    layers: tuple[tuple[str, object], ...]
    canvas: Canvas
    floor_depth: float = 0.0  # seen from above: how far the floor goes back from its front edge (y = 0)

    def items(self, kind: str) -> list:
        return [item for k, item in self.layers if k == kind]


def projector(laid: Layout):
    """(project, depth): where a point of space falls on the picture, and how near the viewer it is."""
    if laid.base.on_side:
        # Lying on the side, a knee bent forward or back moves toward or away from a viewer beside
        # the body: seen from a little above, it shows. The floor's near edge is at y = 0.
        e = math.radians(ELEVATION)
        c, s = math.cos(e), math.sin(e)
        near = _floor_near(laid, c / s)
        return (lambda p: (p[0], p[1] * c - (p[2] - near) * s)), (lambda p: p[2] * c + p[1] * s)
    if laid.figure.view == "front":
        right = laid.body.right
        # Seen from in front (the body's right on the viewer's left), turned a little toward the
        # body's near side.
        t = math.radians(FRONT_TURN)
        c, s = math.cos(t), math.sin(t)
        return (lambda p: (-p[2] * right * c + p[0] * s, p[1])), (lambda p: p[0] * c + p[2] * right * s)
    return (lambda p: (p[0], p[1])), (lambda p: p[2])


def _floor_near(laid: Layout, per_height: float) -> float:
    """How far toward the viewer the floor's front edge is: in front of every part of the body, as
    the picture shows it (a part high up may be nearer the viewer and still above the edge)."""
    body = max(q[2] - (q[1] - point_radius(name)) * per_height for name, q in laid.points.items())
    props = [shape.z + shape.depth / 2 - shape.y * per_height for shape in laid.props]
    return max([body, *props]) + FLOOR_BEYOND


def floor_depth(laid: Layout) -> float:
    """Seen from above, how far up the picture the floor under the body reaches."""
    if not laid.base.on_side:
        return 0.0
    e = math.radians(ELEVATION)
    near = _floor_near(laid, 1 / math.tan(e))
    far = min([q[2] for q in laid.points.values()] + [s.z - s.depth / 2 for s in laid.props]) - FLOOR_BEYOND
    return (near - far) * math.sin(e)


def scene(laid: Layout) -> Scene:
    project, depth = projector(laid)
    body = laid.body
    p = body.points
    by_side = laid.figure.view == "side"
    centre_depth = depth(lerp(p["pelvis"], p["shoulders"], 0.5))
    limbs = []
    for side in SIDES:
        for kind, parts in (("leg", ("thigh", "shin", "foot")), ("arm", ("upper arm", "forearm", "hand"))):
            segments = []
            for seg, a, b in LIMB_SEGMENTS:
                if seg in parts:
                    start, end = p[f"{side} {a}"], p[f"{side} {b}"]
                    if seg == "hand":
                        # A hand reads as a hand a little wider than the wrist, short of the fingertips' round end.
                        start, end = lerp(start, end, 0.2), lerp(start, end, 0.85)
                    segments.append((project(start), project(end), STROKE_RADII[seg]))
            middle = (
                (p[f"{side} knee"], p[f"{side} ankle"]) if kind == "leg" else (p[f"{side} elbow"], p[f"{side} wrist"])
            )
            d = sum(depth(m) for m in middle) / 2 - centre_depth
            far = side == "far" if by_side else d < -FAR_BEHIND
            limbs.append(Limb(f"{side} {kind}", tuple(segments), far, d))
    pelvis = [project(q) for n in ("seat", "pelvis", "crest", "waist") for q in _inset(body.sections[n]).ring()]
    chest = [project(q) for ring in _chest_rings(laid) for q in ring]
    trunk = Trunk(_hull(pelvis), _hull(chest), (project(p["shoulders"]), project(p["neck"]), RADII["neck"]))
    head_frame = body.frames["head"]
    head = Head(project(p["head"]), HEAD_RADIUS, project(along(p["head"], head_frame.f, HEAD_RADIUS - 1.0)))

    props_under, props_across, props_over = [], [], []
    for shape in laid.props:
        item = _prop_item(shape, project, laid.figure.view)
        if shape.placed is not None and shape.placed.under is not None:
            # A prop across the body, wider than it (a blanket, a bolster), shows its end in front of it.
            wide = shape.depth / 2 > SECTIONS["pelvis"][2] + 2 and laid.figure.view == "side" and not laid.base.on_side
            (props_across if wide else props_under).append(item)
        else:
            props_over.append(item)

    far = sorted((limb for limb in limbs if limb.far), key=lambda limb: (limb.depth, limb.name))
    near = sorted((limb for limb in limbs if not limb.far), key=lambda limb: (limb.depth, limb.name))
    layers: list[tuple[str, object]] = [("limb", limb) for limb in far]
    layers += [("prop", item) for item in props_under]  # under the middle of the body: in front of the far side
    layers.append(("trunk", trunk))
    # An arm that crosses the head passes behind it, never through it.
    behind_head = [limb for limb in near if limb.name.endswith("arm") and overlaps_head(limb, head)]
    layers += [("limb", limb) for limb in behind_head]
    layers.append(("head", head))
    layers += [("limb", limb) for limb in near if limb not in behind_head]
    layers += [("prop", item) for item in props_across]
    layers += [("prop", item) for item in props_over]
    return Scene(laid.figure.view, tuple(layers), _canvas(layers), floor_depth(laid))


def overlaps_head(limb: Limb, head: Head) -> bool:
    return any(_segment_distance(head.centre, a, b) < head.radius + r for a, b, r in limb.segments)


def _chest_rings(laid: Layout):
    body = laid.body
    chest = body.frames["chest"]
    _, _, w, d, forward = SECTIONS["waist"]
    yield _inset(Section(along(body.points["waist"], chest.f, forward), chest.f, chest.l, d, w)).ring()
    for n in ("ribs", "chest", "shoulders", "neckline"):
        yield _inset(body.sections[n]).ring()


def _inset(section: Section) -> Section:
    """The section made smaller by the width of the outline drawn round it."""
    return Section(section.centre, section.f, section.l, section.depth - SMOOTH, section.width - SMOOTH)


def _hull(points: tuple[Point, ...]) -> tuple[Point, ...]:
    """The convex hull, counter-clockwise from the lowest-left point (Andrew's monotone chain)."""
    pts = sorted({(round(x, 3), round(y, 3)) for x, y in points})
    if len(pts) <= 2:
        return tuple(pts)

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for q in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], q) <= 0:
            lower.pop()
        lower.append(q)
    upper: list[Point] = []
    for q in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], q) <= 0:
            upper.pop()
        upper.append(q)
    return tuple(lower[:-1] + upper[:-1])


def _segment_distance(c: Point, a: Point, b: Point) -> float:
    ax, ay = b[0] - a[0], b[1] - a[1]
    length2 = ax * ax + ay * ay
    t = 0.0 if length2 < 1e-12 else max(0.0, min(1.0, ((c[0] - a[0]) * ax + (c[1] - a[1]) * ay) / length2))
    return math.hypot(c[0] - (a[0] + ax * t), c[1] - (a[1] + ay * t))


def _prop_item(shape: PropShape, project, view: str) -> PropItem:
    cx, cy = project(shape.centre)
    width = shape.width if view == "side" else shape.depth
    line = None
    if shape.line is not None:
        line = (project(shape.line[0]), project(shape.line[1]) if shape.line[1] is not None else None)
    return PropItem(shape, cx - width / 2, cy - shape.height / 2, width, shape.height, line)


def _canvas(layers) -> Canvas:
    xs: list[float] = []
    ys: list[float] = [0.0]
    for kind, item in layers:
        if kind == "limb":
            for a, b, r in item.segments:
                for q in (a, b):
                    xs += [q[0] - r - HALO, q[0] + r + HALO]
                    ys += [q[1] + r + HALO, q[1] - r]
        elif kind == "trunk":
            for q in (*item.pelvis, *item.chest):
                xs += [q[0] - SMOOTH, q[0] + SMOOTH]
                ys += [q[1] + SMOOTH, q[1] - SMOOTH]
        elif kind == "head":
            (x, y), r = item.centre, item.radius + HALO
            xs += [x - r, x + r]
            ys += [y + r, y - item.radius]
        elif kind == "prop":
            xs += [item.left, item.left + item.width]
            ys += [item.bottom + item.height, item.bottom]
            if item.line is not None:
                for q in item.line:
                    if q is not None:
                        xs.append(q[0])
                        ys.append(q[1])
    left, right = min(xs) - MARGIN, max(xs) + MARGIN
    top = max(ys) + MARGIN
    # The floor is the same distance above the bottom in every figure, so floors line up side by side.
    bottom = min(-FLOOR_MARGIN, min(ys) - 1.0)
    # In tenths of a centimetre, so the numbers the SVG and a page give agree to the last digit.
    left, bottom = math.floor(left * 10) / 10, math.floor(bottom * 10) / 10
    return Canvas(left, bottom, math.ceil((right - left) * 10) / 10, math.ceil((top - bottom) * 10) / 10)
