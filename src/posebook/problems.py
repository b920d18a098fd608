"""Problems found in the library, in the one format a teacher reads:
``path:line:col: error: field.path: message (did you mean 'x'?)``.

Every stage (front matter, model, cross-references, figures, cards) reports a content problem as
a `Problem`, and stops a build by raising `ContentError` with all of them. A stage that does not
know where its input stands in the file (a figure, a card) gives the field's place in the front
matter (`loc`), and the reader places it with `Problem.placed`."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .read.frontmatter import SourcePage

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    suggestion: str | None = None
    loc: Loc = field(default=(), compare=False, repr=False)

    def __str__(self) -> str:
        # One line, whatever a file name or a value holds: a newline or a terminal control
        # character in a teacher's text must not start a line of its own in a log or in CI.
        where = f"{one_line(self.field)}: " if self.field else ""
        hint = f" (did you mean '{one_line(self.suggestion)}'?)" if self.suggestion else ""
        return f"{one_line(self.path)}:{self.line}:{self.column}: error: {where}{one_line(self.message)}{hint}"

    def github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        text = str(self).split(": error: ", 1)[1]
        return (
            f"::error file={_escape_property(self.path)},line={self.line},col={self.column},"
            f"title=posebook::{_escape_data(text)}"
        )

    def placed(self, page: SourcePage, prefix: Loc = ()) -> Problem:
        """This problem at its place in a page: `loc` (under `prefix`) found in the front matter."""
        loc = (*prefix, *self.loc)
        line, column = page.positions.of_value(loc)
        return replace(self, path=page.path, line=line, column=column, field=field_path(loc), loc=loc)


def unplaced(loc: Loc, message: str, suggestion: str | None = None) -> Problem:
    """A problem of a field whose place in the file the caller knows: see `Problem.placed`."""
    return Problem("", 0, 0, field_path(loc), message, suggestion, loc)


class ContentError(Exception):
    """The library has problems; the build stops before any output is touched."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    lines = [str(p) for p in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found")
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a mistyped word, if one is close enough to be a likely typo."""
    choices = sorted(set(choices))
    if not isinstance(word, str) or not choices:
        return None
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return lowered[word.lower()]
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def field_path(loc: Sequence[str | int]) -> str:
    """('steps', 0, 'phases', 1) -> 'steps[0].phases[1]'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# Control and format characters, and the line and paragraph separators some tools break lines at.
_UNSEEN = ("Cc", "Cf", "Zl", "Zp")


def one_line(text: str) -> str:
    """Text with every character that could break a line or hide itself written as an escape (\\n, \\u2028)."""
    if text.isprintable():
        return text
    return "".join(
        c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _UNSEEN else c for c in str(text)
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
