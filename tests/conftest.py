"""Fixture libraries: a small valid library written into tmp_path, to break one piece at a time."""

from __future__ import annotations

import http.server
import os
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

ROOT = Path(__file__).resolve().parent.parent
# Subprocesses (mkdocs, posebook) run this checkout's package, not whichever one the virtual
# environment has installed in editable mode.
SUBPROCESS_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "", "PYTHONPATH": str(ROOT / "src")}

# The property tests draw the same examples on every run, so `make test` passes or fails the same way
# on every machine; HYPOTHESIS_PROFILE=explore draws new ones (and a failure it finds becomes a test).
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

BASE_LIBRARY = {
    "props/block.md": """\
        ---
        name: Block
        summary: A firm brick of foam, cork or wood.
        ---
        Body.
        """,
    "props/blanket.md": """\
        ---
        name: Blanket
        summary: A firm woollen or cotton blanket.
        ---
        """,
    "poses/low-lunge.md": """\
        ---
        name: Low Lunge
        summary: A lunge with the back knee down.
        sided: true
        props:
          - block
          - prop: blanket
            optional: true
            use: under the back knee
        muscles:
          stretches: [iliopsoas, quadriceps]
        cautions:
          - condition: Your knee hurts
            action: modify
            advice: Pad the back knee.
        ---
        ## Steps

        1. Step forward.
        """,
    "poses/rest.md": """\
        ---
        name: Rest
        summary: Lie still.
        ---
        Rest.
        """,
    "sequences/short.md": """\
        ---
        title: Short
        summary: A short sequence.
        steps:
          - pose: low-lunge
            sides: right-first
            phases:
              - contract: 3 breaths
              - relax: 3 breaths
          - pose: rest
            phases:
              - rest: 2 minutes
        ---
        A short class.
        """,
    "glossary.md": """\
        ---
        terms:
          - term: iliopsoas
            definition: The deep hip flexor.
          - term: quadriceps
            definition: The muscles at the front of the thigh.
            aliases: [quads]
        ---
        Words.
        """,
    "index.md": "# Home\n",
}


def write_library(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """Write BASE_LIBRARY with some files replaced (None removes one) under root/docs."""
    docs = root / "docs"
    merged = {**BASE_LIBRARY, **files}
    for rel, content in merged.items():
        if content is None:
            continue
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return docs


@pytest.fixture
def library_dir(tmp_path):
    """A function that writes a fixture library and returns its docs folder."""
    return lambda files=None: write_library(tmp_path, files or {})


def start_listener(port: int = 0):
    """An HTTP server on 127.0.0.1 that records every request it gets: any request is a leak."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, hits


# --- the pipeline, for tests -------------------------------------------------------------

SITE = "https://posebook.example.org/"


def settings_for(docs: Path, project: Path | None = None, **fields):
    """Settings of a fixture library: its docs folder, the test site address, the defaults otherwise."""
    from posebook.settings import Settings

    return Settings(project=project or docs.parent, docs_dir=docs, site_url=fields.pop("site_url", SITE), **fields)


def views_of(library, breath_seconds=(4.0, 6.0)):
    from posebook.views import build_views

    return build_views(library, breath_seconds)


def card_pdf(library, slug: str, paper: str = "a4", kind: str = "card", **fields) -> bytes:
    """A printable of a fixture library (the class card, or kind="student" for the take-home sheet),
    rendered without the cache."""
    from posebook.printables.render import render_printable

    settings = settings_for(library.docs_dir, **fields)
    view = views_of(library, settings.breath_seconds).sequences[slug]
    pdf, _ = render_printable(view, kind, paper, settings, use_cache=False)
    return pdf


def seed_printables(library, folder: Path, kind: str = "card", papers=("a4", "letter")) -> dict[str, Path]:
    """The seed sequence's printable of this kind on each paper, written into folder, by paper."""
    out = {}
    for paper in papers:
        out[paper] = folder / f"{paper}.pdf"
        out[paper].write_bytes(card_pdf(library, "iliopsoas-release", paper, kind=kind))
    return out


# --- long sequences ------------------------------------------------------------------------

FIXTURE_BASES = ("supine", "standing", "kneeling", "prone", "seated", "side-lying", "all-fours")


def long_library(tmp_path: Path, steps: int, long_names: bool = False) -> Path:
    files = {}
    for i in range(1, steps + 1):
        name = f"Pose number {i}"
        if long_names and i % 3 == 0:
            name = f"Revolved Half Bound Lotus Standing Forward Fold Variation {i}"
        sanskrit = "Parivṛtta Ardha Baddha Padmottānāsana Pādāṅguṣṭhāsana" if long_names and i % 2 == 0 else "Tāḍāsana"
        caution = (
            "Your knee or your lower back hurts at any point, even a little, or you feel tingling or numbness "
            "anywhere in the leg"
            if long_names
            else "Your knee hurts"
        )
        files[f"poses/pose-{i}.md"] = (
            f"---\nname: {name}\nsanskrit: {sanskrit}\nsummary: A pose.\nsided: true\nprops: [block]\n"
            f"cautions:\n  - condition: {caution}\n    action: modify\n"
            f"    advice: Pad the knee with a folded blanket.\n"
            f"  - condition: You feel dizzy\n    action: stop\n    advice: Sit down and rest.\n"
            f"figures:\n  - base: {FIXTURE_BASES[i % len(FIXTURE_BASES)]}\n---\nBody.\n"
        )
    step_lines = "".join(
        f"  - pose: pose-{i}\n    sides: right-first\n    cue: Press the thigh into the hand and breathe slowly.\n"
        f"    phases:\n      - contract: 3 breaths\n      - relax: 3 breaths\n"
        for i in range(1, steps + 1)
    )
    files["sequences/long.md"] = f"---\ntitle: A long class\nsummary: Many poses.\nsteps:\n{step_lines}---\n"
    return write_library(tmp_path, files)
