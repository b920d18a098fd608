"""The website's pages: which template makes which page, and the final Markdown and metadata of
every page of the library, from the views. The MkDocs hook and `posebook generate` both take
their pages from here, so a site built either way is the same."""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass

from markupsafe import Markup

from ..model import DISCLAIMER, Glossary, Library, OtherPage, Pose, Prop, Sequence
from ..settings import Settings
from ..views import Views
from .jsonld import sequence_json_ld
from .markdown import environment, squash

POSES_INDEX = "poses/index.md"
PROPS_INDEX = "props/index.md"
SEQUENCES_INDEX = "sequences/index.md"
CAUTIONS_INDEX = "cautions.md"
MUSCLES_INDEX = "muscles.md"
FRONT_MATTER_REFERENCE = "guide/front-matter.md"
# Generated index pages: title, description, template. A teacher may write the page's own
# introduction in a file of the same name; the generated part follows it.
INDEX_PAGES = {
    POSES_INDEX: ("All poses", None, "poses-index.md.j2"),
    PROPS_INDEX: ("Props", "Every prop in the library, with the poses and sequences that use it.", "props-index.md.j2"),
    SEQUENCES_INDEX: ("Sequences", "Every sequence in the library.", "sequences-index.md.j2"),
    CAUTIONS_INDEX: (
        "Cautions",
        "Every caution in the library, with the poses and sequence steps it concerns.",
        "cautions-index.md.j2",
    ),
    MUSCLES_INDEX: (
        "Muscles",
        "The muscles the poses stretch or work, with the poses for each.",
        "muscles-index.md.j2",
    ),
    FRONT_MATTER_REFERENCE: (
        "Front matter reference",
        "Every front matter field of pose, prop and sequence pages, made from the model.",
        None,
    ),
}


@dataclass(frozen=True)
class CardLink:
    """A printable of a sequence, as its page links to it."""

    sequence: str  # slug
    label: str  # "A4"
    rel: str  # path under docs/, e.g. cards/iliopsoas-release-a4.pdf
    size_bytes: int
    kind: str = "card"  # "card": the teacher's class card; "student": the take-home sheet


@dataclass(frozen=True)
class PageOutput:
    """A page as the site generator gets it: its final Markdown and the metadata to set on it."""

    rel: str
    meta: dict
    markdown: str


def render_pages(
    library: Library, views: Views, settings: Settings, cards: tuple[CardLink, ...] = ()
) -> dict[str, PageOutput]:
    """Every page of the site: the library's own pages and the generated index pages."""
    rels = sorted({*library.by_path, *INDEX_PAGES})
    return {rel: render_page(library, views, settings, rel, cards) for rel in rels}


def render_page(
    library: Library, views: Views, settings: Settings, rel: str, cards: tuple[CardLink, ...] = ()
) -> PageOutput:
    """The final Markdown of one page and its metadata (its description)."""
    env = environment()
    page = library.page_at(rel)
    common = {"library": library, "views": views, "here": rel}
    meta: dict = {}
    if isinstance(page, Prop):
        meta["description"] = squash(page.summary)
        markdown = env.get_template("prop.md.j2").render(common, view=views.props[page.slug], body=_body(page))
    elif isinstance(page, Pose):
        meta["description"] = squash(page.summary)
        markdown = env.get_template("pose.md.j2").render(common, view=views.poses[page.slug], body=_body(page))
    elif isinstance(page, Sequence):
        meta["description"] = squash(page.summary)
        view = views.sequences[page.slug]
        markdown = env.get_template("sequence.md.j2").render(
            common,
            view=view,
            body=_body(page),
            breath=views.breath_seconds,
            disclaimer=DISCLAIMER,
            cards=[c for c in cards if c.sequence == page.slug],
            json_ld=sequence_json_ld(view, settings),
        )
    elif isinstance(page, Glossary):
        if page.description:
            meta["description"] = squash(page.description)
        markdown = env.get_template("glossary.md.j2").render(common, glossary=page, body=_body(page))
    elif rel in INDEX_PAGES:
        title, description, template = INDEX_PAGES[rel]
        meta["description"] = description or (
            f"Every pose in the library: {len(library.poses)} poses, with their Sanskrit names, props and sides."
        )
        body = _index_body(library, views, rel, template)
        own = page.body.strip() if isinstance(page, OtherPage) else ""
        markdown = (own + "\n\n" + body) if own else f"# {title}\n\n{body}"
    else:
        assert isinstance(page, OtherPage)
        markdown = page.body
        if page.description:
            meta["description"] = squash(page.description)
    if library.glossary is not None:
        # Glossary terms become tooltips (abbreviations) wherever they appear.
        markdown = markdown.rstrip() + "\n\n" + abbreviations(library.glossary, markdown)
    if "description" in meta:
        # The theme prints the description into an attribute as it is.
        meta["description"] = html.escape(meta["description"], quote=True)
    return PageOutput(rel, meta, markdown)


def _body(page) -> Markup:
    # The teacher's own Markdown, as the reading stage checked it (source scan and rendered check).
    return Markup(page.body.strip())


def _index_body(library: Library, views: Views, rel: str, template: str | None) -> str:
    if template is None:
        from .reference import front_matter_reference

        return front_matter_reference()
    cautions_by_action = [
        (action, list(entries)) for action, entries in itertools.groupby(views.cautions, key=lambda e: e.action)
    ]
    return (
        environment()
        .get_template(template)
        .render(
            library=library,
            views=views,
            here=rel,
            poses=list(views.poses.values()),
            props=list(views.props.values()),
            sequences=list(views.sequences.values()),
            muscles=views.muscles,
            cautions_by_action=cautions_by_action,
        )
    )


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
