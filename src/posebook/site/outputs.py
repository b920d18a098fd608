"""Every file the site will have, and what makes it: the library's pages and files as MkDocs publishes
them, and what posebook adds (index pages nobody wrote, cards, figures). Two sources on one path, or a
name too long for a file system, would make the build replace one file with another without a word,
or fail halfway through writing the site; both are problems found here, before anything is written.

Paths are compared as a file system that ignores letter case and Unicode normalisation would (macOS,
Windows): a site built there must not lose a file either."""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass

from ..problems import Problem

MAX_NAME_BYTES = 255  # the longest file or folder name most file systems take


@dataclass(frozen=True)
class SiteFile:
    """A file of the site: its path under docs/ (its source), where it is published, and what makes it."""

    rel: str  # path under docs/, as MkDocs knows it (a generated file's own path)
    dest: str  # path under site/
    made_by: str  # in words, e.g. "docs/poses/rest.md" or "the card of 'short' (A4)"
    where: tuple[str, int, int, str]  # the file, line, column and field a problem with it is reported at


def page_dest(rel: str, directory_urls: bool = True) -> str:
    """Where MkDocs publishes a Markdown page: poses/rest.md -> poses/rest/index.html; README.md is an index."""
    folder, name = posixpath.split(rel)
    stem = posixpath.splitext(name)[0]
    stem = "index" if stem == "README" else stem
    if stem == "index" or not directory_urls:
        return posixpath.join(folder, stem + ".html")
    return posixpath.join(folder, stem, "index.html")


def check_site_files(files: list[SiteFile]) -> list[Problem]:
    """Two files on one path (naming both), and names too long to write."""
    problems: list[Problem] = []
    taken: dict[str, SiteFile] = {}
    too_long: dict[tuple, list[tuple[int, str, SiteFile]]] = {}
    for file in files:
        key = unicodedata.normalize("NFC", file.dest).casefold()
        other = taken.get(key)
        if other is not None:
            problems.append(
                _problem(
                    file,
                    f"{file.made_by} would be published as site/{file.dest}, where {other.made_by} is published "
                    f"(site/{other.dest}); rename one of them",
                )
            )
        else:
            taken[key] = file
        long = next((part for part in file.dest.split("/") if len(part.encode("utf-8")) > MAX_NAME_BYTES), None)
        if long is not None:
            too_long.setdefault(file.where, []).append((len(long.encode("utf-8")), long, file))
    # One problem for each name the teacher wrote: the longest file made from it, and how many more there are.
    for found in too_long.values():
        size, long, file = max(found, key=lambda item: item[0])
        more = len(found) - 1
        problems.append(
            _problem(
                file,
                f"{file.made_by} would be published under the name '{long[:40]}…', {size} bytes long"
                + (f" ({more} more file{'s' if more > 1 else ''} made from it too)" if more else "")
                + f"; a file system takes names of at most {MAX_NAME_BYTES} bytes, so shorten the name it comes from",
            )
        )
    return problems


def _problem(file: SiteFile, message: str) -> Problem:
    path, line, column, field = file.where
    return Problem(path, line, column, field, message)
