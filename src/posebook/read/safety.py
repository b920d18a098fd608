"""What a page body or a file under docs/ may contain. Python-Markdown passes raw HTML through
and MkDocs copies other files as they are, so the build refuses, at `path:line:col`, anything
that would run script in a reader's browser, make it contact another host, or load a file
from outside the library: the policy is an error, never a silent clean-up."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
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
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<url>[^)\s>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(?P<url>\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
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
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


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
    for match in _LINK.finditer(text):
        why = url_problem(match["url"], is_image=match.group(0).startswith("!"))
        if why:
            add(match.start("url"), why)
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


def check_rendered(body: str, path: str, first_line: int, render: Callable[[str], str]) -> list[Problem]:
    """The safety net under check_markdown: render the body as the site will (`render` is the
    site's own Markdown, from its settings) and parse the result as a browser does (HTML5 rules),
    so no Markdown or HTML quirk can slip a tag, an attribute or an address past the source scan.
    Problems point at the first line that shows the culprit."""
    import tinyhtml5

    rendered = render(body)
    found: list[tuple[str, str]] = []  # (message, a piece of text to find the line by)
    for element in tinyhtml5.parse(rendered).iter():
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
    problems = []
    lines = body.split("\n")
    for message, clue in found:
        line = next((i for i, text in enumerate(lines) if clue and clue.lower() in text.lower()), 0)
        problems.append(Problem(path, first_line + line, 1, "", message))
    return sorted(set(problems))


# Strict on purpose: an SVG opened on its own is a page, and a stylesheet can fetch. Anything
# that could script, link or load is refused, with no attempt to decode what is safe.
_SVG_SCRIPT = re.compile(
    r"script|\bon[a-z]+\s*=|href|style|url\s*\(|&#|&[a-z]+;|<!|<\?(?!xml\s)|foreignObject|"
    r"javascript|import",
    re.IGNORECASE,
)
_CSS_REMOTE = re.compile(r"@import|\\|image-set|url\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)


def check_asset(data: bytes, path: str, suffix: str) -> list[Problem]:
    """A file under docs/ that is not a page: only images, stylesheets, PDFs and text, and
    nothing in them that runs script or loads from elsewhere."""
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
    if suffix in (".svg", ".css"):
        text = data.decode("utf-8", errors="replace")
        pattern = _SVG_SCRIPT if suffix == ".svg" else _CSS_REMOTE
        match = pattern.search(text)
        if match:
            before = text[: match.start()]
            line, col = before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1
            what = (
                "an SVG file may not hold script, event handlers or links to other files"
                if suffix == ".svg"
                else "a stylesheet may not import or load files from anywhere else"
            )
            return [Problem(path, line, col, "", what)]
    return []
