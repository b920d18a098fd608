"""MkDocs glue: translate MkDocs' events into one call of posebook's build, then hand MkDocs the
files and pages it made. All the work is in the posebook package; per-build state lives on the
build's own config, never in this module (mkdocs serve keeps a hook module across rebuilds).

- posebook alone decides every page's Markdown and metadata: whatever MkDocs read from a page on its
  own (front matter, 'key: value' lines) is replaced, on every page.
- `mkdocs build` writes the site into a folder beside site/ and puts it in place in one step at the
  end, so a build that fails, is killed or fills the disk leaves the last good site as it was.
- `mkdocs serve` shows the problems of a broken edit on every page, so the reload lands on them."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.posebook")

_BUILD = "posebook_build"
_PROBLEMS = "posebook_problems"
_SWAP = "posebook_site_swap"
# How MkDocs was started: 'build', 'gh-deploy' or 'serve'. It does not change while the process lives.
_COMMAND = {"name": "build"}
_PREVIEW: dict = {}  # the preview's card renderer (one per `mkdocs serve` process)


def on_startup(command, dirty=False, **kwargs):
    _COMMAND["name"] = command


def on_config(config, **kwargs):
    # posebook's pages are written with some Markdown extensions: render with them, whatever
    # mkdocs.yml lists.
    from posebook.settings import with_required_extensions

    names, configs = with_required_extensions(tuple(config.markdown_extensions), dict(config.mdx_configs))
    config.markdown_extensions[:] = list(names)
    config.mdx_configs.update(configs)
    return config


def on_pre_build(config, **kwargs):
    # The site folder is emptied right after this event: failing here keeps the last good site.
    from posebook.build import CACHED, build
    from posebook.problems import ContentError, format_problems
    from posebook.settings import settings_from_config
    from posebook.site.pages import glossary_configs

    project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    settings = settings_from_config(_plain_config(config), project)
    try:
        if _serving():
            # The cards of the real site, from the cache; those an edit changed follow in the background.
            result = build(replace(settings, site_url=_configured_site_url(config)), cards=CACHED)
        else:
            result = build(settings)
    except ContentError as err:
        if _serving():
            # The preview shows the problems at every address until the library is fixed. Not logged as
            # an error on MkDocs' own logger: a strict preview would then refuse to show them.
            logging.getLogger("posebook").error(
                "posebook found problems in the library:\n%s", format_problems(err.problems)
            )
            config[_PROBLEMS] = err.problems
            return
        raise PluginError("posebook found problems in the library:\n" + format_problems(err.problems)) from None
    rendered = sum(not card.from_cache for card in result.cards) - len(result.pending)
    log.info(
        "posebook: %d cards, %d rendered, %d from the cache%s",
        len(result.cards),
        rendered,
        len(result.cards) - rendered - len(result.pending),
        f", {len(result.pending)} to follow in the background" if result.pending else "",
    )
    config[_BUILD] = result
    # Glossary terms become tooltips wherever they appear, as a setting of the abbreviation extension:
    # nothing is added to the text of a page.
    config.mdx_configs.update(glossary_configs(config.markdown_extensions, config.mdx_configs, result.library.glossary))
    if not _serving():
        from posebook.sitedir import SiteSwap

        swap = SiteSwap(Path(config.site_dir), strict=bool(config.strict))
        config[_SWAP] = swap
        config.site_dir = str(swap.start())
        swap.count_warnings(logging.getLogger("mkdocs"))


def on_files(files, config, **kwargs):
    # Every page's text is posebook's: MkDocs never reads a teacher's file (nor its front matter) itself.
    problems = config.get(_PROBLEMS)
    if problems is not None:
        from posebook.site.pages import INDEX_PAGES
        from posebook.site.problems_page import problems_markdown

        text = problems_markdown(problems)
        # Every address of the site shows the problems, the generated pages' included.
        for rel in INDEX_PAGES:
            if files.get_file_from_path(rel) is None:
                files.append(File.generated(config, rel, content=text))
        for file in files.documentation_pages():
            file.content_string = text
        return files
    result = config[_BUILD]
    for file in files.documentation_pages():
        output = result.pages.get(file.src_uri)
        if output is None:
            raise PluginError(f"posebook has no page for docs/{file.src_uri}; run posebook check")
        file.content_string = output.markdown
    waiting = {card.rel for card in result.cards if not card.from_cache} if result.pending else set()
    for output in result.generated:
        if files.get_file_from_path(output.path) is None:
            # The preview serves the card made before an edit until the new one is ready.
            content = _background().last(output.path) if output.path in waiting else output.content
            files.append(File.generated(config, output.path, content=content))
    if _serving():
        for card in result.cards:
            if card.from_cache:
                _background().remember(card.rel, card.pdf)
    if config["nav"] is None:  # a teacher's own nav wins
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
    # posebook alone decides every page's metadata: whatever MkDocs read is replaced, on every page.
    if config.get(_PROBLEMS) is not None:
        page.meta = {"title": "Problems in the library", "search": {"exclude": True}}
        return markdown
    output = config[_BUILD].pages[page.file.src_uri]
    page.meta = dict(output.meta)
    return output.markdown


def on_serve(server, config, builder, **kwargs):
    # MkDocs looks for changes by polling the watched folders every half second, then waits a tenth of a second
    # more: a teacher would wait up to 0.6 s for a save to start the rebuild. Polling every tenth of a second
    # starts it within 0.15 s. (The operating system's own change notices come later still: watchdog holds them
    # back half a second to pair up renames.)
    watched = [path for path in (config.docs_dir, config.config_file_path) if path]
    for path in watched:
        server.unwatch(path)
    server.observer = type(server.observer)(timeout=0.1)  # MkDocs' own polling observer, polling more often
    for path in watched:
        server.watch(path)
    server.build_delay = 0.05
    return server


@event_priority(-100)  # after every plugin has written its files (the search index, the sitemap)
def on_post_build(config, **kwargs):
    swap = config.get(_SWAP)
    if swap is not None:
        swap.finish()
        config.site_dir = str(swap.site_dir)  # where `mkdocs gh-deploy` looks for the site next
    result = config.get(_BUILD)
    if result is not None and result.pending:
        _background().render(Path(config.site_dir), result.settings, result.views, list(result.pending))


def on_build_error(error, **kwargs):
    # The config is not passed to this event: the folder being built is found by its name.
    from posebook.sitedir import SiteSwap

    SiteSwap.abandon_all()


def _serving() -> bool:
    return _COMMAND["name"] == "serve"


def _configured_site_url(config) -> str:
    """The site_url mkdocs.yml gives: `mkdocs serve` replaces it with its own address in the config."""
    from mkdocs.utils.yaml import yaml_load

    if not config.config_file_path:
        return config.site_url or ""
    with open(config.config_file_path, "rb") as f:
        return (yaml_load(f) or {}).get("site_url") or ""


def _background():
    # One renderer for the life of the `mkdocs serve` process: its cards outlive the build that asked for them.
    from posebook.preview import CardsInBackground

    if "cards" not in _PREVIEW:
        _PREVIEW["cards"] = CardsInBackground()
    return _PREVIEW["cards"]


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
