"""The body in three dimensions: segment sizes, what each base does, and the joint positions that
follow from a figure's angles (forward kinematics). Centimetres of an average adult; y points up,
x along the mat, z toward the near side (the viewer of a side view)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..model import Figure, Joints
from ..model.words import N_
from .geometry import Frame, Vec, add, along, cross, mix, mul, unit

# Segment lengths in cm, after common anthropometric tables for an adult about 170 cm tall.
LENGTHS = {
    "trunk": 50.0,
    "neck": 8.0,
    "head": 10.5,
    "upper_arm": 30.0,
    "forearm": 25.0,
    "hand": 10.0,
    "thigh": 43.0,
    "shin": 42.0,
    "foot": 19.0,
}
# Half the drawn thickness of each segment: a body, not a stick.
RADII = {"thigh": 5.0, "shin": 3.8, "foot": 2.6, "upper_arm": 3.5, "forearm": 2.6, "hand": 2.6, "neck": 3.2}
HEAD_RADIUS = 10.0
HIP_HALF = 9.0  # the hip joints either side of the middle of the pelvis
SHOULDER_HALF = 16.5
WAIST = 18.0  # how far above the hip joints the trunk bends sideways
HEEL, TOE, SOLE = 4.0, 15.0, 3.4  # the foot: heel behind and toes ahead of the ankle, the sole below it
HAND_THICK = 2 * RADII["hand"]  # as drawn, so hands stacked under a forehead fill the gap they leave
PALM = 0.45  # where the palm's middle is, along the hand from the wrist

# The trunk's cross-sections, from the bottom of the pelvis to the top of the shoulders: how far
# along the trunk (u), half its width (w, across), half its depth (d, front to back) and how far its
# middle is toward the front of the trunk's line (the hollow of the lower back). The pelvis block
# bends with the legs; the chest block above the waist bends sideways.
SECTIONS = {
    "seat": ("pelvis", -8.0, 15.5, 9.0, 0.0),
    "pelvis": ("pelvis", 0.0, 17.5, 11.0, 0.0),
    "crest": ("pelvis", 10.0, 15.0, 9.5, 1.0),
    "waist": ("pelvis", WAIST, 13.0, 9.0, 3.2),
    "ribs": ("chest", 28.0, 14.0, 10.5, 0.5),
    "chest": ("chest", 38.0, 15.5, 11.0, 0.0),
    "shoulders": ("chest", 47.0, 19.0, 8.0, 0.0),
    "neckline": ("chest", 52.0, 11.0, 6.0, 0.0),
}
SECTION_SAMPLES = 16
ROUNDING = 2.5  # the trunk is drawn as the outline of its sections made this much smaller, rounded by this much
# Places on the head, as parts of its radius along its own u (toward the crown) and f (the face).
HEAD_PLACES = {"forehead": (0.6, 0.8), "back of the head": (0.0, -1.0)}

TRUNK_PARTS = {
    "pelvis": ("seat", "pelvis"),
    "sacrum": ("pelvis",),
    "hips": ("seat", "pelvis"),
    "waist": ("waist",),
    "lower back": ("waist",),
    "belly": ("waist",),
    "chest": ("ribs", "chest"),
    "shoulders": ("chest", "shoulders"),
}


@dataclass(frozen=True)
class Base:
    label: str  # for the alt text
    angle: float  # the trunk's direction (degrees in the side view, 0 = pointing right, 90 = up) at trunk: 0
    support: tuple[tuple[str, ...], ...]  # groups of parts: one part of each group rests on the floor
    defaults: dict[str, float] = field(default_factory=dict)
    level: tuple[tuple[str, ...], ...] = ()  # groups the trunk settles to rest on, when no trunk angle is given
    lying: bool = False  # the body lies along the floor
    on_side: bool = False  # lying on its side: its near side is the upper one; seen from in front and above
    head_rests: bool = False  # a head left to rest lies on the floor, or on whatever is under it
    on_hands_and_knees: bool = False  # palms flat on the floor, shins along it, unless the figure says otherwise

    @property
    def upright(self) -> bool:
        return self.angle == 90


BASES: dict[str, Base] = {
    "supine": Base(
        N_("lying on the back"),
        180,
        (("pelvis", "shoulders"),),
        {"hip": -3, "shoulder": -7.5, "ankle": 20},
        level=(("pelvis",), ("shoulders",)),
        lying=True,
        head_rests=True,
    ),
    "prone": Base(
        N_("lying face down"),
        0,
        (("pelvis", "chest", "shoulders", "near elbow", "far elbow", "near wrist", "far wrist"),),
        {"ankle": 80, "hip": 3, "shoulder": 8},
        level=(("pelvis",), ("chest", "shoulders")),
        lying=True,
        head_rests=True,
    ),
    "side-lying": Base(
        N_("lying on the {under} side"), 180, (("pelvis", "shoulders"),), {"ankle": 30}, lying=True, on_side=True
    ),
    "seated": Base(N_("sitting"), 90, (("pelvis",),), {"hip": 90, "elbow": 54}),
    "kneeling": Base(N_("kneeling"), 90, (("near knee", "far knee"),), {"knee": 90, "ankle": 90}),
    "standing": Base(N_("standing"), 90, (("near foot", "far foot"),)),
    "all-fours": Base(
        N_("on hands and knees"),
        0,
        (("near hand", "far hand"), ("near knee", "far knee")),
        {"shoulder": 90, "hip": 90, "knee": 90, "ankle": 90, "head": -10},
        on_hands_and_knees=True,
    ),
}

SIDES = ("near", "far")
# Each drawn segment of a limb: its name and its two ends.
LIMB_SEGMENTS = (
    ("thigh", "hip", "knee"),
    ("shin", "knee", "ankle"),
    ("foot", "heel", "toes"),
    ("upper arm", "shoulder", "elbow"),
    ("forearm", "elbow", "wrist"),
    ("hand", "wrist", "fingers"),
)


@dataclass(frozen=True)
class Section:
    """One cross-section of the trunk: an ellipse around `centre`, half `depth` along f and half
    `width` along l."""

    centre: Vec
    f: Vec
    l: Vec
    depth: float
    width: float

    @property
    def lowest(self) -> float:
        """The height of its lowest point, as drawn (with its rounding)."""
        inner = math.hypot((self.depth - ROUNDING) * self.f[1], (self.width - ROUNDING) * self.l[1])
        return self.centre[1] - inner - ROUNDING

    @property
    def highest(self) -> float:
        """The height of its highest point, as drawn."""
        inner = math.hypot((self.depth - ROUNDING) * self.f[1], (self.width - ROUNDING) * self.l[1])
        return self.centre[1] + inner + ROUNDING

    def top_point(self) -> Vec:
        """Its highest point, as drawn: where something resting on it sits."""
        d, w = self.depth - ROUNDING, self.width - ROUNDING
        n = math.hypot(d * self.f[1], w * self.l[1])
        if n < 1e-9:
            return add(self.centre, (0.0, ROUNDING, 0.0))
        point = mix((self.centre, 1.0), (self.f, d * d * self.f[1] / n), (self.l, w * w * self.l[1] / n))
        return add(point, (0.0, ROUNDING, 0.0))

    def ring(self, samples: int = SECTION_SAMPLES) -> tuple[Vec, ...]:
        out = []
        for i in range(samples):
            t = 2 * math.pi * i / samples
            out.append(mix((self.centre, 1.0), (self.f, self.depth * math.cos(t)), (self.l, self.width * math.sin(t))))
        return tuple(out)

    def moved(self, by: Vec) -> Section:
        return Section(add(self.centre, by), self.f, self.l, self.depth, self.width)


@dataclass(frozen=True)
class Body:
    """A body posed in space: joint points, each part's frame, and the trunk's cross-sections. Before
    it is laid down, the middle of the pelvis is at the origin."""

    points: dict[str, Vec]
    frames: dict[str, Frame]
    sections: dict[str, Section]
    right: float  # +1 if the near side (l) is the body's right, -1 if its left

    def moved(self, by: Vec) -> Body:
        return Body(
            {k: add(p, by) for k, p in self.points.items()},
            self.frames,
            {k: sec.moved(by) for k, sec in self.sections.items()},
            self.right,
        )

    def with_points(self, points: dict[str, Vec], frames: dict[str, Frame]) -> Body:
        return Body({**self.points, **points}, {**self.frames, **frames}, self.sections, self.right)


def with_head(body: Body, angle: float, tilt: float = 0.0) -> Body:
    """The body with its head turned to `angle` (toward the chest) and tipped by `tilt` (toward the near side)."""
    neck = body.frames["chest"].turn("l", -angle).turn("f", tilt)
    top = along(body.points["shoulders"], neck.u, LENGTHS["neck"])
    return body.with_points({"neck": top, "head": along(top, neck.u, LENGTHS["head"])}, {"head": neck})


def joint(figure: Figure, side: str, name: str) -> float:
    """A joint angle as drawn: the figure's own, or its base's usual one."""
    joints: Joints = getattr(figure, side)
    value = getattr(joints, name)
    return value if value is not None else BASES[figure.base].defaults.get(name, 0.0)


def head_angle(figure: Figure) -> float:
    if figure.head is not None:
        return figure.head
    return BASES[figure.base].defaults.get("head", 0.0)


def trunk_frame(figure: Figure, trunk: float) -> Frame:
    """The pelvis and trunk's frame: the base's line, leaned toward the front by `trunk` degrees."""
    base = BASES[figure.base]
    if base.on_side:
        # On the side, the near (upper) side up, facing the viewer, head to the right.
        start = Frame((0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0))
    else:
        a = math.radians(base.angle)
        start = Frame((math.sin(a), -math.cos(a), 0.0), (math.cos(a), math.sin(a), 0.0), (0.0, 0.0, 1.0))
    return start.turn("l", -trunk)


def skeleton(figure: Figure, trunk: float, head: float | None = None, head_tilt: float = 0.0) -> Body:
    """Every joint's position from the angles, with the middle of the pelvis at the origin: each
    segment keeps its length. `head` overrides the head's angle (a head left to rest), and
    `head_tilt` tips it toward the near side (a head resting on the arm under it, lying on the side)."""
    base = BASES[figure.base]
    right = 1.0 if figure.facing == "right" else -1.0
    pelvis = trunk_frame(figure, trunk)
    origin: Vec = (0.0, 0.0, 0.0)
    waist = along(origin, pelvis.u, WAIST)
    # A side bend turns the chest about its front axis, toward the body's right for more.
    chest = pelvis.turn("f", right * (figure.side_bend or 0.0))
    shoulders = along(waist, chest.u, LENGTHS["trunk"] - WAIST)
    points: dict[str, Vec] = {"pelvis": origin, "waist": waist, "shoulders": shoulders}
    frames: dict[str, Frame] = {"pelvis": pelvis, "chest": chest}
    h = head_angle(figure) if head is None else head
    neck = chest.turn("l", -h).turn("f", head_tilt)
    frames["head"] = neck
    points["neck"] = along(shoulders, neck.u, LENGTHS["neck"])
    points["head"] = along(points["neck"], neck.u, LENGTHS["head"])
    sections = {}
    for name, (block, u, w, d, forward) in SECTIONS.items():
        frame = pelvis if block == "pelvis" else chest
        centre = along(origin, pelvis.u, u) if block == "pelvis" else along(waist, chest.u, u - WAIST)
        sections[name] = Section(along(centre, frame.f, forward), frame.f, frame.l, d, w)
    for side in SIDES:
        s = 1.0 if side == "near" else -1.0
        joints: Joints = getattr(figure, side)
        hip = along(origin, pelvis.l, s * HIP_HALF)
        thigh = pelvis.turn("f", -s * joint(figure, side, "hip_out")).turn("l", joint(figure, side, "hip"))
        knee = along(hip, thigh.u, -LENGTHS["thigh"])
        shin = thigh.turn("l", -joint(figure, side, "knee"))
        if base.on_hands_and_knees and joints.knee is None:
            # On hands and knees the shins lie along the floor, away from the head.
            away = unit((-pelvis.u[0], 0.0, -pelvis.u[2]))
            shin = Frame.from_u(mul(away, -1.0), shin.l)
        ankle = along(knee, shin.u, -LENGTHS["shin"])
        foot = shin.turn("l", 90 - joint(figure, side, "ankle"))
        if joints.ankle is None and not base.on_side and _upright(shin):
            # A foot under a shin that stands more or less upright stands flat, unless the figure says otherwise.
            foot = flat_foot(mul(foot.u, -1.0), pelvis.f)
        toes_dir = mul(foot.u, -1.0)
        sole = mul(foot.f, -SOLE)
        points[f"{side} hip"] = hip
        points[f"{side} knee"] = knee
        points[f"{side} ankle"] = ankle
        points[f"{side} heel"] = add(along(ankle, toes_dir, -HEEL), sole)
        points[f"{side} toes"] = add(along(ankle, toes_dir, TOE), sole)
        frames[f"{side} thigh"], frames[f"{side} shin"], frames[f"{side} foot"] = thigh, shin, foot

        shoulder = along(shoulders, chest.l, s * SHOULDER_HALF)
        arm = chest.turn("f", -s * joint(figure, side, "shoulder_out")).turn("l", joint(figure, side, "shoulder"))
        elbow = along(shoulder, arm.u, -LENGTHS["upper_arm"])
        forearm = arm.turn("l", joint(figure, side, "elbow"))
        wrist = along(elbow, forearm.u, -LENGTHS["forearm"])
        hand = forearm
        if base.on_hands_and_knees and _upright(forearm):
            # On hands and knees the palms are flat on the floor, fingers toward the head.
            toward_head = unit((pelvis.u[0], 0.0, pelvis.u[2]))
            hand = Frame.from_u(mul(toward_head, -1.0), forearm.l)
        points[f"{side} shoulder"] = shoulder
        points[f"{side} elbow"] = elbow
        points[f"{side} wrist"] = wrist
        points[f"{side} fingers"] = along(wrist, hand.u, -LENGTHS["hand"])
        frames[f"{side} upper arm"], frames[f"{side} forearm"], frames[f"{side} hand"] = arm, forearm, hand
    return Body(points, frames, sections, right)


def _upright(frame: Frame, within: float = 60.0) -> bool:
    """The segment points down within `within` degrees of straight down."""
    return frame.u[1] >= math.cos(math.radians(within))


def flat_foot(toes: Vec, fallback: Vec) -> Frame:
    """A foot flat on the floor, toes the way `toes` points along it."""
    ahead = unit((toes[0], 0.0, toes[2]), fallback=unit((fallback[0], 0.0, fallback[2])))
    up: Vec = (0.0, 1.0, 0.0)
    back = mul(ahead, -1.0)
    return Frame(up, back, cross(up, back))


_POINT_RADII = {
    "hip": RADII["thigh"],
    "knee": RADII["thigh"],
    "ankle": RADII["shin"],
    "heel": RADII["foot"],
    "toes": RADII["foot"],
    "shoulder": RADII["upper_arm"],
    "elbow": RADII["upper_arm"],
    "wrist": RADII["forearm"],
    "fingers": RADII["hand"],
}
POINT_RADII = {
    "head": HEAD_RADIUS,
    "neck": RADII["neck"],
    **{f"{side} {part}": r for side in SIDES for part, r in _POINT_RADII.items()},
}


def point_radius(name: str) -> float:
    """How far a named point's drawing reaches beyond the point itself."""
    return POINT_RADII.get(name, 0.0)
