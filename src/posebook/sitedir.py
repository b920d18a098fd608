"""Replacing a built site in one step. The site generator writes the new site into a folder beside the
old one; when it has finished without a warning, the two are exchanged in a single rename and the old
one is removed. A build that fails, is killed or fills the disk leaves the last good site as it was
(and a folder beside it, removed by the next build)."""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
from pathlib import Path


class SiteSwap:
    """One build of the site in `site_dir`: start() gives the folder to build into, finish() puts it in
    place, abandon() removes it."""

    _active: list[SiteSwap] = []  # builds under way in this process, for a failure event that names none

    def __init__(self, site_dir: Path, strict: bool = False) -> None:
        self.site_dir = Path(site_dir).absolute()
        self.building = self.site_dir.parent / f".{self.site_dir.name}.posebook-new"
        self.strict = strict
        self.warnings = _Count()
        self.logger: logging.Logger | None = None

    def start(self) -> Path:
        _remove(self.building)  # what a killed build left
        self.building.mkdir(parents=True)
        SiteSwap._active.append(self)
        return self.building

    def count_warnings(self, logger: logging.Logger) -> None:
        """Count the site generator's warnings: a strict build that had one fails after the last event."""
        self.logger = logger
        logger.addHandler(self.warnings)

    def finish(self) -> None:
        self._stop_counting()
        if self.strict and self.warnings.count:
            self.abandon()
            return
        if not self.site_dir.exists():
            os.rename(self.building, self.site_dir)
        elif _exchange(self.building, self.site_dir):
            shutil.rmtree(self.building, ignore_errors=True)  # the old site, now under the other name
        else:
            old = self.site_dir.parent / f".{self.site_dir.name}.posebook-old"
            _remove(old)
            os.rename(self.site_dir, old)
            os.rename(self.building, self.site_dir)
            shutil.rmtree(old, ignore_errors=True)
        self._forget()

    def abandon(self) -> None:
        self._stop_counting()
        _remove(self.building)
        self._forget()

    @classmethod
    def abandon_all(cls) -> None:
        for swap in list(cls._active):
            swap.abandon()

    def _stop_counting(self) -> None:
        if self.logger is not None:
            self.logger.removeHandler(self.warnings)
            self.logger = None

    def _forget(self) -> None:
        if self in SiteSwap._active:
            SiteSwap._active.remove(self)


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _remove(folder: Path) -> None:
    """Remove a folder posebook made beside the site (its name says so), never anything else."""
    if folder.name.endswith((".posebook-new", ".posebook-old")) and folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE). False where that is not available."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
