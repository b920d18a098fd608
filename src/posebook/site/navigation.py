"""The site's navigation, made from the library so that a page added as one file appears in it:
Home, then the sequences (what a student comes for), poses, props, the reference pages and the
guide, each section's pages in the order a reader looks for them. Also the previous and next page
of each pose in class order, for the theme's footer."""

from __future__ import annotations

import posixpath

from ..i18n import language
from ..model import Library
from ..model.words import N_
from ..views import Views

# Generated pages and where they go; a teacher's own page of the same path takes its place.
HOME = "index.md"
SECTIONS = (
    (N_("Sequences"), "sequences"),
    (N_("Poses"), "poses"),
    (N_("Props"), "props"),
)
FOLDER_TITLES = {"guide": N_("Guide")}
REFERENCE = ("cautions.md", "muscles.md", "glossary.md")


def site_nav(library: Library, index_pages: tuple[str, ...], code: str = "en") -> list:
    """The navigation in mkdocs.yml's shape: a list of {title: path} and {section: [...]}. Every
    page of the library and every generated page is in it exactly once."""
    pages = sorted({*library.by_path, *index_pages})
    placed: set[str] = set()

    def take(rel: str) -> str:
        placed.add(rel)
        return rel

    words = language(code)
    nav: list = [{words.gettext("Home"): take(HOME)}] if HOME in pages else []
    titles = {
        **{s.src_path: s.title for s in library.sequences.values()},
        **{p.src_path: p.name for p in library.poses.values()},
        **{p.src_path: p.name for p in library.props.values()},
    }
    for title, folder in SECTIONS:
        index = f"{folder}/index.md"
        members = sorted(
            (rel for rel in pages if rel.startswith(folder + "/") and rel in titles),
            key=lambda rel: titles[rel].lower(),
        )
        others = [rel for rel in pages if rel.startswith(folder + "/") and rel not in titles and rel != index]
        entries = ([take(index)] if index in pages else []) + [{titles[rel]: take(rel)} for rel in members]
        entries += [take(rel) for rel in others]
        if entries:
            nav.append({words.gettext(title): entries})
    reference = [take(rel) for rel in REFERENCE if rel in pages]
    if reference:
        nav.append({words.gettext("Reference"): reference})
    # Everything else by folder, as MkDocs would lay it out: the guide and the teacher's own pages.
    rest: dict[str, list[str]] = {}
    for rel in pages:
        if rel not in placed:
            rest.setdefault(posixpath.dirname(rel), []).append(rel)
    for folder in sorted(rest):
        files = sorted(rest[folder], key=lambda rel: (not rel.endswith("/index.md"), rel))
        if folder:
            title = FOLDER_TITLES.get(folder) or folder.replace("-", " ").replace("/", " · ").capitalize()
            nav.append({words.gettext(title): files})
        else:
            nav.extend(files)
    return nav


def class_order(views: Views) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The pages before and after each pose in class order (in the first sequence that uses it),
    and a sequence page's next page: its first step. Pages not named keep the navigation's order."""
    previous: dict[str, str | None] = {}
    following: dict[str, str | None] = {}
    for view in views.sequences.values():
        steps = [step.pose.src_path for step in view.steps]
        if steps:
            following[view.sequence.src_path] = steps[0]
        for i, rel in enumerate(steps):
            if rel in previous:
                continue
            previous[rel] = steps[i - 1] if i > 0 else view.sequence.src_path
            following[rel] = steps[i + 1] if i + 1 < len(steps) else None
    return previous, following
