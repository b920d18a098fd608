"""One reading of a project's settings, with one default each: where the library is, the site's
address and language, how long a breath takes, the Markdown extensions pages are rendered with,
and where cards are cached. Read from the site's configuration file: the file itself, or the mapping
the site generator made of it (the hook passes that one)."""

from __future__ import annotations

import importlib
import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import ContentError, Problem

DEFAULT_BREATH_SECONDS = (4.0, 6.0)
DEFAULT_LANGUAGE = "en"
# MkDocs always renders with these, before the ones mkdocs.yml lists.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
# What a library is rendered with when there is no mkdocs.yml: the extensions posebook's pages use.
# What posebook's generated pages are written with: a site must render with all of them.
REQUIRED_EXTENSIONS = (
    "toc",
    "tables",
    "abbr",
    "admonition",
    "attr_list",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.tabbed",
    "posebook.site.markdown_ext",
)
# What a library is rendered with when there is no mkdocs.yml.
DEFAULT_MARKDOWN_EXTENSIONS = (*MKDOCS_BUILTIN_EXTENSIONS, *REQUIRED_EXTENSIONS[2:], "def_list", "pymdownx.superfences")
DEFAULT_MARKDOWN_CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}}
CONFIG_FILE = "mkdocs.yml"  # the site generator's configuration, which posebook reads as plain YAML


@dataclass(frozen=True)
class Settings:
    """A project's settings for one build."""

    project: Path  # the folder of the configuration file: messages show paths relative to it
    docs_dir: Path
    site_url: str = ""
    language: str = DEFAULT_LANGUAGE
    breath_seconds: tuple[float, float] = DEFAULT_BREATH_SECONDS
    markdown_extensions: tuple[str, ...] = DEFAULT_MARKDOWN_EXTENSIONS
    markdown_configs: Mapping[str, Any] = field(
        default_factory=lambda: dict(DEFAULT_MARKDOWN_CONFIGS), compare=False, hash=False
    )

    @property
    def cache_dir(self) -> Path:
        """Where this project keeps what posebook has already made (cards), by the hash of their inputs."""
        return self.project / ".cache" / "posebook"

    def display(self, path: Path) -> str:
        """A path as messages show it: relative to the project when it is inside it."""
        try:
            rel = os.path.relpath(path, self.project)
        except ValueError:
            return Path(path).as_posix()
        return Path(rel).as_posix() if not rel.startswith("..") else Path(path).as_posix()

    def markdown(self):
        """A Python-Markdown converter with the site's own extensions and their settings."""
        import markdown

        return markdown.Markdown(
            extensions=list(self.markdown_extensions),
            extension_configs={k: dict(v) for k, v in self.markdown_configs.items()},
        )

    def markdown_key(self) -> str:
        """The Markdown extensions and their settings as text, for cache keys."""
        return json.dumps(
            [list(self.markdown_extensions), {k: self.markdown_configs[k] for k in sorted(self.markdown_configs)}],
            sort_keys=True,
            default=repr,
        )


def default_settings(docs_dir: str | os.PathLike, project: str | os.PathLike | None = None) -> Settings:
    """Settings for a library folder on its own, with no configuration file."""
    return Settings(project=Path(project) if project is not None else Path.cwd(), docs_dir=Path(docs_dir))


def read_settings(config_file: str | os.PathLike) -> Settings:
    """The settings of the project whose configuration file this is. Raises ContentError when the file is
    missing, unreadable or its posebook settings are wrong."""
    path = Path(config_file)
    shown = path.as_posix()
    if not path.is_file():
        raise ContentError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"{shown} not found; run posebook in the project folder or give -f path/to/{CONFIG_FILE}",
                )
            ]
        )
    config, positions = _load_yaml(path)
    return settings_from_config(config, path.parent, shown, positions)


def settings_from_config(
    config: Mapping[str, Any],
    project: str | os.PathLike,
    shown: str = CONFIG_FILE,
    positions: Mapping[tuple, tuple[int, int]] | None = None,
) -> Settings:
    """Settings from a configuration mapping whose relative paths are relative to `project`."""
    project = Path(project)
    positions = positions or {}
    problems: list[Problem] = []

    def problem(loc: tuple, message: str) -> None:
        line, col = positions.get(loc, positions.get(loc[:1], (1, 1)))
        problems.append(Problem(shown, line, col, ".".join(str(p) for p in loc), message))

    docs = Path(config.get("docs_dir") or "docs")
    docs = docs if docs.is_absolute() else project / docs
    site_url = config.get("site_url") or ""
    if not isinstance(site_url, str):
        problem(("site_url",), "expected the site's address, e.g. https://example.org/")
        site_url = ""
    theme = config.get("theme")
    language = DEFAULT_LANGUAGE
    if isinstance(theme, Mapping) and theme.get("language"):
        language = str(theme["language"])
    options = (config.get("extra") or {}).get("posebook") if isinstance(config.get("extra"), Mapping) else None
    breath = DEFAULT_BREATH_SECONDS
    if isinstance(options, Mapping) and "breath_seconds" in options:
        breath = _breath_seconds(options["breath_seconds"])
        if breath is None:
            problem(
                ("extra", "posebook", "breath_seconds"),
                "expected the shortest and longest breath in seconds, e.g. [4, 6]: two numbers above 0, "
                "the shorter first",
            )
            breath = DEFAULT_BREATH_SECONDS
    names, configs = with_required_extensions(*_extensions(config.get("markdown_extensions")))
    if problems:
        raise ContentError(problems)
    return Settings(
        project=project,
        docs_dir=docs,
        site_url=site_url,
        language=language,
        breath_seconds=breath,
        markdown_extensions=names,
        markdown_configs=configs,
    )


def with_required_extensions(names: tuple[str, ...], configs: dict[str, Any]) -> tuple[tuple[str, ...], dict]:
    """The Markdown extensions a site renders with, and every one posebook's pages are written
    with added where the site's configuration leaves it out (with posebook's settings for it)."""
    missing = [name for name in REQUIRED_EXTENSIONS if name not in names]
    added = {name: dict(DEFAULT_MARKDOWN_CONFIGS[name]) for name in missing if name in DEFAULT_MARKDOWN_CONFIGS}
    return (*names, *missing), {**added, **configs}


def _breath_seconds(value: Any) -> tuple[float, float] | None:
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        return None
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value):
        return None
    low, high = float(value[0]), float(value[1])
    return (low, high) if 0 < low <= high <= 600 else None


def _extensions(listed: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    """MkDocs' reading of `markdown_extensions`: its builtins first, then each listed once."""
    names = list(MKDOCS_BUILTIN_EXTENSIONS)
    configs: dict[str, Any] = {}
    for item in listed or []:
        if isinstance(item, str):
            name, options = item, None
        elif isinstance(item, Mapping) and len(item) == 1:
            name, options = next(iter(item.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        if isinstance(options, Mapping):
            configs[name] = dict(options)
    return tuple(names), configs


def _load_yaml(path: Path) -> tuple[dict, dict[tuple, tuple[int, int]]]:
    """The configuration file as plain data, and where each top-level and nested key stands. MkDocs' own tags
    (`!ENV`, `!!python/name:`) are read as MkDocs reads them."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml = YAML(typ="rt")
    yaml.constructor.add_constructor("!ENV", _env_tag)
    yaml.constructor.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
    data = yaml.load(path.read_text(encoding="utf-8")) or {}
    positions: dict[tuple, tuple[int, int]] = {}

    def walk(node: Any, loc: tuple) -> None:
        if isinstance(node, CommentedMap):
            for key in node:
                line, col = node.lc.key(key)
                positions[loc + (key,)] = (line + 1, col + 1)
                walk(node[key], loc + (key,))

    walk(data, ())
    return _plain(data), positions


def _plain(node: Any) -> Any:
    if isinstance(node, Mapping):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def _env_tag(constructor, node) -> Any:
    names = [node.value] if not isinstance(node.value, list) else [n.value for n in node.value]
    default = None
    if len(names) > 1:
        *names, default = names
    return next((os.environ[name] for name in names if name in os.environ), default)


def _python_name(constructor, suffix: str, node) -> Any:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)
