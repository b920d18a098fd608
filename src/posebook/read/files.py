"""The files of a library: its Markdown pages, the other files MkDocs would publish as they are,
and the folders that are links, found in one sorted walk of docs/. Also what a page is, from
where it lives."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

KIND_FOLDERS = {"poses": "pose", "props": "prop", "sequences": "sequence"}


@dataclass(frozen=True)
class LibraryFiles:
    pages: tuple[Path, ...]  # *.md, in order of their path under docs/
    assets: tuple[Path, ...]  # every other file
    linked_folders: tuple[Path, ...]  # folders that are symbolic links: MkDocs follows them


def page_kind(rel: str) -> str:
    """What a page under docs/ is, from where it lives: pose, prop, sequence, glossary or page."""
    parts = rel.split("/")
    if len(parts) > 1 and parts[0] in KIND_FOLDERS and parts[-1] != "index.md":
        return KIND_FOLDERS[parts[0]]
    if rel == "glossary.md":
        return "glossary"
    return "page"


def library_files(docs: Path) -> LibraryFiles:
    """Every file under docs/, skipping hidden files and folders, in a stable order."""
    pages: list[Path] = []
    assets: list[Path] = []
    linked: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        linked += [here / d for d in dirnames if (here / d).is_symlink()]
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            (pages if name.endswith(".md") else assets).append(here / name)

    def order(path: Path) -> str:
        return path.relative_to(docs).as_posix()

    return LibraryFiles(
        tuple(sorted(pages, key=order)), tuple(sorted(assets, key=order)), tuple(sorted(linked, key=order))
    )


def inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
