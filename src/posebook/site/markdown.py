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

from ..i18n import language
from ..model import ACTION_LABELS, SIDE_LABELS, slugify
from ..model.words import PHASE_LABELS, credit

# How a caution looks, by its weight: an icon, a colour and its word, never the colour alone.
CAUTION_LOOKS = {
    "stop": "pb-stop",
    "see-a-professional": "pb-professional",
    "skip": "pb-skip",
    "modify": "pb-modify",
    "take-care": "pb-care",
}
WEIGHT = ("stop", "see-a-professional", "skip", "modify", "take-care")


# HTML's own characters, and Markdown's inline syntax anywhere: emphasis, links, code, raw HTML,
# tables, attribute lists, heading marks. One pass, so no entity is escaped twice.
_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", **{c: f"&#{ord(c)};" for c in "*_[]`\\|{}#"}}
)


# What makes a line a list item, a definition, a rule, an admonition or a fence.
_BLOCK_START = re.compile(r"(?:[-+:]\s|=+\s*$|!!!|\?\?\?|~~~|\d+[.)](?:\s|$))")


def esc(text: object) -> Markup:
    """Author text as Markdown that shows it as written: no tags, no entities, no emphasis, no links."""
    if isinstance(text, Markup):
        return text
    escaped = " ".join(str(text).split()).translate(_ESCAPES)
    # Block syntax at the start of a line: lists, quotes, admonitions, definitions, setext rules.
    if _BLOCK_START.match(escaped):
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


def by_weight(cautions):
    """Cautions in the order a reader must see them: stop first, take care last; stable otherwise."""
    return sorted(cautions, key=lambda caution: WEIGHT.index(caution.action))


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


_SVG_ROOT = re.compile(r"^<svg (?P<attrs>[^>]*)>")
_SIZE = re.compile(r'\s(?:width|height|class)="[^"]*"')


def inline_svg(drawing) -> Markup:
    """A figure's SVG for the page itself: sized by the CSS at the page's one scale (its width in
    centimetres of body is `--w`), named by its alt text. posebook draws it; nothing in it is an author's."""
    svg = drawing.svg.strip()
    match = _SVG_ROOT.match(svg)
    if match is None:
        raise ValueError("a figure's SVG must start with its <svg> element")
    attrs = _SIZE.sub("", " " + match["attrs"]).strip()
    label = html.escape(drawing.alt, quote=True)
    root = f'<svg {attrs} class="pb-drawing" style="--w: {drawing.width:.1f}" aria-label="{label}">'
    return Markup(root + svg[match.end() :])


def figure_img(drawing, here: str) -> Markup:
    """A figure as an image of its own file, for a row of small decorative figures: sized by the CSS at the
    page's one scale like an inline figure, its proportions given so the page does not move as it loads."""
    return Markup(
        f'<img class="pb-drawing" src="{link(here, drawing.rel)}" alt="" loading="lazy" '
        f'width="{round(drawing.width * 10)}" height="{round(drawing.height * 10)}" style="--w: {drawing.width:.1f}">'
    )


def squash(text: str) -> str:
    return " ".join(str(text).split())


def about(seconds: float) -> str:
    """A typical time in English, for code that has no site language (see Language.about)."""
    return language().about(seconds)


def minutes_text(seconds: tuple[float, float]) -> str:
    """A range of minutes in English (see Language.minutes)."""
    return language().minutes(seconds)


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


@functools.lru_cache(maxsize=8)
def environment(code: str = "en") -> jinja2.Environment:
    """The page templates in a language: `_`, `ngettext` and the word filters speak it."""
    words = language(code)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("posebook.site", "templates"),
        bytecode_cache=_compiled_templates(),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        words.gettext, words.ngettext, newstyle=False, pgettext=words.pgettext, npgettext=words.npgettext
    )
    env.filters.update(
        hard_breaks=hard_breaks,
        link=link,
        md_link=md_link,
        sanskrit=sanskrit,
        alt=alt,
        squash=squash,
        size=words.file_size,
        minutes=words.minutes,
        minutes_span=words.minutes_span,
        about=words.about,
        number=words.number,
        join_words=words.join,
        caution_look=CAUTION_LOOKS.__getitem__,
        by_weight=by_weight,
        lower_first=lower_first,
        inline_svg=inline_svg,
        figure_img=figure_img,
        esc=esc,
        action_label=lambda action: words.gettext(ACTION_LABELS[action]),
        sides_text=lambda sides: words.gettext(SIDE_LABELS[sides]) if sides and SIDE_LABELS[sides] else "",
        phase_label=lambda kind: words.gettext(PHASE_LABELS[kind]),
        credit=lambda source: credit(source, words),
        muscle_anchor=slugify,
        term_anchor=lambda term: "term-" + slugify(term),
        capitalize_or_empty=lambda text: text.capitalize() if text else "",
    )
    env.globals.update(link=link, md_link=md_link, language=words)
    return env
