"""Links between the pages of the site, checked the way MkDocs checks them in a strict build, but
before anything is written: every relative link and image of every page must lead to a file of the
site (a page, a generated page, a card, a figure, a file under docs/), every `#anchor` to an id the
target page has (a heading's id as the table of contents makes it, an attribute list's, a step's),
and every address must be one the site generator can read. Only links Markdown makes are checked:
MkDocs leaves links in raw HTML as they are, and so does this.

`page_anchors` renders a page's final Markdown with the site's own extensions and collects what
MkDocs would collect: the ids on the page and the links out of it."""

from __future__ import annotations

import hashlib
import json
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from .. import store
from ..problems import Problem

# Python-Markdown's stand-in for '&' in the addresses it obfuscates (mailto: links); MkDocs skips them.
AMP_SUBSTITUTE = "\x02amp\x03"


@dataclass(frozen=True)
class PageAnchors:
    """What a rendered page offers and asks of other pages."""

    ids: frozenset[str]  # every id (and <a name>) a link can point at
    links: tuple[str, ...]  # the addresses of its Markdown links and images, as written


def page_anchors(markdown, text: str) -> PageAnchors:
    """Render `text` with `markdown` (a Python-Markdown instance with the site's extensions, reset
    by the caller) and collect its ids and links. Raises whatever the extensions raise."""
    collector = _Collector(markdown)
    # Where MkDocs collects them: ids with the table of contents (priority 5, after it), links last.
    markdown.treeprocessors.register(collector.ids_processor(), "posebook_ids", 5)
    markdown.treeprocessors.register(collector.links_processor(), "posebook_links", 0)
    try:
        markdown.convert(text)
    finally:
        markdown.treeprocessors.deregister("posebook_ids")
        markdown.treeprocessors.deregister("posebook_links")
    raw = _RawIds()
    raw.feed(text)
    raw.close()
    return PageAnchors(frozenset(collector.ids | raw.ids), tuple(collector.links))


class _Collector:
    def __init__(self, markdown) -> None:
        self.markdown = markdown
        self.ids: set[str] = set()
        self.links: list[str] = []

    def ids_processor(self):
        from markdown.treeprocessors import Treeprocessor

        ids = self.ids

        class Ids(Treeprocessor):
            def run(self, root: ET.Element) -> None:
                for element in root.iter():
                    if element.get("id"):
                        ids.add(element.get("id"))
                    if element.tag == "a" and element.get("name"):
                        ids.add(element.get("name"))

        return Ids(self.markdown)

    def links_processor(self):
        from markdown.treeprocessors import Treeprocessor

        links = self.links

        class Links(Treeprocessor):
            def run(self, root: ET.Element) -> None:
                for element in root.iter():
                    key = {"a": "href", "img": "src"}.get(element.tag)
                    if key and element.get(key) is not None:
                        links.append(element.get(key))

        return Links(self.markdown)


class _RawIds(HTMLParser):
    """The ids in raw HTML anywhere in the source, as MkDocs finds them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


class AnchorCache:
    """What rendering a page yields (its ids and links), kept by a hash of its final Markdown, posebook's code
    and the site's Markdown settings, sealed as the user's own (posebook.store)."""

    def __init__(self, settings) -> None:
        self.folder = settings.cache_dir / "anchors"
        self.prefix = store.fingerprint("anchors", settings.markdown_key())

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.prefix}\0{text}".encode()).hexdigest()

    def get(self, key: str) -> PageAnchors | None:
        kept = store.get(self.folder, key)
        if kept is None:
            return None
        try:
            found = json.loads(kept)
            if found["key"] != key:
                return None
            return PageAnchors(frozenset(found["ids"]), tuple(found["links"]))
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, anchors: PageAnchors) -> None:
        entry = {"key": key, "ids": sorted(anchors.ids), "links": list(anchors.links)}
        store.put(self.folder, key, json.dumps(entry).encode("utf-8"))


@dataclass(frozen=True)
class LinkSource:
    """Where a page comes from, to place a problem with one of its links."""

    path: str  # as messages show it
    text: str  # the teacher's own Markdown of the page ("" for a page posebook writes)
    first_line: int  # the line of the file on which `text` starts


def check_links(
    anchors: Mapping[str, PageAnchors], files: Iterable[str], sources: Mapping[str, LinkSource]
) -> list[Problem]:
    """Every link of every page (by its path under docs/) that a strict MkDocs build would refuse.
    `files` is every path under docs/ the site has, generated ones included."""
    known = set(files)
    problems: list[Problem] = []
    # Links the teacher did not write on that page: the indexes posebook writes, and a pose's instructions
    # shown on each sequence page that uses it. Such a link is broken only because one in the teacher's text
    # is, where it is reported; it is reported here only when nothing else is (a fault of posebook itself).
    written_by_posebook: list[Problem] = []
    for rel, page in anchors.items():
        source = sources[rel]
        for url in dict.fromkeys(page.links):
            why, suggestion = _link_problem(rel, url, known, anchors)
            if why:
                found = _find(source, url)
                line, col = found or (source.first_line, 1)
                (problems if found else written_by_posebook).append(
                    Problem(source.path, line, col, "", why, suggestion)
                )
    return problems or written_by_posebook


def _link_problem(
    rel: str, url: str, known: set[str], anchors: Mapping[str, PageAnchors]
) -> tuple[str | None, str | None]:
    try:
        scheme, netloc, path, _query, anchor = urlsplit(url)
    except ValueError as err:
        return f"the address '{url}' cannot be read ({err}); write a full address or a path to a file", None
    if scheme or netloc or AMP_SUBSTITUTE in url:
        return None, None
    if url.startswith(("/", "\\")):
        return (
            f"the link '{url}' starts with '/': it would leave the site when it is published under a folder; "
            "write the path from this page, e.g. '../poses/low-lunge.md'",
            None,
        )
    if not path:
        if anchor and anchor not in anchors[rel].ids:
            return f"the link '{url}' points at '#{anchor}', which this page does not have", _closest(
                anchor, anchors[rel].ids
            )
        return None, None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(path)).lstrip("/"))
    if target not in known:
        guess = _guess(rel, unquote(path), known)
        hint = "" if posixpath.splitext(path)[1] else "; a link to a page names its .md file"
        return f"the link '{url}' leads to no page or file of the site{hint}", (
            posixpath.relpath(guess, posixpath.dirname(rel) or ".") if guess else None
        )
    if anchor and target in anchors and anchor not in anchors[target].ids:
        return f"the link '{url}' points at '#{anchor}', which docs/{target} does not have", _closest(
            anchor, anchors[target].ids
        )
    return None, None


def _guess(rel: str, path: str, known: set[str]) -> str | None:
    """The file a broken link most likely meant, as MkDocs guesses: a folder's index page, a .md for .html."""
    base = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path).lstrip("/"))
    for candidate in (
        posixpath.join(base, "index.md"),
        posixpath.join(base, "README.md"),
        base.removesuffix(".html") + ".md",
        base.rstrip("/") + ".md",
    ):
        if candidate in known:
            return candidate
    return None


def _closest(anchor: str, ids: frozenset[str]) -> str | None:
    from ..problems import did_you_mean

    found = did_you_mean(anchor, ids)
    return f"#{found}" if found else None


def _find(source: LinkSource, url: str) -> tuple[int, int] | None:
    """The line and column of an address in the teacher's text of the page, if it is there."""
    for number, line in enumerate(source.text.split("\n")):
        col = line.find(url)
        if col >= 0:
            return source.first_line + number, col + 1
    return None
