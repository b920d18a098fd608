"""A pose's own instructions embedded in another page (a sequence's step): its headings become bold
lines, so the page keeps one outline and one table of contents, and its relative links and images
are re-based on the page that shows them. The body is the teacher's Markdown as the reading stage
checked it; only link targets and heading marks change."""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup

from ..read.safety import blank_code

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$", re.M)
_INLINE_TARGET = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]+)")
_REFERENCE_TARGET = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(?P<url>[^\s>]+)", re.M)
_HTML_TARGET = re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<url>[^"']+)""", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def rebase(url: str, from_rel: str, to_rel: str) -> str:
    """A relative link written on page `from_rel`, as page `to_rel` must write it."""
    if url.startswith("#") and from_rel != to_rel:
        # An anchor of the page it was written on: that page, at that anchor (headings become bold lines).
        return posixpath.relpath(from_rel, posixpath.dirname(to_rel) or ".") + url
    if _SCHEME.match(url) or url.startswith(("/", "#", "?")):
        return url
    path, hash_mark, anchor = url.partition("#")
    if not path:
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_rel), path))
    rebased = posixpath.relpath(target, posixpath.dirname(to_rel) or ".")
    return rebased + hash_mark + anchor


def embedded(body: str, from_rel: str, to_rel: str, indent: int = 4) -> Markup:
    """The body of page `from_rel`, ready to be shown inside page `to_rel`, indented for a block."""
    text = _apply(body, _link_edits(body, from_rel, to_rel))
    text = _apply(text, _heading_edits(text))
    pad = " " * indent
    lines = [pad + line if line.strip() else "" for line in text.strip("\n").split("\n")]
    return Markup("\n".join(lines))


def _link_edits(body: str, from_rel: str, to_rel: str) -> list[tuple[int, int, str]]:
    code = blank_code(body)  # the same text with code blanked out: nothing inside code changes
    edits = []
    for pattern in (_INLINE_TARGET, _REFERENCE_TARGET, _HTML_TARGET):
        for match in pattern.finditer(code):
            start, end = match.span("url")
            new = rebase(body[start:end], from_rel, to_rel)
            if new != body[start:end]:
                edits.append((start, end, new))
    return edits


def _heading_edits(body: str) -> list[tuple[int, int, str]]:
    edits = []
    for match in _HEADING.finditer(blank_code(body)):
        text = body[match.start("text") : match.end("text")]
        edits.append((match.start(), match.end(), f"**{text}**" if text else ""))
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text
