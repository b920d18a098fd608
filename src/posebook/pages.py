"""Generated Markdown for the website: the blocks around the teacher's text on pose, sequence
and glossary pages, and the index pages (poses, props, sequences, cautions, muscles, front
matter reference).

The MkDocs hook and `posebook generate` both call `render_page`, so a site built either way is
the same. Author text is escaped, so a name or a caution never injects HTML or Markdown."""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass, field

from . import index
from .figure import Drawing, drawings
from .loader import Library
from .model import ACTION_LABELS, ACTIONS, DISCLAIMER, Caution, Glossary, Pose, Prop, Sequence, slugify

ADMONITION = {"stop": "danger", "see-a-professional": "danger", "skip": "warning", "modify": "warning",
              "take-care": "note"}


@dataclass(frozen=True)
class CardLink:
    """A printable card of a sequence, as the sequence page links to it."""

    label: str  # "A4"
    rel: str  # path under docs/, e.g. cards/iliopsoas-release-a4.pdf
    size_bytes: int


@dataclass(frozen=True)
class SiteSettings:
    site_url: str = ""
    breath_seconds: tuple[float, float] = index.DEFAULT_BREATH_SECONDS
    cards: dict[str, tuple[CardLink, ...]] = field(default_factory=dict)  # sequence slug -> its cards


def site_settings(site_url: str | None, extra: dict | None) -> SiteSettings:
    """Settings from mkdocs.yml: site_url, and extra.posebook.breath_seconds (shortest, longest)."""
    options = (extra or {}).get("posebook") or {}
    low, high = options.get("breath_seconds", [4, 6])
    return SiteSettings(site_url=site_url or "", breath_seconds=(float(low), float(high)))


def card_links(cards) -> dict[str, tuple[CardLink, ...]]:
    """The sequence page's print links, from the cards that were made (posebook.card.CardFile)."""
    labels = {"a4": "A4", "letter": "Letter"}
    links: dict[str, list[CardLink]] = {}
    for card in cards:
        links.setdefault(card.sequence, []).append(CardLink(labels.get(card.paper, card.paper), card.rel, len(card.pdf)))
    return {slug: tuple(items) for slug, items in links.items()}


# --- small pieces ----------------------------------------------------------------------


def esc(text: str) -> str:
    """Escape author text for Markdown or HTML: no tags, no entities, no emphasis, no links."""
    escaped = html.escape(" ".join(text.split()), quote=True)
    for char in "*_[]`\\<>|":
        escaped = escaped.replace(char, f"&#{ord(char)};")
    return escaped


def link(from_rel: str, to_rel: str, anchor: str = "") -> str:
    """A relative Markdown link target from one page under docs/ to another."""
    if to_rel == from_rel and anchor:
        return f"#{anchor}"
    target = posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")
    return target + (f"#{anchor}" if anchor else "")


def md_link(text: str, from_rel: str, to_rel: str, anchor: str = "") -> str:
    return f"[{esc(text)}]({link(from_rel, to_rel, anchor)})"


def sanskrit(text: str) -> str:
    return f'<span lang="sa-Latn">{esc(text)}</span>'


def figure_files(library: Library) -> list[Drawing]:
    """Every figure the site publishes, as files under figures/."""
    return [d for pose in library.poses.values() for d in drawings(pose, library.props)]


def _alt(text: str) -> str:
    # Alt text is made from the figure data and prop names; keep Markdown's own characters out of it.
    return "".join(c for c in " ".join(text.split()) if c not in "[]*_`\\<>|{}")


def figures_block(found: list[Drawing], from_rel: str, scale: float, extra_class: str = "",
                  captions: list[str] | None = None) -> list[str]:
    """A row of figures with their captions, as Markdown for md_in_html: MkDocs checks and
    rewrites each image link. `scale` is the drawn size in px per cm of the figure."""
    out = [f'<div class="{" ".join(["pb-figures", extra_class]).strip()}" markdown>', ""]
    for drawing, caption in zip(found, captions or [d.caption for d in found]):
        width, height = round(drawing.width * scale), round(drawing.height * scale)
        out += ['<figure class="pb-figure" markdown="span">',
                f'![{_alt(drawing.alt)}]({link(from_rel, drawing.rel)}){{ width="{width}" height="{height}" loading="lazy" }}']
        if caption:
            out.append(f"<figcaption>{esc(caption)}</figcaption>")
        out.append("</figure>")
    return out + ["", "</div>", ""]


def pose_title(pose: Pose) -> str:
    return esc(pose.name) + (f" · {sanskrit(pose.sanskrit)}" if pose.sanskrit else "")


def term_anchor(term: str) -> str:
    return "term-" + slugify(term)


def muscle_anchor(muscle: str) -> str:
    return slugify(muscle)


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def caution_admonition(caution: Caution) -> str:
    title = f"{ACTION_LABELS[caution.action]}: {esc(caution.condition)}"
    lines = [f'!!! {ADMONITION[caution.action]} "{title}"', "", f"    {esc(caution.advice)}"]
    if caution.applies_to:
        lines += ["", f"    *Applies to: {esc(caution.applies_to)}.*"]
    return "\n".join(lines) + "\n"


# --- pages -----------------------------------------------------------------------------

POSES_INDEX = "poses/index.md"
PROPS_INDEX = "props/index.md"
SEQUENCES_INDEX = "sequences/index.md"
CAUTIONS_INDEX = "cautions.md"
MUSCLES_INDEX = "muscles.md"
FRONT_MATTER_REFERENCE = "guide/front-matter.md"
INDEX_PAGES = (POSES_INDEX, PROPS_INDEX, SEQUENCES_INDEX, CAUTIONS_INDEX, MUSCLES_INDEX, FRONT_MATTER_REFERENCE)


def render_page(library: Library, rel: str, markdown: str, settings: SiteSettings) -> tuple[dict, str]:
    """The final Markdown of any page, and the meta fields to set on it (its description)."""
    meta: dict = {}
    page = library.page_at(rel)
    pose = page if isinstance(page, Pose) else None
    sequence = page if isinstance(page, Sequence) else None
    prop = page if isinstance(page, Prop) else None
    if prop is not None:
        meta["description"] = " ".join(prop.summary.split())
        markdown = prop_page(library, prop)
    elif pose is not None:
        meta["description"] = " ".join(pose.summary.split())
        markdown = pose_page(library, pose)
    elif sequence is not None:
        meta["description"] = " ".join(sequence.summary.split())
        markdown = sequence_page(library, sequence, settings)
    elif library.glossary is not None and rel == library.glossary.src_path:
        if library.glossary.description:
            meta["description"] = " ".join(library.glossary.description.split())
        markdown = glossary_page(library.glossary)
    elif rel in INDEX_PAGES:
        title, description, body = index_page(library, rel)
        meta["description"] = description
        markdown = (markdown.strip() + "\n\n" + body) if markdown.strip() else f"# {title}\n\n{body}"
    else:
        page = library.pages.get(rel)
        if page is not None:
            # posebook's own reading of the page, which its checks have passed: MkDocs reads front
            # matter with another YAML parser and, where that one fails, renders it as Markdown.
            markdown = page.body
            if page.description:
                meta["description"] = " ".join(page.description.split())
    if library.glossary is not None:
        # Glossary terms become tooltips (abbreviations) wherever they appear.
        markdown = markdown.rstrip() + "\n\n" + abbreviations(library.glossary, markdown)
    if "description" in meta:
        # The theme prints the description into an attribute as it is.
        meta["description"] = html.escape(meta["description"], quote=True)
    return meta, markdown


def pose_page(library: Library, pose: Pose) -> str:
    """Title and header block, cautions first, the teacher's text, then where it is used."""
    here = pose.src_path
    out = [f"# {esc(pose.name)}", ""]
    facts = []
    if pose.sanskrit:
        facts.append(f"**Sanskrit:** {sanskrit(pose.sanskrit)}")
    if pose.other_names:
        facts.append("**Also called:** " + ", ".join(esc(n) for n in pose.other_names))
    facts.append("**Sides:** " + ("one side, then the other" if pose.sided else "both sides together, or no sides"))
    if pose.props:
        props = []
        for use in pose.props:
            prop = library.props[use.prop]
            text = md_link(prop.name, here, prop.src_path)
            if use.quantity > 1:
                text = f"{use.quantity} × {text}"
            if use.optional:
                text += " (optional)"
            if use.instead:
                text += " or " + " or ".join(md_link(library.props[s].name, here, library.props[s].src_path)
                                             for s in use.instead)
            props.append(text)
        facts.append("**Props:** " + "; ".join(props))
    for group, label in (("stretches", "Stretches"), ("works", "Works")):
        muscles = getattr(pose.muscles, group)
        if muscles:
            facts.append(f"**{label}:** " + ", ".join(md_link(m, here, MUSCLES_INDEX, muscle_anchor(m)) for m in muscles))
    out.append('<div class="pb-facts" markdown>')
    out.append("")
    out += [f"{fact}  " for fact in facts[:-1]] + facts[-1:]
    out += ["", "</div>", "", esc(pose.summary), ""]
    found = drawings(pose, library.props)
    if found:
        out += figures_block(found, here, 1.3)
        key = "Dark lines are the arm and leg facing you, grey lines the other pair, light shapes the props."
        if pose.sided:
            key += " The figures for the other side are the same figures, mirrored."
        out += [f'<p class="pb-figure-key">{key}</p>', ""]
    if pose.cautions:
        out += ["## Cautions", ""]
        out += [caution_admonition(c) for c in pose.cautions]
    out += [pose.body.strip(), ""]

    refs = index.used_in(library).get(pose.slug, [])
    if refs:
        out += ["## Used in", ""]
        for ref in refs:
            steps = ref.sequence.steps
            where = md_link(f"{ref.sequence.title}, step {ref.number} of {len(steps)}", here, ref.sequence.src_path, ref.anchor)
            neighbours = []
            if ref.number > 1:
                before = library.poses[steps[ref.number - 2].pose]
                neighbours.append("after " + md_link(before.name, here, before.src_path))
            if ref.number < len(steps):
                after = library.poses[steps[ref.number].pose]
                neighbours.append("before " + md_link(after.name, here, after.src_path))
            out.append(f"- {where}" + (f": {', '.join(neighbours)}" if neighbours else ""))
        out.append("")
    if pose.see_also:
        out += ["## See also", ""]
        out += [f"- {md_link(library.poses[s].name, here, library.poses[s].src_path)}" for s in pose.see_also]
        out.append("")
    return "\n".join(out)


def prop_page(library: Library, prop: Prop) -> str:
    """Title, names, the teacher's text, then every pose and sequence that uses the prop."""
    here = prop.src_path
    out = [f"# {esc(prop.name)}", ""]
    if prop.other_names:
        out += ['<div class="pb-facts" markdown>', "", "**Also called:** " + ", ".join(esc(n) for n in prop.other_names),
                "", "</div>", ""]
    out += [esc(prop.summary), "", prop.body.strip(), ""]
    uses = []
    for pose in library.poses.values():
        for use in pose.props:
            if use.prop == prop.slug:
                how = f": {esc(use.use)}" if use.use else ""
                uses.append(f"- {md_link(pose.name, here, pose.src_path)}{' (optional)' if use.optional else ''}{how}")
            elif prop.slug in use.instead:
                other = library.props[use.prop]
                uses.append(f"- {md_link(pose.name, here, pose.src_path)}: in place of the {md_link(other.name.lower(), here, other.src_path)}")
    if uses:
        out += ["## Poses that use it", "", *uses, ""]
    sequences = [s for s in library.sequences.values()
                 if any(item.prop.slug == prop.slug or prop in item.instead for item in index.props_checklist(library, s))]
    if sequences:
        out += ["## Sequences that use it", ""]
        out += [f"- {md_link(s.title, here, s.src_path)}" for s in sequences]
        out.append("")
    return "\n".join(out)


def sequence_page(library: Library, sequence: Sequence, settings: SiteSettings) -> str:
    """Summary, time, health note, cautions panel, props, the steps, the teacher's text, credit."""
    here = sequence.src_path
    out = [f"# {esc(sequence.title)}", "", esc(sequence.summary), ""]
    facts = []
    if sequence.purpose:
        facts.append(f"**Purpose:** {esc(sequence.purpose)}")
    if sequence.audience:
        facts.append(f"**Who it is for:** {esc(sequence.audience)}")
    low, high = settings.breath_seconds
    facts.append(f"**Time:** {index.duration_text(index.sequence_seconds(sequence, settings.breath_seconds))}, "
                 f"counting one breath as {low:g} to {high:g} seconds")
    facts.append(f"**Poses:** {len(sequence.steps)}")
    out += [f"{fact}  " for fact in facts[:-1]] + facts[-1:] + [""]
    out += ['!!! danger "Health note"', "", f"    {esc(DISCLAIMER)}", ""]

    cards = settings.cards.get(sequence.slug, ())
    if cards:
        links = " · ".join(f"[{esc(c.label)} (PDF, {size_text(c.size_bytes)})]({link(here, c.rel)}){{: type=application/pdf }}"
                           for c in cards)
        out += ['<div class="pb-print" markdown>', "", f"**Print the class card:** {links}", "", "</div>", ""]

    out += ["## Who should skip or modify", ""]
    for entry in index.cautions_panel(library, sequence):
        if entry.step_number is None:
            where = "Whole sequence"
        else:
            where = md_link(f"Step {entry.step_number}, {entry.where}", here, here,
                            index.step_anchor(sequence, entry.step_number))
        applies = f" ({esc(entry.caution.applies_to)})" if entry.caution.applies_to else ""
        out.append(f"- **{ACTION_LABELS[entry.caution.action]}** — {where}{applies}: "
                   f"{esc(entry.caution.condition)}. {esc(entry.caution.advice)}")
    out.append("")

    out += ["## Props", ""]
    for item in index.props_checklist(library, sequence):
        name = md_link(item.prop.name, here, item.prop.src_path)
        qty = f"{item.quantity} × " if item.quantity > 1 else ""
        optional = " (optional)" if item.optional else ""
        instead = ""
        if item.instead:
            instead = "; or instead: " + ", ".join(md_link(p.name, here, p.src_path) for p in item.instead)
        uses = "; ".join(esc(where) + (f": {esc(how)}" if how else "") for where, how in item.uses)
        out.append(f"- {qty}{name}{optional}{instead} — {uses}")
    out.append("")

    out += ["## The poses", ""]
    for number, step in enumerate(sequence.steps, start=1):
        pose = library.poses[step.pose]
        out += [f"### {number}. {pose_title(pose)} {{: #{index.step_anchor(sequence, number)} }}", ""]
        shown = index.step_figures(library, step)
        if shown:
            out += figures_block(shown, here, 0.75, "pb-step-figures",
                                 [d.position.capitalize() if d.position else "" for d in shown])
        for part in index.parts(step):
            label = index.sides_text(part.sides)
            name = "" if part.name in ("main", "each side") else esc(part.name)
            if part.optional:
                name = f"{name} (optional)" if name else "(optional)"
            head = ", ".join(x for x in (name, label) if x)
            reps = f", {part.repetitions} times" if part.repetitions else ""
            out.append(f"- {head + ': ' if head else ''}{_timeline(part.phases)}{reps}")
        out.append("")
        if step.cue:
            out += [f"*{esc(step.cue)}*", ""]
        cautions = index.step_cautions(library, step)
        note = f" · {len(cautions)} caution{'s' if len(cautions) != 1 else ''}, listed above" if cautions else ""
        out += [f"{md_link('How to do ' + pose.name, here, pose.src_path)}{note}", ""]

    out += [sequence.body.strip(), ""]
    if sequence.source:
        out += ["## Source", "", esc(sequence.source.credit()), ""]
    out += [json_ld(library, sequence, settings), ""]
    return "\n".join(out)


def _timeline(phases) -> str:
    parts = []
    for phase in phases:
        text = f"**{phase.kind}** {esc(phase.amount.text)}"
        if phase.cue:
            text += f" ({esc(phase.cue)})"
        if phase.optional:
            text = f"optional: {text}"
        parts.append(text)
    return " → ".join(parts)


def json_ld(library: Library, sequence: Sequence, settings: SiteSettings) -> str:
    """schema.org HowTo: a HowToStep per step, pointing at its anchor, and a HowToTool per prop."""
    page_url = settings.site_url.rstrip("/") + "/" + sequence.src_path.removesuffix(".md") + "/"
    low, high = index.sequence_seconds(sequence, settings.breath_seconds)
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": sequence.title,
        "description": " ".join(sequence.summary.split()),
        "url": page_url,
        "totalTime": f"PT{max(1, round(high / 60))}M",
        "tool": [{"@type": "HowToTool", "name": item.prop.name, "requiredQuantity": item.quantity}
                 for item in index.props_checklist(library, sequence)],
        "step": [_howto_step(library, sequence, settings, number, step, page_url)
                 for number, step in enumerate(sequence.steps, start=1)],
    }
    if sequence.source:
        data["isBasedOn"] = {"@type": "CreativeWork", "name": sequence.source.title,
                             "author": [{"@type": "Person", "name": a} for a in sequence.source.authors]}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def _howto_step(library: Library, sequence: Sequence, settings: SiteSettings, number: int, step, page_url: str) -> dict:
    pose = library.poses[step.pose]
    data = {"@type": "HowToStep", "position": number, "name": pose.name,
            "url": page_url + "#" + index.step_anchor(sequence, number),
            "text": " ".join([step.cue or "", *(index.timeline(p.phases) for p in index.parts(step))]).strip()}
    shown = index.step_figures(library, step)
    if shown:
        data["image"] = {"@type": "ImageObject", "url": settings.site_url.rstrip("/") + "/" + shown[0].rel,
                         "description": shown[0].alt}
    return data


def glossary_page(glossary: Glossary) -> str:
    out = [f"# {esc(glossary.title)}", "", glossary.body.strip(), "", '<dl class="pb-glossary">']
    for term in sorted(glossary.terms, key=lambda t: t.term.lower()):
        also = f" <em>Also: {', '.join(esc(a) for a in term.aliases)}.</em>" if term.aliases else ""
        out.append(f'<dt id="{term_anchor(term.term)}">{esc(term.term)}</dt>')
        out.append(f"<dd>{esc(term.definition)}{also}</dd>")
    out.append("</dl>")
    return "\n".join(out) + "\n"


def abbreviations(glossary: Glossary, markdown: str | None = None) -> str:
    """Python-Markdown abbreviation definitions, so every term shows its definition as a tooltip;
    only the terms the page uses, since each definition costs a pass over the page."""
    lines = []
    for term in glossary.terms:
        definition = " ".join(term.definition.split())
        for word in [term.term, *term.aliases]:
            if markdown is None or word in markdown:
                lines.append(f"*[{word}]: {definition}")
    return "\n".join(lines) + "\n"


# --- index pages -----------------------------------------------------------------------


def index_page(library: Library, rel: str) -> tuple[str, str, str]:
    """(title, description, Markdown body) of a generated index page."""
    return {
        POSES_INDEX: _poses_index,
        PROPS_INDEX: _props_index,
        SEQUENCES_INDEX: _sequences_index,
        CAUTIONS_INDEX: _cautions_index,
        MUSCLES_INDEX: _muscles_index,
        FRONT_MATTER_REFERENCE: _front_matter_reference,
    }[rel](library)


def _poses_index(library: Library) -> tuple[str, str, str]:
    here = POSES_INDEX
    rows = ["| Pose | Sanskrit | Props | Sides |", "| --- | --- | --- | --- |"]
    for pose in sorted(library.poses.values(), key=lambda p: p.name.lower()):
        props = ", ".join(md_link(library.props[u.prop].name, here, library.props[u.prop].src_path)
                          + (" (optional)" if u.optional else "") for u in pose.props) or "none"
        rows.append(f"| {md_link(pose.name, here, pose.src_path)} | {sanskrit(pose.sanskrit) if pose.sanskrit else ''} "
                    f"| {props} | {'one side, then the other' if pose.sided else 'no sides'} |")
    return "All poses", f"Every pose in the library: {len(library.poses)} poses, with their Sanskrit names, props and sides.", \
        "\n".join(rows) + "\n"


def _props_index(library: Library) -> tuple[str, str, str]:
    here = PROPS_INDEX
    out = []
    users: dict[str, list[str]] = {slug: [] for slug in library.props}
    for pose in library.poses.values():
        for use in pose.props:
            users[use.prop].append(md_link(pose.name, here, pose.src_path) + (" (optional)" if use.optional else ""))
            for other in use.instead:
                users[other].append(md_link(pose.name, here, pose.src_path) + f" (instead of {esc(library.props[use.prop].name.lower())})")
    for prop in sorted(library.props.values(), key=lambda p: p.name.lower()):
        out += [f"## {esc(prop.name)} {{: #{prop.slug} }}", "", esc(prop.summary) + " " + md_link("More", here, prop.src_path), ""]
        if users[prop.slug]:
            out += ["Poses: " + ", ".join(users[prop.slug]), ""]
        sequences = [s for s in library.sequences.values()
                     if any(i.prop.slug == prop.slug for i in index.props_checklist(library, s))]
        if sequences:
            out += ["Sequences: " + ", ".join(md_link(s.title, here, s.src_path) for s in sequences), ""]
    return "Props", "Every prop in the library, with the poses and sequences that use it.", "\n".join(out)


def _sequences_index(library: Library) -> tuple[str, str, str]:
    here = SEQUENCES_INDEX
    out = []
    for sequence in sorted(library.sequences.values(), key=lambda s: s.title.lower()):
        duration = index.duration_text(index.sequence_seconds(sequence))
        out.append(f"- {md_link(sequence.title, here, sequence.src_path)}: {esc(sequence.summary)} "
                   f"({len(sequence.steps)} poses, {duration})")
    return "Sequences", "Every sequence in the library.", "\n".join(out) + "\n"


def _cautions_index(library: Library) -> tuple[str, str, str]:
    here = CAUTIONS_INDEX
    # The same condition on several pages is one entry.
    entries: dict[tuple[str, str], list[str]] = {}
    for pose in library.poses.values():
        for caution in pose.cautions:
            where = md_link(pose.name, here, pose.src_path) + (f" ({esc(caution.applies_to)})" if caution.applies_to else "")
            entries.setdefault((caution.action, caution.condition), []).append(where)
    for sequence in library.sequences.values():
        for caution in sequence.cautions:
            where = md_link(sequence.title, here, sequence.src_path) + " (whole sequence" + \
                (f", {esc(caution.applies_to)})" if caution.applies_to else ")")
            entries.setdefault((caution.action, caution.condition), []).append(where)
        for number, step in enumerate(sequence.steps, start=1):
            for caution in index.step_cautions(library, step):
                pose = library.poses[step.pose]
                where = md_link(f"{sequence.title}, step {number}", here, sequence.src_path, index.step_anchor(sequence, number))
                entries.setdefault((caution.action, caution.condition), []).append(where)
    out = ["Every caution in the library, by what to do, with the poses and sequence steps it concerns. "
           "Each one is explained in full on its page.", ""]
    for action in ("stop", "see-a-professional", "skip", "modify", "take-care"):
        group = sorted((cond, where) for (act, cond), where in entries.items() if act == action)
        if not group:
            continue
        out += [f"## {ACTION_LABELS[action]} {{: #{action} }}", ""]
        for condition, where in group:
            out.append(f"- {esc(condition)}: {', '.join(where)}")
        out.append("")
    return "Cautions", "Every caution in the library, with the poses and sequence steps it concerns.", "\n".join(out)


def _muscles_index(library: Library) -> tuple[str, str, str]:
    here = MUSCLES_INDEX
    muscles: dict[str, dict[str, list[Pose]]] = {}
    for pose in library.poses.values():
        for group in ("stretches", "works"):
            for muscle in getattr(pose.muscles, group):
                muscles.setdefault(muscle.lower(), {"stretches": [], "works": []})[group].append(pose)
    out = []
    for muscle in sorted(muscles):
        out += [f"## {esc(muscle.capitalize())} {{: #{muscle_anchor(muscle)} }}", ""]
        if library.glossary is not None:
            term = next((t for t in library.glossary.terms if muscle in [t.term.lower(), *(a.lower() for a in t.aliases)]), None)
            if term is not None:
                out += [esc(term.definition), ""]
        for group, label in (("stretches", "Stretched by"), ("works", "Worked by")):
            poses = sorted(muscles[muscle][group], key=lambda p: p.name.lower())
            if poses:
                out += [f"{label}: " + ", ".join(md_link(p.name, here, p.src_path) for p in poses), ""]
    return "Muscles", "The muscles the poses stretch or work, with the poses for each.", "\n".join(out)


def _front_matter_reference(library: Library) -> tuple[str, str, str]:
    from .reference import front_matter_reference

    return "Front matter reference", "Every front matter field of pose, prop and sequence pages, made from the model.", \
        front_matter_reference()


__all__ = ["SiteSettings", "CardLink", "render_page", "INDEX_PAGES", "ACTIONS"]
