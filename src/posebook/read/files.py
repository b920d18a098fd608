"""The files of a library: its Markdown pages, the other files MkDocs would publish as they are,
and the folders that are links, found in one sorted walk of docs/. Also what a page is, from
where it lives."""

from __future__ import annotations

import errno
import os
import stat
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


class UnreadableError(Exception):
    """A file under docs/ that cannot be read as a file of the library: the message says why, in the
    teacher's words."""


def read_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, at most `limit` + 1 of them (enough to tell it is too large). A
    link that leads nowhere or in a circle, a pipe, a device, a file that vanished or may not be read
    raises UnreadableError; opening never blocks (a pipe would wait forever for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise UnreadableError(_why(path, err)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableError(
                "this is not a regular file (a folder, pipe, device or socket); docs/ may hold only files"
            )
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as err:
        raise UnreadableError(_why(path, err)) from None
    finally:
        os.close(fd)


def check_file(path: Path) -> None:
    """Raises Unreadable when the path is not a regular file that can be read (without reading it)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        raise UnreadableError(_why(path, err)) from None
    if not stat.S_ISREG(mode):
        raise UnreadableError(
            "this is not a regular file (a folder, pipe, device or socket); docs/ may hold only files"
        )
    if not os.access(path, os.R_OK):
        raise UnreadableError("posebook may not read this file (permission denied); make it readable")


def real_path(path: Path) -> Path:
    """Where a path leads once every link is followed; a loop of links resolves as far as it goes, without error."""
    return Path(os.path.realpath(path))


def _why(path: Path, err: OSError) -> str:
    if err.errno == errno.ELOOP:
        return "this is a link that leads round in a circle of links; replace it with the file itself"
    if err.errno == errno.ENOENT:
        if os.path.islink(path):
            return "this is a link to a file that does not exist; remove it or copy the file into docs/"
        return "this file disappeared while posebook was reading the library; run posebook again"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "posebook may not read this file (permission denied); make it readable"
    return f"this file cannot be read ({err.strerror or err})"
