"""MkDocs glue: validate the library before anything is touched, add the generated index pages,
and hand every page to posebook for its final Markdown. The work is done by the posebook package;
nothing is kept between builds except on the build's own config."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from posebook.loader import try_load_library
from posebook.pages import INDEX_PAGES, SiteSettings, render_page
from posebook.problems import format_problems

_LIBRARY = "posebook_library"
_SETTINGS = "posebook_settings"


def on_pre_build(config, **kwargs):
    # The site folder is emptied right after this event: failing here keeps the last good site.
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    library, problems = try_load_library(config.docs_dir, display_root=root)
    if problems:
        raise PluginError("posebook found problems in the library:\n" + format_problems(problems))
    config[_LIBRARY] = library
    config[_SETTINGS] = settings_from(config)


def on_files(files, config, **kwargs):
    for rel in INDEX_PAGES:
        if files.get_file_from_path(rel) is None:
            files.append(File.generated(config, rel, content=""))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    library = config.get(_LIBRARY)
    if library is None:
        return markdown
    meta, markdown = render_page(library, page.file.src_uri, markdown, config[_SETTINGS])
    page.meta.update(meta)
    return markdown


def settings_from(config) -> SiteSettings:
    options = config.extra.get("posebook", {})
    low, high = options.get("breath_seconds", [4, 6])
    return SiteSettings(site_url=config.site_url or "", breath_seconds=(float(low), float(high)))
