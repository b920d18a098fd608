"""The whole pipeline in one place: a project's settings → its library (read, checked) → the views
(everything derived, once) → its outputs: every page's final Markdown, the cards and the figures,
each as a path in the site and its content. The MkDocs hook, `posebook generate` and
`posebook card` all call `build`; none of them derives anything on its own."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .i18n import language
from .model import Library
from .printables.common import paper_label
from .printables.render import Printable, build_printables
from .problems import ContentError
from .read import try_load_library
from .settings import CONFIG_FILE, Settings, default_settings, read_settings
from .site.navigation import class_order, site_nav
from .site.pages import CardLink, PageOutput, generated_pages, render_pages
from .views import Views, build_views

ALL = "all"


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
    """Build a project: its library, views, pages and printables (all, those given as (slug, kind,
    paper), or none). Raises ContentError with every problem, before anything is written."""
    settings = project_settings(source)
    library, problems = try_load_library(settings)
    if problems:
        raise ContentError(problems)
    assert library is not None
    views = build_views(library, settings.breath_seconds, settings.language)
    if cards is None:
        made: list[Printable] = []
    else:
        only = None if cards == ALL else set(cards)  # type: ignore[arg-type]
        made = build_printables(views.sequences, settings, only=only)
    words = language(settings.language)
    links = tuple(CardLink(p.sequence, paper_label(p.paper, words), p.rel, len(p.pdf), p.kind) for p in made)
    pages = render_pages(library, views, settings, links)
    return Build(settings, library, views, pages, tuple(made))
