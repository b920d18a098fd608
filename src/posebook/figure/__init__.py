"""Pose figures, drawn from the joint angles and reaches in a pose's front matter.

The stages, one module each: `body` (the skeleton in space: sizes, bases, forward kinematics),
`reach` (a hand or foot put on a part: inverse kinematics), `lay` (the body on the floor and its
props), `view` (seen from the side or the front, in painting order, on a canvas at one scale),
`svg_writer` and `alt` (the drawing and its words, from the same data), `drawing` (what the site and the
card publish). Plain data in and out: no I/O."""

from .alt import alt_text, contact_distance, limb_angles
from .body import BASES, HEAD_RADIUS, LENGTHS, RADII, Base, Body, skeleton
from .drawing import Drawing, _drawings, drawings, figures_for
from .errors import FigureError
from .lay import (
    SHAPE_SIZES,
    TOLERANCE,
    Layout,
    PropShape,
    _layout,
    check_figure,
    layout,
    lowest,
    part_names,
    prop_label,
    prop_shape,
)
from .reach import Reach
from .svg_writer import CARD_MM_PER_CM, CLASSES, SITE_PX_PER_CM, _n, svg
from .view import Canvas, Scene, scene

# The memos (_drawings, _layout: tests clear them) and the number format (_n) are shared with the tests.
__all__ = [
    "BASES",
    "CARD_MM_PER_CM",
    "CLASSES",
    "HEAD_RADIUS",
    "LENGTHS",
    "RADII",
    "SHAPE_SIZES",
    "SITE_PX_PER_CM",
    "TOLERANCE",
    "Base",
    "Body",
    "Canvas",
    "Drawing",
    "FigureError",
    "Layout",
    "PropShape",
    "Reach",
    "Scene",
    "_drawings",
    "_layout",
    "_n",
    "alt_text",
    "check_figure",
    "contact_distance",
    "drawings",
    "figures_for",
    "layout",
    "limb_angles",
    "lowest",
    "part_names",
    "prop_label",
    "prop_shape",
    "scene",
    "skeleton",
    "svg",
]
