"""Loading the library: read every page under docs/, validate each against the model and
the whole library against itself, and return a Library or every problem found."""

from __future__ import annotations

import os
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .figure import FigureError, check_figure
from .frontmatter import Positions, SourcePage, read_page
from .model import (
    PAGE_KINDS,
    RESERVED,
    SLUG,
    Figure,
    Glossary,
    OtherPage,
    Pose,
    Prop,
    PropUse,
    Sequence,
    slugify,
)
from .problems import ContentError, Problem, did_you_mean, field_path
from .safety import check_asset, check_markdown, check_rendered

KIND_FOLDERS = {"poses": "pose", "props": "prop", "sequences": "sequence"}


@dataclass(frozen=True)
class Library:
    """Every page of the library, validated and cross-checked. Dicts are in slug order."""

    docs_dir: Path
    poses: dict[str, Pose]
    props: dict[str, Prop]
    sequences: dict[str, Sequence]
    glossary: Glossary | None
    pages: dict[str, OtherPage] = field(default_factory=dict)
    _by_path: dict | None = field(default=None, repr=False, compare=False)

    def page_at(self, rel: str):
        """The pose, prop, sequence, glossary or other page at a path under docs/, or None."""
        if self._by_path is None:
            pages = [*self.poses.values(), *self.props.values(), *self.sequences.values(), *self.pages.values()]
            if self.glossary is not None:
                pages.append(self.glossary)
            object.__setattr__(self, "_by_path", {page.src_path: page for page in pages})
        return self._by_path.get(rel)

    def summary(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        return f"{n(len(self.poses), 'pose')}, {n(len(self.props), 'prop')}, {n(len(self.sequences), 'sequence')}, 0 problems"


def page_kind(rel: str) -> str:
    """What a page under docs/ is, from where it lives."""
    parts = rel.split("/")
    if len(parts) > 1 and parts[0] in KIND_FOLDERS and parts[-1] != "index.md":
        return KIND_FOLDERS[parts[0]]
    if rel == "glossary.md":
        return "glossary"
    return "page"


def load_library(docs_dir: str | os.PathLike, display_root: str | os.PathLike | None = None) -> Library:
    """Load and validate the whole library; raise ContentError with every problem found."""
    library, problems = try_load_library(docs_dir, display_root)
    if problems:
        raise ContentError(problems)
    assert library is not None
    return library


def try_load_library(docs_dir: str | os.PathLike, display_root: str | os.PathLike | None = None
                     ) -> tuple[Library | None, list[Problem]]:
    docs = Path(docs_dir)
    root = Path(display_root) if display_root is not None else Path.cwd()
    problems: list[Problem] = []
    if not docs.is_dir():
        return None, [Problem(_display(docs, root), 1, 1, "", "the docs folder does not exist")]

    validated: dict[str, list[tuple[Any, SourcePage]]] = {kind: [] for kind in PAGE_KINDS}
    # Pages that exist but failed: references to them are not reported a second time.
    present: dict[str, set[str]] = {kind: set() for kind in PAGE_KINDS}
    for path in _markdown_files(docs):
        rel = path.relative_to(docs).as_posix()
        shown = _display(path, root)
        kind = page_kind(rel)
        present[kind].add(path.stem)
        if path.is_symlink() and not _inside(path.resolve(), docs.resolve()):
            problems.append(Problem(shown, 1, 1, "", "this file is a link to a file outside docs/; copy the page into docs/ instead"))
            continue
        page, page_problems = read_page(path.read_bytes(), shown, rel)
        problems += page_problems
        if page is None:
            continue
        found = check_markdown(page.body, shown, page.body_line)
        problems += found or check_rendered(page.body, shown, page.body_line)
        model = _validate(page, kind, problems)
        if model is not None:
            validated[kind].append((model, page))

    for path in _linked_folders(docs):
        problems.append(Problem(_display(path, root), 1, 1, "", "this folder is a link to another folder; "
                                                               "copy its pages into docs/ instead"))
    for path in _other_files(docs):
        shown = _display(path, root)
        if path.is_symlink() and not _inside(path.resolve(), docs.resolve()):
            problems.append(Problem(shown, 1, 1, "", "this file is a link to a file outside docs/; copy it into docs/ instead"))
            continue
        problems += check_asset(path.read_bytes(), shown, path.suffix)

    library = _assemble(docs, validated, present, problems)
    return (None if problems else library), sorted(problems)


def _linked_folders(docs: Path) -> list[Path]:
    """Folders under docs/ that are symbolic links: MkDocs follows them, so posebook refuses them."""
    found = []
    for dirpath, dirnames, _ in os.walk(docs, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / d for d in dirnames if (Path(dirpath) / d).is_symlink()]
    return found


def _markdown_files(docs: Path) -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / f for f in sorted(filenames) if f.endswith(".md") and not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(docs).as_posix())


def _other_files(docs: Path) -> list[Path]:
    """Every file under docs/ that is not a page: MkDocs publishes them as they are."""
    found = []
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath) / f for f in sorted(filenames) if not f.endswith(".md") and not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(docs).as_posix())


def _validate(page: SourcePage, kind: str, problems: list[Problem]) -> Any:
    model_class = PAGE_KINDS[kind]
    stem = page.rel.rsplit("/", 1)[-1].removesuffix(".md")
    if kind in ("pose", "prop", "sequence"):
        if not SLUG.match(stem):
            problems.append(Problem(page.path, 1, 1, "", f"the file name '{stem}.md' is not a slug: use lowercase letters, digits and "
                                                        f"single hyphens", f"{slugify(stem)}.md" if slugify(stem) else None))
            return None
        if not page.has_front_matter:
            empty = not page.body.strip()
            problems.append(Problem(page.path, 1, 1, "", (f"the {kind} page is empty" if empty else f"this {kind} page has no front matter")
                                    + f": it must start with a line '---', then its fields, then '---' "
                                      f"(run 'posebook new {kind} \"Name\"' for a starter page)"))
            return None
    for key in RESERVED:
        if key in page.meta:
            line, col = page.positions.of_key((key,))
            problems.append(Problem(page.path, line, col, key, f"unknown field '{key}': the {key.replace('_', ' ')} comes from the file itself"))
    if any(key in page.meta for key in RESERVED):
        return None
    data = dict(page.meta, slug=stem, src_path=page.rel, body=page.body, body_line=page.body_line)
    try:
        return model_class.model_validate(data)
    except ValidationError as err:
        problems += translate_errors(err, model_class, page.path, page.positions)
        return None


def translate_errors(err: ValidationError, model_class: type[BaseModel], path: str, positions: Positions) -> list[Problem]:
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
            message = f"unknown field '{loc[-1]}'" + ("" if suggestion else f"; the fields here are: {', '.join(known)}")
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
    "string_type": "text", "int_type": "a whole number", "float_type": "a number", "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')", "dict_type": "a group of 'field: value' lines",
    "model_type": "a group of 'field: value' lines", "model_attributes_type": "a group of 'field: value' lines",
}


def _message(kind: str, error: dict) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind.startswith("posebook"):
        return error["msg"]
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, got {_describe(value)}"
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


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 60 else "text"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


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


def _assemble(docs: Path, validated: dict[str, list[tuple[Any, SourcePage]]], present: dict[str, set[str]],
              problems: list[Problem]) -> Library:
    def by_slug(kind: str) -> tuple[dict[str, Any], dict[str, SourcePage]]:
        models: dict[str, Any] = {}
        sources: dict[str, SourcePage] = {}
        for model, page in validated[kind]:
            if model.slug in models:
                problems.append(Problem(page.path, 1, 1, "", f"duplicate {kind} slug '{model.slug}': "
                                                             f"docs/{sources[model.slug].rel} has the same file name"))
                continue
            models[model.slug] = model
            sources[model.slug] = page
        return dict(sorted(models.items())), sources

    poses, pose_pages = by_slug("pose")
    props, prop_pages = by_slug("prop")
    sequences, sequence_pages = by_slug("sequence")
    glossary = validated["glossary"][0][0] if validated["glossary"] else None
    terms = _glossary_terms(glossary, validated["glossary"][0][1] if glossary else None, problems)

    def check_ref(page: SourcePage, loc: tuple, value: str, known: dict, kind: str) -> None:
        if value not in known and value not in present[kind]:
            line, col = page.positions.of_value(loc)
            problems.append(Problem(page.path, line, col, field_path(loc), f"unknown {kind} '{value}'",
                                    did_you_mean(value, known) or None))

    def check_props(page: SourcePage, uses: list[PropUse], base: tuple) -> None:
        for i, use in enumerate(uses):
            long_form = base + (i, "prop")
            check_ref(page, long_form if long_form in page.positions.values else base + (i,), use.prop, props, "prop")
            for j, other in enumerate(use.instead):
                check_ref(page, base + (i, "instead", j), other, props, "prop")

    for slug, pose in poses.items():
        page = pose_pages[slug]
        check_props(page, pose.props, ("props",))
        for i, other in enumerate(pose.see_also):
            check_ref(page, ("see_also", i), other, poses, "pose")
        for i, figure in enumerate(pose.figures):
            for j, use in enumerate(figure.props):
                check_ref(page, ("figures", i, "props", j, "prop"), use.prop, props, "prop")
            if all(use.prop in props for use in figure.props):
                _check_figure(page, i, figure, props, problems)
        if terms is not None:
            for group in ("stretches", "works"):
                for i, muscle in enumerate(getattr(pose.muscles, group)):
                    if muscle.lower() not in terms:
                        line, col = page.positions.of_value(("muscles", group, i))
                        problems.append(Problem(page.path, line, col, field_path(("muscles", group, i)),
                                                f"'{muscle}' is not in the glossary; add it to docs/glossary.md or use a term it has",
                                                did_you_mean(muscle, terms.values()) or None))

    for slug, sequence in list(sequences.items()):
        page = sequence_pages[slug]
        check_props(page, sequence.props, ("props",))
        steps = []
        for i, step in enumerate(sequence.steps):
            if step.pose not in poses:
                check_ref(page, ("steps", i, "pose"), step.pose, poses, "pose")  # unless the pose page itself is broken
                steps.append(step)
                continue
            pose = poses[step.pose]
            sides = step.sides
            if sides is None:
                if pose.sided:
                    line, col = page.positions.of_value(("steps", i))
                    problems.append(Problem(page.path, line, col, field_path(("steps", i, "sides")),
                                            f"'{pose.name}' is done on each side: say 'sides: right-first' or 'sides: left-first'"))
                sides = "none"
            elif not pose.sided and sides in ("right-first", "left-first", "right", "left"):
                line, col = page.positions.of_value(("steps", i, "sides"))
                problems.append(Problem(page.path, line, col, field_path(("steps", i, "sides")),
                                        f"'{pose.name}' is not done one side at a time (its page says 'sided: false'); use 'none' or 'both'"))
            for j, position in enumerate(step.figures):
                if pose.figure(position) is None:
                    names = [f.position for f in pose.figures if f.position]
                    line, col = page.positions.of_value(("steps", i, "figures", j))
                    problems.append(Problem(page.path, line, col, field_path(("steps", i, "figures", j)),
                                            f"'{pose.name}' has no figure for the position '{position}'; "
                                            + (f"its positions are: {', '.join(names)}" if names else
                                               "its page has no named positions"),
                                            did_you_mean(position, names) or None))
            steps.append(step.model_copy(update={"sides": sides}))
        sequences[slug] = sequence.model_copy(update={"steps": steps})

    pages = {model.src_path: model for model, _ in validated["page"]}
    return Library(docs, poses, props, sequences, glossary, dict(sorted(pages.items())))


def _check_figure(page: SourcePage, i: int, figure: Figure, props: dict[str, Prop], problems: list[Problem]) -> None:
    """The figure can be drawn resting as its base says, with its props in place."""
    try:
        check_figure(figure, props)
    except FigureError as err:
        loc = ("figures", i, *err.loc)
        line, col = page.positions.of_value(loc)
        problems.append(Problem(page.path, line, col, field_path(loc), err.message, err.suggestion))


def _glossary_terms(glossary: Glossary | None, page: SourcePage | None, problems: list[Problem]) -> dict[str, str] | None:
    """Every term and alias, lowercased, mapped to the term as written."""
    if glossary is None or page is None:
        return None
    seen: dict[str, str] = {}
    for i, term in enumerate(glossary.terms):
        for j, word in enumerate([term.term, *term.aliases]):
            key = word.lower()
            if key in seen:
                loc = ("terms", i, "term") if j == 0 else ("terms", i, "aliases", j - 1)
                line, col = page.positions.of_value(loc)
                problems.append(Problem(page.path, line, col, field_path(loc), f"'{word}' is already in the glossary as '{seen[key]}'"))
                continue
            seen[key] = term.term
    return seen


def _display(path: Path, root: Path) -> str:
    try:
        rel = os.path.relpath(path, root)
    except ValueError:
        return path.as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.as_posix()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False
