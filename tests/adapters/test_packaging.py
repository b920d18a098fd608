"""posebook as a package: everything it imports is a declared dependency, the core never imports
MkDocs, every lock file keeps to the tested ranges, and a wheel (not an editable install) carries its
templates, print CSS and fonts, so an installed `posebook card` makes a card from any folder."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pypdf import PdfReader

from conftest import ROOT

SRC = ROOT / "src" / "posebook"


def imported_modules(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = project["dependencies"] + (project["optional-dependencies"][extra] if extra else [])
    return {re.split(r"[<>=!~ \[]", name, maxsplit=1)[0].lower().replace("_", "-") for name in names}


def test_every_module_the_package_imports_is_a_declared_dependency():
    third_party = imported_modules(SRC) - set(sys.stdlib_module_names) - {"posebook"}
    distributions = metadata.packages_distributions()
    needed = {dist.lower().replace("_", "-") for module in third_party for dist in distributions[module]}
    assert needed <= declared(), needed - declared()


def test_the_core_never_imports_mkdocs_and_the_hook_only_needs_the_site_extra():
    assert "mkdocs" not in imported_modules(SRC)
    hook = imported_modules(ROOT / "hooks") - set(sys.stdlib_module_names) - {"posebook"}
    assert hook == {"mkdocs"}
    assert "mkdocs" in declared("site")


def test_an_installed_wheel_makes_a_card_from_another_folder(tmp_path):
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(wheels), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(wheels.glob("posebook-*.whl"))
    target = tmp_path / "installed"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    shipped = {p.relative_to(target / "posebook").as_posix() for p in (target / "posebook").rglob("*") if p.is_file()}
    assert {
        "printables/templates/card.html.j2",
        "printables/css/card.css",
        "printables/templates/sheet.html.j2",
        "printables/css/sheet.css",
        "site/templates/sequence.md.j2",
    } <= shipped
    assert "i18n/locales/es/LC_MESSAGES/posebook.po" in shipped
    assert any(name.startswith("printables/fonts/") and name.endswith(".ttf") for name in shipped)

    project = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import posebook; print(posebook.__file__)"], env=env, capture_output=True, text=True
    )
    assert where.stdout.startswith(str(target)), where.stdout
    card = subprocess.run(
        [sys.executable, "-m", "posebook", "card", "iliopsoas-release", "-o", str(tmp_path / "c.pdf")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert card.returncode == 0, card.stdout + card.stderr
    assert len(PdfReader(tmp_path / "c.pdf").pages) == 2  # the front and the back of one sheet


def locked(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def test_every_lock_file_stays_within_the_tested_ranges():
    """MkDocs below 2 (a rewrite without hooks) and Material below 10, in every venv make creates."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ranges = {
        canonicalize_name(requirement.name): requirement.specifier
        for requirement in map(
            Requirement, project["dependencies"] + sum(project["optional-dependencies"].values(), [])
        )
    }
    assert str(ranges["mkdocs"]) == "<2,>=1.6" and str(ranges["mkdocs-material"]) == "<10,>=9.5"
    locks = {lock.name: locked(lock) for lock in sorted(ROOT.glob("requirements*.lock"))}
    assert set(locks) == {"requirements.lock", "requirements-properdocs.lock", "requirements-zensical.lock"}
    for name, pins in locks.items():
        for package, version in pins.items():
            if package in ranges:
                assert version in ranges[package], (name, package, version, str(ranges[package]))
    assert locks["requirements.lock"]["mkdocs"] == "1.6.1"
    assert locks["requirements-properdocs.lock"]["mkdocs-material"] == locks["requirements.lock"]["mkdocs-material"]
    # ProperDocs answers `import mkdocs` itself: with MkDocs installed beside it, a build could run on either.
    assert "mkdocs" not in locks["requirements-properdocs.lock"]
