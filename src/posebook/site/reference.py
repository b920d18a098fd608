"""The front matter reference for the authoring guide, written from the model's own JSON Schema
so that it never drifts from what the loader accepts."""

from __future__ import annotations

from ..schema import front_matter_schema

PAGES = [
    ("pose", "Pose pages", "docs/poses/<slug>.md"),
    ("prop", "Prop pages", "docs/props/<slug>.md"),
    ("sequence", "Sequence pages", "docs/sequences/<slug>.md"),
    ("glossary", "The glossary", "docs/glossary.md"),
]


def _type(schema: dict, defs: dict) -> str:
    if "$ref" in schema:
        return f"[{schema['$ref'].rsplit('/', 1)[-1]}](#{schema['$ref'].rsplit('/', 1)[-1].lower()})"
    if "anyOf" in schema:
        kinds = [_type(s, defs) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}), defs)}"
    if kind == "string" and "pattern" in schema and "amount" in schema.get("description", ""):
        return "amount of time"
    if kind == "string" and schema.get("pattern", "").startswith("^[a-z0-9]"):
        return "slug"
    return {
        "string": "text",
        "boolean": "`true` or `false`",
        "integer": "whole number",
        "number": "number",
        "object": "fields",
    }.get(kind, "text")


def _table(schema: dict, defs: dict) -> list[str]:
    required = set(schema.get("required", []))
    rows = ["| Field | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
    for name, prop in schema.get("properties", {}).items():
        described = prop.get("description") or next(
            (s.get("description") for s in prop.get("anyOf", []) if s.get("description")), ""
        )
        if "$ref" in prop and not described:
            described = defs.get(prop["$ref"].rsplit("/", 1)[-1], {}).get("description", "")
        meaning = " ".join(described.split()).replace("|", "\\|")
        rows.append(f"| `{name}` | {_type(prop, defs)} | {'yes' if name in required else 'no'} | {meaning} |")
    return rows


def front_matter_reference() -> str:
    out = [
        "Every field the front matter of each kind of page accepts. A field not listed here is an "
        "error, and so is a value of the wrong type.",
        "",
    ]
    seen: dict[str, dict] = {}
    for kind, title, path in PAGES:
        schema = front_matter_schema(kind)
        defs = schema.get("$defs", {})
        seen.update(defs)
        out += [f"## {title}", "", f"`{path}`. {' '.join((schema.get('description') or '').split())}", ""]
        out += _table(schema, defs) + [""]
    out += ["## Parts of a page", ""]
    for name in sorted(seen):
        definition = seen[name]
        out += [f"### {name} {{: #{name.lower()} }}", "", " ".join((definition.get("description") or "").split()), ""]
        if definition.get("properties"):
            out += _table(definition, seen) + [""]
    return "\n".join(out)
