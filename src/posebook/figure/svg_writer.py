"""A scene written as a standalone SVG document. Every element has a class saying what it is, so
a page that inlines the SVG can restyle it (dark mode); its own colours are black and greys on a
transparent background, for standalone files and print. No ids, no links, no text but the title."""

from __future__ import annotations

import math
from html import escape

from .view import FAR_EDGE, HALO, SMOOTH, Canvas, Head, Limb, PropItem, Scene, Trunk

SITE_PX_PER_CM = 1.6  # the scale of an SVG's width and height attributes, and the site's
CARD_MM_PER_CM = 0.17  # the scale the card draws figures at

INK = "#000000"  # the body: trunk, head and the near limbs
PAPER = "#ffffff"  # the gaps around what is drawn over something else, and inside a far limb
FAR_FILL = "#c6c6c6"  # inside a far limb, drawn as an outline
PROP_FILL = "#e3e3e3"
PROP_INK = "#4d4d4d"
FLOOR = "#8a8a8a"
FLOOR_PLANE = "#ededed"

# The classes a page's CSS can restyle: what each element is.
CLASSES = {
    "pb-figure": "the <svg> element",
    "pb-floor": "the floor line (stroke)",
    "pb-floor-plane": "the floor seen from above, under a body lying on its side (fill)",
    "pb-ink": "the body: trunk, head and the near arm and leg (fill and stroke)",
    "pb-halo": "the gap around a near limb or the head drawn over something else "
    "(stroke or fill: the page's background)",
    "pb-far": "the outline of the far arm and leg (stroke)",
    "pb-far-fill": "inside the far arm and leg (stroke)",
    "pb-prop": "a prop's body (fill and stroke)",
    "pb-prop-line": "a prop's details: folds, seams, a roll's spiral, a strap (stroke)",
}


def _n(value: float) -> str:
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def svg(the_scene: Scene, alt: str, mirrored: bool = False, scale: float = SITE_PX_PER_CM) -> str:
    """The figure as a standalone SVG document. `scale` sets its natural size in px per cm."""
    box = the_scene.canvas
    w, h = box.width, box.height
    parts: list[str] = []
    y0 = box.to_svg((0.0, 0.0))[1]
    if the_scene.floor_depth:
        # Seen from above, the floor is a band going back from its front edge.
        parts.append(
            f'<rect class="pb-floor-plane" x="0" y="{_n(y0 - the_scene.floor_depth)}" width="{_n(w)}" '
            f'height="{_n(the_scene.floor_depth)}" fill="{FLOOR_PLANE}"/>'
        )
    parts.append(
        f'<line class="pb-floor" x1="0" y1="{_n(y0 + 0.5)}" x2="{_n(w)}" y2="{_n(y0 + 0.5)}" '
        f'stroke="{FLOOR}" stroke-width="1"/>'
    )
    for kind, item in the_scene.layers:
        if kind == "prop":
            parts.append(_prop(item, box))
        elif kind == "limb":
            parts.append(_limb(item, box))
        elif kind == "trunk":
            parts.append(_trunk(item, box))
        elif kind == "head":
            parts.append(_head(item, box))
    body = "".join(parts)
    if mirrored:
        body = f'<g transform="matrix(-1 0 0 1 {_n(w)} 0)">{body}</g>'
    else:
        body = f"<g>{body}</g>"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="pb-figure" viewBox="0 0 {_n(w)} {_n(h)}" '
        f'width="{_n(w * scale)}" height="{_n(h * scale)}" role="img"><title>{escape(alt)}</title>{body}</svg>\n'
    )


def _xy(box: Canvas, point) -> str:
    x, y = box.to_svg(point)
    return f"{_n(x)},{_n(y)}"


def _line(box: Canvas, a, b, width: float, cls: str, colour: str) -> str:
    (x1, y1), (x2, y2) = box.to_svg(a), box.to_svg(b)
    return (
        f'<line class="{cls}" x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{colour}" stroke-width="{_n(width)}"/>'
    )


def _limb(limb: Limb, box: Canvas) -> str:
    out = ['<g stroke-linecap="round">']
    if limb.far:
        # A far limb is an outline: it reads as behind without relying on colour.
        out += [_line(box, a, b, 2 * r, "pb-far", INK) for a, b, r in limb.segments]
        out += [_line(box, a, b, 2 * (r - FAR_EDGE), "pb-far-fill", FAR_FILL) for a, b, r in limb.segments]
    else:
        out += [_line(box, a, b, 2 * (r + HALO), "pb-halo", PAPER) for a, b, r in limb.segments]
        out += [_line(box, a, b, 2 * r, "pb-ink", INK) for a, b, r in limb.segments]
    out.append("</g>")
    return "".join(out)


def _polygon(box: Canvas, points) -> str:
    return " ".join(_xy(box, q) for q in points)


def _trunk(trunk: Trunk, box: Canvas) -> str:
    a, b, r = trunk.neck
    return (
        '<g stroke-linejoin="round" stroke-linecap="round">'
        f'<polygon class="pb-ink" points="{_polygon(box, trunk.pelvis)}" fill="{INK}" stroke="{INK}" '
        f'stroke-width="{_n(2 * SMOOTH)}"/>'
        f'<polygon class="pb-ink" points="{_polygon(box, trunk.chest)}" fill="{INK}" stroke="{INK}" '
        f'stroke-width="{_n(2 * SMOOTH)}"/>' + _line(box, a, b, 2 * r, "pb-ink", INK) + "</g>"
    )


def _head(head: Head, box: Canvas) -> str:
    x, y = box.to_svg(head.centre)
    fx, fy = box.to_svg(head.face)
    return (
        f'<circle class="pb-halo" cx="{_n(x)}" cy="{_n(y)}" r="{_n(head.radius + HALO)}" fill="{PAPER}"/>'
        f'<circle class="pb-ink" cx="{_n(x)}" cy="{_n(y)}" r="{_n(head.radius)}" fill="{INK}"/>'
        f'<circle class="pb-ink" cx="{_n(fx)}" cy="{_n(fy)}" r="2.6" fill="{INK}"/>'
    )


def _prop(item: PropItem, box: Canvas) -> str:
    paint = f'fill="{PROP_FILL}" stroke="{PROP_INK}" stroke-width="1.2"'
    detail = f'fill="none" stroke="{PROP_INK}" stroke-width="0.9"'
    left, top = box.to_svg((item.left, item.bottom + item.height))
    w, h = item.width, item.height
    cx, cy = left + w / 2, top + h / 2
    bottom = top + h
    shape = item.shape.shape
    body = f'class="pb-prop" {paint}'
    lines = f'class="pb-prop-line" {detail}'
    if shape == "rolled-blanket":
        r = min(w, h) / 2
        return (
            f'<g><circle {body} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"/>'
            f'<path {lines} d="{_spiral(cx, cy, r * 0.78)}" stroke-linecap="round"/></g>'
        )
    if shape == "bolster":
        r = min(w, h) / 2
        return (
            f'<g><circle {body} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"/>'
            f'<circle {lines} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r * 0.72)}"/></g>'
        )
    if shape == "ball":
        r = min(w, h) / 2
        return (
            f'<g><circle {body} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}"/>'
            f'<path {lines} d="M{_n(cx - r * 0.75)},{_n(cy - r * 0.65)} Q{_n(cx + r * 0.1)},{_n(cy)} '
            f"{_n(cx - r * 0.75)},{_n(cy + r * 0.65)} M{_n(cx + r * 0.75)},{_n(cy - r * 0.65)} "
            f'Q{_n(cx - r * 0.1)},{_n(cy)} {_n(cx + r * 0.75)},{_n(cy + r * 0.65)}"/></g>'
        )
    if shape == "pillow":
        return (
            f'<g><rect {body} x="{_n(left)}" y="{_n(top)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(h / 2)}"/>'
            f'<path {lines} d="M{_n(left + h / 2)},{_n(cy)} H{_n(left + w - h / 2)}"/></g>'
        )
    if shape == "kettlebell":
        r = w / 2 * 0.92
        bell_y = bottom - r
        handle_top = top + 1
        return (
            f'<g><path class="pb-prop-line" d="M{_n(cx - r * 0.5)},{_n(bell_y - r * 0.75)} V{_n(handle_top + 3)} '
            f'Q{_n(cx)},{_n(handle_top - 3)} {_n(cx + r * 0.5)},{_n(handle_top + 3)} V{_n(bell_y - r * 0.75)}" '
            f'fill="none" stroke="{PROP_INK}" stroke-width="2.6"/>'
            f'<circle {body} cx="{_n(cx)}" cy="{_n(bell_y)}" r="{_n(r)}"/>'
            f'<path class="pb-prop-line" d="M{_n(cx - r * 0.6)},{_n(bottom - 0.4)} H{_n(cx + r * 0.6)}" fill="none" '
            f'stroke="{PROP_INK}" stroke-width="1.6"/></g>'
        )
    if shape == "table":
        top_h = 5.0
        pad = 7.0
        return (
            f'<g><rect {body} x="{_n(left)}" y="{_n(top + pad)}" width="{_n(w)}" height="{_n(top_h)}"/>'
            f'<rect {body} x="{_n(left + 1)}" y="{_n(top)}" width="{_n(w - 2)}" height="{_n(pad)}" rx="2.5"/>'
            f'<rect {body} x="{_n(left + 5)}" y="{_n(top + pad + top_h)}" width="4" height="{_n(h - pad - top_h)}"/>'
            f'<rect {body} x="{_n(left + w - 9)}" y="{_n(top + pad + top_h)}" width="4" '
            f'height="{_n(h - pad - top_h)}"/></g>'
        )
    if shape == "strap":
        r = w / 2
        loop = (
            f'<circle class="pb-prop-line" cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="none" '
            f'stroke="{PROP_INK}" stroke-width="2.2"/>'
        )
        if item.line is None or item.line[1] is None:
            return f"<g>{loop}</g>"
        (ax, ay), (bx, by) = box.to_svg(item.line[0]), box.to_svg(item.line[1])
        length = math.hypot(bx - ax, by - ay) or 1.0
        # The band leaves the loop at its edge, toward the hand.
        sx, sy = ax + (bx - ax) / length * r, ay + (by - ay) / length * r
        return (
            f'<g>{loop}<line class="pb-prop-line" x1="{_n(sx)}" y1="{_n(sy)}" x2="{_n(bx)}" y2="{_n(by)}" '
            f'stroke="{PROP_INK}" stroke-width="2.2" stroke-linecap="round"/></g>'
        )
    if shape == "folded-blanket":
        folds = "".join(
            f'<path {lines} d="M{_n(left + 2)},{_n(top + h * k / 3)} H{_n(left + w - 2)}"/>' for k in (1, 2)
        )
        return (
            f'<g><rect {body} x="{_n(left)}" y="{_n(top)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(h / 2)}"/>'
            f"{folds}</g>"
        )
    # A block: a firm brick, its near face drawn inside its outline.
    return (
        f'<g><rect {body} x="{_n(left)}" y="{_n(top)}" width="{_n(w)}" height="{_n(h)}" rx="1"/>'
        f'<rect {lines} x="{_n(left + 1.8)}" y="{_n(top + 1.8)}" width="{_n(w - 3.6)}" '
        f'height="{_n(h - 3.6)}" rx="0.6"/></g>'
    )


def _spiral(cx: float, cy: float, r: float) -> str:
    """A rolled blanket's end: a spiral from the outside in, in short straight steps."""
    points = []
    turns = 2.2
    steps = 40
    for i in range(steps + 1):
        t = i / steps
        angle = -math.pi / 2 + t * turns * 2 * math.pi
        radius = r * (1 - 0.85 * t)
        points.append(f"{_n(cx + radius * math.cos(angle))},{_n(cy + radius * math.sin(angle))}")
    return "M" + " L".join(points)
