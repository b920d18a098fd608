"""What a printable is made of, hashed: the key under which a rendered PDF is kept, so an unchanged
card is never rendered twice. Entries are sealed (posebook.store): only what this user rendered is used."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__, store
from ..store import file_hash

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


def cached(folder: Path | None, key: str) -> bytes | None:
    """The PDF kept under this key, if there is one and it is sealed as this user's (see posebook.store): a
    PDF committed or copied into the cache is never published as a card."""
    return store.get(folder, f"{key}.pdf")


def keep(folder: Path | None, key: str, pdf: bytes) -> None:
    store.put(folder, f"{key}.pdf", pdf)
