"""Shared set-up for tests in a real browser: Debian's chromium driven by Playwright, against a
site served on 127.0.0.1, with every request that would leave 127.0.0.1 counted and refused."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".pdf": "application/pdf",
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    def log_message(self, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise RuntimeError("chromium is not installed: run 'make test', which installs it (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


def guard(context, base: str, outside: list[str]) -> None:
    """Refuse and record every request that is not for the local server."""

    def handle(route):
        url = route.request.url
        if url.startswith(base) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", handle)


def served(folder: Path):
    """The folder served on 127.0.0.1 for as long as the fixture that yields from this lives: its address."""
    server, url = serve(folder)
    yield url
    server.shutdown()
    server.server_close()


@contextlib.contextmanager
def chromium():
    """Debian's chromium, driven by Playwright, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            yield browser
        finally:
            browser.close()
