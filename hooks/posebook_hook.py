"""MkDocs glue: validate the library and make its cards before anything is touched, add the
generated pages, the cards and the pose figures as files of the site, and hand every page to posebook for its
final Markdown. The work is done by the posebook package; per-build state lives on the build's
own config, never in this module."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from posebook.card import CardError, CardSettings, build_cards, project_cache
from posebook.loader import try_load_library
from posebook.pages import INDEX_PAGES, card_links, figure_files, render_page, site_settings
from posebook.problems import format_problems

log = logging.getLogger("mkdocs.hooks.posebook")

_LIBRARY = "posebook_library"
_SETTINGS = "posebook_settings"
_CARDS = "posebook_cards"


def on_pre_build(config, **kwargs):
    # The site folder is emptied right after this event: failing here keeps the last good site.
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    library, problems = try_load_library(config.docs_dir, display_root=root)
    if problems:
        raise PluginError("posebook found problems in the library:\n" + format_problems(problems))
    settings = site_settings(config.site_url, config.extra)
    try:
        cards = build_cards(library, CardSettings(site_url=settings.site_url, breath_seconds=settings.breath_seconds,
                                                  cache_dir=project_cache(root)))
    except CardError as err:
        raise PluginError(f"posebook could not make a card: {err}") from None
    rendered = sum(not card.from_cache for card in cards)
    log.info("posebook: %d cards, %d rendered, %d from the cache", len(cards), rendered, len(cards) - rendered)
    config[_LIBRARY] = library
    config[_CARDS] = cards
    config[_SETTINGS] = replace(settings, cards=card_links(cards))


def on_files(files, config, **kwargs):
    for rel in INDEX_PAGES:
        if files.get_file_from_path(rel) is None:
            files.append(File.generated(config, rel, content=""))
    for card in config.get(_CARDS, []):
        files.append(File.generated(config, card.rel, content=card.pdf))
    library = config.get(_LIBRARY)
    for drawing in figure_files(library) if library is not None else []:
        files.append(File.generated(config, drawing.rel, content=drawing.svg))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    library = config.get(_LIBRARY)
    if library is None:
        return markdown
    meta, markdown = render_page(library, page.file.src_uri, markdown, config[_SETTINGS])
    page.meta.update(meta)
    return markdown

