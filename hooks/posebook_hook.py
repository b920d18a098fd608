"""MkDocs glue: validate the library before anything is touched, then put the generated blocks
on pose, sequence and glossary pages. The work is done by the posebook package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from posebook import pages
from posebook.loader import try_load_library
from posebook.problems import format_problems

_KEY = "posebook_library"


def on_pre_build(config, **kwargs):
    # The site folder is emptied right after this event: failing here keeps the last good site.
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    library, problems = try_load_library(config.docs_dir, display_root=root)
    if problems:
        raise PluginError("posebook found problems in the library:\n" + format_problems(problems))
    config[_KEY] = library


def on_page_markdown(markdown, page, config, files, **kwargs):
    library = config.get(_KEY)
    if library is None:
        return markdown
    markdown = _page_markdown(library, markdown, page.file.src_uri, config)
    if library.glossary is not None:
        # Glossary terms become tooltips (abbreviations) on every page.
        markdown += "\n\n" + pages.abbreviations(library.glossary)
    return markdown


def _page_markdown(library, markdown, src, config):
    for pose in library.poses.values():
        if pose.src_path == src:
            return pages.pose_page(library, pose)
    for sequence in library.sequences.values():
        if sequence.src_path == src:
            return pages.sequence_page(library, sequence, _breath_seconds(config))
    if library.glossary is not None and library.glossary.src_path == src:
        return pages.glossary_page(library.glossary)
    return markdown


def _breath_seconds(config) -> tuple[float, float]:
    low, high = config.extra.get("posebook", {}).get("breath_seconds", [4, 6])
    return float(low), float(high)
