"""The cards of `mkdocs serve`: those of the configured site (their links and QR codes point at the real
site, never at the preview's address), taken from the cache, and the ones an edit changed made in the
background after the pages are served. Until a card is ready its address serves the card made before the
edit (or, the first time, a one-page note saying it is being made); when it is ready, the PDF is written
where the preview serves it."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from .store import write_atomically

log = logging.getLogger("posebook")


def _placeholder_pdf() -> bytes:
    """A one-page PDF saying the card is being made (the preview serves it until the card is ready)."""
    text = b"BT /F1 18 Tf 72 760 Td (This card is being made: reload in a few seconds.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return out


PLACEHOLDER = _placeholder_pdf()


class CardsInBackground:
    """Cards rendered one batch at a time on a thread of their own (the rendering itself runs in worker
    processes), each written into the served site when it is ready. One per `mkdocs serve` process: a batch
    outlives the build that asked for it, and a later build that needs the same cards waits for nothing."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="posebook-cards")
        self._lock = threading.Lock()
        self._wanted: set[tuple[str, str, str]] = set()  # (slug, kind, paper)
        self._latest: tuple | None = None  # (site_dir, settings, views) of the latest build
        self._running: Future | None = None
        self._served: dict[str, bytes] = {}  # the last card made for each path of the site

    def last(self, rel: str) -> bytes:
        """The card last made for this path, served until the new one is ready; a note if there is none yet."""
        with self._lock:
            return self._served.get(rel, PLACEHOLDER)

    def remember(self, rel: str, pdf: bytes) -> None:
        with self._lock:
            self._served[rel] = pdf

    def render(self, site_dir: Path, settings, views, pending: list[tuple[str, str, str]]) -> None:
        """Make these printables (slug, kind, paper) as the latest build has them, and write each into site_dir
        when ready."""
        with self._lock:
            self._latest = (site_dir, settings, views)
            self._wanted |= set(pending)
            if self._running is None or self._running.done():
                self._running = self._pool.submit(self._work)

    def _work(self) -> None:
        from .printables.render import build_printables

        while True:
            with self._lock:
                if not self._wanted or self._latest is None:
                    return
                site_dir, settings, views = self._latest
                only = {wanted for wanted in self._wanted if wanted[0] in views.sequences}
                self._wanted.clear()
            try:
                made = build_printables(views.sequences, settings, only=only)
            except Exception as err:  # a card that cannot be made: the next full build reports it
                log.error("posebook: the cards could not be made in the background: %s", err)
                continue
            for card in made:
                self.remember(card.rel, card.pdf)
                target = site_dir / card.rel
                if target.parent.is_dir():
                    write_atomically(target, card.pdf)
            log.info("posebook: %d card%s ready", len(made), "" if len(made) == 1 else "s")
