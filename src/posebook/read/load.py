"""Loading a library: read every page under docs/, judge its safety, validate it against the
model and the whole library against itself, and return a Library or every problem found."""

from __future__ import annotations

import os
from typing import Any

from ..i18n import language
from ..model import PAGE_KINDS, Library
from ..problems import ContentError, Problem
from ..settings import Settings, default_settings
from .crossref import cross_check
from .files import inside, library_files, page_kind
from .frontmatter import SourcePage, read_page
from .safety import check_asset, check_markdown, check_rendered
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
    docs = settings.docs_dir
    if not docs.is_dir():
        return None, [Problem(settings.display(docs), 1, 1, "", "the docs folder does not exist")]
    files = library_files(docs)
    problems: list[Problem] = []
    validated: dict[str, list[tuple[Any, SourcePage]]] = {kind: [] for kind in PAGE_KINDS}
    # Pages that exist but failed: references to them are not reported a second time.
    present: dict[str, set[str]] = {kind: set() for kind in PAGE_KINDS}
    markdown = None
    amount_words = language(settings.language).amount_words()
    for path in files.pages:
        rel = path.relative_to(docs).as_posix()
        shown = settings.display(path)
        kind = page_kind(rel)
        present[kind].add(path.stem)
        if path.is_symlink() and not inside(path.resolve(), docs.resolve()):
            problems.append(
                Problem(
                    shown, 1, 1, "", "this file is a link to a file outside docs/; copy the page into docs/ instead"
                )
            )
            continue
        page, page_problems = read_page(path.read_bytes(), shown, rel)
        problems += page_problems
        if page is None:
            continue
        found = check_markdown(page.body, shown, page.body_line)
        if not found:
            markdown = markdown or settings.markdown()
            found = check_rendered(page.body, shown, page.body_line, _renderer(markdown))
        problems += found
        model, page_problems = validate_page(page, kind, amount_words)
        problems += page_problems
        if model is not None:
            validated[kind].append((model, page))

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
        if path.is_symlink() and not inside(path.resolve(), docs.resolve()):
            problems.append(
                Problem(shown, 1, 1, "", "this file is a link to a file outside docs/; copy it into docs/ instead")
            )
            continue
        problems += check_asset(path.read_bytes(), shown, path.suffix)

    library, cross_problems = cross_check(docs, validated, present)
    problems += cross_problems
    return (None if problems else library), sorted(problems)


def _renderer(markdown):
    def render(text: str) -> str:
        markdown.reset()
        return markdown.convert(text)

    return render
