"""Reaches: a hand (or foot) put on a body part by bending the limb within the joint's range. Where
it can't get there, or the words are wrong, the author is told at the field's line and column."""

from __future__ import annotations

import math

import pytest
from figure_checks import (
    assert_contacts_hold,
    assert_lengths,
    assert_nothing_below_the_floor,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posebook import figure as F
from posebook.figure.reach import MAX_BEND, two_link
from posebook.model import Figure, Joints
from posebook.model.figure import REACH_ENDS
from posebook.problems import ContentError
from posebook.read import load_library

HAND_PARTS = [
    "right thigh",
    "left thigh",
    "thighs",
    "right knee",
    "left knee",
    "right shin",
    "right ankle",
    "left ankle",
    "right hip",
    "hips",
    "right front hip",
    "left front hip",
    "belly",
    "chest",
    "lower back",
    "forehead",
    "head",
    "floor",
]
FOOT_PARTS = ["left knee", "left thigh", "left shin", "floor"]


def _bend(laid: F.Layout, side: str, limb: str) -> float:
    return F.limb_angles(laid.body, side, limb)[1]


@st.composite
def reaching_figures(draw):
    base = draw(st.sampled_from(["supine", "prone", "seated", "kneeling", "standing", "side-lying", "all-fours"]))

    def joints():
        values = {
            "hip": draw(st.one_of(st.none(), st.integers(-60, 130))),
            "knee": draw(st.one_of(st.none(), st.integers(0, 150))),
            "shoulder": draw(st.one_of(st.none(), st.integers(-60, 180))),
        }
        return Joints(**{k: float(v) for k, v in values.items() if v is not None})

    reach = {}
    for _ in range(draw(st.integers(1, 2))):
        end = draw(st.sampled_from(["right hand", "left hand", "hands", "near hand", "far hand", "right foot"]))
        part = draw(st.sampled_from(FOOT_PARTS if "foot" in end else HAND_PARTS))
        reach[end] = part
    trunk = draw(st.one_of(st.none(), st.integers(-40, 60).map(float)))
    return Figure(
        base=base,
        trunk=trunk,
        near=joints(),
        far=joints(),
        reach=reach,
        side=draw(st.sampled_from(["right", "left"])),
        near_side=draw(st.sampled_from([None, "left", "right"])),
    )


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reaching_figures())
def test_a_reach_puts_the_hand_on_the_part_or_says_why_it_cannot(figure):
    try:
        laid = F.layout(figure, {})
    except F.FigureError as err:
        # Said at the reach that can't be done, in words naming the part.
        assert err.loc[0] == "reach" and err.loc[1] in figure.reach, err.loc
        assert "can't" in err.message or "already reaches" in err.message, err.message
        return
    assert_lengths(laid)
    assert_nothing_below_the_floor(laid)
    for reach in laid.reaches:
        side, _, kind = reach.end.partition(" ")
        assert _bend(laid, side, "arm" if kind == "hand" else "leg") <= MAX_BEND + 1e-6
        if reach.part == "floor":
            assert laid.gap(f"{side} {kind}") <= F.TOLERANCE + 1e-6, reach
        else:
            assert F.contact_distance(laid, reach) <= 3.0, (reach, F.contact_distance(laid, reach))
    # The words say each contact, and each holds (measured on its own, not by the layout's numbers).
    assert_contacts_hold(laid, F.alt_text(laid), False)
    assert_contacts_hold(laid, F.alt_text(laid, mirrored=True), True)


def test_the_knee_to_chest_hand_rests_on_top_of_the_thigh_not_the_knee(library):
    pose = library.poses["supine-knee-to-chest"]
    laid = F.layout(pose.figure("contract"), library.props)
    p = laid.points
    palm = [a + (b - a) * 0.45 for a, b in zip(p["near wrist"], p["near fingers"])]
    along = [(q - h) for q, h in zip(palm, p["near hip"])]
    thigh = [(k - h) for k, h in zip(p["near knee"], p["near hip"])]
    t = sum(a * b for a, b in zip(along, thigh)) / sum(c * c for c in thigh)
    assert 0.2 <= t <= 0.9  # on the thigh, short of the knee
    front = laid.body.frames["near thigh"].f
    assert sum((q - h) * f for q, h, f in zip(palm, p["near hip"], front)) > F.RADII["thigh"]  # on its top, the front


@pytest.mark.parametrize(
    "slug,position,hands",
    [
        ("supported-bridge-variations", "relax", ["near"]),
        ("supported-bridge-variations", "both legs long", ["near", "far"]),
        ("supine-knee-to-chest", "both legs", ["near", "far"]),
        ("supported-bridge-variations", "contract", ["near"]),
    ],
)
def test_the_hands_press_on_top_of_the_thighs_as_the_source_says(library, slug, position, hands):
    laid = F.layout(library.poses[slug].figure(position), library.props)
    for side in hands:
        reach = next(r for r in laid.reaches if r.end == f"{side} hand")
        assert (reach.part, reach.part_side) == ("thigh", side)
        assert F.contact_distance(laid, reach) <= 1e-6


def test_two_link_keeps_lengths_bends_within_range_and_refuses_what_it_cannot_reach():
    root = (0.0, 0.0, 0.0)
    for target in [(40.0, 10.0, 5.0), (10.0, -30.0, 2.0), (0.0, 0.0, 54.0)]:
        middle, bend = two_link(root, target, 30.0, 25.0, (0.0, -1.0, 0.0))
        assert math.dist(root, middle) == pytest.approx(30.0)
        assert math.dist(middle, target) == pytest.approx(25.0)
        assert 0 <= bend <= MAX_BEND
    assert two_link(root, (60.0, 0.0, 0.0), 30.0, 25.0, (0.0, 1.0, 0.0)) is None  # too far
    assert two_link(root, (3.0, 0.0, 0.0), 30.0, 25.0, (0.0, 1.0, 0.0)) is None  # closer than the elbow bends
    # Kept off the floor when it can be.
    middle, _ = two_link(root, (40.0, 0.0, 0.0), 30.0, 25.0, (0.0, -1.0, 0.0), above=-2.0)
    assert middle[1] >= -2.0 - 1e-6


@pytest.fixture(scope="module")
def library():
    from conftest import ROOT

    return load_library(ROOT / "docs", display_root=ROOT)


def _problems(library_dir, figure: str) -> list[str]:
    docs = library_dir({"poses/rest.md": f"---\nname: Rest\nsummary: Lie still.\nfigures:\n{figure}---\nBody.\n"})
    with pytest.raises(ContentError) as err:
        load_library(docs, display_root=docs.parent)
    return [str(p) for p in err.value.problems]


def test_an_end_with_a_typo_is_found_at_its_line_with_a_did_you_mean(library_dir):
    assert _problems(library_dir, "  - base: supine\n    reach: {rigth hand: right thigh}\n") == [
        "docs/poses/rest.md:6:25: error: figures[0].reach.rigth hand: 'rigth hand' is not a hand or a foot; use one "
        "of: " + ", ".join(REACH_ENDS) + " (did you mean 'right hand'?)"
    ]


def test_a_part_with_a_typo_is_found_at_its_line_with_a_did_you_mean(library_dir):
    [problem] = _problems(library_dir, "  - base: supine\n    reach:\n      right hand: rigt thigh\n")
    assert problem.startswith(
        "docs/poses/rest.md:7:19: error: figures[0].reach.right hand: 'rigt thigh' is not a "
        "part a hand can reach; use a body part such as 'right thigh'"
    )
    assert problem.endswith("(did you mean 'right thigh'?)")


def test_a_part_out_of_reach_is_a_content_error_at_the_reach(library_dir):
    [problem] = _problems(library_dir, "  - base: standing\n    trunk: 0\n    reach: {right hand: right ankle}\n")
    assert problem.startswith(
        "docs/poses/rest.md:7:25: error: figures[0].reach.right hand: the right hand can't "
        "reach the right ankle: with these angles it is "
    )
    assert "cm beyond the straight arm's reach" in problem


def test_a_front_view_of_a_body_lying_down_is_refused(library_dir):
    assert _problems(library_dir, "  - base: supine\n    view: front\n") == [
        "docs/poses/rest.md:6:11: error: figures[0].view: a figure with base 'supine' is drawn from the side; "
        "'view: front' is for sitting, kneeling and standing figures"
    ]


def test_a_view_with_a_typo_gets_a_did_you_mean(library_dir):
    assert _problems(library_dir, "  - base: standing\n    view: frnt\n") == [
        "docs/poses/rest.md:6:11: error: figures[0].view: 'frnt' is not a figure view; use one of: side, front "
        "(did you mean 'front'?)"
    ]


def test_the_same_hand_reaching_twice_is_refused(library_dir):
    [problem] = _problems(library_dir, "  - base: supine\n    reach: {hands: thighs, right hand: belly}\n")
    assert "figures[0].reach.right hand: the right hand already reaches the thighs" in problem
