"""`posebook generate OUT/`: the library plus every generated page, written as plain Markdown
with a hook-free mkdocs.yml, so that a site generator which runs no hooks builds the same site."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path

from ruamel.yaml import YAML

from .loader import Library, load_library
from .pages import INDEX_PAGES, SiteSettings, figure_files, render_page, site_settings
from .model import OtherPage

# MkDocs and Material front matter that a plain build still needs on ordinary pages.
_KEEP = [name for name in OtherPage.model_fields if name not in ("slug", "src_path", "body", "body_line")]


def read_config(path: Path) -> dict:
    yaml = YAML(typ="rt")
    return yaml.load(path.read_text(encoding="utf-8"))


def settings_from_config(config: dict) -> SiteSettings:
    return site_settings(config.get("site_url"), config.get("extra"))


def project_settings(config_path: Path):
    """(library, settings) of the project whose mkdocs.yml this is; (None, problems) when the
    library has problems."""
    from .loader import try_load_library

    if not config_path.is_file():
        raise FileNotFoundError(f"{config_path} not found; run posebook in the project folder or give -f mkdocs.yml")
    config = read_config(config_path)
    project = config_path.parent
    library, problems = try_load_library(project / config.get("docs_dir", "docs"), display_root=project)
    return (library, settings_from_config(config)) if library else (None, problems)


def generate(config_path: Path, out: Path) -> Library:
    from .card import CardSettings, build_cards, project_cache
    from .pages import card_links

    config = read_config(config_path)
    project = config_path.parent
    docs = project / config.get("docs_dir", "docs")
    library = load_library(docs, display_root=project)
    settings = settings_from_config(config)
    cards = build_cards(library, CardSettings(site_url=settings.site_url, breath_seconds=settings.breath_seconds,
                                              cache_dir=project_cache(project)))
    settings = replace(settings, cards=card_links(cards))
    out_docs = out / "docs"
    if out_docs.exists():
        shutil.rmtree(out_docs)
    out_docs.mkdir(parents=True)

    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        target = out_docs / rel
        if path.is_dir() or any(part.startswith(".") for part in path.relative_to(docs).parts):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not rel.endswith(".md"):
            shutil.copyfile(path, target)
            continue
        page = library.pages.get(rel)
        meta = {} if page is None else {k: v for k, v in page.model_dump(include=set(_KEEP)).items() if v not in (None, [], {})}
        body = page.body if page is not None else ""
        extra, markdown = render_page(library, rel, body, settings)
        _write_page(target, {**meta, **extra}, markdown)
    for card in cards:
        (out_docs / card.rel).parent.mkdir(parents=True, exist_ok=True)
        (out_docs / card.rel).write_bytes(card.pdf)
    for drawing in figure_files(library):
        (out_docs / drawing.rel).parent.mkdir(parents=True, exist_ok=True)
        (out_docs / drawing.rel).write_text(drawing.svg, encoding="utf-8")
    for rel in INDEX_PAGES:
        if not (out_docs / rel).exists():
            extra, markdown = render_page(library, rel, "", settings)
            (out_docs / rel).parent.mkdir(parents=True, exist_ok=True)
            _write_page(out_docs / rel, extra, markdown)

    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        target = out / theme["custom_dir"]
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(project / theme["custom_dir"], target)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    buffer = io.StringIO()
    YAML(typ="rt").dump(config, buffer)
    (out / "mkdocs.yml").write_text(buffer.getvalue(), encoding="utf-8")
    return library


def _write_page(path: Path, meta: dict, markdown: str) -> None:
    front = ""
    if meta:
        buffer = io.StringIO()
        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.width = 4096
        yaml.dump(meta, buffer)
        front = f"---\n{buffer.getvalue()}---\n\n"
    path.write_text(front + markdown, encoding="utf-8")
