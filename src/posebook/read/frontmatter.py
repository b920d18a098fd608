"""Reading a page: its text, its YAML 1.2 front matter as plain data with the line and
column of every key and value, and its Markdown body. Nothing here knows what a pose is."""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..problems import Problem, field_path

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.nodes import Node, ScalarNode

# The YAML reader is imported when a page is read, not when posebook is: a rebuild whose pages all come
# from the cache (read/pagecache.py) reads none.

MAX_PAGE_BYTES = 1024 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024
MAX_DEPTH = 20
# No count, amount or angle comes near this; anything beyond it is a typo or an attack on the arithmetic.
MAX_NUMBER = 1_000_000_000

Loc = tuple[str | int, ...]
Mark = tuple[int, int]

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Positions:
    """Where each value (and each mapping key) of the front matter stands in the file."""

    values: dict[Loc, Mark] = field(default_factory=dict)
    keys: dict[Loc, Mark] = field(default_factory=dict)
    start: Mark = (1, 1)

    def of_value(self, loc: Loc) -> Mark:
        loc = tuple(loc)
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), self.start)

    def of_key(self, loc: Loc) -> Mark:
        return self.keys.get(tuple(loc)) or self.of_value(loc)


@dataclass(frozen=True)
class SourcePage:
    """One Markdown file as read from disk, before it means anything."""

    path: str  # as shown in messages, e.g. docs/poses/low-lunge.md
    rel: str  # relative to docs/, with forward slashes
    meta: dict[str, Any]
    positions: Positions
    body: str
    body_line: int  # the line of the file on which the body starts
    has_front_matter: bool

    def problem(self, loc: Loc, message: str, suggestion: str | None = None, at: Loc | None = None) -> Problem:
        """A problem of the field at `loc`, placed at the value at `at` (by default the field's own)."""
        line, col = self.positions.of_value(loc if at is None else at)
        return Problem(self.path, line, col, field_path(loc), message, suggestion)


def place(path: Path, loc: Loc) -> tuple[int, int]:
    """Where a field of a page's front matter stands, for a problem found after reading (1:1 if the
    file has changed since)."""
    try:
        page, _ = read_page(path.read_bytes(), str(path), path.name)
    except OSError:
        page = None
    return page.positions.of_value(loc) if page is not None else (1, 1)


def read_page(data: bytes, path: str, rel: str) -> tuple[SourcePage | None, list[Problem]]:
    """Split and parse one page. Returns the page, or None and the problems found."""
    problems: list[Problem] = []

    def fail(line: int, col: int, message: str, fld: str = "") -> tuple[None, list[Problem]]:
        problems.append(Problem(path, line, col, fld, message))
        return None, problems

    if len(data) > MAX_PAGE_BYTES:
        return fail(1, 1, f"the page is {len(data):,} bytes; a page may be at most {MAX_PAGE_BYTES:,} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _byte_position(data, err.start)
        return fail(
            line, col, f"the file is not UTF-8 text (byte 0x{data[err.start]:02x} cannot be read); save it as UTF-8"
        )
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line, col = _text_position(text, text.index("\x00"))
        return fail(line, col, "the file contains a NUL character; it is not a text file")

    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        page = SourcePage(path, rel, {}, Positions(), text, 1, False)
        return page, problems

    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i])), None)
    if end is None:
        return fail(1, 1, "the front matter that starts here is never closed: add a line '---' after it")
    yaml_text = "\n".join(lines[1:end]) + "\n"
    if len(yaml_text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return fail(
            2,
            1,
            f"the front matter is {len(yaml_text.encode('utf-8')):,} bytes; "
            f"it may be at most {MAX_FRONT_MATTER_BYTES:,} bytes",
        )
    body = "\n".join(lines[end + 1 :])
    meta, positions, yaml_problems = parse_yaml(yaml_text, path, first_line=2)
    if yaml_problems:
        return None, yaml_problems
    return SourcePage(path, rel, meta, positions, body, end + 2, True), problems


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[dict, Positions, list[Problem]]:
    """Parse YAML 1.2 front matter into plain dicts, lists, strings, numbers, booleans and None.

    The event stream is read first, without building anything: anchors, aliases and tags are
    refused there (so a 'billion laughs' file costs no more than its own size), and so is nesting
    deeper than MAX_DEPTH (so no reader recurses deeper than that). Duplicate keys are reported,
    all of them."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.nodes import MappingNode

    offset = first_line - 1

    def at(mark) -> Mark:
        return mark.line + 1 + offset, mark.column + 1

    # libyaml (ruamel.yaml.clib) reads fast; the pure-Python reader explains errors better and
    # accepts YAML 1.2 that libyaml refuses (e.g. '1:30' inside [ ]).
    fast = YAML(typ="safe")
    fast.version = (1, 2)
    pure = YAML(typ="safe", pure=True)
    pure.version = (1, 2)
    reader = fast
    try:
        problems = _inspect_events(fast, text, path, at)
    except YAMLError:
        reader = pure
        try:
            problems = _inspect_events(pure, text, path, at)
        except MarkedYAMLError as err:
            return {}, Positions(), [_yaml_error(err, path, offset)]
        except YAMLError as err:
            return {}, Positions(), [Problem(path, offset + 1, 1, "", f"YAML syntax: {err}")]
    if problems:
        return {}, Positions(), problems
    root = reader.compose(io.StringIO(text))
    start = (first_line, 1)
    if root is None:
        return {}, Positions(start=start), []
    if not isinstance(root, MappingNode):
        line, col = at(root.start_mark)
        return (
            {},
            Positions(start=start),
            [Problem(path, line, col, "", "the front matter must be a list of 'field: value' lines")],
        )

    problems = []
    positions = Positions(start=start)
    value = _build(root, (), positions, problems, path, at)
    return (value if isinstance(value, dict) else {}), positions, problems


def _inspect_events(yaml: YAML, text: str, path: str, at) -> list[Problem]:
    """Every anchor, alias and tag, and the first place nested deeper than MAX_DEPTH, found from the
    event stream before any node is built. Raises YAMLError when the text is not YAML."""
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    problems: list[Problem] = []

    def refuse(event, message: str) -> None:
        problems.append(Problem(path, *at(event.start_mark), "", message))

    depth = 0
    for event in yaml.parse(io.StringIO(text)):
        if isinstance(event, AliasEvent):
            refuse(event, f"YAML aliases (*{event.anchor}) are not allowed: write the value out in full")
        elif isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if event.anchor is not None:
                refuse(event, f"YAML anchors (&{event.anchor}) are not allowed: write each value out in full")
            if event.tag is not None and str(event.tag) not in ("!", "?"):
                tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
                refuse(event, f"YAML tags ({tag}) are not allowed: write plain values")
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                refuse(event, f"the front matter is nested more than {MAX_DEPTH} levels deep")
                break
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if len(problems) >= 50:
            break
    return problems


def _build(node: Node, loc: Loc, positions: Positions, problems: list[Problem], path: str, at) -> Any:
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    positions.values[loc] = at(node.start_mark)
    if len(loc) > MAX_DEPTH:
        line, col = at(node.start_mark)
        problems.append(Problem(path, line, col, _loc_text(loc), f"nested more than {MAX_DEPTH} levels deep"))
        return None
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or str(key_node.tag) != "tag:yaml.org,2002:str":
                line, col = at(key_node.start_mark)
                shown = key_node.value if isinstance(key_node, ScalarNode) else "a list or mapping"
                problems.append(Problem(path, line, col, _loc_text(loc), f"a field name must be a word, not {shown!r}"))
                continue
            key = key_node.value
            key_line, key_col = at(key_node.start_mark)
            if key in first_seen:
                problems.append(
                    Problem(
                        path,
                        key_line,
                        key_col,
                        _loc_text(loc + (key,)),
                        f"duplicate key '{key}' (first given on line {first_seen[key]})",
                    )
                )
                continue
            first_seen[key] = key_line
            positions.keys[loc + (key,)] = (key_line, key_col)
            out[key] = _build(value_node, loc + (key,), positions, problems, path, at)
        return out
    if isinstance(node, SequenceNode):
        return [_build(item, loc + (i,), positions, problems, path, at) for i, item in enumerate(node.value)]
    return _scalar(node, loc, problems, path, at)


def _scalar(node: ScalarNode, loc: Loc, problems: list[Problem], path: str, at) -> Any:
    tag, raw = str(node.tag), node.value
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return raw.lower() == "true"
    if tag.endswith((":int", ":float")):
        number = _number(tag, raw)
        if number is None:
            line, col = at(node.start_mark)
            shown = raw if len(raw) <= 24 else raw[:20] + "…"
            problems.append(
                Problem(
                    path,
                    line,
                    col,
                    _loc_text(loc),
                    f"'{shown}' is not a usable number; numbers here are between -{MAX_NUMBER:,} and {MAX_NUMBER:,}",
                )
            )
        return number
    # Timestamps and anything else stay as the text the teacher wrote.
    return raw


def _number(tag: str, raw: str) -> int | float | None:
    """A YAML number, or None when it is not finite or too large for anything posebook counts or measures. The
    length is checked first: Python refuses to read an integer of more than 4,300 digits at all."""
    text = raw.replace("_", "")
    if len(text) > 32:
        return None
    if tag.endswith(":int"):
        try:
            number: int | float = int(text, 0)
        except ValueError:
            number = int(text) if text.lstrip("+-").isdigit() else math.nan
    else:
        number = float(
            text.replace(".inf", "inf")
            .replace(".Inf", "inf")
            .replace(".INF", "inf")
            .replace(".nan", "nan")
            .replace(".NaN", "nan")
            .replace(".NAN", "nan")
        )
    if isinstance(number, float) and not math.isfinite(number):
        return None
    return number if abs(number) <= MAX_NUMBER else None


def _yaml_error(err: MarkedYAMLError, path: str, offset: int) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = (mark.line + 1 + offset) if mark else offset + 1
    col = (mark.column + 1) if mark else 1
    what = err.problem or err.context or "cannot be read"
    context = f" ({err.context})" if err.context and err.problem else ""
    hint = ""
    if "mapping values are not allowed" in what:
        hint = "; put quotes around a value that contains ': '"
    elif "found character '\\t'" in what or "\\t" in what:
        hint = "; indent with spaces, not tabs"
    return Problem(path, line, col, "", f"YAML syntax: {what}{context}{hint}")


def _loc_text(loc: Loc) -> str:
    return field_path(loc)


def _byte_position(data: bytes, index: int) -> Mark:
    before = data[:index]
    line = before.count(b"\n") + 1
    col = index - (before.rfind(b"\n") + 1) + 1
    return line, col


def _text_position(text: str, index: int) -> Mark:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1
