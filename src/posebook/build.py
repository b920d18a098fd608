"""The whole pipeline in one place: a project's settings → its library (read, checked) → the views
(everything derived, once) → its outputs: every page's final Markdown, the cards and the figures,
each as a path in the site and its content. The MkDocs hook, `posebook generate`, `posebook card` and
`posebook check` all call `build`; none of them derives anything on its own.

Everything that could stop the site generator later is found here first, in this order, before any
card is made or any file written: each page and file on its own (read/), the pages against each other
(read/crossref), every file of the site against the others (two on one path, names too long), and
every page as rendered (links and anchors between pages, Markdown that cannot be rendered)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import store
from .i18n import language
from .model import Library
from .preview import PLACEHOLDER
from .printables.cache import cached, package_files, printable_key
from .printables.common import PAPER_LABELS, PAPERS, paper_label
from .printables.coverage import covered, describe, missing
from .printables.render import (
    CARDS_DIR,
    KINDS,
    Printable,
    build_printables,
    filename,
    printable_css,
    printable_html,
)
from .problems import ContentError, Problem, field_path
from .read import Reading, read_library
from .read.files import page_kind
from .settings import CONFIG_FILE, Settings, default_settings, read_settings
from .site.links import AnchorCache, LinkSource, check_links, page_anchors
from .site.navigation import class_order, site_nav
from .site.outputs import SiteFile, check_site_files, page_dest
from .site.pages import CardLink, PageOutput, generated_pages, render_page, render_pages
from .views import Views, build_views

ALL = "all"
CACHED = "cached"  # the preview's cards: those in the cache now, the rest made in the background


@dataclass(frozen=True)
class Output:
    """A file of the site: its path under docs/ and its content."""

    path: str
    content: str | bytes


@dataclass(frozen=True)
class Build:
    settings: Settings
    library: Library
    views: Views
    pages: dict[str, PageOutput]  # every page of the site, by its path under docs/
    cards: tuple[Printable, ...]  # every printable: class cards and take-home sheets
    pending: tuple[tuple[str, str, str], ...] = ()  # (slug, kind, paper) of printables not made yet (CACHED)

    @property
    def nav(self) -> list:
        """The site's navigation, in mkdocs.yml's shape."""
        return site_nav(self.library, generated_pages(self.library), self.settings.language)

    @property
    def class_order(self) -> tuple[dict[str, str | None], dict[str, str | None]]:
        """The previous and next page of each pose in class order, for the theme's footer."""
        return class_order(self.views)

    @property
    def generated(self) -> tuple[Output, ...]:
        """The files posebook adds to the library: index pages nobody wrote, cards and figures."""
        pages = [
            Output(rel, self.pages[rel].markdown)
            for rel in generated_pages(self.library)
            if self.library.page_at(rel) is None
        ]
        cards = [Output(card.rel, card.pdf) for card in self.cards]
        figures = [Output(drawing.rel, drawing.svg) for drawing in self.views.figures]
        return (*pages, *cards, *figures)


def project_settings(source: Settings | str | os.PathLike) -> Settings:
    """Settings from a Settings, a configuration file, or a project folder (its configuration file, if it has one,
    else its docs/ with the defaults)."""
    if isinstance(source, Settings):
        return source
    path = Path(source)
    if path.is_dir():
        return (
            read_settings(path / CONFIG_FILE)
            if (path / CONFIG_FILE).is_file()
            else default_settings(path / "docs", path)
        )
    return read_settings(path)


def build(source: Settings | str | os.PathLike, cards: str | Iterable[tuple[str, str, str]] | None = ALL) -> Build:
    """Build a project: its library, views, pages and printables: all (ALL), those given as (slug, kind,
    paper), those already in the cache (CACHED: the preview; the rest are listed in Build.pending), or none
    (None: `posebook check`, which still checks everything else). Raises ContentError with every problem,
    before any printable is made or anything is written."""
    settings = project_settings(source)
    reading = read_library(settings)
    if reading.problems:
        raise ContentError(reading.problems)
    library = reading.library
    assert library is not None
    views = build_views(library, settings.breath_seconds, settings.language)
    only = None if cards in (ALL, CACHED, None) else set(cards)  # type: ignore[arg-type]
    plan = plan_printables(views, settings, reading, look_up=cards is not None, work_out=cards != CACHED, only=only)
    files = site_files(settings, reading, views, plan)
    problems = check_site_files(files) + check_printable_text(settings, reading)
    if problems:
        raise ContentError(problems)
    pages = render_pages(library, views, settings, _links(plan, settings))
    problems = check_pages(settings, reading, pages, [file.rel for file in files])
    if problems:
        raise ContentError(problems)
    if cards is None:
        return Build(settings, library, views, pages, ())
    if cards == CACHED:
        made = [Printable(p.slug, p.kind, p.paper, p.rel, p.pdf, True) for p in plan if p.pdf is not None]
        pending = tuple(p.id for p in plan if p.pdf is None)
        placeholders = [Printable(p.slug, p.kind, p.paper, p.rel, PLACEHOLDER, False) for p in plan if p.pdf is None]
        return Build(settings, library, views, pages, (*made, *placeholders), pending)
    wanted = {p.id for p in plan} if only is None else only
    missing = {p.id for p in plan if p.pdf is None} & wanted
    rendered = (
        {(c.sequence, c.kind, c.paper): c for c in build_printables(views.sequences, settings, only=missing)}
        if missing
        else {}
    )
    made = [
        rendered.get(p.id) or Printable(p.slug, p.kind, p.paper, p.rel, p.pdf, True) for p in plan if p.id in wanted
    ]
    if rendered:
        # The sequence pages name each printable's size: those of the ones just made change.
        links = _links(plan, settings, {key: len(c.pdf) for key, c in rendered.items()})
        for slug in {slug for slug, _, _ in rendered}:
            rel = library.sequences[slug].src_path
            pages[rel] = render_page(library, views, settings, rel, links)
    return Build(settings, library, views, pages, tuple(made))


@dataclass(frozen=True)
class PrintablePlan:
    """A printable the site has: where it goes, and its PDF if the cache has it (looked up by the hash of
    its HTML and CSS)."""

    slug: str
    kind: str  # card, student
    paper: str
    rel: str
    pdf: bytes | None

    @property
    def id(self) -> tuple[str, str, str]:
        return (self.slug, self.kind, self.paper)


def plan_printables(
    views: Views,
    settings: Settings,
    reading: Reading | None = None,
    look_up: bool = True,
    work_out: bool = True,
    only: set[tuple[str, str, str]] | None = None,
) -> list[PrintablePlan]:
    """Every printable of the site, and its PDF if the cache has it. A printable is kept under a hash of its
    HTML and CSS; the HTML (a QR code, figures, a template) is made again only when a page of the library, a
    setting or the printables' own files changed since its hash was last worked out, and not at all without
    `work_out` (the preview, which leaves that to the background): such a printable has no PDF here."""
    plan = []
    folder = settings.cache_dir / "cards"
    keys = settings.cache_dir / "card-keys"
    inputs = store.fingerprint(
        "card-keys",
        reading.digest if reading is not None else "",
        settings.site_url,
        settings.language,
        repr(settings.breath_seconds),
        *(f"{path.name}={store.file_hash(path)}" for path in package_files()),
    )
    for slug, view in views.sequences.items():
        for kind in KINDS:
            for paper in PAPERS:
                rel = f"{CARDS_DIR}/{filename(view.sequence, kind, paper)}"
                pdf = None
                if look_up and (only is None or (slug, kind, paper) in only):
                    name = hashlib.sha256(f"{inputs}\0{slug}\0{kind}\0{paper}".encode()).hexdigest()
                    kept = store.get(keys, name) if reading is not None else None
                    if kept is None and not work_out:
                        plan.append(PrintablePlan(slug, kind, paper, rel, None))
                        continue
                    key = (
                        kept.decode("ascii")
                        if kept
                        else printable_key(
                            printable_css(kind, paper, settings.language) + printable_html(view, kind, paper, settings)
                        )
                    )
                    if not kept and reading is not None:
                        store.put(keys, name, key.encode("ascii"))
                    pdf = cached(folder, key)
                plan.append(PrintablePlan(slug, kind, paper, rel, pdf))
    return plan


def _links(plan: list[PrintablePlan], settings: Settings, sizes: dict | None = None) -> tuple[CardLink, ...]:
    sizes = sizes or {}
    words = language(settings.language)
    return tuple(
        CardLink(p.slug, paper_label(p.paper, words), p.rel, sizes.get(p.id, len(p.pdf or b"")), p.kind) for p in plan
    )


def site_files(settings: Settings, reading: Reading, views: Views, cards: list[PrintablePlan]) -> list[SiteFile]:
    """Every file of the site, what makes it and where a problem with it is shown. What posebook makes
    comes first, so that a clash is reported at the teacher's file, which is the one to rename."""
    library = reading.library
    assert library is not None
    docs = settings.docs_dir

    def shown(rel: str) -> str:
        return settings.display(docs / rel)

    files: list[SiteFile] = []
    for rel in generated_pages(library):
        if library.page_at(rel) is None:
            files.append(SiteFile(rel, page_dest(rel), f"the page posebook makes for {rel}", (shown(rel), 1, 1, "")))
    for card in cards:
        sequence = library.sequences[card.slug]
        what = f"the {PAPER_LABELS[card.paper]} {KINDS[card.kind].label} of '{_short(card.slug)}'"
        files.append(SiteFile(card.rel, card.rel, what, (shown(sequence.src_path), 1, 1, "")))
    for drawing in views.figures:
        pose = library.poses[drawing.pose]
        index = next((i for i, f in enumerate(pose.figures) if f.position == drawing.position), 0)
        source = reading.sources.get(pose.src_path)
        loc = ("figures", index, "position") if drawing.position else ("figures", index)
        line, col = source.positions.of_value(loc) if source else (1, 1)
        what = f"the figure of '{_short(pose.slug)}'" + (
            f" in the position '{_short(drawing.position)}'" if drawing.position else ""
        )
        files.append(SiteFile(drawing.rel, drawing.rel, what, (shown(pose.src_path), line, col, field_path(loc))))
    for path in reading.files.pages:
        rel = path.relative_to(docs).as_posix()
        files.append(SiteFile(rel, page_dest(rel), f"docs/{rel}", (shown(rel), 1, 1, "")))
    for path in reading.files.assets:
        rel = path.relative_to(docs).as_posix()
        files.append(SiteFile(rel, rel, f"docs/{rel}", (shown(rel), 1, 1, "")))
    return files


def check_pages(settings: Settings, reading: Reading, pages: dict[str, PageOutput], files: list[str]) -> list[Problem]:
    """Every page rendered as the site generator will render it: Markdown that cannot be rendered, and
    links to pages, files or anchors the site will not have. What rendering a page yields (its ids and
    links) is kept by a hash of its final Markdown; the links between pages are checked on every build."""
    cache = AnchorCache(settings)
    markdown = None
    anchors = {}
    sources = {}
    problems: list[Problem] = []
    for rel, page in pages.items():
        source = reading.sources.get(rel)
        shown = settings.display(settings.docs_dir / rel)
        sources[rel] = LinkSource(shown, source.body if source else "", source.body_line if source else 1)
        key = cache.key(page.markdown)
        found = cache.get(key)
        if found is None:
            markdown = markdown or settings.markdown()
            markdown.reset()
            try:
                found = page_anchors(markdown, page.markdown)
            except Exception as err:  # the site generator would stop on this page too
                problems.append(Problem(shown, 1, 1, "", f"the page cannot be rendered ({type(err).__name__}: {err})"))
                markdown = None
                continue
            cache.put(key, found)
        anchors[rel] = found
    if problems:
        return problems
    return check_links(anchors, files, sources)


def check_printable_text(settings: Settings, reading: Reading) -> list[Problem]:
    """Every character in the front matter of a pose, prop or sequence (what the printables show) that the
    printables' fonts cannot print, at its place."""
    points = None
    problems: list[Problem] = []
    for rel, source in reading.sources.items():
        if page_kind(rel) not in ("pose", "prop", "sequence"):
            continue
        for loc, text in _strings(source.meta, ()):
            if text.isascii() and text.isprintable():
                continue
            points = points if points is not None else covered(settings.cache_dir)
            chars = list(missing(text, points))
            if chars:
                shown = ", ".join(describe(c) for c in chars[:4]) + (
                    f" and {len(chars) - 4} more" if len(chars) > 4 else ""
                )
                problems.append(
                    source.problem(
                        loc,
                        f"{shown} cannot be printed: the cards' fonts have no such character; "
                        "write it another way or leave it out",
                    )
                )
    return problems


def _strings(value, loc: tuple):
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*loc, i))


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"
