"""One page against the model: its front matter validated into a Pose, Prop, Sequence, Glossary
or other page, or the problems found, each in the teacher's words at its line and column."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model import PAGE_KINDS, RESERVED, SLUG, slugify
from ..model.fields import shown
from ..problems import Problem, did_you_mean, field_path
from .frontmatter import Positions, SourcePage


def validate_page(page: SourcePage, kind: str, amount_words: Any = None) -> tuple[Any, list[Problem]]:
    """The page's model, or None and every problem of the page."""
    model_class = PAGE_KINDS[kind]
    stem = page.rel.rsplit("/", 1)[-1].removesuffix(".md")
    if kind in ("pose", "prop", "sequence"):
        if not SLUG.match(stem):
            return None, [
                Problem(
                    page.path,
                    1,
                    1,
                    "",
                    f"the file name '{stem}.md' is not a slug: use lowercase letters, digits and single hyphens",
                    f"{slugify(stem)}.md" if slugify(stem) else None,
                )
            ]
        if not page.has_front_matter:
            empty = not page.body.strip()
            return None, [
                Problem(
                    page.path,
                    1,
                    1,
                    "",
                    (f"the {kind} page is empty" if empty else f"this {kind} page has no front matter")
                    + f": it must start with a line '---', then its fields, then '---' "
                    f"(run 'posebook new {kind} \"Name\"' for a starter page)",
                )
            ]
    reserved = [
        Problem(
            page.path,
            *page.positions.of_key((key,)),
            key,
            f"unknown field '{key}': the {key.replace('_', ' ')} comes from the file itself",
        )
        for key in RESERVED
        if key in page.meta
    ]
    if reserved:
        return None, reserved
    data = dict(page.meta, slug=stem, src_path=page.rel, body=page.body, body_line=page.body_line)
    try:
        return model_class.model_validate(data, context={"amount_words": amount_words}), []
    except ValidationError as err:
        return None, translate_errors(err, model_class, page.path, page.positions)


def translate_errors(
    err: ValidationError, model_class: type[BaseModel], path: str, positions: Positions
) -> list[Problem]:
    """Turn pydantic's errors into the teacher's format, with positions from the front matter."""
    out = []
    for error in err.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        kind = error["type"]
        ctx = error.get("ctx") or {}
        suggestion = ctx.get("suggestion")
        name = field_path(loc)
        if kind == "extra_forbidden":
            known = _fields_at(model_class, loc[:-1])
            suggestion = did_you_mean(str(loc[-1]), known)
            line, col = positions.of_key(loc)
            message = f"unknown field '{loc[-1]}'" + (
                "" if suggestion else f"; the fields here are: {', '.join(known)}"
            )
        elif kind == "missing":
            line, col = positions.of_value(loc[:-1])
            where = f"in {field_path(loc[:-1])}" if loc[:-1] else "in the front matter"
            message = f"required field '{loc[-1]}' is missing {where}"
            name = field_path(loc)
        else:
            line, col = positions.of_value(loc)
            message = _message(kind, error)
        out.append(Problem(path, line, col, name, message, suggestion))
    return out


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a group of 'field: value' lines",
    "model_type": "a group of 'field: value' lines",
    "model_attributes_type": "a group of 'field: value' lines",
}


def _message(kind: str, error: dict) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind.startswith("posebook"):
        return error["msg"]
    if kind in _TYPE_WORDS:
        got = shown(value, "the text '{}'", longest=60)
        return f"expected {_TYPE_WORDS[kind]}, got {got}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is {len(value)} characters long; keep it to {ctx.get('max_length')} or fewer"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item{'s' if ctx.get('min_length') != 1 else ''}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {_number(ctx.get('ge', ctx.get('gt')))}, got {value}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {_number(ctx.get('le', ctx.get('lt')))}, got {value}"
    return error["msg"][0].lower() + error["msg"][1:]


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _fields_at(model_class: type[BaseModel], loc: tuple) -> list[str]:
    """The front matter fields a model accepts at a place in the data, for 'did you mean'."""
    current: Any = model_class
    for part in loc:
        if isinstance(part, int):
            continue
        model = _model_in(current)
        if model is None or part not in model.model_fields:
            return []
        current = model.model_fields[part].annotation
    model = _model_in(current)
    if model is None:
        return []
    return [name for name in model.model_fields if name not in RESERVED]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
