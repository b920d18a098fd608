"""What reading one page found (the page as read, its model, its problems), kept between builds by a hash
of everything that decides it: the page's bytes and where it lives, posebook's code and the versions of the
libraries it reads with, and the site's Markdown extensions and their settings. An unchanged page is not
parsed, checked, rendered or validated again. Each entry names the hash of its input, re-checked on use, and
carries the user's seal (posebook.store): a stale, damaged, copied or forged entry is ignored and the page
read again. Checks between pages are not kept: they run on every build."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass
from typing import Any

from .. import store
from ..problems import Problem
from ..settings import Settings
from .frontmatter import SourcePage


@dataclass(frozen=True)
class PageReading:
    """One page as read on its own: the page (None when it could not be read), its model (None when it is
    not valid) and every problem found in it."""

    page: SourcePage | None
    model: Any
    problems: tuple[Problem, ...]


class PageCache:
    def __init__(self, settings: Settings) -> None:
        self.folder = settings.cache_dir / "pages"
        self.prefix = store.fingerprint("pages", settings.markdown_key(), settings.language)

    def key(self, shown: str, rel: str, data: bytes) -> str:
        digest = hashlib.sha256(self.prefix.encode("ascii"))
        for part in (shown.encode("utf-8"), rel.encode("utf-8"), data):
            digest.update(b"\0" + hashlib.sha256(part).digest())
        return digest.hexdigest()

    def get(self, key: str) -> PageReading | None:
        kept = store.get(self.folder, key)
        if kept is None:
            return None
        input_hash, _, payload = kept.partition(b"\n")
        if input_hash != key.encode("ascii"):
            return None
        try:
            # Only ever an entry this user's posebook wrote: the seal was checked before anything is read.
            reading = pickle.loads(payload)
        except Exception:
            return None
        return reading if isinstance(reading, PageReading) else None

    def put(self, key: str, reading: PageReading) -> None:
        store.put(self.folder, key, key.encode("ascii") + b"\n" + pickle.dumps(reading, pickle.HIGHEST_PROTOCOL))
