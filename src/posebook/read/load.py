"""Loading a library: read every page under docs/, judge its safety, validate it against the
model and the whole library against itself, and return a Library or every problem found."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any

from ..i18n import language
from ..model import PAGE_KINDS, Library
from ..problems import ContentError, Problem
from ..settings import Settings, default_settings
from .crossref import cross_check
from .files import (
    LibraryFiles,
    UnreadableError,
    check_file,
    inside,
    library_files,
    page_kind,
    read_file,
    real_path,
)
from .frontmatter import MAX_PAGE_BYTES, SourcePage, read_page
from .limits import check_limits
from .pagecache import PageCache, PageReading
from .safety import MAX_ASSET_BYTES, READ_ASSETS, check_asset, check_markdown, check_rendered
from .validate import validate_page


def load_library(source: Settings | str | os.PathLike, display_root: str | os.PathLike | None = None) -> Library:
    """Load and validate the whole library; raise ContentError with every problem found."""
    library, problems = try_load_library(source, display_root)
    if problems:
        raise ContentError(problems)
    assert library is not None
    return library


def try_load_library(
    source: Settings | str | os.PathLike, display_root: str | os.PathLike | None = None
) -> tuple[Library | None, list[Problem]]:
    """The library of a project's settings (or of a docs folder on its own), or None and every problem."""
    settings = source if isinstance(source, Settings) else default_settings(source, display_root)
    reading = read_library(settings)
    return reading.library, reading.problems


@dataclass(frozen=True)
class Reading:
    """A library as read: the Library (None when there are problems), every problem, the files under
    docs/, and each page as read from disk, by its path under docs/, so later stages can place their
    problems at a line and column."""

    library: Library | None
    problems: list[Problem]
    files: LibraryFiles
    sources: dict[str, SourcePage] = field(default_factory=dict)
    digest: str = ""  # a hash of every page's bytes and place: what was read, in one word


def read_library(settings: Settings) -> Reading:
    """Read, check and validate every page and file under the settings' docs folder."""
    docs = settings.docs_dir
    if not docs.is_dir():
        return Reading(
            None,
            [Problem(settings.display(docs), 1, 1, "", "the docs folder does not exist")],
            LibraryFiles((), (), ()),
        )
    files = library_files(docs)
    problems: list[Problem] = []
    sources: dict[str, SourcePage] = {}
    validated: dict[str, list[tuple[Any, SourcePage]]] = {kind: [] for kind in PAGE_KINDS}
    # Pages that exist but failed: references to them are not reported a second time.
    present: dict[str, set[str]] = {kind: set() for kind in PAGE_KINDS}
    markdown = None
    cache = PageCache(settings)
    digest = hashlib.sha256()
    docs_real = real_path(docs)
    amount_words = language(settings.language).amount_words()
    for path in files.pages:
        rel = path.relative_to(docs).as_posix()
        shown = settings.display(path)
        kind = page_kind(rel)
        present[kind].add(path.stem)
        if path.is_symlink() and not inside(real_path(path), docs_real):
            problems.append(
                Problem(
                    shown, 1, 1, "", "this file is a link to a file outside docs/; copy the page into docs/ instead"
                )
            )
            continue
        try:
            data = read_file(path, MAX_PAGE_BYTES)
        except UnreadableError as err:
            problems.append(Problem(shown, 1, 1, "", str(err)))
            continue
        key = cache.key(shown, rel, data)
        digest.update(key.encode("ascii"))
        reading = cache.get(key)
        if reading is None:
            markdown = markdown or settings.markdown()
            reading = read_one(data, shown, rel, kind, markdown, amount_words)
            cache.put(key, reading)
        problems += reading.problems
        if reading.page is not None:
            sources[rel] = reading.page
        if reading.model is not None:
            validated[kind].append((reading.model, reading.page))

    for path in files.linked_folders:
        problems.append(
            Problem(
                settings.display(path),
                1,
                1,
                "",
                "this folder is a link to another folder; copy its pages into docs/ instead",
            )
        )
    for path in files.assets:
        shown = settings.display(path)
        if path.is_symlink() and not inside(real_path(path), docs_real):
            problems.append(
                Problem(shown, 1, 1, "", "this file is a link to a file outside docs/; copy it into docs/ instead")
            )
            continue
        try:
            if path.suffix.lower() in READ_ASSETS:
                problems += check_asset(read_file(path, MAX_ASSET_BYTES), shown, path.suffix)
            else:
                check_file(path)
                problems += check_asset(None, shown, path.suffix)
        except UnreadableError as err:
            problems.append(Problem(shown, 1, 1, "", str(err)))

    library, cross_problems = cross_check(docs, validated, present)
    problems += cross_problems
    return Reading(None if problems else library, sorted(problems), files, sources, digest.hexdigest())


def read_one(data: bytes, shown: str, rel: str, kind: str, markdown, amount_words: Any = None) -> PageReading:
    """One page on its own: read, limited, scanned, rendered and checked, validated against the model."""
    page, problems = read_page(data, shown, rel)
    if page is None:
        return PageReading(None, None, tuple(problems))
    found = check_limits(page.body, shown, page.body_line)
    if not found:
        found = check_markdown(page.body, shown, page.body_line)
    if not found:
        found = check_rendered(page.body, shown, page.body_line, markdown)
    model, invalid = validate_page(page, kind, amount_words)
    return PageReading(page, model, tuple(problems + found + invalid))
