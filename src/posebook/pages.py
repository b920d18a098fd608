"""Generated Markdown: the blocks added to pose, sequence and glossary pages.

The hook (or `posebook generate`) puts these around the body a teacher wrote. Author text is
escaped, so a name or a caution can never inject HTML."""

from __future__ import annotations

import html
import posixpath

from . import index
from .loader import Library
from .model import ACTION_LABELS, DISCLAIMER, Caution, Glossary, Pose, Sequence

ADMONITION = {"stop": "danger", "see-a-professional": "danger", "skip": "warning", "modify": "warning", "take-care": "note"}


def esc(text: str) -> str:
    """Escape author text for Markdown or HTML: no tags, no entities, no stray emphasis."""
    return html.escape(" ".join(text.split()), quote=True).replace("*", "&#42;").replace("_", "&#95;").replace("[", "&#91;")


def link(from_rel: str, to_rel: str, anchor: str = "") -> str:
    """A relative Markdown link target from one page under docs/ to another."""
    target = posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")
    return target + (f"#{anchor}" if anchor else "")


def sanskrit(text: str) -> str:
    return f'<span lang="sa-Latn">{esc(text)}</span>'


def caution_admonition(caution: Caution, where: str | None = None) -> str:
    label = ACTION_LABELS[caution.action]
    title = f"{label}: {esc(caution.condition)}"
    applies = caution.applies_to or where
    lines = [f'!!! {ADMONITION[caution.action]} "{title.replace(chr(34), "&quot;")}"', "", f"    {esc(caution.advice)}"]
    if applies:
        lines += ["", f"    *Applies to: {esc(applies)}.*"]
    return "\n".join(lines) + "\n"


def pose_page(library: Library, pose: Pose) -> str:
    """The pose page: title and header block, cautions first, then the teacher's body."""
    out = [f"# {esc(pose.name)}", ""]
    facts = []
    if pose.sanskrit:
        facts.append(f"**Sanskrit:** {sanskrit(pose.sanskrit)}")
    if pose.other_names:
        facts.append("**Also called:** " + ", ".join(esc(n) for n in pose.other_names))
    if pose.sided:
        facts.append("**Sides:** one side, then the other")
    if pose.props:
        props = []
        for use in pose.props:
            prop = library.props[use.prop]
            text = f"[{esc(prop.name)}]({link(pose.src_path, prop.src_path)})"
            if use.quantity > 1:
                text = f"{use.quantity} × {text}"
            if use.optional:
                text += " (optional)"
            props.append(text)
        facts.append("**Props:** " + ", ".join(props))
    for group, label in (("stretches", "Stretches"), ("works", "Works")):
        muscles = getattr(pose.muscles, group)
        if muscles:
            facts.append(f"**{label}:** " + ", ".join(esc(m) for m in muscles))
    out += [f"{fact}  " for fact in facts[:-1]] + facts[-1:]
    if facts:
        out.append("")
    out.append(f"{esc(pose.summary)}")
    out.append("")
    for caution in pose.cautions:
        out.append(caution_admonition(caution))
    out.append(pose.body.strip())
    out.append("")
    refs = index.used_in(library).get(pose.slug, [])
    if refs or pose.see_also:
        out.append("## Used in")
        out.append("")
        for ref in refs:
            target = link(pose.src_path, ref.sequence.src_path, ref.anchor)
            out.append(f"- [{esc(ref.sequence.title)}, step {ref.number}]({target})")
        for slug in pose.see_also:
            other = library.poses[slug]
            out.append(f"- See also: [{esc(other.name)}]({link(pose.src_path, other.src_path)})")
        out.append("")
    return "\n".join(out)


def sequence_page(library: Library, sequence: Sequence, breath_seconds=index.DEFAULT_BREATH_SECONDS) -> str:
    """The sequence page: summary, cautions panel, steps, props checklist, the body, credit."""
    here = sequence.src_path
    out = [f"# {esc(sequence.title)}", "", esc(sequence.summary), ""]
    if sequence.purpose:
        out += [f"**Purpose:** {esc(sequence.purpose)}", ""]
    if sequence.audience:
        out += [f"**Who it is for:** {esc(sequence.audience)}", ""]
    low, high = breath_seconds
    out += [f"**Time:** {index.duration_text(index.sequence_seconds(sequence, breath_seconds))}, "
            f"counting a breath as {low:g}–{high:g} seconds.", ""]
    out += ['!!! danger "Health note"', "", f"    {esc(DISCLAIMER)}", ""]

    out += ["## Who should skip or modify", ""]
    for entry in index.cautions_panel(library, sequence):
        where = "Whole sequence" if entry.step_number is None else f"Step {entry.step_number}, {esc(entry.where)}"
        applies = f" ({esc(entry.caution.applies_to)})" if entry.caution.applies_to else ""
        out.append(f"- **{ACTION_LABELS[entry.caution.action]}** — {where}{applies}: {esc(entry.caution.condition)}. "
                   f"{esc(entry.caution.advice)}")
    out.append("")

    out += ["## Props", ""]
    for item in index.props_checklist(library, sequence):
        name = f"[{esc(item.prop.name)}]({link(here, item.prop.src_path)})"
        qty = f"{item.quantity} × " if item.quantity > 1 else ""
        optional = " (optional)" if item.optional else ""
        instead = ""
        if item.instead:
            instead = "; instead: " + ", ".join(f"[{esc(p.name)}]({link(here, p.src_path)})" for p in item.instead)
        uses = "; ".join(f"{esc(where)}" + (f": {esc(how)}" if how else "") for where, how in item.uses)
        out.append(f"- {qty}{name}{optional}{instead} — {uses}")
    out.append("")

    out += ["## The poses", ""]
    for number, step in enumerate(sequence.steps, start=1):
        pose = library.poses[step.pose]
        anchor = index.step_anchor(sequence, number)
        heading = f"### {number}. {esc(pose.name)}"
        if pose.sanskrit:
            heading += f" · {sanskrit(pose.sanskrit)}"
        out += [f"{heading} {{: #{anchor} }}", ""]
        for part in index.parts(step):
            label = index.sides_text(part.sides)
            name = "" if part.name in ("main", "each side") else f"{esc(part.name)}"
            if part.optional:
                name = f"{name} (optional)" if name else "(optional)"
            head = ", ".join(x for x in (name, label) if x)
            reps = f", {part.repetitions} times" if part.repetitions else ""
            line = f"- {head + ': ' if head else ''}{index.timeline(part.phases)}{reps}"
            out.append(line)
        if step.cue:
            out += ["", f"*{esc(step.cue)}*"]
        cautions = index.step_cautions(library, step)
        if cautions:
            out += ["", f"Cautions: {len(cautions)} — see [{esc(pose.name)}]({link(here, pose.src_path)})."]
        else:
            out += ["", f"[How to do {esc(pose.name)}]({link(here, pose.src_path)})"]
        out.append("")

    out.append(sequence.body.strip())
    out.append("")
    if sequence.source:
        out += ["## Source", "", esc(sequence.source.credit()), ""]
    return "\n".join(out)


def glossary_page(glossary: Glossary) -> str:
    out = [f"# {esc(glossary.title)}", "", glossary.body.strip(), ""]
    for term in sorted(glossary.terms, key=lambda t: t.term.lower()):
        out.append(f"{esc(term.term)}")
        also = f" Also: {', '.join(esc(a) for a in term.aliases)}." if term.aliases else ""
        out.append(f":   {esc(term.definition)}{also}")
        out.append("")
    return "\n".join(out)


def abbreviations(glossary: Glossary) -> str:
    """Python-Markdown abbreviation definitions, so every term shows its definition on hover."""
    lines = []
    for term in glossary.terms:
        for word in [term.term, *term.aliases]:
            definition = " ".join(term.definition.split()).replace("]", ")")
            lines.append(f"*[{word}]: {definition}")
    return "\n".join(lines) + "\n"
