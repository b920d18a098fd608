"""Starter pages for `posebook new`: valid as written, with a comment on every field."""

from __future__ import annotations

import json
from pathlib import Path

from .model import ACTIONS, BASES, PHASES, SHAPES, SIDES, slugify


def _quoted(text: str) -> str:
    # JSON strings are valid YAML 1.2 double-quoted scalars.
    return json.dumps(text, ensure_ascii=False)


def starter_pose(name: str) -> str:
    return f"""---
name: {_quoted(name)}
# sanskrit: "Name in IAST, e.g. Setu Bandha Sarvāṅgāsana"
# other_names: [Another name]
summary: >-
  What {name} does, in one or two sentences. This becomes the page's description.
sided: false  # true when the pose is done on one side, then the other
props: []  # e.g. [block] or [{{prop: blanket, optional: true, use: under the knee}}]
muscles:
  stretches: []  # glossary terms, e.g. [iliopsoas]
  works: []
cautions: []
# cautions:
#   - condition: Your knee hurts
#     action: modify  # {", ".join(ACTIONS)}
#     advice: Pad the knee with a folded blanket.
# figures:  # a stick figure for the site and the card; see the authoring guide
#   - base: standing  # {", ".join(BASES)}
#     near: {{hip: 90, knee: 90}}  # the arm and leg facing you: shoulder, elbow, hip, knee, ankle in degrees
#     far: {{}}
---

## Set up

Describe how to come into the pose.

## The pose

1. The first instruction.
2. The next one.
"""


def starter_prop(name: str) -> str:
    return f"""---
name: {_quoted(name)}
summary: >-
  What a {name.lower()} is and what it is for, in one or two sentences.
# other_names: [Another name]
# shape: block  # how figures draw it: {", ".join(SHAPES)}
---

How the poses in this library use it, and what can stand in for it.
"""


def starter_sequence(name: str, first_pose: str) -> str:
    return f"""---
title: {_quoted(name)}
summary: >-
  What this sequence is for, in one or two sentences. This becomes the page's description.
# purpose: Why the poses come in this order.
# audience: Who it is for, and who should do something else.
# source:
#   title: Title of the article or book it is adapted from
#   authors: [First Author]
#   publisher: Publisher
props: []  # props for the whole class beyond the poses' own, e.g. [mat]
cautions: []
steps:
  - pose: {first_pose}  # the slug of a pose page
    sides: none  # {", ".join(SIDES)}
    cue: One short cue for the class.
    phases:  # each one of: {", ".join(PHASES)}
      - hold: 5 breaths  # or '30 seconds', '1-2 minutes', '3+ breaths'
---

Introduce the sequence: what it does and how to practise it.
"""


def new_page(docs: Path, kind: str, name: str) -> Path:
    """Write a starter page and return its path. Refuses to overwrite a page."""
    slug = slugify(name)
    if not slug:
        raise ValueError(f"cannot make a file name from {name!r}: use letters or digits")
    folder = docs / {"pose": "poses", "prop": "props", "sequence": "sequences"}[kind]
    path = folder / f"{slug}.md"
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    if kind == "pose":
        text = starter_pose(name)
    elif kind == "prop":
        text = starter_prop(name)
    else:
        poses = sorted(p.stem for p in (docs / "poses").glob("*.md") if p.stem != "index")
        if not poses:
            raise ValueError("a sequence needs a pose: add one first with 'posebook new pose \"Name\"'")
        text = starter_sequence(name, poses[0])
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
