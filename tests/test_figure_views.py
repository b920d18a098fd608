"""How figures are seen: from the side or the front, a body lying on its side on the floor, arms
overhead beside or behind the head, one scale for every figure, near and far limbs told apart
without colour, every prop recognisable, and styles a page can restyle."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from posebook import figure as F
from posebook.model import Figure, FigureProp, Prop
from posebook.read import load_library

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "docs", display_root=ROOT)


def _scene(library, slug: str, position: str | None = None) -> tuple[F.Layout, F.Scene]:
    laid = F.layout(library.poses[slug].figure(position), library.props)
    return laid, F.scene(laid)


def _overlapping_head_arms_come_before_it(scene: F.Scene) -> None:
    kinds = [(kind, item) for kind, item in scene.layers]
    head_at = next(i for i, (kind, _) in enumerate(kinds) if kind == "head")
    head = kinds[head_at][1]
    for i, (kind, item) in enumerate(kinds):
        if kind == "limb" and item.name.endswith("arm") and F.view.overlaps_head(item, head):
            assert i < head_at, item.name  # behind the head, never through it


def test_a_side_bend_seen_from_the_front_tilts_the_shoulders_toward_the_side_it_bends_to(library):
    for slug in ("low-lunge-side-bend", "warrior-one-side-bend"):
        laid, scene = _scene(library, slug, "side bend")
        assert scene.view == "front"
        project, _ = F.view.projector(laid)
        right = project(laid.points["near shoulder" if laid.figure.facing == "right" else "far shoulder"])
        left = project(laid.points["far shoulder" if laid.figure.facing == "right" else "near shoulder"])
        # Bending to the right: seen from the front, the right shoulder (on the viewer's left) is lower.
        assert laid.figure.side_bend > 0
        assert right[0] < left[0] and right[1] < left[1] - 10


def test_an_arm_raised_beside_the_ear_passes_beside_the_head_seen_from_the_front(library):
    _, scene = _scene(library, "low-lunge-side-bend", "side bend")
    head = scene.items("head")[0]
    arm = next(limb for limb in scene.items("limb") if limb.name == "far arm")
    assert not F.view.overlaps_head(arm, head)
    assert max(q[1] for a, b, _ in arm.segments for q in (a, b)) > head.centre[1] + head.radius  # up past the head


def test_arms_overhead_pass_behind_the_head_in_every_figure(library):
    for pose in library.poses.values():
        for figure in pose.figures:
            _overlapping_head_arms_come_before_it(F.scene(F.layout(figure, library.props)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["standing", "kneeling", "seated", "supine", "prone"]),
    st.integers(120, 200),
    st.integers(0, 40),
    st.sampled_from(["side", "front"]),
    st.integers(0, 180),
)
def test_an_arm_overhead_never_crosses_the_head_on_top_of_it(base, shoulder, elbow, view, out):
    view = view if base in ("standing", "kneeling", "seated") else "side"
    figure = Figure(
        base=base,
        view=view,
        trunk=0.0 if base != "seated" else None,
        near={"shoulder": float(shoulder), "elbow": float(elbow), "shoulder_out": float(out)},
        far={"shoulder": float(shoulder), "elbow": float(elbow)},
    )
    _overlapping_head_arms_come_before_it(F.scene(F.layout(figure, {})))


def test_a_figure_lying_on_its_side_lies_on_the_floor_seen_from_behind_and_above(library):
    for figure in library.poses["side-lying-iliopsoas-stretch"].figures:
        laid = F.check_figure(figure, library.props)
        scene = F.scene(laid)
        project, _ = F.view.projector(laid)
        # Nothing in the picture goes below the floor's front edge, the line at y = 0.
        for name, q in laid.points.items():
            assert project(q)[1] - F.body.point_radius(name) >= -1.0, name
        assert scene.floor_depth > 10  # the floor is drawn going back under the body
        svg = F.svg(scene, "x")
        assert "pb-floor-plane" in svg and "pb-floor" in svg
        # The stretched leg (the upper one, taken back toward the viewer) is drawn solid, the other outlined.
        limbs = {limb.name: limb for limb in scene.items("limb")}
        assert not limbs["near leg"].far and limbs["far leg"].far


def test_one_scale_for_every_figure(library):
    radii = set()
    for pose in library.poses.values():
        for drawing in F.drawings(pose, library.props):
            root = ET.fromstring(drawing.svg)
            # The head is the same size in every figure: one centimetre of body is one unit of every canvas.
            heads = [float(c.get("r")) for c in root.iter(f"{SVG}circle") if c.get("class") == "pb-ink"]
            radii.add(max(heads))
            # Width and height say the canvas at that scale.
            assert float(root.get("width")) == pytest.approx(drawing.width * F.SITE_PX_PER_CM, abs=0.1)
            assert float(root.get("height")) == pytest.approx(drawing.height * F.SITE_PX_PER_CM, abs=0.1)
            # The floor line is the same distance above the bottom of every canvas, so floors line up.
            floor = next(el for el in root.iter(f"{SVG}line") if el.get("class") == "pb-floor")
            assert drawing.height - float(floor.get("y1")) == pytest.approx(2.5, abs=0.06)
    assert radii == {F.HEAD_RADIUS}


def test_a_standing_and_a_lying_figure_show_their_true_sizes(library):
    standing = next(
        d
        for d in F.drawings(library.poses["leg-raise"], library.props)
        if d.position == "standing" and d.side == "right"
    )
    lying = next(
        d
        for d in F.drawings(library.poses["supine-knee-to-chest"], library.props)
        if d.position == "relax" and d.side == "right"
    )
    # About 170 cm tall standing, about 185 cm long lying (heels to the top of the head), plus margins.
    assert 170 <= standing.height <= 185
    assert 185 <= lying.width <= 200


def test_near_and_far_limbs_differ_in_shape_not_only_in_colour(library):
    _, scene = _scene(library, "supine-knee-to-chest", "contract")
    svg = F.svg(scene, "x")
    root = ET.fromstring(svg)
    far = [el for el in root.iter(f"{SVG}line") if el.get("class") == "pb-far"]
    inside = [el for el in root.iter(f"{SVG}line") if el.get("class") == "pb-far-fill"]
    near = [el for el in root.iter(f"{SVG}line") if el.get("class") == "pb-ink"]
    # A far limb is an outline: a dark stroke with a lighter one inside it, narrower by its edge.
    assert far and len(far) == len(inside) and near
    for outer, inner in zip(far, inside):
        assert float(outer.get("stroke-width")) - float(inner.get("stroke-width")) == pytest.approx(2 * F.view.FAR_EDGE)
    # A near limb is solid, with a gap (the halo) between it and whatever it crosses.
    assert any(el.get("class") == "pb-halo" for el in root.iter(f"{SVG}line"))


PROP_SHAPES = {
    "block": 2,
    "folded-blanket": 3,
    "rolled-blanket": 2,
    "bolster": 2,
    "ball": 2,
    "kettlebell": 3,
    "table": 4,
    "pillow": 2,
}


@pytest.mark.parametrize("shape,parts", sorted(PROP_SHAPES.items()))
def test_every_prop_is_drawn_with_the_details_that_make_it_recognisable(shape, parts):
    props = {"thing": Prop(name="Thing", summary="A thing.", shape=shape, slug="thing")}
    figure = Figure(base="supine", props=[FigureProp(prop="thing", under="knees" if shape != "table" else "shoulders")])
    scene = F.scene(F.layout(figure, props))
    item = scene.items("prop")[0]
    drawn = ET.fromstring(F.svg_writer._prop(item, scene.canvas))
    assert len(list(drawn)) >= parts  # a body and its details: folds, a spiral, a seam, a handle, legs
    assert {el.get("class") for el in drawn} <= {"pb-prop", "pb-prop-line"}


def test_a_strap_loops_round_the_ankle_to_the_hand(library):
    _, scene = _scene(library, "side-lying-iliopsoas-stretch", "with a strap")
    strap = next(item for item in scene.items("prop") if item.shape.shape == "strap")
    assert strap.line is not None and strap.line[1] is not None
    svg = F.svg_writer._prop(strap, scene.canvas)
    assert "<circle" in svg and "<line" in svg


def test_styles_are_classes_a_page_can_override_with_greys_for_print(library):
    drawing = F.drawings(library.poses["supported-bridge-variations"], library.props)[0]
    classes = set(re.findall(r'class="([^"]+)"', drawing.svg))
    assert {"pb-figure", "pb-floor", "pb-ink", "pb-halo", "pb-far", "pb-far-fill", "pb-prop"} <= classes
    assert classes <= {"pb-figure", *F.CLASSES}
    # Presentation attributes only (lowest precedence, so a page's CSS wins), no background.
    assert "<style" not in drawing.svg and "background" not in drawing.svg
    assert not re.search(r'<rect[^>]*width="100%"', drawing.svg)
