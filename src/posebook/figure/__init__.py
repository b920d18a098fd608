"""Pose figures: side-view stick figures drawn from the joint angles in a pose's front matter.

Angles become joint positions (kinematics), the body is laid on the floor and its props
(layout), and the result is written as SVG with alt text made from the same data. Units are
centimetres of an average adult; y points up until the SVG is written. Plain data in and out."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from html import escape

from ..model import Figure, FigureProp, Joints, Prop, parse_part, slugify
from ..problems import ContentError, unplaced

# Segment lengths in cm, after common anthropometric tables for an adult about 170 cm tall.
LENGTHS = {"trunk": 50.0, "neck": 8.0, "head": 10.5, "upper_arm": 30.0, "forearm": 25.0, "hand": 9.0,
           "thigh": 43.0, "shin": 42.0, "foot": 17.0}
LINE = 7.0  # the body's stroke width: parts rest on the floor by the edge of their line
TOLERANCE = 1.0  # how far (cm) a part may float and still count as resting on something
MARGIN = 6.0

INK = "#1f2937"  # the body
FAR_INK = "#667085"  # limbs on the far side, behind the body (4.9:1 on white)
PROP_FILL = "#e4e7ec"
PROP_INK = "#7a8494"  # props and the floor, the lighter tone (3.6:1 on white)
HALO = "#ffffff"


@dataclass(frozen=True)
class Base:
    label: str  # for the alt text
    angle: float  # the trunk's direction (degrees, 0 = pointing right, 90 = up) at trunk: 0
    support: tuple[tuple[str, ...], ...]  # groups of parts: one part of each group rests on the floor
    defaults: dict[str, float] = field(default_factory=dict)
    top_view: bool = False  # side-lying is seen from above, on its mat
    level: tuple[tuple[str, ...], ...] = ()  # groups the trunk settles to rest on, when no trunk angle is given
    lying: bool = False  # the body lies along the floor
    head_rests: bool = False  # a head left to rest stays on the floor as the trunk tilts
    on_hands_and_knees: bool = False  # palms flat on the floor, shins along it, unless the figure says otherwise

    @property
    def upright(self) -> bool:
        return self.angle == 90


BASES: dict[str, Base] = {
    "supine": Base("lying on the back", 180, (("pelvis", "shoulders"),), {"head": 22},
                   level=(("pelvis",), ("shoulders",)), lying=True, head_rests=True),
    "prone": Base("lying face down", 0, (("pelvis", "chest", "shoulders", "near elbow", "far elbow", "near wrist", "far wrist"),), {"head": -22, "ankle": 90},
                  level=(("pelvis",), ("chest", "shoulders")), lying=True, head_rests=True),
    "side-lying": Base("lying on the {under} side", 180, (), {}, top_view=True, lying=True),
    "seated": Base("sitting", 90, (("pelvis",),), {"hip": 90, "elbow": 54}),
    "kneeling": Base("kneeling", 90, (("near knee", "far knee"),), {"knee": 90, "ankle": 90}),
    "standing": Base("standing", 90, (("near foot", "far foot", "near ankle", "far ankle", "near toes", "far toes"),)),
    "all-fours": Base("on hands and knees", 0, (("near hand", "far hand", "near wrist", "far wrist"), ("near knee", "far knee")),
                      {"shoulder": 90, "hip": 90, "knee": 90, "ankle": 90, "head": -10}, on_hands_and_knees=True),
}

SHAPE_SIZES = {  # width, height in cm, as seen from the side
    "block": (10.0, 15.0), "folded-blanket": (25.0, 4.0), "rolled-blanket": (14.0, 14.0), "bolster": (22.0, 22.0),
    "pillow": (40.0, 10.0), "ball": (7.0, 7.0), "kettlebell": (15.0, 19.0), "table": (80.0, 70.0), "strap": (0.0, 0.0),
}
SHAPE_WORDS = {"rolled-blanket": "rolled", "folded-blanket": "folded"}

LIMB_POINTS = ("knee", "ankle", "toes", "elbow", "wrist", "fingers")


class FigureError(ContentError):
    """Figure data that cannot be drawn as written: where (under the figure) and why."""

    def __init__(self, loc: tuple, message: str, suggestion: str | None = None):
        self.problem = unplaced(loc, message, suggestion)
        self.loc, self.message, self.suggestion = loc, message, suggestion
        super().__init__([self.problem])


# --- kinematics ------------------------------------------------------------------------


def _dir(degrees: float) -> tuple[float, float]:
    r = math.radians(degrees)
    return math.cos(r), math.sin(r)


def _step(origin: tuple[float, float], degrees: float, length: float) -> tuple[float, float]:
    dx, dy = _dir(degrees)
    return origin[0] + dx * length, origin[1] + dy * length


def _mid(a: tuple[float, float], b: tuple[float, float], t: float = 0.5) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def joint(figure: Figure, side: str, name: str) -> float:
    """A joint angle as drawn: the figure's own, or its base's usual one."""
    joints: Joints = getattr(figure, side)
    value = getattr(joints, name)
    return value if value is not None else BASES[figure.base].defaults.get(name, 0.0)


def head_angle(figure: Figure, trunk: float = 0.0) -> float:
    """The head's angle to the trunk. Lying down, a head left to rest stays on the floor as the trunk tilts."""
    if figure.head is not None:
        return figure.head
    base = BASES[figure.base]
    default = base.defaults.get("head", 0.0)
    return default - trunk if base.head_rests else default


def skeleton(figure: Figure, trunk: float) -> dict[str, tuple[float, float]]:
    """Every joint's position, with the pelvis at (0, 0): each segment keeps its length."""
    base = BASES[figure.base]
    spine = base.angle - trunk  # leaning toward the front turns the trunk toward the front of the body
    front = spine - 90
    points: dict[str, tuple[float, float]] = {"pelvis": (0.0, 0.0)}
    points["shoulders"] = _step(points["pelvis"], spine, LENGTHS["trunk"])
    points["chest"] = _mid(points["pelvis"], points["shoulders"], 0.75)
    points["waist"] = _mid(points["pelvis"], points["shoulders"], 0.3)
    points["front hip"] = _step(points["pelvis"], front, LINE / 2)
    neck = spine - head_angle(figure, trunk)
    points["neck"] = _step(points["shoulders"], neck, LENGTHS["neck"])
    points["head"] = _step(points["neck"], neck, LENGTHS["head"])
    for side in ("near", "far"):
        thigh = spine + 180 + joint(figure, side, "hip")
        shin = thigh - joint(figure, side, "knee")
        if base.on_hands_and_knees and getattr(figure, side).knee is None:
            # On hands and knees the shins lie along the floor, away from the head.
            shin = 180.0 if math.cos(math.radians(spine)) >= 0 else 0.0
        foot = shin + 90 - joint(figure, side, "ankle")
        if getattr(figure, side).ankle is None and _near_angle(shin, 270, 60) and not BASES[figure.base].top_view:
            # A foot under a shin that stands more or less upright stands flat, unless the figure says otherwise.
            foot = 0.0 if math.cos(math.radians(foot)) >= 0 else 180.0
        arm = spine + 180 + joint(figure, side, "shoulder")
        forearm = arm + joint(figure, side, "elbow")
        points[f"{side} knee"] = _step(points["pelvis"], thigh, LENGTHS["thigh"])
        points[f"{side} ankle"] = _step(points[f"{side} knee"], shin, LENGTHS["shin"])
        points[f"{side} toes"] = _step(points[f"{side} ankle"], foot, LENGTHS["foot"])
        points[f"{side} elbow"] = _step(points["shoulders"], arm, LENGTHS["upper_arm"])
        points[f"{side} wrist"] = _step(points[f"{side} elbow"], forearm, LENGTHS["forearm"])
        hand = forearm
        if base.on_hands_and_knees and _near_angle(forearm, 270, 60):
            # On hands and knees the palms are flat on the floor, fingers toward the head.
            hand = 0.0 if math.cos(math.radians(spine)) >= 0 else 180.0
        points[f"{side} fingers"] = _step(points[f"{side} wrist"], hand, LENGTHS["hand"])
        points[f"{side} thigh"] = _mid(points["pelvis"], points[f"{side} knee"])
        points[f"{side} shin"] = _mid(points[f"{side} knee"], points[f"{side} ankle"])
        points[f"{side} foot"] = _mid(points[f"{side} ankle"], points[f"{side} toes"])
        points[f"{side} upper arm"] = _mid(points["shoulders"], points[f"{side} elbow"])
        points[f"{side} forearm"] = _mid(points[f"{side} elbow"], points[f"{side} wrist"])
        points[f"{side} hand"] = _mid(points[f"{side} wrist"], points[f"{side} fingers"])
    return points


def _near_angle(angle: float, target: float, within: float) -> bool:
    return abs((angle - target + 180) % 360 - 180) <= within


def radius(point: str) -> float:
    """How far a point's drawing reaches beyond the point itself."""
    return LENGTHS["head"] if point == "head" else LINE / 2


# Points that are drawn; the others (thigh, hand …) lie on the lines between them.
OUTLINE = ("pelvis", "shoulders", "neck", "head", *(f"{s} {p}" for s in ("near", "far") for p in LIMB_POINTS))


def part_points(part: str, side: str) -> tuple[str, ...]:
    """The skeleton points a body part (as a teacher writes it) stands for."""
    words = part.split(" ", 1)
    which, name = (words[0], words[1]) if words[0] in ("near", "far", "right", "left", "both") and len(words) > 1 else ("", part)
    if which in ("right", "left"):
        which = "near" if which == side else "far"
    singular = {"thighs": "thigh", "knees": "knee", "shins": "shin", "ankles": "ankle", "feet": "foot", "foots": "foot",
                "elbows": "elbow", "forearms": "forearm", "upper arms": "upper arm", "hands": "hand", "front hips": "front hip"}
    name = singular.get(name, name)
    name = {"sacrum": "pelvis", "hips": "pelvis", "lower back": "waist", "hip": "pelvis"}.get(name, name)
    if name in ("head", "shoulders", "chest", "waist", "pelvis", "front hip"):
        return (name,)
    if which in ("near", "far"):
        return (f"{which} {name}",) if name != "pelvis" else ("pelvis",)
    return (f"near {name}", f"far {name}")


# --- layout ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PropShape:
    """A prop as drawn: its shape, and its box (x, y of the bottom left corner, y up)."""

    slug: str
    shape: str
    label: str
    x: float
    y: float
    width: float
    height: float
    line: tuple[tuple[float, float], tuple[float, float]] | None = None  # a strap: from the loop to the hand
    placed: FigureProp | None = None

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True)
class Layout:
    """A figure laid out: points with the floor at y = 0, props in place, the trunk angle used."""

    figure: Figure
    points: dict[str, tuple[float, float]]
    props: tuple[PropShape, ...]
    trunk: float

    def gap(self, point: str) -> float:
        """How far a point's drawing is above whatever it rests on: the floor, or a prop under it."""
        ground = max((p.top for p in self.props if p.placed is not None and p.placed.under is not None
                      and point in part_points(p.placed.under, self.figure.facing)), default=0.0)
        return self.points[point][1] - radius(point) - ground

    def touches(self, point: str) -> bool:
        return self.gap(point) <= TOLERANCE

    @property
    def base(self) -> Base:
        return BASES[self.figure.base]


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
    return _layout(figure.model_dump_json(), _props_key([figure], props))


def _props_key(figures, props: dict[str, Prop]) -> tuple[tuple[str, str, str | None], ...]:
    """What drawing these figures needs of the props: slug, name and shape, hashable for the memos."""
    return tuple(sorted({(u.prop, props[u.prop].name, props[u.prop].shape)
                         for f in figures for u in f.props if u.prop in props}))


def _props_from_key(used: tuple[tuple[str, str, str | None], ...]) -> dict[str, Prop]:
    return {slug: Prop(name=name, summary=name, shape=shape, slug=slug) for slug, name, shape in used}


@functools.lru_cache(maxsize=4096)
def _layout(figure_json: str, used: tuple[tuple[str, str, str | None], ...]) -> Layout:
    # Pages, cards and checks all ask for the same figures: lay each out once. Pure, so safe to memoise.
    figure = Figure.model_validate_json(figure_json)
    props = _props_from_key(used)
    _check_props(figure, props)
    base = BASES[figure.base]
    if figure.trunk is not None or base.top_view:
        return _laid(figure, props, figure.trunk or 0.0)
    # Let the trunk settle where the body rests best on the floor and the props under it: every
    # 5 degrees, then every degree around the best of those.
    def score(t: int) -> tuple[float, int]:
        return round(_unrest(_laid(figure, props, float(t))), 3), abs(t)

    coarse = min(range(-90, 91, 5), key=score)
    best = min(range(max(-90, coarse - 4), min(90, coarse + 4) + 1), key=score)
    return _laid(figure, props, float(best))


def _unrest(laid: Layout) -> float:
    """How far the parts that should rest on something float above it, in all."""
    total = 0.0
    for group in laid.base.level or laid.base.support:
        total += min(max(laid.gap(p), 0.0) for p in group)
    for shape in laid.props:
        if shape.placed is not None and shape.placed.under is not None:
            total += sum(max(laid.gap(p), 0.0) for p in part_points(shape.placed.under, laid.figure.facing))
    return total


def _laid(figure: Figure, props: dict[str, Prop], trunk: float) -> Layout:
    points = skeleton(figure, trunk)
    side = figure.facing
    unders: list[tuple[FigureProp, tuple[str, ...], float, float, float]] = []
    for use in figure.props:
        if use.under is None:
            continue
        shape = prop_shape(use, props) or "block"
        width, height = SHAPE_SIZES[shape]
        names = part_points(use.under, side)
        unders.append((use, names, width, height, sum(points[n][0] for n in names) / len(names)))
    if not BASES[figure.base].top_view:
        # Drop the body until its first part meets the floor or the prop under it.
        ground: dict[str, float] = {}
        for _, names, _, height, _ in unders:
            for n in names:
                ground[n] = max(ground.get(n, 0.0), height)
        lift = max(ground.get(p, 0.0) + radius(p) - points[p][1] for p in [*OUTLINE, *ground])
        points = {k: (x, y + lift) for k, (x, y) in points.items()}
    shapes: list[PropShape] = []
    for use, names, width, height, x in unders:
        bottom = 0.0 if not BASES[figure.base].top_view else min(points[n][1] for n in names) - height / 2
        shapes.append(PropShape(use.prop, prop_shape(use, props) or "block", prop_label(use, props), x - width / 2, bottom,
                                width, height, placed=use))
    for use in _in_stacking_order(figure.props):
        shape = prop_shape(use, props) or "block"
        width, height = SHAPE_SIZES[shape]
        label = prop_label(use, props)
        if use.on is not None:
            below = next((s for s in shapes if s.slug == use.on), None)
            if below is not None:
                x, bottom = below.centre[0], below.top
            else:
                name = part_points(use.on, side)
                x = sum(points[n][0] for n in name) / len(name)
                bottom = max(points[n][1] + radius(n) for n in name)
            shapes.append(PropShape(use.prop, shape, label, x - width / 2, bottom, width, height, placed=use))
        elif use.around is not None:
            at = points[part_points(use.around, side)[0]]
            hand = points[part_points(use.held, side)[0]] if use.held else None
            shapes.append(PropShape(use.prop, "strap", label, at[0] - LINE * 0.9, at[1] - LINE * 0.9, LINE * 1.8, LINE * 1.8,
                                    line=(at, hand) if hand else None, placed=use))
        else:
            assert use.held is not None
            at = points[part_points(use.held, side)[0]]
            bottom = at[1] - height / 2
            if not BASES[figure.base].top_view:
                bottom = max(bottom, 0.0)  # a prop in a hand near the floor stands on the floor
            shapes.append(PropShape(use.prop, shape, label, at[0] - width / 2, bottom, width, height, placed=use))
    return Layout(figure, points, tuple(shapes), trunk)


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


def _check_props(figure: Figure, props: dict[str, Prop]) -> None:
    slugs = [use.prop for use in figure.props]
    for j, use in enumerate(figure.props):
        if use.prop in props and prop_shape(use, props) is None:
            raise FigureError(("props", j, "prop"), f"the prop '{use.prop}' has no shape to draw: add 'shape:' to its page "
                                                    f"(docs/props/{use.prop}.md) or to this prop, one of "
                                                    + ", ".join(SHAPE_SIZES))
        if use.on is not None and use.on not in slugs:
            try:
                parse_part(use.on)
            except Exception:
                raise FigureError(("props", j, "on"), f"'{use.on}' is neither a body part nor another prop of this figure; "
                                                      f"name a body part such as 'right front hip', or one of: "
                                                      + (", ".join(s for s in slugs if s != use.prop) or "(no other props)")) from None
        if use.on == use.prop:
            raise FigureError(("props", j, "on"), "a prop cannot rest on itself")
        seen, current = {use.prop}, use
        while current.on is not None and current.on in slugs:
            current = next(u for u in figure.props if u.prop == current.on)
            if current.prop in seen:
                raise FigureError(("props", j, "on"), f"the {use.prop} rests on the {use.on}, which rests on the "
                                                      f"{use.prop} again; one of them must rest on the body or under it")
            seen.add(current.prop)
        if use.held is not None and not use.held.endswith(("hand", "hands")):
            raise FigureError(("props", j, "held"), f"'{use.held}' cannot hold a prop; name a hand, e.g. 'left hand'")
        if use.around is not None and prop_shape(use, props) not in (None, "strap"):
            raise FigureError(("props", j, "around"), "only a strap goes around a limb; put this prop under, on or in a hand "
                                                      "('held')")


def check_figure(figure: Figure, props: dict[str, Prop]) -> Layout:
    """Lay the figure out and check that it rests as its base says. Raise FigureError if not."""
    laid = layout(figure, props)
    base = laid.base
    where = ("trunk",) if figure.trunk is not None else ("base",)
    for group in base.support:
        if not any(laid.touches(p) for p in group):
            lowest = min(OUTLINE, key=lambda p: laid.gap(p))
            raise FigureError(where, f"a figure with base '{figure.base}' rests on its {_words(group, figure.facing)}, but with "
                                     f"these angles its lowest part is the {_name(lowest, figure.facing)}, and the "
                                     f"{_name(min(group, key=laid.gap), figure.facing)} floats "
                                     f"{min(laid.gap(p) for p in group):.0f} cm above the floor; check the angles",
                              _trunk_hint(figure, props, group))
    for j, shape in enumerate(laid.props):
        use = shape.placed
        if use is None or use.under is None:
            continue
        names = part_points(use.under, figure.facing)
        gap = min(laid.gap(n) for n in names)
        if gap > TOLERANCE:
            index = figure.props.index(use)
            raise FigureError(("props", index, "under"),
                              f"the {shape.label} is under the {use.under}, but with these angles the {use.under} is "
                              f"{gap:.0f} cm above it; change the angles so it rests there",
                              _trunk_hint(figure, props, names))
    return laid


def _trunk_hint(figure: Figure, props: dict[str, Prop], group: tuple[str, ...]) -> str | None:
    """A trunk angle that would let the figure rest as it should, if one exists."""
    now = figure.trunk or 0
    for t in sorted(range(int(now) - 45, int(now) + 46), key=lambda t: (abs(t - now), t)):
        if not -90 <= t <= 90:
            continue
        try:
            candidate = _laid(figure.model_copy(update={"trunk": float(t)}), props, float(t))
        except FigureError:
            return None
        if _unrest(candidate) <= TOLERANCE * 2 and any(candidate.touches(p) for p in group):
            return f"trunk: {t}"
    return None


def _words(group: tuple[str, ...], side: str) -> str:
    names = []
    for p in group:
        word = _name(p, side, generic=True)
        if word not in names:
            names.append(word)
    return " or ".join(names)


def _name(point: str, side: str, generic: bool = False, mirrored: bool = False) -> str:
    """'near knee' -> 'right knee' (or 'knee' when generic)."""
    words = {"pelvis": "pelvis", "shoulders": "shoulders", "chest": "chest", "waist": "lower back", "head": "head",
             "neck": "neck", "fingers": "fingertips", "toes": "toes", "wrist": "wrist"}
    which, _, rest = point.partition(" ")
    if which not in ("near", "far"):
        return words.get(point, point)
    if generic:
        return {"foot": "feet", "toes": "feet", "ankle": "feet", "knee": "knees", "hand": "hands"}.get(rest, rest)
    return f"{side_word(which, side, mirrored)} {words.get(rest, rest)}"


def side_word(which: str, side: str, mirrored: bool = False) -> str:
    """'near' or 'far' as 'right' or 'left', for a figure whose near side is `side`."""
    near = side if not mirrored else ("left" if side == "right" else "right")
    far = "left" if near == "right" else "right"
    return near if which == "near" else far


# --- SVG -------------------------------------------------------------------------------


def _n(value: float) -> str:
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Canvas:
    """The drawing's box in figure units: left, bottom, width, height (y up)."""

    left: float
    bottom: float
    width: float
    height: float

    def to_svg(self, point: tuple[float, float]) -> tuple[float, float]:
        return point[0] - self.left, self.bottom + self.height - point[1]


def canvas(laid: Layout) -> Canvas:
    xs, ys = [], []
    for p in OUTLINE:
        x, y = laid.points[p]
        r = radius(p) + (1.5 if p.startswith("near") else 0)
        xs += [x - r, x + r]
        ys += [y - r, y + r]
    for shape in laid.props:
        xs += [shape.x, shape.x + shape.width]
        ys += [shape.y, shape.top]
    if not laid.base.top_view:
        ys.append(-1.0)
    left, right = min(xs) - MARGIN, max(xs) + MARGIN
    bottom, top = min(ys) - MARGIN, max(ys) + MARGIN
    if laid.base.top_view:
        bottom -= 2
    return Canvas(left, bottom if laid.base.top_view else -MARGIN / 2, right - left,
                  top - (bottom if laid.base.top_view else -MARGIN / 2))


def svg(laid: Layout, alt: str, mirrored: bool = False, scale: float = 1.4) -> str:
    """The figure as a standalone SVG document. `scale` sets its natural size in px per cm."""
    box = canvas(laid)
    w, h = box.width, box.height

    def xy(point: tuple[float, float]) -> str:
        x, y = box.to_svg(point)
        return f"{_n(x)},{_n(y)}"

    def line(names: list[str]) -> str:
        return " ".join(xy(laid.points[n]) for n in names)

    parts: list[str] = []
    if laid.base.top_view:
        # Seen from above: the mat under the whole body.
        parts.append(f'<rect x="{_n(1.5)}" y="{_n(1.5)}" width="{_n(w - 3)}" height="{_n(h - 3)}" rx="4" '
                     f'fill="{PROP_FILL}" fill-opacity="0.5" stroke="{PROP_INK}" stroke-width="1.5"/>')
    else:
        y0 = box.to_svg((0, 0))[1]
        parts.append(f'<line x1="0" y1="{_n(y0 + 0.75)}" x2="{_n(w)}" y2="{_n(y0 + 0.75)}" stroke="{PROP_INK}" stroke-width="1.5"/>')
    # Props under the body go behind it; props on it, in a hand or around a limb go in front.
    for shape in laid.props:
        if shape.placed is not None and shape.placed.under is not None:
            parts.append(_prop_svg(shape, box))
    limb = lambda side: (line(["pelvis", f"{side} knee", f"{side} ankle", f"{side} toes"]),  # noqa: E731
                         line(["shoulders", f"{side} elbow", f"{side} wrist", f"{side} fingers"]))
    far_leg, far_arm = limb("far")
    near_leg, near_arm = limb("near")
    head_x, head_y = box.to_svg(laid.points["head"])
    style = f'fill="none" stroke-width="{_n(LINE)}" stroke-linecap="round" stroke-linejoin="round"'
    parts.append(f'<g {style} stroke="{FAR_INK}"><polyline points="{far_leg}"/><polyline points="{far_arm}"/></g>')
    parts.append(f'<g {style} stroke="{INK}">'
                 f'<polyline points="{line(["pelvis", "shoulders", "neck"])}"/>'
                 f'<circle cx="{_n(head_x)}" cy="{_n(head_y)}" r="{_n(LENGTHS["head"] - LINE / 2)}" fill="{INK}"/>'
                 f'<g stroke="{HALO}" stroke-width="{_n(LINE + 3)}"><polyline points="{near_leg}"/><polyline points="{near_arm}"/></g>'
                 f'<polyline points="{near_leg}"/><polyline points="{near_arm}"/></g>')
    for shape in laid.props:
        if shape.placed is None or shape.placed.under is None:
            parts.append(_prop_svg(shape, box))
    body = "".join(parts)
    if mirrored:
        body = f'<g transform="matrix(-1 0 0 1 {_n(w)} 0)">{body}</g>'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(w)} {_n(h)}" width="{_n(w * scale)}" '
            f'height="{_n(h * scale)}" role="img"><title>{escape(alt)}</title>{body}</svg>\n')


def _prop_svg(shape: PropShape, box: Canvas) -> str:
    paint = f'fill="{PROP_FILL}" stroke="{PROP_INK}" stroke-width="1.5"'
    left, top = box.to_svg((shape.x, shape.top))
    w, h = shape.width, shape.height
    cx, cy = left + w / 2, top + h / 2
    if shape.shape in ("rolled-blanket", "bolster", "ball"):
        return f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(w / 2)}" {paint}/>'
    if shape.shape == "pillow":
        return f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(w / 2)}" ry="{_n(h / 2)}" {paint}/>'
    if shape.shape == "kettlebell":
        r = w / 2
        bell_y = top + h - r
        return (f'<g {paint}><path d="M{_n(cx - r * 0.55)},{_n(bell_y - r * 0.7)} V{_n(top + 2)} '
                f'Q{_n(cx)},{_n(top - 2)} {_n(cx + r * 0.55)},{_n(top + 2)} V{_n(bell_y - r * 0.7)}" fill="none" stroke-width="2.5"/>'
                f'<circle cx="{_n(cx)}" cy="{_n(bell_y)}" r="{_n(r)}"/></g>')
    if shape.shape == "table":
        return (f'<g {paint}><rect x="{_n(left)}" y="{_n(top)}" width="{_n(w)}" height="6"/>'
                f'<rect x="{_n(left + 4)}" y="{_n(top + 6)}" width="4" height="{_n(h - 6)}"/>'
                f'<rect x="{_n(left + w - 8)}" y="{_n(top + 6)}" width="4" height="{_n(h - 6)}"/></g>')
    if shape.shape == "strap":
        loop = f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(w / 2)}" fill="none" stroke="{PROP_INK}" stroke-width="2.5"/>'
        if shape.line is None or shape.line[1] is None:
            return loop
        (x1, y1), (x2, y2) = box.to_svg(shape.line[0]), box.to_svg(shape.line[1])
        return loop + f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{PROP_INK}" stroke-width="2.5"/>'
    radius_ = 1.5 if shape.shape == "block" else 2.5
    return f'<rect x="{_n(left)}" y="{_n(top)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(radius_)}" {paint}/>'


# --- alt text --------------------------------------------------------------------------


def alt_text(laid: Layout, mirrored: bool = False) -> str:
    """The figure in words, from the same data: base, trunk, legs, arms, props."""
    figure = laid.figure
    side = figure.facing

    def s(which: str) -> str:
        return side_word(which, side, mirrored)

    base = laid.base
    under = s("far") if base.top_view else ""
    phrases = [base.label.format(under=under)]
    phrases += _trunk_phrases(laid)
    phrases += _pair(laid, "leg", s)
    phrases += _pair(laid, "arm", s)
    for shape in laid.props:
        phrases.append(_prop_phrase(laid, shape, s))
    text = ", ".join(p for p in phrases if p)
    return text[0].upper() + text[1:] + "."


def _trunk_phrases(laid: Layout) -> list[str]:
    name = laid.figure.base
    if name == "supine":
        out = []
        if laid.gap("pelvis") > 8 or any(p.placed and p.placed.under and "pelvis" in part_points(p.placed.under, laid.figure.facing)
                                         for p in laid.props):
            out.append("hips lifted")
        if laid.gap("shoulders") > 4:
            out.append("head and shoulders lifted")
        return out
    if name == "prone":
        return ["chest lifted"] if laid.trunk <= -10 else []
    spine = BASES[name].angle - laid.trunk
    if BASES[name].upright:
        lean = 90 - spine  # degrees toward the front
        if lean > 25:
            return ["folding forward" if name == "seated" else "leaning forward"]
        if lean < -15:
            return ["leaning back"]
        return ["trunk upright"] if name == "kneeling" else []
    return []


def _leg(laid: Layout, which: str) -> tuple[str, str] | None:
    """A phrase for one leg, singular ('{s} knee …') and for both legs at once."""
    figure = laid.figure
    hip, knee = joint(figure, which, "hip"), joint(figure, which, "knee")
    foot_down = laid.touches(f"{which} ankle") or laid.touches(f"{which} toes") or laid.touches(f"{which} foot")
    knee_down = laid.touches(f"{which} knee")
    if laid.base.top_view:
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
        if -20 < hip < 20 and knee < 30:
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
    other_down = any(laid.touches(f"{other} {p}") for p in ("ankle", "toes", "foot"))
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


REACH = 12.0  # cm: a hand this close to a body part is touching it


def _arm(laid: Layout, which: str) -> tuple[str, str] | None:
    figure = laid.figure
    shoulder, elbow = joint(figure, which, "shoulder"), joint(figure, which, "elbow")
    if abs(shoulder) <= 25 and elbow < 15:
        return "{s} arm by the side", "arms by the sides"
    touch = _hand_touches(laid, which)
    if touch is not None:
        return touch
    if shoulder >= 150:
        return "{s} arm overhead", "arms overhead"
    if 45 <= shoulder < 150 and elbow < 30:
        return ("{s} arm reaching up", "arms reaching up") if figure.base == "supine" and laid.trunk == 0 else \
            ("{s} arm reaching forward", "arms reaching forward")
    return None


def _hand_touches(laid: Layout, which: str) -> tuple[str, str] | None:
    hand = laid.points[f"{which} hand"]
    candidates = ["head", "chest", "waist", "front hip", "pelvis", *(f"{o} {p}" for o in ("near", "far") for p in ("thigh", "knee", "shin", "ankle", "foot"))]
    best, best_d = None, REACH
    for name in candidates:
        x, y = laid.points[name]
        d = math.hypot(hand[0] - x, hand[1] - y) - radius(name)
        d += 0.0 if not name.startswith(("near", "far")) or name.startswith(which) else 2.0
        d -= 3.0 if name == "front hip" else 0.0  # the hip crease is where a hand on the hip usually is
        if d < best_d:
            best, best_d = name, d
    if best is None:
        return None
    if best == "head":
        if laid.figure.base == "prone":
            return "{s} hand under the forehead", "forehead resting on the hands"
        below = hand[1] < laid.points["head"][1]
        return ("{s} hand under the head", "hands under the head") if below else ("{s} hand on the head", "hands on the head")
    if best == "waist" and hand[1] < laid.points["waist"][1] and laid.figure.base == "supine":
        return "{s} hand under the lower back", "hands under the lower back"
    if best == "waist" and laid.figure.base in ("supine", "prone"):
        return "{s} hand on the belly", "hands on the belly"
    if best == "front hip" and laid.figure.base == "supine":
        return "{s} hand on the lower belly", "hands on the lower belly"
    if best in ("pelvis", "waist", "front hip"):
        return "{s} hand on the hip", "hands on the hips"
    if best == "chest":
        return "{s} hand on the chest", "hands on the chest"
    other, _, part = best.partition(" ")
    if part in ("ankle", "foot"):
        return "{s} hand holding the {o} " + part, "hands holding the " + part + "s", other  # type: ignore[return-value]
    return "{s} hand on the {o} " + part, "hands on the " + part + "s", other  # type: ignore[return-value]


def _pair(laid: Layout, limb: str, s) -> list[str]:
    describe = _leg if limb == "leg" else _arm
    near, far = describe(laid, "near"), describe(laid, "far")

    def one(found, which: str) -> str:
        if found is None:
            return ""
        other = found[2] if len(found) > 2 else which
        return found[0].format(s=s(which), o=s(other), n=s("near"))

    if near is not None and far is not None and near[0] == far[0] and (len(near) < 3 or near[2] != far[2]):
        return [near[1].format(n=s("near"))]
    return [one(near, "near"), one(far, "far")]


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


# --- what the site and the card use ----------------------------------------------------


@dataclass(frozen=True)
class Drawing:
    """One figure as published: which pose and position, which side it shows, its SVG and alt text."""

    pose: str
    position: str | None
    side: str | None  # 'right' or 'left' for a sided pose, None otherwise
    mirrored: bool
    svg: str
    alt: str
    width: float  # cm, the canvas
    height: float

    @property
    def filename(self) -> str:
        name = self.pose + (f"-{slugify(self.position)}" if self.position else "")
        return f"{name}-{self.side}.svg" if self.side else f"{name}.svg"

    @property
    def rel(self) -> str:
        return f"figures/{self.filename}"

    @property
    def caption(self) -> str:
        words = [self.position.capitalize()] if self.position else []
        if self.side:
            words.append(f"{self.side} side")
        return ", ".join(words) if words else ""


def drawings(pose, props: dict[str, Prop], scale: float = 1.4) -> list[Drawing]:
    """Every figure of a pose as published: for a sided pose, each position on each side."""
    if not pose.figures:
        return []
    figures = tuple(f.model_dump_json() for f in pose.figures)
    return list(_drawings(pose.slug, pose.sided, figures, _props_key(pose.figures, props), scale))


@functools.lru_cache(maxsize=1024)
def _drawings(slug: str, sided: bool, figures_json: tuple[str, ...], used: tuple, scale: float) -> tuple[Drawing, ...]:
    # The site asks for a pose's drawings on its own page, on every step that uses it and for
    # its files; the card asks again. Pure, so each is drawn once per process.
    props = _props_from_key(used)
    out = []
    for figure in (Figure.model_validate_json(text) for text in figures_json):
        laid = layout(figure, props)
        box = canvas(laid)
        sides = [(figure.side, False), ("left" if figure.side == "right" else "right", True)] if sided else [(None, False)]
        for side, mirrored in sorted(sides, key=lambda item: item[0] != "right"):
            alt = alt_text(laid, mirrored)
            out.append(Drawing(slug, figure.position, side, mirrored, svg(laid, alt, mirrored, scale), alt,
                               box.width, box.height))
    return tuple(out)


def figures_for(pose, props: dict[str, Prop], side: str | None, positions: list[str] | None = None) -> list[Drawing]:
    """The figures a step shows: the positions it names (or all), on the side it starts with."""
    found = drawings(pose, props)
    wanted = [p.lower() for p in positions] if positions else None
    chosen = [d for d in found if (d.side is None or d.side == side or side is None and d.side == "right")
              and (wanted is None or (d.position or "").lower() in wanted)]
    if wanted:
        chosen.sort(key=lambda d: wanted.index((d.position or "").lower()))
    return chosen
