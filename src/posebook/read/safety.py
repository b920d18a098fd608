"""What a page body or a file under docs/ may contain. Python-Markdown passes raw HTML through
and MkDocs copies other files as they are, so the build refuses, at `path:line:col`, anything
that would run script in a reader's browser, make it contact another host, or load a file
from outside the library: the policy is an error, never a silent clean-up."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..problems import Problem

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "alt",
    "class",
    "colspan",
    "height",
    "href",
    "id",
    "lang",
    "markdown",
    "open",
    "rowspan",
    "src",
    "title",
    "width",
}
URL_ATTRIBUTES = {"href", "src"}
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".css", ".pdf", ".ico", ".txt"}
SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|jpe?g|gif|webp);base64,", re.IGNORECASE)

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
# Every pattern here reads ahead only up to a character that ends it (no unbounded backtracking), so a
# scan takes time in proportion to the page.
_BACKTICKS = re.compile(r"`+")
_BRACKET = re.compile(r"[\[\]]")
_DESTINATION = re.compile(r"\(\s*<?(?P<url>[^)\s>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\[\]]*\]:\s*<?(?P<url>\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"(?P<name>[^\s=#.]+)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]*)")


def url_problem(url: str, *, is_image: bool) -> str | None:
    """Why a link or image address is refused, or None when it is fine."""
    # Browsers decode entities in an href and ignore control characters and spaces in a scheme.
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower().replace("\\", "/")
    if cleaned.startswith(("javascript:", "vbscript:")):
        return f"a '{cleaned.split(':')[0]}:' address runs script in the reader's browser; link to a page instead"
    if cleaned.startswith("data:"):
        if is_image and SAFE_DATA_IMAGE.match(cleaned):
            return None
        return "a 'data:' address can hide a page or a script; put the file in docs/ and link to it"
    if cleaned.startswith("file:"):
        return "a 'file:' address points at the computer that builds the site; put the file in docs/ and link to it"
    if is_image and (cleaned.startswith(("http:", "https:", "//", "ftp:"))):
        return (
            "an image from another host makes every reader's browser contact that host; "
            "put the image in docs/ and link to it"
        )
    return None


def blank_code(text: str) -> str:
    """The text with code blocks and code spans blanked out, keeping every line and column."""
    lines = text.split("\n")
    fence = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match["fence"][0] * len(match["fence"])
            lines[i] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) <= {fence[0]}:
                fence = None
            lines[i] = " " * len(line)
    text = "\n".join(lines)
    return _blank_code_spans(text)


def _blank_code_spans(text: str) -> str:
    """Each code span (a run of backticks to the next run of the same length) blanked, in one pass."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    following: list[int | None] = [None] * len(runs)  # the index of the next run of the same length
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        following[i] = last.get(length)
        last[length] = i
    pieces = []
    kept = 0
    i = 0
    while i < len(runs):
        closer = following[i]
        if closer is None:
            i += 1
            continue
        start, end = runs[i][0], runs[closer][1]
        pieces.append(text[kept:start])
        pieces.append(re.sub(r"[^\n]", " ", text[start:end]))
        kept = end
        i = closer + 1
    pieces.append(text[kept:])
    return "".join(pieces)


def _links(text: str):
    """(offset of the address, the address, whether it is an image) of every inline link: a ']' that closes a
    '[' and is followed by '('."""
    opened: list[int] = []
    for match in _BRACKET.finditer(text):
        at = match.start()
        if match.group() == "[":
            opened.append(at)
            continue
        if not opened:
            continue
        start = opened.pop()
        destination = _DESTINATION.match(text, at + 1)
        if destination:
            yield destination.start("url"), destination["url"], start > 0 and text[start - 1] == "!"


class _TagScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        if ":" in tag or "@" in tag:
            return  # a Markdown autolink such as <https://…> or <name@example.org>, checked as an address
        if tag not in ALLOWED_TAGS:
            self.found.append(
                (line, col, f"the HTML tag <{tag}> is not allowed in a page ({_why_tag(tag)}); write Markdown instead")
            )
            return
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, col, f"the attribute '{name}' on <{tag}> runs script; remove it"))
            elif name == "style":
                self.found.append(
                    (line, col, f"the attribute 'style' on <{tag}> is not allowed; use a class from the site's CSS")
                )
            elif name not in ALLOWED_ATTRIBUTES:
                self.found.append((line, col, f"the attribute '{name}' on <{tag}> is not allowed"))
            elif name in URL_ATTRIBUTES and value is not None:
                why = url_problem(value, is_image=(tag == "img" and name == "src"))
                if why:
                    self.found.append((line, col, f'<{tag} {name}="{value[:60]}">: {why}'))


def _why_tag(tag: str) -> str:
    if tag in ("script", "iframe", "object", "embed", "applet", "frame", "frameset", "svg", "math", "template"):
        return "it can run script or load another page"
    if tag in ("link", "style", "meta", "base"):
        return "it can load files or change every link on the page"
    if tag in ("form", "input", "button", "select", "textarea"):
        return "a page here takes no input"
    return "it is not on the list of tags a page may use"


def check_markdown(body: str, path: str, first_line: int) -> list[Problem]:
    """Every raw HTML tag, attribute list or address in a Markdown body that the site refuses."""
    problems: list[Problem] = []
    offset = first_line - 1
    text = blank_code(body)

    def add(index: int, message: str) -> None:
        before = text[:index]
        line = before.count("\n") + 1 + offset
        col = index - (before.rfind("\n") + 1) + 1
        problems.append(Problem(path, line, col, "", message))

    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    for line, col, message in scanner.found:
        problems.append(Problem(path, line + offset, col + 1, "", message))
    for start, url, is_image in _links(text):
        why = url_problem(url, is_image=is_image)
        if why:
            add(start, why)
    for match in _REFERENCE.finditer(text):
        why = url_problem(match["url"], is_image=False)
        if why:
            add(match.start("url"), why)
    for match in _AUTOLINK.finditer(text):
        why = url_problem(match["url"], is_image=False)
        if why:
            add(match.start("url"), why)
    for match in _ATTR_LIST.finditer(text):
        for pair in _ATTR_PAIR.finditer(match["body"]):
            name = pair["name"].lower()
            value = pair["value"].strip("\"'")
            start = match.start("body") + pair.start()
            if name.startswith("on"):
                add(start, f"the attribute '{pair['name']}' in an attribute list runs script; remove it")
            elif name == "style":
                add(start, "the attribute 'style' in an attribute list is not allowed; use a class from the site's CSS")
            elif name in URL_ATTRIBUTES and url_problem(value, is_image=(name == "src")):
                add(start, f"'{name}' in an attribute list: {url_problem(value, is_image=(name == 'src'))}")
    return sorted(set(problems))


RENDERED_ATTRIBUTES = ALLOWED_ATTRIBUTES | {"tabindex"}
_TABLE_ALIGN = re.compile(r"^text-align: (left|right|center);$")


# A paragraph of its own after the body, as the text posebook adds after a page's own text always is.
# A body that leaves an HTML tag, a code block or a comment open swallows it.
END_OF_PAGE = "posebook-end-of-page-7f3d0c"


def check_rendered(body: str, path: str, first_line: int, markdown) -> list[Problem]:
    """The safety net under check_markdown: render the body as the site will (`markdown` is a
    Python-Markdown instance with the site's own extensions, from its settings) and parse the
    result as a browser does (HTML5 rules), so no Markdown or HTML quirk can slip a tag, an
    attribute, an address or a title with markup past the source scan. Also refused: abbreviation
    definitions with markup (they become titles wherever the word appears, on the page or in what
    posebook adds to it), and a body that does not end closed, so that what posebook adds after it
    is never swallowed into its HTML, code or comments. Problems point at the first line that shows
    the culprit."""
    import tinyhtml5

    markdown.reset()
    try:
        rendered = markdown.convert(body.rstrip() + "\n\n" + END_OF_PAGE + "\n")
    except Exception as err:  # an extension that fails on this text would fail the site's build too
        return [Problem(path, first_line, 1, "", f"the page cannot be read as Markdown ({type(err).__name__}: {err})")]
    found: list[tuple[str, str]] = []  # (message, a piece of text to find the line by)
    # Abbreviations are checked where they are defined (an <abbr>'s title is one of them), and all of them:
    # a definition applies to words on the page that posebook writes too.
    for abbreviation, title in _abbreviations(markdown).items():
        if _markup_in_title(html.unescape(title)):
            found.append((f"the meaning of the abbreviation '{abbreviation}' {TITLE_RULE}", f"*[{abbreviation}]"))
    document = tinyhtml5.parse(rendered)
    for element in document.iter():
        if not isinstance(element.tag, str):
            found.append(
                (
                    "HTML comments and <! > sections are not allowed: browsers and parsers disagree on where they end",
                    "<!",
                )
            )
            continue
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("html", "head", "body"):
            continue
        if tag not in ALLOWED_TAGS:
            found.append(
                (f"the HTML tag <{tag}> is not allowed in a page ({_why_tag(tag)}); write Markdown instead", tag)
            )
            continue
        for name, value in element.attrib.items():
            name = name.rsplit("}", 1)[-1]
            if name == "style" and _TABLE_ALIGN.match(value or ""):
                continue
            if name.startswith("on") or name not in RENDERED_ATTRIBUTES:
                found.append((f"the attribute '{name}' on <{tag}> is not allowed", name))
            elif name in URL_ATTRIBUTES:
                why = url_problem(value or "", is_image=(tag == "img" and name == "src"))
                if why:
                    found.append((f'<{tag} {name}="{(value or "")[:60]}">: {why}', value or name))
            elif name == "title" and tag != "abbr" and _markup_in_title(value or ""):
                found.append((f"the title '{(value or '')[:60]}' {TITLE_RULE}", _clue(value or "")))
    lines = body.split("\n")
    if not _ends_closed(document):
        found.append((UNCLOSED, ""))
    problems = []
    for message, clue in found:
        if message == UNCLOSED:
            line = len(body.rstrip().split("\n")) - 1
        else:
            clues = [clue, html.escape(clue, quote=False)] if clue else []
            line = next((i for c in clues for i, text in enumerate(lines) if c.lower() in text.lower()), 0)
        problems.append(Problem(path, first_line + line, 1, "", message))
    return sorted(set(problems))


TITLE_RULE = (
    "may not contain '<' or '>' (nor &lt; or &gt;): the site shows titles as HTML in its tooltips; "
    "write them out in words"
)
UNCLOSED = (
    "the page ends inside an open HTML tag, code block or comment, which would swallow what the site adds "
    "after it; close it (e.g. with </div> or ```)"
)


def _markup_in_title(value: str) -> bool:
    """Material shows a title as HTML: its value, as the browser holds it, must not contain a tag."""
    return "<" in value or ">" in value


def _clue(value: str) -> str:
    return next((word for word in value.split() if "<" in word or ">" in word or "&" in word), value)[:40]


def _abbreviations(markdown) -> dict[str, str]:
    """Every abbreviation the page defines (and the site's glossary, when the converter has one)."""
    from markdown.extensions.abbr import AbbrExtension

    for extension in markdown.registeredExtensions:
        if isinstance(extension, AbbrExtension):
            return dict(extension.abbrs)
    return {}


def _ends_closed(document) -> bool:
    """Whether the paragraph put after the body came out as a paragraph of its own, last on the page."""
    body = next((e for e in document.iter() if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] == "body"), None)
    children = list(body) if body is not None else []
    if not children:
        return False
    last = children[-1]
    return last.tag.rsplit("}", 1)[-1] == "p" and "".join(last.itertext()).strip() == END_OF_PAGE


# Strict on purpose: an SVG opened on its own is a page, and a stylesheet can fetch. Anything
# that could script, link or load is refused, with no attempt to decode what is safe.
_SVG_SCRIPT = re.compile(
    r"script|\bon[a-z]+\s*=|href|style|url\s*\(|&#|&[a-z]+;|<!|<\?(?!xml\s)|foreignObject|"
    r"javascript|import",
    re.IGNORECASE,
)
# Read as text and checked; every other kind of file is published as it is.
READ_ASSETS = (".svg", ".css")
MAX_ASSET_BYTES = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffb]")
# An XML declaration's encoding, or a stylesheet's @charset, naming anything but UTF-8.
_OTHER_ENCODING = re.compile(r"""(?:encoding\s*+=\s*+["']?+|@charset\s*+["']?+)(?!utf-?8["'\s;?])""", re.IGNORECASE)
_CSS_REMOTE = re.compile(r"@import|\\|image-set|url\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


def check_asset(data: bytes | None, path: str, suffix: str) -> list[Problem]:
    """A file under docs/ that is not a page: only images, stylesheets, PDFs and text, and nothing in
    them that runs script or loads from elsewhere. `data` is the file's bytes for the kinds that are
    read (READ_ASSETS), else None."""
    suffix = suffix.lower()
    if suffix not in ASSET_SUFFIXES:
        return [
            Problem(
                path,
                1,
                1,
                "",
                f"files of type '{suffix or 'none'}' are not published; docs/ may hold Markdown "
                f"pages and {', '.join(sorted(ASSET_SUFFIXES))} files",
            )
        ]
    if suffix not in READ_ASSETS or data is None:
        return []
    if len(data) > MAX_ASSET_BYTES:
        return [Problem(path, 1, 1, "", f"the file is larger than {MAX_ASSET_BYTES:,} bytes; keep it smaller")]
    text, problem = _text_of(data, path)
    if problem is not None:
        return [problem]
    pattern = _SVG_SCRIPT if suffix == ".svg" else _CSS_REMOTE
    what = (
        "an SVG file may not hold script, event handlers or links to other files"
        if suffix == ".svg"
        else "a stylesheet may not import or load files from anywhere else"
    )
    match = pattern.search(text) or _OTHER_ENCODING.search(text)
    if match:
        line, col = _offset_position(text, match.start())
        if _OTHER_ENCODING.match(text, match.start()):
            what = "the file declares an encoding other than UTF-8; save it as UTF-8 and declare UTF-8 or nothing"
        return [Problem(path, line, col, "", what)]
    return []


def _text_of(data: bytes, path: str) -> tuple[str, Problem | None]:
    """The file as a browser may read it, or a problem when a browser could read it otherwise than posebook: a
    browser picks UTF-16 from a byte order mark or from NUL bytes around ASCII, and other encodings from a
    declaration; posebook reads UTF-8 only, so anything else is refused rather than guessed at."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line, col = before.count(b"\n") + 1, err.start - (before.rfind(b"\n") + 1) + 1
        return "", Problem(
            path,
            line,
            col,
            "",
            f"the file is not UTF-8 text (byte 0x{data[err.start]:02x} cannot be read); save it as UTF-8",
        )
    text = text.removeprefix("\ufeff")
    control = _CONTROL.search(text)
    if control:
        line, col = _offset_position(text, control.start())
        return "", Problem(
            path,
            line,
            col,
            "",
            f"the file holds the control character U+{ord(control.group()):04X}; save it as plain UTF-8 text",
        )
    return text, None


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1
