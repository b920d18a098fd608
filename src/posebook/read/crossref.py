"""Checks between pages: every reference leads to a page, a step's sides suit its pose, the
figures a step names exist and every figure can be drawn, muscles are glossary terms. The
library is assembled here from its validated pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..figure import check_figure
from ..model import Figure, Glossary, Library, Pose, Prop, PropUse, Step
from ..problems import ContentError, Problem, did_you_mean
from .frontmatter import SourcePage


def cross_check(
    docs: Path, validated: dict[str, list[tuple[Any, SourcePage]]], present: dict[str, set[str]]
) -> tuple[Library, list[Problem]]:
    """The library assembled from its validated pages, and every problem between pages: duplicate
    slugs, unknown references, sides a pose cannot have, missing figure positions, figures that
    cannot be drawn, muscles missing from the glossary. `present` holds the slugs of every page
    that exists, valid or not, so a broken page is not reported again as a missing one."""
    problems: list[Problem] = []

    def by_slug(kind: str) -> tuple[dict[str, Any], dict[str, SourcePage]]:
        models: dict[str, Any] = {}
        sources: dict[str, SourcePage] = {}
        for model, page in validated[kind]:
            if model.slug in models:
                problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        "",
                        f"duplicate {kind} slug '{model.slug}': docs/{sources[model.slug].rel} has the same file name",
                    )
                )
                continue
            models[model.slug] = model
            sources[model.slug] = page
        return dict(sorted(models.items())), sources

    poses, pose_pages = by_slug("pose")
    props, prop_pages = by_slug("prop")
    sequences, sequence_pages = by_slug("sequence")
    glossary = validated["glossary"][0][0] if validated["glossary"] else None
    terms, glossary_problems = _glossary_terms(glossary, validated["glossary"][0][1] if glossary else None)
    problems += glossary_problems

    def check_ref(page: SourcePage, loc: tuple, value: str, known: dict, kind: str) -> None:
        if value not in known and value not in present[kind]:
            problems.append(page.problem(loc, f"unknown {kind} '{value}'", did_you_mean(value, known) or None))

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
                problems += _check_figure(page, i, figure, props)
        if terms is not None:
            for group in ("stretches", "works"):
                for i, muscle in enumerate(getattr(pose.muscles, group)):
                    if muscle.lower() not in terms:
                        problems.append(
                            page.problem(
                                ("muscles", group, i),
                                f"'{muscle}' is not in the glossary; add it to docs/glossary.md or use a term it has",
                                did_you_mean(muscle, terms.values()) or None,
                            )
                        )

    for slug, sequence in list(sequences.items()):
        page = sequence_pages[slug]
        check_props(page, sequence.props, ("props",))
        steps = []
        for i, step in enumerate(sequence.steps):
            check_props(page, step.props or [], ("steps", i, "props"))
            if step.pose not in poses:
                check_ref(page, ("steps", i, "pose"), step.pose, poses, "pose")  # unless the pose page itself is broken
                steps.append(step)
                continue
            pose = poses[step.pose]
            sides = step.sides
            if sides is None:
                if pose.sided:
                    problems.append(
                        page.problem(
                            ("steps", i, "sides"),
                            f"'{pose.name}' is done on each side: say 'sides: right-first' or 'sides: left-first'",
                            at=("steps", i),
                        )
                    )
                sides = "none"
            elif not pose.sided and sides in ("right-first", "left-first", "right", "left"):
                problems.append(
                    page.problem(
                        ("steps", i, "sides"),
                        f"'{pose.name}' is not done one side at a time (its page says 'sided: false'); "
                        "use 'none' or 'both'",
                    )
                )
            problems += _check_step_props(page, i, step, pose, props, present["prop"])
            for j, position in enumerate(step.figures):
                if pose.figure(position) is None:
                    names = [f.position for f in pose.figures if f.position]
                    known = f"its positions are: {', '.join(names)}" if names else "its page has no named positions"
                    problems.append(
                        page.problem(
                            ("steps", i, "figures", j),
                            f"'{pose.name}' has no figure for the position '{position}'; {known}",
                            did_you_mean(position, names) or None,
                        )
                    )
            steps.append(step.model_copy(update={"sides": sides}))
        sequences[slug] = sequence.model_copy(update={"steps": steps})

    pages = {model.src_path: model for model, _ in validated["page"]}
    return Library(docs, poses, props, sequences, glossary, dict(sorted(pages.items()))), problems


def _check_step_props(
    page: SourcePage, i: int, step: Step, pose: Pose, props: dict[str, Prop], present: set[str]
) -> list[Problem]:
    """Each prop a step leaves out is one its pose uses (an unknown slug is reported as such)."""
    problems = []
    own = [use.prop for use in pose.props]
    for j, slug in enumerate(step.leave_out):
        if slug not in props and slug not in present:
            known = sorted({*props, *own})
            problems.append(
                page.problem(("steps", i, "leave_out", j), f"unknown prop '{slug}'", did_you_mean(slug, known) or None)
            )
        elif slug not in own:
            listed = f"its props are: {', '.join(own)}" if own else "its page lists no props"
            problems.append(
                page.problem(
                    ("steps", i, "leave_out", j),
                    f"'{pose.name}' does not use the prop '{slug}', so the step cannot leave it out; {listed}",
                    did_you_mean(slug, own) or None,
                )
            )
    return problems


def _check_figure(page: SourcePage, i: int, figure: Figure, props: dict[str, Prop]) -> list[Problem]:
    """The figure can be drawn resting as its base says, with its props in place."""
    try:
        check_figure(figure, props)
    except ContentError as err:
        return [problem.placed(page, ("figures", i)) for problem in err.problems]
    return []


def _glossary_terms(glossary: Glossary | None, page: SourcePage | None) -> tuple[dict[str, str] | None, list[Problem]]:
    """Every term and alias, lowercased, mapped to the term as written."""
    if glossary is None or page is None:
        return None, []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for i, term in enumerate(glossary.terms):
        for j, word in enumerate([term.term, *term.aliases]):
            key = word.lower()
            if key in seen:
                loc = ("terms", i, "term") if j == 0 else ("terms", i, "aliases", j - 1)
                problems.append(page.problem(loc, f"'{word}' is already in the glossary as '{seen[key]}'"))
                continue
            seen[key] = term.term
    return seen, problems
