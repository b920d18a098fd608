"""Which characters the printables' own fonts can print. The renderer reads no other font (pdf.py), so a
character outside them would print as an empty box: each one in the text of a pose, prop or sequence,
which is what printables show, is a problem at its place in the front matter, found before rendering.

The fonts' character maps are read once with fontTools and kept, sealed, in the project's cache under
a hash of the font files; reading them again costs about a third of a second."""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .. import store
from ..store import file_hash
from .cache import FONTS_DIR

TEXT_FONTS = (
    "NotoSans-SemiCondensed.ttf",
    "NotoSans-SemiCondensedBold.ttf",
    "NotoSans-SemiCondensedItalic.ttf",
    "NotoSans-SemiCondensedBoldItalic.ttf",
)
SYMBOL_FONTS = ("NotoSansSymbols2-Regular.ttf",)


def covered(cache_dir: Path | None = None) -> frozenset[int]:
    """The code points every style of the text font has, and those of the symbol font."""
    names = (*TEXT_FONTS, *SYMBOL_FONTS)
    key = "-".join(file_hash(FONTS_DIR / name)[:16] for name in names)
    return _covered(cache_dir, key)


@functools.lru_cache(maxsize=4)
def _covered(cache_dir: Path | None, key: str) -> frozenset[int]:
    folder = cache_dir / "fonts" if cache_dir is not None else None
    kept = store.get(folder, f"coverage-{key}.json")
    if kept is not None:
        return frozenset(c for low, high in json.loads(kept) for c in range(low, high + 1))
    from fontTools.ttLib import TTFont

    def cmap(name: str) -> set[int]:
        font = TTFont(FONTS_DIR / name, lazy=True)
        try:
            return set(font.getBestCmap())
        finally:
            font.close()

    text = set.intersection(*(cmap(name) for name in TEXT_FONTS))
    found = frozenset(text.union(*(cmap(name) for name in SYMBOL_FONTS)))
    store.put(folder, f"coverage-{key}.json", json.dumps(_ranges(found)).encode("ascii"))
    return found


def missing(text: str, points: frozenset[int]) -> Iterator[str]:
    """The characters of `text` the fonts cannot print, each once. Spaces and line breaks are laid out, not
    printed, and so are never missing."""
    if text.isascii() and text.isprintable():
        return iter(())
    return iter(dict.fromkeys(c for c in text if ord(c) not in points and not c.isspace()))


def describe(char: str) -> str:
    """'😀' (U+1F600 GRINNING FACE), for a message."""
    name = unicodedata.name(char, "")
    shown = char if char.isprintable() else ""
    return f"{shown!r} (U+{ord(char):04X}{' ' + name if name else ''})" if shown else f"U+{ord(char):04X}"


def _ranges(points: frozenset[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for point in sorted(points):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return ranges
