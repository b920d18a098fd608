"""MkDocs glue: translate MkDocs' events into one call of posebook's build, then hand MkDocs the
files and pages it made. All the work is in the posebook package; per-build state lives on the
build's own config, never in this module (mkdocs serve keeps a hook module across rebuilds)."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from posebook.build import build
from posebook.problems import ContentError, format_problems
from posebook.settings import settings_from_config, with_required_extensions

log = logging.getLogger("mkdocs.hooks.posebook")

_BUILD = "posebook_build"


def on_config(config, **kwargs):
    # posebook's pages are written with some Markdown extensions: render with them, whatever
    # mkdocs.yml lists.
    names, configs = with_required_extensions(tuple(config.markdown_extensions), dict(config.mdx_configs))
    config.markdown_extensions[:] = list(names)
    config.mdx_configs.update(configs)
    return config


def on_pre_build(config, **kwargs):
    # The site folder is emptied right after this event: failing here keeps the last good site.
    project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    try:
        result = build(settings_from_config(_plain_config(config), project))
    except ContentError as err:
        raise PluginError("posebook found problems in the library:\n" + format_problems(err.problems)) from None
    rendered = sum(not card.from_cache for card in result.cards)
    log.info(
        "posebook: %d cards, %d rendered, %d from the cache", len(result.cards), rendered, len(result.cards) - rendered
    )
    config[_BUILD] = result


def on_files(files, config, **kwargs):
    result = config.get(_BUILD)
    for output in result.generated if result is not None else ():
        if files.get_file_from_path(output.path) is None:
            files.append(File.generated(config, output.path, content=output.content))
    if result is not None and config["nav"] is None:  # a teacher's own nav wins
        config["nav"] = result.nav
    return files


def on_nav(nav, config, files, **kwargs):
    # The theme's previous and next links of a sequence's poses follow class order.
    result = config.get(_BUILD)
    previous, following = result.class_order if result is not None else ({}, {})
    for links, attribute in ((previous, "previous_page"), (following, "next_page")):
        for rel, other in links.items():
            page, neighbour = files.get_file_from_path(rel), files.get_file_from_path(other) if other else None
            if page is not None and page.page is not None:
                setattr(page.page, attribute, neighbour.page if neighbour is not None else None)
    return nav


def on_page_markdown(markdown, page, config, files, **kwargs):
    result = config.get(_BUILD)
    if result is None:
        return markdown
    output = result.pages[page.file.src_uri]
    page.meta.update(output.meta)
    return output.markdown


def _plain_config(config) -> dict:
    """The parts of MkDocs' config posebook reads, in the shape of mkdocs.yml."""
    extensions = [
        name if name not in config.mdx_configs else {name: config.mdx_configs[name]}
        for name in config.markdown_extensions
    ]
    return {
        "docs_dir": config.docs_dir,
        "site_url": config.site_url,
        "theme": {"language": config.theme.get("language")},
        "extra": dict(config.extra),
        "markdown_extensions": extensions,
    }
