"""What a printable is made of, hashed: the key under which a rendered PDF is kept, so an unchanged
card is never rendered twice. Also the one way posebook writes a file: atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from .. import __version__

PACKAGE = Path(__file__).resolve().parent
FONTS_DIR = PACKAGE / "fonts"
TEMPLATES_DIR = PACKAGE / "templates"
CSS_DIR = PACKAGE / "css"


def package_files() -> list[Path]:
    """Every file of the package that goes into a printable: templates, print CSS and fonts."""
    return sorted(p for folder in (TEMPLATES_DIR, CSS_DIR, FONTS_DIR) for p in folder.iterdir() if p.is_file())


def printable_key(html: str) -> str:
    """A hash of every input of a printable: its HTML (content, template, CSS), its files and versions."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    # Versions from the package metadata: importing WeasyPrint takes a second, and a cache hit needs none of it.
    for part in (html, __version__, version("weasyprint"), version("pydyf")):
        digest.update(part.encode("utf-8") + b"\0")
    for path in package_files():
        digest.update(path.name.encode() + b"\0" + file_hash(path).encode() + b"\0")
    return digest.hexdigest()


_HASHES: dict[tuple[str, float, int], str] = {}


def file_hash(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_mtime, stat.st_size)
    if key not in _HASHES:
        _HASHES[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _HASHES[key]


def cached(folder: Path | None, key: str) -> bytes | None:
    """The PDF kept under this key, if there is one."""
    if folder is None:
        return None
    path = folder / f"{key}.pdf"
    return path.read_bytes() if path.is_file() else None


def keep(folder: Path | None, key: str, pdf: bytes) -> None:
    if folder is not None:
        write_atomically(folder / f"{key}.pdf", pdf)


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old bytes or the new ones, never half of them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
