"""How much work a page body may ask of the Markdown and HTML parsers, measured in one linear pass
before anything parses it. Python-Markdown, its extensions and HTMLParser take time that grows
faster than the text for some shapes of input (unclosed brackets, backtick runs of every length,
unclosed tags, deep nesting, thousands of headings), and recurse once per level of nesting. A body
beyond these limits is an error at the place that breaks them; within them, reading, checking and
building a page take time in proportion to its size."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..problems import Problem

MAX_BLOCK_CHARS = 16 * 1024  # a paragraph, list or table: text between blank lines
MAX_BLOCK_LINES = 256
MAX_NESTING = 8  # quotes, list items and indented blocks inside one another
MAX_HTML_DEPTH = 32  # HTML elements inside one another (unclosed ones count)
MAX_EMPHASIS_DEPTH = 32
MAX_HEADINGS = 500
MAX_ABBREVIATIONS = 100  # '*[word]: definition' lines
# Each mark of Markdown or HTML (emphasis, code, a link, a tag, an entity, a table cell, a list item, a
# heading) becomes an element the parsers build and walk again, at a cost of up to a third of a millisecond
# each; the largest page of the seed library has about 400.
MAX_MARKS = 5_000
# Lines that start a heading, a definition, a rule or a reference in the middle of a block make the parser
# split the block there and try every kind of block on the rest again: their number times the block's
# length, summed over the page, is at most this many times the page's length (plus a little).
SPLIT_FACTOR = 1
SPLIT_ALLOWANCE = 512 * 1024
# How far the parsers look ahead from openers that have no closer nearby, summed over a page, at
# most this many times its length (plus a little): matched brackets, code spans and tags cost
# about their own length, so ordinary pages stay far below it.
SCAN_FACTOR = 2
SCAN_ALLOWANCE = 64 * 1024

VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|!!!|\?\?\?\+?|:(?=[ \t]))[ \t]?")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_OPENER = re.compile(r"<[A-Za-z/!?]")
_BRACKET = re.compile(r"[\[\]()]")
_BACKTICKS = re.compile(r"`+")
_EMPHASIS = re.compile(r"\*+|_+")
_MARK = re.compile(r"\*+|_+|`+|[\[\]<>&\\|{}]")
_SPLITS = re.compile(r"[ \t]{0,3}(?:#|:[ \t]|\*\[|\[[^\]]*\]:|!!!|\?\?\?|(?:[-*_=][ \t]*){3,}$)")


@dataclass(frozen=True)
class _Block:
    start: int  # offset of its first character in the body
    end: int
    first_line: int  # 0-based line of the body


def check_limits(body: str, path: str, first_line: int) -> list[Problem]:
    """Every limit the body breaks, each at the first place that breaks it."""
    found: dict[str, tuple[int, str]] = {}  # what -> (offset, message); the first place of each kind

    def note(what: str, offset: int, message: str) -> None:
        found.setdefault(what, (offset, message))

    blocks = _blocks(body)
    marks = count_marks(body)
    _lines(body, note)
    if marks > MAX_MARKS:
        note(
            "marks",
            0,
            f"this page has {marks:,} marks of Markdown or HTML (emphasis, code, links, tags, entities, table "
            f"cells); a page may have at most {MAX_MARKS:,}: split it into several pages",
        )
    _splits(body, blocks, note)
    for block in blocks:
        if block.end - block.start > MAX_BLOCK_CHARS:
            note(
                "block",
                block.start,
                f"this paragraph, list or table is {block.end - block.start:,} characters long; "
                f"split it with blank lines into parts of at most {MAX_BLOCK_CHARS:,}",
            )
        lines = body.count("\n", block.start, block.end) + 1
        if lines > MAX_BLOCK_LINES:
            note(
                "lines",
                block.start,
                f"this paragraph, list or table has {lines:,} lines; split it with blank lines into parts of "
                f"at most {MAX_BLOCK_LINES}",
            )
    if not found:
        _scan_costs(body, blocks, note)
        _html_depth(body, note)
        for block in blocks:
            _emphasis_depth(body, block, note)
    problems = []
    for offset, message in found.values():
        line, col = _position(body, offset)
        problems.append(Problem(path, first_line + line - 1, col, "", message))
    return sorted(problems)


def count_marks(body: str) -> int:
    """The marks of Markdown or HTML in a body, as MAX_MARKS counts them."""
    return _lines(body, lambda *args: None) + len(_MARK.findall(body))


def _blocks(body: str) -> list[_Block]:
    """The runs of non-blank lines."""
    blocks: list[_Block] = []
    offset = 0
    start = None
    start_line = 0
    for number, line in enumerate(body.split("\n")):
        blank = not line.strip()
        if not blank and start is None:
            start, start_line = offset, number
        elif blank and start is not None:
            blocks.append(_Block(start, offset - 1, start_line))
            start = None
        offset += len(line) + 1
    if start is not None:
        blocks.append(_Block(start, len(body), start_line))
    return blocks


def _lines(body: str, note) -> int:
    """Nesting at the start of each line, headings and abbreviation definitions; returns the number of marks
    that start a line (list items, quotes, headings, definitions)."""
    headings = abbreviations = marks = 0
    offset = 0
    previous_blank = True
    for line in body.split("\n"):
        indent = 0
        for c in line:
            if c == " ":
                indent += 1
            elif c == "\t":
                indent += 4 - indent % 4
            else:
                break
        rest = line.lstrip(" \t")
        markers = 0
        position = 0
        while True:
            match = _CONTAINER.match(line, position)
            if not match or match.end() == position:
                break
            markers += 1
            position = match.end()
        content = line[position:].lstrip(" \t")
        marks += markers
        depth = indent // 4 + markers
        if depth > MAX_NESTING:
            note(
                "nesting",
                offset,
                f"quotes, lists and indented blocks are nested {depth} levels deep here; "
                f"at most {MAX_NESTING} levels are allowed",
            )
        if content.startswith("#") or (not previous_blank and rest and set(rest.rstrip()) <= {"=", "-"}):
            headings += 1
            if headings > MAX_HEADINGS:
                note("headings", offset, f"a page may have at most {MAX_HEADINGS} headings")
        if content.startswith("*["):
            abbreviations += 1
            if abbreviations > MAX_ABBREVIATIONS:
                note(
                    "abbreviations",
                    offset,
                    f"a page may define at most {MAX_ABBREVIATIONS} abbreviations ('*[word]: meaning' lines)",
                )
        previous_blank = not line.strip()
        offset += len(line) + 1
    return marks + headings


def _splits(body: str, blocks: list[_Block], note) -> None:
    total = 0
    worst = (0, 0)
    for block in blocks:
        lines = body[block.start : block.end].split("\n")
        count = sum(1 for line in lines[1:] if _SPLITS.match(line))
        cost = count * (block.end - block.start)
        total += cost
        worst = max(worst, (cost, block.start))
    if total > SPLIT_FACTOR * len(body) + SPLIT_ALLOWANCE:
        note(
            "splits",
            worst[1],
            "this page has too many headings, definitions or rules inside paragraphs and lists for the site to be "
            "built in reasonable time; put a blank line before each",
        )


def _scan_costs(body: str, blocks: list[_Block], note) -> None:
    """How far the parsers look ahead from each opener, summed: brackets to their matching ']', link
    addresses to their matching ')', backtick runs to the next run of the same length (all within
    their block), and '<' tags, comments and similar to their end (across the page)."""
    costs = {"brackets": [], "parentheses": [], "backticks": [], "tags": []}  # (cost, offset)
    for block in blocks:
        _bracket_costs(body, block, costs)
        _backtick_costs(body, block, costs)
    _tag_costs(body, costs)
    budget = SCAN_FACTOR * len(body) + SCAN_ALLOWANCE
    words = {
        "brackets": ("unclosed or deeply nested '['", "write \\[ for a bracket that is only text"),
        "parentheses": ("unclosed '(' in link addresses", "close each link address with ')'"),
        "backticks": ("backticks that start code and never end it", "write \\` for a backtick that is only text"),
        "tags": ("'<' that start a tag or a comment and never close it", "write &lt; for a '<' that is only text"),
    }
    total = sum(cost for found in costs.values() for cost, _ in found)
    if total <= budget:
        return
    worst = max(costs, key=lambda kind: sum(cost for cost, _ in costs[kind]))
    offset = max(costs[worst])[1]
    what, hint = words[worst]
    note("scan", offset, f"this page has too many {what} for the site to be built in reasonable time; {hint}")


def _bracket_costs(body: str, block: _Block, costs: dict) -> None:
    brackets: list[int] = []
    parentheses: list[int] = []
    closing_bracket: dict[int, int] = {}
    closing_parenthesis: dict[int, int] = {}
    for match in _BRACKET.finditer(body, block.start, block.end):
        i, c = match.start(), match.group()
        if c == "[":
            brackets.append(i)
        elif c == "]":
            if brackets:
                closing_bracket[brackets.pop()] = i
        elif c == "(":
            parentheses.append(i)
        elif parentheses:
            closing_parenthesis[parentheses.pop()] = i
    for opened in brackets:
        costs["brackets"].append((block.end - opened, opened))
    for opened, closed in closing_bracket.items():
        costs["brackets"].append((closed - opened, opened))
        if closed + 1 < block.end and body[closed + 1] == "(":
            end = closing_parenthesis.get(closed + 1, block.end)
            costs["parentheses"].append((end - closed, closed + 1))


def _backtick_costs(body: str, block: _Block, costs: dict) -> None:
    runs = [(m.start(), len(m.group())) for m in _BACKTICKS.finditer(body, block.start, block.end)]
    next_of_length: dict[int, int] = {}
    for offset, length in reversed(runs):
        costs["backticks"].append((next_of_length.get(length, block.end) - offset, offset))
        next_of_length[length] = offset


def _tag_costs(body: str, costs: dict) -> None:
    ends = {closer: [m.start() for m in re.finditer(re.escape(closer), body)] for closer in (">", "-->", "]]>")}

    def after(closer: str, start: int) -> int:
        found = ends[closer]
        i = bisect.bisect_left(found, start)
        return found[i] if i < len(found) else len(body)

    for match in _OPENER.finditer(body):
        start = match.start()
        if body.startswith("<!--", start):
            end = after("-->", start + 4)
        elif body.startswith("<![CDATA[", start):
            end = after("]]>", start + 9)
        else:
            end = after(">", start + 1)
        costs["tags"].append((end - start, start))


def _html_depth(body: str, note) -> None:
    depth = 0
    for match in _TAG.finditer(body):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            depth = max(0, depth - 1)
        elif name not in VOID_TAGS and not self_closing:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                note(
                    "html",
                    match.start(),
                    f"HTML elements are nested (or left open) more than {MAX_HTML_DEPTH} deep here; close them",
                )
                return


def _emphasis_depth(body: str, block: _Block, note) -> None:
    depth = 0
    for match in _EMPHASIS.finditer(body, block.start, block.end):
        i, j = match.span()
        before = body[i - 1] if i > block.start else " "
        after = body[j] if j < block.end else " "
        opens, closes = not after.isspace(), not before.isspace()
        if opens and not closes:
            depth += 1
            if depth > MAX_EMPHASIS_DEPTH:
                note("emphasis", i, f"emphasis ('*' or '_') is nested more than {MAX_EMPHASIS_DEPTH} deep here")
                return
        elif closes and depth:
            depth -= 1


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
