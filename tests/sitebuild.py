"""Building fixture sites in temporary folders, for the few end-to-end tests that need a real
site: with MkDocs and the posebook hook (`make site`), with ProperDocs and the same hook (`make
site-properdocs`), with Zensical from `posebook generate` output (`make site-zensical`), and, to
check the notice, with MkDocs or Zensical straight from docs/ without posebook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT, SUBPROCESS_ENV, write_library

# The venvs `make` creates for the other tools from their lock files; `make test` creates them first.
TOOL_VENVS = {"properdocs": ROOT / ".venv-properdocs", "zensical": ROOT / ".venv-zensical"}
TOOL_COMMANDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs"],
    "properdocs": [str(TOOL_VENVS["properdocs"] / "bin" / "python"), "-m", "properdocs"],
    "zensical": [str(TOOL_VENVS["zensical"] / "bin" / "zensical")],
}
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": ""}


def require_tool(name: str) -> None:
    """Skip, saying how to run it, when a tool's venv is missing, unless `make test` runs the tests:
    it sets POSEBOOK_ALL_TOOLS=1 after creating the venvs, and then a missing venv fails."""
    venv = TOOL_VENVS.get(name)
    if venv is None or (venv / ".installed").is_file():
        return
    message = f"{venv.name} is missing: run 'make {venv.name}/.installed' (make test creates it)"
    if os.environ.get("POSEBOOK_ALL_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def write_config(
    project: Path, docs: Path, site: Path, hook: bool = True, strict: bool = True, language: str | None = None
) -> Path:
    """A copy of the real mkdocs.yml for a fixture library, with or without the posebook hook."""
    yaml = YAML(typ="safe", pure=True)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    if language is not None:
        # The site's own words in mkdocs.yml are the teacher's to translate, like the pages.
        config["theme"]["language"] = language
        for extension in config["markdown_extensions"]:
            if isinstance(extension, dict) and "toc" in extension:
                extension["toc"]["permalink_title"] = {"es": "Enlace a esta sección"}.get(language, "¶")
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    if hook:
        config["hooks"] = [str(ROOT / "hooks" / "posebook_hook.py")]
    else:
        config.pop("hooks", None)
    config["strict"] = strict
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config.pop("watch", None)
    config_file = project / "mkdocs.yml"
    with config_file.open("w", encoding="utf-8") as f:
        yaml.dump(config, f)
    return config_file


def build(
    project: Path, docs: Path, site: Path, tool: str = "mkdocs", language: str | None = None
) -> subprocess.CompletedProcess:
    """MkDocs, or ProperDocs, with the posebook hook."""
    require_tool(tool)
    config_file = write_config(project, docs, site, language=language)
    return subprocess.run(
        [*TOOL_COMMANDS[tool], "build", "--strict", "-f", str(config_file)],
        cwd=project,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )


def build_with_zensical(project: Path, docs: Path, out: Path) -> subprocess.CompletedProcess:
    """`posebook generate OUT/`, then Zensical in OUT/, as `make site-zensical` does: the site is OUT/site."""
    require_tool("zensical")
    config_file = write_config(project, docs, out / "site")
    generated = subprocess.run(
        [sys.executable, "-m", "posebook", "generate", str(out), "-f", str(config_file)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    if generated.returncode != 0:
        return generated
    return subprocess.run(
        [*TOOL_COMMANDS["zensical"], "build", "--strict"], cwd=out, capture_output=True, text=True, env=ENV
    )


def build_without_posebook(project: Path, docs: Path, tool: str) -> tuple[subprocess.CompletedProcess, Path]:
    """A site built straight from docs/ by a tool that runs no hook: MkDocs with the hook left out of
    mkdocs.yml, or Zensical, which ignores it (and wants docs/ inside the folder it builds)."""
    require_tool(tool)
    site = project / "site"
    # Without posebook the links to the pages it generates are broken: a lax build shows the rest.
    if tool == "zensical":
        shutil.copytree(docs, project / "docs")
        # hooks: stays, and is ignored. An absolute docs_dir makes Zensical 0.0.73 panic.
        write_config(project, Path("docs"), site, strict=False)
        command = [*TOOL_COMMANDS["zensical"], "build"]
    else:
        config_file = write_config(project, docs, site, hook=False, strict=False)
        command = [*TOOL_COMMANDS[tool], "build", "-f", str(config_file)]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=ENV), site


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_each_edit_fails_and_keeps_the_site(project: Path, cases: dict) -> dict[str, bytes]:
    """Build a good fixture site, then each case's files on top of a fresh copy of the good
    library: every build exits 1 with all of the case's errors, never a traceback, and leaves
    every file of the site, cards included, byte for byte as it was."""
    docs = write_library(project, {})
    site = project / "site"
    assert build(project, docs, site).returncode == 0
    before = snapshot(site)
    assert any(name.startswith("cards/") for name in before)
    pristine = project / "pristine"
    shutil.copytree(docs, pristine)
    for name, (files, expected) in cases.items():
        shutil.rmtree(docs)
        shutil.copytree(pristine, docs)
        write_library(project, files)
        result = build(project, docs, site)
        assert result.returncode == 1, name
        assert all(line in result.stderr for line in expected), name
        assert "Traceback" not in result.stderr, name
        assert snapshot(site) == before, name
    return before
