"""What posebook keeps between builds (rendered cards, what reading a page found), on disk under the
project's .cache/, sealed. The project folder is shared with whoever commits to it, so an entry is
used only if it carries a seal made with a key that lives outside the project, in the user's own
cache folder, and over both its name (the hash of its inputs) and its content: a file committed or
copied into .cache/, a stale entry or a truncated one is ignored and made again, never trusted."""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
import stat
import sys
import tempfile
from pathlib import Path

MAX_ENTRY_BYTES = 64 * 1024 * 1024


def get(folder: Path | None, name: str) -> bytes | None:
    """The entry kept under this name, if it is there and its seal is this user's; else None."""
    if folder is None:
        return None
    data = _read_regular(folder / name)
    seal = _read_regular(folder / f"{name}.seal")
    if data is None or seal is None:
        return None
    if not hmac.compare_digest(seal.strip(), _seal(name, data).encode("ascii")):
        return None
    return data


def put(folder: Path | None, name: str, data: bytes) -> None:
    """Keep an entry under this name, sealed. Nothing is kept when there is no folder."""
    if folder is None:
        return
    write_atomically(folder / name, data)
    write_atomically(folder / f"{name}.seal", _seal(name, data).encode("ascii") + b"\n")


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


def _seal(name: str, data: bytes) -> str:
    return hmac.new(_key(), name.encode("utf-8") + b"\0" + data, hashlib.sha256).hexdigest()


def user_cache() -> Path:
    """posebook's folder in the user's own cache (never in a project): what only this user may write."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "posebook"


@functools.lru_cache(maxsize=1)
def _key() -> bytes:
    """This user's sealing key, made once and kept in the user's cache folder (never in a project). Where
    it cannot be kept, a key for this process alone: nothing from an earlier run is used then."""
    path = user_cache() / "seal.key"
    found = _read_regular(path)
    if found is not None and len(found) >= 32:
        return found
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
    except OSError:
        found = _read_regular(path)  # another process made it first
        return found if found is not None and len(found) >= 32 else key
    return key


def _read_regular(path: Path) -> bytes | None:
    """A regular file's bytes, or None: never blocks on a pipe, never reads past MAX_ENTRY_BYTES."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return f.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def fingerprint(*parts: str) -> str:
    """A hash of posebook's own code, the versions of the libraries whose behaviour decides a verdict, and the
    given parts (settings): an entry made under another one is never looked up."""
    digest = hashlib.sha256(_code_fingerprint().encode("ascii"))
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8"))
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _versions() -> bytes:
    from importlib.metadata import PackageNotFoundError, version

    found = [sys.version]
    libraries = ("markdown", "pymdown-extensions", "tinyhtml5", "ruamel.yaml", "pydantic", "pydantic-core", "jinja2")
    for name in (*libraries, "weasyprint", "pydyf", "segno", "fonttools"):
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=?")
    return "\0".join(found).encode("utf-8")


def _code_fingerprint() -> str:
    digest = hashlib.sha256(_versions())
    package = Path(__file__).resolve().parent
    # The code, and the message catalogs: a language's words decide how its amounts are read.
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".po", ".mo")):
        digest.update(b"\0" + path.relative_to(package).as_posix().encode() + b"\0" + file_hash(path).encode())
    return digest.hexdigest()


_HASHES: dict[tuple[str, int, int], str] = {}


def file_hash(path: Path) -> str:
    """A file's SHA-256, worked out again only when its size or modification time changes."""
    info = path.stat()
    key = (str(path), info.st_mtime_ns, info.st_size)
    if key not in _HASHES:
        _HASHES[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _HASHES[key]
