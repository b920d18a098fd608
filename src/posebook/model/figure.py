"""What a pose figure is in the front matter: its base, view, joint angles, the parts its hands
or feet reach, and its props in place."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from .fields import Model, Name, PartField, PropRef, choice

BASES = ("supine", "prone", "side-lying", "seated", "kneeling", "standing", "all-fours")
SHAPES = ("block", "folded-blanket", "rolled-blanket", "bolster", "pillow", "strap", "ball", "kettlebell", "table")
VIEWS = ("side", "front")

# What a figure's `reach` says: an end (a hand or a foot) and the part it rests on.
REACH_ENDS = tuple(f"{side} {end}" for end in ("hand", "foot") for side in ("right", "left", "near", "far")) + (
    "hands",
    "both hands",
    "feet",
    "both feet",
)
REACH_PARTS = ("thigh", "knee", "shin", "ankle", "foot", "hip", "front hip")  # each has a right and a left
REACH_TRUNK = ("belly", "chest", "lower back", "sacrum", "forehead", "head")
REACH_HELP = (
    "a body part such as 'right thigh', 'left knee', 'right ankle', 'right hip', 'right front hip', "
    "'belly', 'chest', 'lower back' or 'forehead' (or 'thighs', 'hips' for both hands), 'floor' (the "
    "limb turns at the hip or shoulder until it gets there), or the slug of a prop of this figure "
    "resting on the body"
)


def _angle(low: int, high: int, what: str):
    """An optional angle in degrees between low and high."""
    return Annotated[Annotated[float, Field(ge=low, le=high)] | None, Field(default=None, description=what)]


class Joints(Model):
    """The joint angles of one arm and one leg, in degrees. Leave one out for the base's usual angle."""

    shoulder: _angle(
        -90,
        200,
        "0 = arm along the body; 90 = arm forward (toward the front of the body); "
        "180 = arm overhead; below 0 = arm behind",
    )  # type: ignore[valid-type]
    elbow: _angle(0, 170, "0 = straight; more bends the elbow")  # type: ignore[valid-type]
    hip: _angle(
        -90,
        170,
        "0 = thigh in line with the trunk; 90 = thigh forward at a right angle (as when sitting); "
        "below 0 = thigh behind",
    )  # type: ignore[valid-type]
    knee: _angle(0, 170, "0 = straight; more bends the knee")  # type: ignore[valid-type]
    ankle: _angle(-40, 90, "0 = foot at a right angle to the shin; 90 = toes pointed in line with the shin")  # type: ignore[valid-type]
    shoulder_out: _angle(
        -45,
        180,
        "How far the arm is raised out to the side, after 'shoulder': 0 = not at all; "
        "90 = out to the side at shoulder height; 180 = overhead, beside the ear; below 0 "
        "= across the body",
    )  # type: ignore[valid-type]
    hip_out: _angle(
        -45,
        90,
        "How far the thigh is taken out to the side, after 'hip': 0 = not at all; more spreads "
        "the legs; below 0 = across toward the other leg (a top knee dropping toward the "
        "floor when lying on the side)",
    )  # type: ignore[valid-type]


class FigureProp(Model):
    """A prop in a figure, in place: under a body part, on a body part or another prop, around a limb, or held."""

    prop: PropRef = Field(description="The prop's slug.")  # type: ignore[valid-type]
    under: PartField | None = Field(None, description="The body part that rests on it, e.g. 'sacrum' or 'thighs'.")  # type: ignore[valid-type]
    on: Annotated[str, Field(min_length=1, max_length=60)] | None = Field(
        None,
        description="The body part it rests on (e.g. 'right front hip'), or the slug of another prop in this figure.",
    )
    around: PartField | None = Field(None, description="For a strap: the part it loops around, e.g. 'left ankle'.")  # type: ignore[valid-type]
    held: PartField | None = Field(None, description="The hand that holds it, e.g. 'left hand'.")  # type: ignore[valid-type]
    shape: choice(*SHAPES, what="prop shape") | None = Field(  # type: ignore[valid-type]
        None, description="How to draw it here, when not as its page says, e.g. 'rolled-blanket'."
    )

    @model_validator(mode="after")
    def _placed(self) -> FigureProp:
        given = [k for k in ("under", "on", "around", "held") if getattr(self, k) is not None]
        if not given or (len(given) > 1 and sorted(given) != ["around", "held"]):
            raise PydanticCustomError(
                "posebook_placement",
                "say where the prop is with one of under, on, around or held (a strap may have around and held); "
                "{found}",
                {"found": "found none" if not given else "found " + " and ".join(given)},
            )
        return self


ReachMap = Annotated[
    dict[Annotated[str, Field(min_length=1, max_length=40)], Annotated[str, Field(min_length=1, max_length=60)]],
    Field(max_length=4),
    WithJsonSchema(
        {
            "type": "object",
            "maxProperties": 4,
            "propertyNames": {"enum": list(REACH_ENDS)},
            "additionalProperties": {"type": "string", "description": REACH_HELP},
        }
    ),
]


class Figure(Model):
    """A figure of a pose, or of one position of it (e.g. 'contract'), seen from the side or the front."""

    position: Name | None = Field(
        None,
        description="The position's name, e.g. 'contract' or 'relax'; needed when a pose has more than one figure.",
    )
    base: choice(*BASES, what="figure base") = Field(  # type: ignore[valid-type]
        description="What the body rests on: " + ", ".join(BASES) + "."
    )
    side: choice("right", "left", what="side") = Field(  # type: ignore[valid-type]
        "right",
        description="Which side of the pose the figure shows, as a sequence names it ('right' for the "
        "side 'right-first' starts with). The figure is mirrored for the other side.",
    )
    near_side: choice("right", "left", what="side") | None = Field(  # type: ignore[valid-type]
        None,
        description="Which side of the body faces you, so its arm and leg are 'near' (for side-lying: the "
        "upper side). Leave out when it is the same as 'side'; a low lunge with the right foot "
        "forward, seen from the left, says 'side: right' and 'near_side: left'.",
    )
    view: choice(*VIEWS, what="figure view") = Field(  # type: ignore[valid-type]
        "side",
        description="Where the figure is seen from: 'side' (the default), or 'front' for a movement "
        "across the body such as a side bend or an arm raised out to the side (sitting, "
        "kneeling and standing figures only). A figure lying on its side is seen from in front and a "
        "little above, on the floor.",
    )
    trunk: _angle(
        -100,
        100,
        "0 = the base's usual line; more leans the trunk toward the front of the body, "
        "below 0 leans it back. Leave out to let the trunk rest on the floor or the props.",
    )  # type: ignore[valid-type]
    side_bend: _angle(
        -60,
        60,
        "Bends the trunk sideways from the waist: more bends it toward the right side of "
        "the body, below 0 toward the left. Shown best with 'view: front'.",
    )  # type: ignore[valid-type]
    head: _angle(-60, 80, "0 = in line with the trunk (resting, when lying); more tips the chin toward the chest")  # type: ignore[valid-type]
    near: Joints = Field(default_factory=Joints, description="The arm and leg facing you.")
    far: Joints = Field(default_factory=Joints, description="The arm and leg away from you.")
    reach: ReachMap = Field(  # type: ignore[valid-type]
        default_factory=dict,
        description="Where a hand (or foot) rests, e.g. {right hand: right thigh}, {hands: forehead} or "
        "{right foot: floor}: the limb bends (or turns) to put it there, whatever its angles say. The "
        "part is " + REACH_HELP + ".",
    )
    props: list[FigureProp] = Field(default_factory=list, max_length=12, description="Props drawn in place.")

    @property
    def facing(self) -> str:
        """The side of the body whose limbs are near."""
        return self.near_side or self.side
