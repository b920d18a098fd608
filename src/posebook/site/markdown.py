"""The template environment of the generated pages: Markdown with the few HTML blocks Material
needs, in which every value that is not marked safe is escaped for Markdown and HTML alike. Author
text can only reach a page through a template, so no call site can forget to escape it.

Values are marked safe only here (links built from slugs, Sanskrit spans, alt text cleaned of
Markdown) and in `site.pages` for the teacher's own page bodies, which the reading stage checked."""

from __future__ import annotations

import functools
import html
import posixpath
import re
import sys
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ..model import ACTION_LABELS, SIDE_LABELS, slugify

# How each caution action looks on a page: Material's admonition types.
ADMONITION = {
    "stop": "danger",
    "see-a-professional": "danger",
    "skip": "warning",
    "modify": "warning",
    "take-care": "note",
}


# HTML's own characters, and Markdown's inline syntax anywhere: emphasis, links, code, raw HTML,
# tables, attribute lists, heading marks. One pass, so no entity is escaped twice.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", **{c: f"&#{ord(c)};" for c in "*_[]`\\|{}#"}}
)


def esc(text: object) -> Markup:
    """Author text as Markdown that shows it as written: no tags, no entities, no emphasis, no links."""
    if isinstance(text, Markup):
        return text
    escaped = " ".join(str(text).split()).translate(_ESCAPES)
    # Block syntax at the start of a line: lists, quotes, admonitions, definitions, setext rules.
    if escaped[:1] in ("-", "+", "=", ":", "!", "?", "~") or re.match(r"\d+[.)]", escaped):
        escaped = f"&#{ord(escaped[0])};{escaped[1:]}"
    return Markup(escaped)


def _finalize(value: object) -> object:
    if value is None:
        raise ValueError("a page template printed an empty value")
    return value if isinstance(value, Markup) else esc(value)


def link(from_rel: str, to_rel: str, anchor: str = "") -> Markup:
    """A relative Markdown link target from one page under docs/ to another."""
    if to_rel == from_rel and anchor:
        return Markup(f"#{quote(anchor)}")
    target = posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")
    return Markup(quote(target) + (f"#{quote(anchor)}" if anchor else ""))


def md_link(text: str, from_rel: str, to_rel: str, anchor: str = "") -> Markup:
    return Markup(f"[{esc(text)}]({link(from_rel, to_rel, anchor)})")


def sanskrit(text: str) -> Markup:
    return Markup(f'<span lang="sa-Latn">{esc(text)}</span>')


def alt(text: str) -> Markup:
    # Alt text is made from the figure data and prop names; keep Markdown's own characters out of it.
    return Markup(html.escape("".join(c for c in " ".join(text.split()) if c not in "[]*_`\\<>|{}"), quote=False))


def hard_breaks(block: str) -> Markup:
    """A block's lines as one paragraph, each line after a line break: Markdown's two trailing spaces."""
    lines = [line for line in str(block).strip("\n").split("\n") if line.strip()]
    return Markup("  \n".join(lines) + "\n")


def squash(text: str) -> str:
    return " ".join(str(text).split())


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def minutes_text(seconds: tuple[float, float]) -> str:
    """'about 25–40 minutes', rounded to whole minutes."""
    low = max(1, round(seconds[0] / 60))
    high = max(low, round(seconds[1] / 60))
    return f"about {low} minute{'s' if low != 1 else ''}" if low == high else f"about {low}–{high} minutes"


def _compiled_templates() -> jinja2.BytecodeCache | None:
    """The page templates compiled once per version of them, in the user's own cache: compiling them costs a
    tenth of a second in every new process. Never in a project's folder: compiled code runs as it is."""
    from ..store import user_cache

    folder = user_cache() / "templates" / f"py{sys.version_info[0]}{sys.version_info[1]}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("posebook.site", "templates"),
        bytecode_cache=_compiled_templates(),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        hard_breaks=hard_breaks,
        link=link,
        md_link=md_link,
        sanskrit=sanskrit,
        alt=alt,
        squash=squash,
        size=size_text,
        minutes=minutes_text,
        esc=esc,
        admonition=ADMONITION.__getitem__,
        action_label=ACTION_LABELS.__getitem__,
        sides_text=lambda sides: SIDE_LABELS.get(sides or "none", ""),
        muscle_anchor=slugify,
        term_anchor=lambda term: "term-" + slugify(term),
        capitalize_or_empty=lambda text: text.capitalize() if text else "",
    )
    env.globals.update(link=link, md_link=md_link)
    return env
