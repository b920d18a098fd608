"""`posebook generate OUT/`: the library plus every generated page, card and figure, written as
plain Markdown with a hook-free configuration file, so that a site generator which runs no hooks builds
the same site."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from .build import Build, build, project_settings
from .model import OtherPage
from .read.files import library_files
from .settings import CONFIG_FILE, MKDOCS_BUILTIN_EXTENSIONS

# MkDocs and Material front matter that a plain build still needs on ordinary pages.
_KEEP = [name for name in OtherPage.model_fields if name not in ("slug", "src_path", "body", "body_line")]
# The theme overrides' folder in OUT, whatever and wherever it is in the project.
OVERRIDES = "overrides"


class UnsafeOutputError(ValueError):
    """OUT would replace a file or folder of the project that generate reads."""


def generate(config_path: Path, out: Path) -> Build:
    settings = project_settings(config_path)
    config = YAML(typ="rt").load(Path(config_path).read_text(encoding="utf-8"))
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    overrides = settings.project / custom_dir if custom_dir else None
    _refuse_to_replace_the_project(out, Path(config_path), settings.docs_dir, overrides)
    result = build(settings)
    library = result.library
    docs = settings.docs_dir
    out_docs = out / "docs"
    if out_docs.exists():
        shutil.rmtree(out_docs)
    out_docs.mkdir(parents=True)

    files = library_files(docs)
    for path in files.assets:
        target = out_docs / path.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    for rel, page in result.pages.items():
        own = library.pages.get(rel)
        meta = (
            {}
            if own is None
            else {k: v for k, v in own.model_dump(include=set(_KEEP)).items() if v not in (None, [], {})}
        )
        _write_page(out_docs / rel, {**meta, **page.meta}, page.markdown)
    for output in result.generated:
        target = out_docs / output.path
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output.content, bytes):
            target.write_bytes(output.content)
        else:
            target.write_text(output.content, encoding="utf-8")

    if overrides is not None:
        if (out / OVERRIDES).exists():
            shutil.rmtree(out / OVERRIDES)
        shutil.copytree(overrides, out / OVERRIDES)
        theme["custom_dir"] = OVERRIDES
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    config["markdown_extensions"] = [
        name if name not in settings.markdown_configs else {name: settings.markdown_configs[name]}
        for name in settings.markdown_extensions
        if name not in MKDOCS_BUILTIN_EXTENSIONS or name in settings.markdown_configs
    ]
    if not config.get("nav"):
        config["nav"] = result.nav
    buffer = io.StringIO()
    YAML(typ="rt").dump(config, buffer)
    (out / CONFIG_FILE).write_text(buffer.getvalue(), encoding="utf-8")
    return result


def _refuse_to_replace_the_project(out: Path, config_path: Path, docs: Path, overrides: Path | None) -> None:
    """`posebook generate .` in a project would replace the teacher's own pages with generated ones."""
    replaced = [out / "docs", out / OVERRIDES, out / CONFIG_FILE]
    kept = {"the library": docs, "the configuration file": config_path, "the theme overrides": overrides}
    for what, path in kept.items():
        if path is not None and any(_overlap(target, path) for target in replaced):
            raise UnsafeOutputError(
                f"writing to {out} would replace {what} ({path}); choose a folder of its own, such as out/"
            )


def _overlap(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a == b or a in b.parents or b in a.parents


def _write_page(path: Path, meta: dict, markdown: str) -> None:
    front = ""
    if meta:
        buffer = io.StringIO()
        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.width = 4096
        yaml.dump(meta, buffer)
        front = f"---\n{buffer.getvalue()}---\n\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(front + markdown, encoding="utf-8")
