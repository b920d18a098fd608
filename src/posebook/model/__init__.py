"""The content model: what a pose, a prop, a sequence, a step, a caution and a figure are.
Plain, immutable, no I/O."""

from .fields import (
    AMOUNT_HELP,
    BODY_PARTS,
    LIMB_PARTS,
    SLUG,
    SLUG_PATTERN,
    Amount,
    Count,
    parse_amount,
    parse_count,
    parse_part,
    slugify,
)
from .figure import BASES, SHAPES, Figure, FigureProp, Joints
from .library import Library
from .pages import (
    ACTIONS,
    PAGE_KINDS,
    PHASES,
    RESERVED,
    SIDES,
    Caution,
    Glossary,
    Muscles,
    OtherPage,
    Part,
    Phase,
    Pose,
    Prop,
    PropUse,
    Sequence,
    Source,
    Step,
    Term,
)
from .words import ACTION_LABELS, DISCLAIMER, SIDE_LABELS

__all__ = [
    "ACTIONS", "ACTION_LABELS", "AMOUNT_HELP", "BASES", "BODY_PARTS", "DISCLAIMER", "LIMB_PARTS", "PAGE_KINDS",
    "PHASES", "RESERVED", "SHAPES", "SIDES", "SIDE_LABELS", "SLUG", "SLUG_PATTERN", "Amount", "Caution", "Count",
    "Figure", "FigureProp", "Glossary", "Joints", "Library", "Muscles", "OtherPage", "Part", "Phase", "Pose", "Prop",
    "PropUse", "Sequence", "Source", "Step", "Term", "parse_amount", "parse_count", "parse_part", "slugify",
]
