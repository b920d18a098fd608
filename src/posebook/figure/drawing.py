"""The figures as the site and the card use them: every position of a pose, on each side of a
sided pose, as SVG with its alt text and its canvas size in centimetres."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..i18n import language as words
from ..model import Figure, Prop, slugify
from .alt import alt_text
from .lay import layout, props_from_key, props_key
from .svg_writer import SITE_PX_PER_CM, svg
from .view import scene


@dataclass(frozen=True)
class Drawing:
    """One figure as published: which pose and position, which side it shows, its SVG and alt text.
    `width` and `height` are its canvas in centimetres of body: every figure is drawn at one scale,
    so a page or a card that sizes each at the same px (or mm) per cm shows their true sizes."""

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


def drawings(pose, props: dict[str, Prop], scale: float = SITE_PX_PER_CM, language: str = "en") -> list[Drawing]:
    """Every figure of a pose as published: for a sided pose, each position on each side; its
    alt text in the site's language."""
    if not pose.figures:
        return []
    figures = tuple(f.model_dump_json() for f in pose.figures)
    return list(_drawings(pose.slug, pose.sided, figures, props_key(pose.figures, props), scale, language))


@functools.lru_cache(maxsize=1024)
def _drawings(
    slug: str, sided: bool, figures_json: tuple[str, ...], used: tuple, scale: float, language: str
) -> tuple[Drawing, ...]:
    # The site asks for a pose's drawings on its own page, on every step that uses it and for
    # its files; the card asks again. Pure, so each is drawn once per process.
    props = props_from_key(used)
    out = []
    for figure in (Figure.model_validate_json(text) for text in figures_json):
        laid = layout(figure, props)
        drawn = scene(laid)
        box = drawn.canvas
        sides = (
            [(figure.side, False), ("left" if figure.side == "right" else "right", True)] if sided else [(None, False)]
        )
        for side, mirrored in sorted(sides, key=lambda item: item[0] != "right"):
            alt = alt_text(laid, mirrored, words(language))
            out.append(
                Drawing(
                    slug, figure.position, side, mirrored, svg(drawn, alt, mirrored, scale), alt, box.width, box.height
                )
            )
    return tuple(out)


def figures_for(
    pose, props: dict[str, Prop], side: str | None, positions: list[str] | None = None, language: str = "en"
) -> list[Drawing]:
    """The figures a step shows: the positions it names (or all), on the side it starts with."""
    found = drawings(pose, props, language=language)
    wanted = [p.lower() for p in positions] if positions else None
    chosen = [
        d
        for d in found
        if (d.side is None or d.side == side or side is None and d.side == "right")
        and (wanted is None or (d.position or "").lower() in wanted)
    ]
    if wanted:
        chosen.sort(key=lambda d: wanted.index((d.position or "").lower()))
    return chosen
