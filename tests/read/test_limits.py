"""How long `posebook check` takes on a page of the largest allowed size: hostile shapes of text are either
refused early or, within every limit, checked in about the time a page of ordinary prose of the same size
takes, measured in the same run (never against a fixed number of seconds: the machine is shared)."""

from __future__ import annotations

import random
import time

import pytest

from conftest import settings_for, write_library
from posebook.build import build
from posebook.problems import ContentError
from posebook.read.frontmatter import MAX_FRONT_MATTER_BYTES, MAX_PAGE_BYTES
from posebook.read.limits import MAX_MARKS, MAX_NESTING, SPLIT_ALLOWANCE, SPLIT_FACTOR, count_marks

HEAD = "---\nname: Rest\nsummary: Lie still.\n---\n"
SIZE = MAX_PAGE_BYTES - len(HEAD) - 64
WORDS = "lie on your back with both knees bent and breathe slowly into the sides of your waist".split()


def prose(rng: random.Random, size: int) -> str:
    """Ordinary text: paragraphs of words, now and then a link."""
    out, length = [], 0
    while length < size:
        words = [rng.choice(WORDS) for _ in range(90)]
        if rng.random() < 0.3:
            words.append("[the lunge](low-lunge.md)")
        paragraph = " ".join(words).capitalize() + ".\n\n"
        out.append(paragraph)
        length += len(paragraph)
    return "".join(out)[:size]


def padded(start: str, rng: random.Random) -> str:
    """A hostile start, then ordinary text up to the largest allowed size."""
    return (start + "\n\n" + prose(rng, SIZE - len(start)))[:SIZE]


def repeated(unit: str, size: int = SIZE, sep: str = "\n\n") -> str:
    return (unit + sep) * (size // (len(unit) + len(sep)))


def table(cols: int, rows: int) -> str:
    return "|" + "a|" * cols + "\n|" + "-|" * cols + "\n" + ("|" + "*b*|" * cols + "\n") * rows


def hostile_pages(rng: random.Random) -> dict[str, str]:
    def most(block: str) -> str:
        """As many copies of a block as a page may hold, beside its ordinary text."""
        room = MAX_MARKS - count_marks(prose(random.Random(1), SIZE)) - 100
        return "\n\n".join([block] * max(1, room // count_marks(block)))

    definitions = "".join("Term\n: def\n" for _ in range(60))
    return {
        # Refused before anything parses them.
        "unclosed brackets": "[" * SIZE,
        "unclosed brackets in every paragraph": repeated("[" + " ".join(WORDS) * 20),
        "backtick runs of every length": repeated(" ".join("`" * k for k in range(1, 120))),
        "<a: on one line": "<a:" * (SIZE // 3),
        "<a: in every paragraph": repeated("<a:"),
        "unclosed tags": repeated("<x " * 2000),
        "unclosed comments": repeated("<!--"),
        "nested emphasis": repeated("*a " * 40 + "b" + " c*" * 40),
        "empty headings": repeated("#", sep="\n"),
        "abbreviations": repeated("*[a]: b"),
        "definitions in one paragraph each": repeated("".join("Term\n: def\n" for _ in range(120)), sep="\n\n"),
        "wide tables": repeated(table(60, 60)),
        "entities": repeated("&#x41;&amp;&lt;" * 1000),
        "dense emphasis": repeated(("*a* _b_ **c** " * 1000)[:15000]),
        # Within every limit, each at its edge, padded with ordinary text.
        "the most marks a page may have": padded(
            most(("*a* [l](low-lunge.md) `c` **b** _u_ &amp; " * 380)[:15000]), rng
        ),
        "the most table cells": padded(most(table(30, 40)), rng),
        "the most list items": padded(most("".join("    " * i + "- x\n" for i in range(MAX_NESTING))), rng),
        "the most definitions inside paragraphs": padded(
            "\n\n".join([definitions] * ((SPLIT_FACTOR * SIZE + SPLIT_ALLOWANCE) // (59 * len(definitions)) - 1)),
            rng,
        ),
        "unclosed link addresses": padded(repeated("[a](x" + "(" * 2000, 60_000), rng),
        "the largest front matter, nested as deep as allowed": HEAD.replace(
            "summary: Lie still.", "summary: Lie still.\nsee_also: " + "[" * 19 + "]" * 19
        )
        + "\n"
        + "x" * (MAX_FRONT_MATTER_BYTES // 2),
    }


def check_time(tmp_path, name: str, body: str) -> tuple[float, list[str]]:
    folder = tmp_path / str(abs(hash(name)))
    docs = write_library(folder, {"poses/rest.md": body if body.startswith("---") else HEAD + body})
    start = time.perf_counter()
    try:
        build(settings_for(docs, project=folder), cards=None)
        found: list[str] = []
    except ContentError as err:
        found = [str(p) for p in err.problems]
    return time.perf_counter() - start, found


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> float:
    seconds, found = check_time(tmp_path_factory.mktemp("baseline"), "prose", prose(random.Random(1), SIZE))
    assert found == []
    return seconds


@pytest.mark.parametrize("name", list(hostile_pages(random.Random(2))))
def test_a_hostile_page_of_the_largest_size_takes_no_longer_than_ordinary_text(name, baseline, tmp_path):
    body = hostile_pages(random.Random(2))[name]
    seconds, found = check_time(tmp_path, name, body)
    # Refused or accepted, never a traceback: every problem is one placed line.
    assert all(line.startswith("docs/poses/rest.md:") for line in found), found
    # Generous: the machine is shared. What this catches grows with the square or cube of the size: ten or
    # a hundred times the baseline at this size.
    assert seconds <= 5 * baseline + 2.0, (name, round(seconds, 2), round(baseline, 2), found[:1])
