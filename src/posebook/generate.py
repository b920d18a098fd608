"""`posebook generate OUT/`: the library plus every generated page, card and figure, written as
plain Markdown with a hook-free configuration file, so that a site generator which runs no hooks builds
the same site.

It writes only inside OUT, and OUT may not hold the library or lie inside it. It replaces only what an
earlier `posebook generate` wrote there (OUT carries a mark saying so): a folder that exists, is not
empty and has no mark is refused, never emptied."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from .build import Build, build, project_settings
from .problems import ContentError, Problem
from .read.files import library_files
from .settings import CONFIG_FILE, MKDOCS_BUILTIN_EXTENSIONS
from .site.pages import glossary_configs

MARK = ".posebook-generate"  # in OUT: this folder was written by posebook generate and may be replaced
THEME_DIR = "overrides"  # where the theme's custom_dir is copied, inside OUT


def generate(config_path: Path, out: Path) -> Build:
    settings = project_settings(config_path)
    config = YAML(typ="rt").load(Path(config_path).read_text(encoding="utf-8"))
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else None
    custom_dir = settings.project / theme["custom_dir"] if theme and theme.get("custom_dir") else None
    _check_target(out, settings.docs_dir, settings.project / CONFIG_FILE, custom_dir)
    result = build(settings)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("docs", THEME_DIR):
        _remove_inside(out, out / name)
    (out / MARK).write_text("written by posebook generate; the next run replaces docs/ and overrides/\n")

    docs = settings.docs_dir
    out_docs = out / "docs"
    out_docs.mkdir()
    for path in library_files(docs).assets:
        target = out_docs / path.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for rel, page in result.pages.items():
        _write_page(out_docs / rel, page.meta, page.markdown)
    for output in result.generated:
        target = out_docs / output.path
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output.content, bytes):
            target.write_bytes(output.content)
        else:
            target.write_text(output.content, encoding="utf-8")

    if custom_dir is not None:
        shutil.copytree(custom_dir, out / THEME_DIR, symlinks=True)
        theme["custom_dir"] = THEME_DIR
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    # Every extension the hook would render with (those MkDocs adds on its own left to it), the glossary
    # given to the abbreviation extension as the hook gives it.
    configs = glossary_configs(settings.markdown_extensions, settings.markdown_configs, result.library.glossary)
    config["markdown_extensions"] = [
        name if name not in configs else {name: configs[name]}
        for name in settings.markdown_extensions
        if name not in MKDOCS_BUILTIN_EXTENSIONS or name in configs
    ]
    if not config.get("nav"):
        config["nav"] = result.nav
    buffer = io.StringIO()
    YAML(typ="rt").dump(config, buffer)
    (out / CONFIG_FILE).write_text(buffer.getvalue(), encoding="utf-8")
    return result


def _check_target(out: Path, docs: Path, config: Path, custom_dir: Path | None) -> None:
    """Refuse a target that holds part of the project's library or lies inside it, or that holds files
    an earlier `posebook generate` did not write."""
    target = Path(os.path.realpath(out))
    shown = out.as_posix()

    def refuse(message: str) -> None:
        raise ContentError([Problem(shown, 1, 1, "", message)])

    for what, path in (("the library (docs/)", docs), (f"the site's {CONFIG_FILE}", config), ("the theme", custom_dir)):
        if path is None:
            continue
        real = Path(os.path.realpath(path))
        if real == target or target in real.parents:
            refuse(f"this folder holds {what}; generate into a new folder, e.g. 'posebook generate out'")
        if real in target.parents:
            refuse(f"this folder is inside {what}; generate into a folder outside it")
    if target.exists() and not target.is_dir():
        refuse("this is a file, not a folder; generate into a new folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARK).is_file():
        refuse(
            "this folder is not empty and was not written by posebook generate; generate into a new or empty "
            "folder, so that nothing in it is replaced"
        )


def _remove_inside(out: Path, folder: Path) -> None:
    """Remove a folder an earlier run wrote into OUT: never a link, never anything outside OUT."""
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.is_dir():
        if Path(os.path.realpath(out)) not in Path(os.path.realpath(folder)).parents:
            raise ContentError([Problem(folder.as_posix(), 1, 1, "", "this folder leads outside the target")])
        shutil.rmtree(folder)


def _write_page(path: Path, meta: dict, markdown: str) -> None:
    """A page with its metadata as front matter, always: without any, a site generator would read 'key: value'
    lines at the top of the text as metadata. Written as JSON, which every YAML reader reads the same way (a
    date-like or yes/no-like text stays text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    path.write_text(f"---\n{front}\n---\n\n{markdown}", encoding="utf-8")
