"""The website's pages: which template makes which page, and the final Markdown and metadata of
every page of the library, from the views. The MkDocs hook and `posebook generate` both take
their pages from here, so a site built either way is the same."""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import Language
from ..model import DISCLAIMER, Caution, Glossary, Library, OtherPage, Pose, Prop, Sequence
from ..model.words import N_
from ..read.safety import blank_code
from ..settings import Settings
from ..views import ACTION_ORDER, SequenceView, StepView, Views
from .embed import embedded
from .jsonld import sequence_json_ld
from .markdown import by_weight, environment, squash

_FIRST_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]", re.M)

POSES_INDEX = "poses/index.md"
PROPS_INDEX = "props/index.md"
SEQUENCES_INDEX = "sequences/index.md"
CAUTIONS_INDEX = "cautions.md"
MUSCLES_INDEX = "muscles.md"
FRONT_MATTER_REFERENCE = "guide/front-matter.md"
HOME = "index.md"
# Set on every page posebook made (no front matter field has this name): the theme override shows a
# "built without posebook" notice on any page that lacks it, so a site built by a tool that skipped
# the hook cannot pass for the whole site.
MADE_BY_POSEBOOK = "posebook"
# Generated index pages: title, description, template. A teacher may write the page's own
# introduction in a file of the same name; the generated part follows it.
INDEX_PAGES = {
    HOME: (N_("Home"), None, "home.md.j2"),
    POSES_INDEX: (N_("All poses"), None, "poses-index.md.j2"),
    PROPS_INDEX: (
        N_("Props"),
        N_("Every prop in the library, with the poses and sequences that use it."),
        "props-index.md.j2",
    ),
    SEQUENCES_INDEX: (N_("Sequences"), N_("Every sequence in the library."), "sequences-index.md.j2"),
    CAUTIONS_INDEX: (
        N_("Cautions"),
        N_("Every caution in the library, with the poses and sequence steps it concerns."),
        "cautions-index.md.j2",
    ),
    MUSCLES_INDEX: (
        N_("Muscles"),
        N_("The muscles the poses stretch or work, with the poses for each."),
        "muscles-index.md.j2",
    ),
    # The reference of the authoring guide: written in English, for the guide's own site.
    FRONT_MATTER_REFERENCE: (
        "Front matter reference",
        "Every front matter field of pose, prop and sequence pages, made from the model.",
        None,
    ),
}
GUIDE = "guide/index.md"


def generated_pages(library: Library) -> tuple[str, ...]:
    """The index pages posebook makes for this library: every one, but the front matter reference
    only beside an authoring guide."""
    return tuple(rel for rel in INDEX_PAGES if rel != FRONT_MATTER_REFERENCE or library.page_at(GUIDE) is not None)


@dataclass(frozen=True)
class CardLink:
    """A printable of a sequence, as its page links to it."""

    sequence: str  # slug
    label: str  # "A4"
    rel: str  # path under docs/, e.g. cards/iliopsoas-release-a4.pdf
    size_bytes: int
    kind: str = "card"  # the teacher's class card, or the student's take-home sheet ("student")


@dataclass(frozen=True)
class PanelLine:
    """A caution in a sequence's full list: once, with every step it concerns."""

    caution: Caution
    steps: tuple[StepView, ...]  # none for a caution of the whole sequence


@dataclass(frozen=True)
class PageOutput:
    """A page as the site generator gets it: its final Markdown and all of its metadata. Nothing the
    site generator reads from a page on its own (front matter, 'key: value' lines) is kept."""

    rel: str
    meta: dict
    markdown: str


def render_pages(
    library: Library, views: Views, settings: Settings, cards: tuple[CardLink, ...] = ()
) -> dict[str, PageOutput]:
    """Every page of the site: the library's own pages and the generated index pages."""
    rels = sorted({*library.by_path, *generated_pages(library)})
    return {rel: render_page(library, views, settings, rel, cards) for rel in rels}


def render_page(
    library: Library, views: Views, settings: Settings, rel: str, cards: tuple[CardLink, ...] = ()
) -> PageOutput:
    """The final Markdown of one page and its metadata (its description, and the mark that posebook made it)."""
    env = environment(settings.language)
    words = env.globals["language"]
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
        # A sequence is read step by step: its column takes the width the site's navigation had on a
        # wide screen (the tabs above still lead everywhere; on a phone the menu is unchanged).
        meta["hide"] = ["navigation"]
        view = views.sequences[page.slug]
        intro, rest = split_introduction(page.body)
        markdown = env.get_template("sequence.md.j2").render(
            common,
            view=view,
            intro=Markup(intro),
            body=Markup(rest),
            how_to={step.number: embedded(step.pose.body, step.pose.src_path, rel) for step in view.steps},
            panel=panel(view),
            before_you_start=before_you_start(view.sequence),
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
        title = words.gettext(title) if template else title
        meta["description"] = (
            (words.gettext(description) if template else description)
            if description
            else (_index_description(library, rel, words))
        )
        body = _index_body(library, views, rel, template, cards, settings.language)
        own = page.body.strip() if isinstance(page, OtherPage) else ""
        markdown = (own + "\n\n" + body) if own else f"# {title}\n\n{body}"
    else:
        assert isinstance(page, OtherPage)
        markdown = page.body
    if isinstance(page, OtherPage):
        # What MkDocs and Material read from an ordinary page, as posebook read and checked it.
        meta.update(_page_meta(page))
    if "description" in meta:
        # The theme prints the description into an attribute as it is.
        meta["description"] = html.escape(meta["description"], quote=True)
    meta[MADE_BY_POSEBOOK] = True
    return PageOutput(rel, meta, markdown)


def _page_meta(page: OtherPage) -> dict:
    """The theme's front matter fields an ordinary page may set, as posebook read and checked them."""
    meta: dict = {}
    if page.title:
        meta["title"] = page.title
    if page.description:
        meta["description"] = squash(page.description)
    if page.hide:
        meta["hide"] = list(page.hide)
    if page.search is not None:
        meta["search"] = dict(page.search)
    return meta
def split_introduction(body: str) -> tuple[str, str]:
    """A sequence's own text as its introduction (what comes before the first heading), shown above
    the steps, and the rest, shown after them."""
    found = _FIRST_HEADING.search(blank_code(body))
    if found is None:
        return body.strip(), ""
    return body[: found.start()].strip(), body[found.start() :].strip()


def before_you_start(sequence: Sequence) -> list[Caution]:
    """The cautions a student reads before the practice: those of the whole practice that stop
    someone, send them elsewhere or change what they do. The rest (take care, or about something
    in particular, such as daily life) are in the full list further down."""
    return [
        caution
        for caution in by_weight(sequence.cautions)
        if caution.action != "take-care" and caution.applies_to is None
    ]


def panel(view: SequenceView) -> list[tuple[str, list[PanelLine]]]:
    """Every caution of a sequence once (the same caution on several steps is one line), grouped
    by what to do, the most serious first."""
    lines: dict[tuple, tuple[Caution, list[StepView]]] = {}
    for entry in view.panel:
        key = (entry.caution.action, entry.caution.condition, entry.caution.advice, entry.caution.applies_to)
        caution, steps = lines.setdefault(key, (entry.caution, []))
        if entry.step is not None and entry.step not in steps:
            steps.append(entry.step)
    return [
        (action, [PanelLine(caution, tuple(steps)) for caution, steps in lines.values() if caution.action == action])
        for action in ACTION_ORDER
        if any(caution.action == action for caution, _ in lines.values())
    ]


def _body(page) -> Markup:
    # The teacher's own Markdown, as the reading stage checked it (source scan and rendered check).
    return Markup(page.body.strip())


def _index_description(library: Library, rel: str, words: Language) -> str:
    if rel == HOME:
        titles = words.join(sorted(s.title for s in library.sequences.values()))
        if titles:
            return words.gettext("Yoga sequences to follow on the mat, with printable class cards: %(titles)s.") % {
                "titles": titles
            }
        return words.gettext("Yoga poses, props and sequences, with printable class cards.")
    return words.ngettext(
        "Every pose in the library: %(n)s pose, with its figure, Sanskrit name and props.",
        "Every pose in the library: %(n)s poses, with their figures, Sanskrit names and props.",
        len(library.poses),
    ) % {"n": len(library.poses)}


def _index_body(
    library: Library, views: Views, rel: str, template: str | None, cards: tuple = (), code: str = "en"
) -> str:
    if template is None:
        return _front_matter_reference()
    cautions_by_action = [
        (action, list(entries)) for action, entries in itertools.groupby(views.cautions, key=lambda e: e.action)
    ]
    return (
        environment(code)
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
            cards=cards,
        )
    )


def _front_matter_reference() -> str:
    """The reference is made from the model's JSON Schema, which depends on posebook's code alone: kept by the
    code's fingerprint, since working it out costs a twentieth of a second in every new process."""
    from .. import store
    from .reference import front_matter_reference

    folder = store.user_cache() / "reference"
    name = store.fingerprint("front-matter-reference")
    kept = store.get(folder, name)
    if kept is not None:
        return kept.decode("utf-8")
    text = front_matter_reference()
    try:
        store.put(folder, name, text.encode("utf-8"))
    except OSError:
        pass
    return text


def glossary_configs(extensions: Iterable[str], configs: Mapping[str, dict], glossary: Glossary | None) -> dict:
    """The Markdown extensions' settings with the glossary given to the abbreviation extension, when the site
    renders with it: the hook and `posebook generate` give it the same way."""
    terms = glossary_abbreviations(glossary)
    if "abbr" not in extensions or not terms:
        return dict(configs)
    options = dict(configs.get("abbr") or {})
    options["glossary"] = {**(options.get("glossary") or {}), **terms}
    return {**configs, "abbr": options}


def glossary_abbreviations(glossary: Glossary | None) -> dict[str, str]:
    """Every glossary term and alias with its definition, for the abbreviation extension's `glossary`
    setting: each shows its definition as a tooltip wherever it appears. Given as a setting, never
    written into a page, so no term can change what a page says. The theme reads a tooltip as HTML:
    definitions hold no '<' or '>' (the model refuses them), and '&' is written as '&amp;' so that the
    tooltip shows exactly what the teacher wrote."""
    if glossary is None:
        return {}
    found: dict[str, str] = {}
    for term in glossary.terms:
        definition = " ".join(term.definition.split()).replace("&", "&amp;")
        for word in [term.term, *term.aliases]:
            found.setdefault(word, definition)
    return found
