"""JSON Schemas of the front matter, made from the model so they never drift from it."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Glossary, Pose, Prop, Sequence

SCHEMAS = {"pose": Pose, "prop": Prop, "sequence": Sequence, "glossary": Glossary}


def front_matter_schema(kind: str) -> dict:
    model = SCHEMAS[kind]
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"posebook {kind} page front matter"
    schema["additionalProperties"] = False
    return schema


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = folder / f"{kind}.schema.json"
        path.write_text(
            json.dumps(front_matter_schema(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )
        written.append(path)
    return written
