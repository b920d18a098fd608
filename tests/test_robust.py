"""Robustness: random front matter never ends in a traceback; random valid libraries always
build and their cards list every step; builds are reproducible; dependencies are the locked ones."""

import os
import re
import shutil
import string
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from bad_cases import CASES as BAD_CASES
from conftest import ROOT, card_pdf, long_library, write_library
from posebook.model import PAGE_KINDS, PHASES
from posebook.read import try_load_library
from posebook.read.frontmatter import read_page

SITE = "https://posebook.example.org/"

# --- random front matter -------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["no", "yes", "1:30", "3 breaths", "right-first", "~", "", "-2 breaths"]),
)
keys = st.one_of(
    st.sampled_from(
        [
            "name",
            "summary",
            "sided",
            "props",
            "cautions",
            "steps",
            "pose",
            "phases",
            "sides",
            "contract",
            "hold",
            "title",
            "terms",
            "muscles",
            "works",
            "quantity",
            "instead",
        ]
    ),
    st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta=st.dictionaries(keys, values, max_size=6), kind=st.sampled_from(sorted(PAGE_KINDS)))
def test_random_front_matter_gives_a_library_or_problems_never_a_traceback(meta, kind):
    from posebook.read.frontmatter import Positions, SourcePage
    from posebook.read.validate import validate_page

    rel = {
        "pose": "poses/x.md",
        "prop": "props/x.md",
        "sequence": "sequences/x.md",
        "glossary": "glossary.md",
        "page": "x.md",
    }[kind]
    page = SourcePage("docs/" + rel, rel, meta, Positions(), "", 1, True)
    model, problems = validate_page(page, kind)
    assert (model is None) == bool(problems)
    for problem in problems:
        assert re.match(r"^docs/\S+:\d+:\d+: error: ", str(problem))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_random_page_text_is_read_or_refused_cleanly(text):
    page, problems = read_page(("---\n" + text + "\n---\nBody\n").encode("utf-8", "surrogatepass"), "docs/x.md", "x.md")
    assert (page is None) == bool(problems)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_random_bytes_are_read_or_refused_cleanly(data):
    page, problems = read_page(data, "docs/x.md", "x.md")
    assert page is not None or problems


# --- random valid libraries ----------------------------------------------------------------

words = st.text(alphabet=string.ascii_letters + " āīūṛṅñṭḍṇśṣṃḥ-'", min_size=1, max_size=40).map(str.strip).filter(bool)
amounts = st.builds(
    lambda n, unit: f"{n} {unit}", st.integers(1, 12), st.sampled_from(["breaths", "seconds", "minutes"])
)


@st.composite
def libraries(draw):
    pose_count = draw(st.integers(1, 6))
    poses = {}
    files = {}
    for i in range(pose_count):
        sided = draw(st.booleans())
        name = draw(words).replace("'", "’")
        cautions = draw(
            st.lists(
                st.tuples(words, st.sampled_from(["skip", "modify", "stop", "see-a-professional", "take-care"]), words),
                max_size=3,
            )
        )
        caution_yaml = "".join(f'  - condition: "{c}"\n    action: {a}\n    advice: "{d}"\n' for c, a, d in cautions)
        files[f"poses/p{i}.md"] = (
            f'---\nname: "{name}"\nsummary: A pose.\nsided: {str(sided).lower()}\nprops: [block]\n'
            + (f"cautions:\n{caution_yaml}" if cautions else "")
            + "---\nBody.\n"
        )
        poses[f"p{i}"] = sided
    steps = draw(st.lists(st.sampled_from(sorted(poses)), min_size=1, max_size=14))
    step_yaml = ""
    for slug in steps:
        sides = (
            draw(st.sampled_from(["right-first", "left-first", "right", "left"]))
            if poses[slug]
            else draw(st.sampled_from(["none", "both"]))
        )
        phases = draw(st.lists(st.tuples(st.sampled_from(PHASES), amounts), min_size=1, max_size=3))
        step_yaml += f"  - pose: {slug}\n    sides: {sides}\n    phases:\n" + "".join(
            f"      - {kind}: {amount}\n" for kind, amount in phases
        )
    files["sequences/short.md"] = f"---\ntitle: Random\nsummary: A random class.\nsteps:\n{step_yaml}---\n"
    files["poses/low-lunge.md"] = None
    files["poses/rest.md"] = None
    return files, [f"p{i}" for i in range(pose_count)], steps


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(drawn=libraries())
def test_random_valid_libraries_load_and_their_cards_list_every_step(tmp_path_factory, drawn):
    files, _, steps = drawn
    root = tmp_path_factory.mktemp("random")
    library, problems = try_load_library(write_library(root, files), display_root=root)
    assert problems == [], [str(p) for p in problems]
    sequence = library.sequences["short"]
    pdf = card_pdf(library, sequence.slug, "a4")
    (root / "card.pdf").write_bytes(pdf)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(root / "card.pdf").pages).split())
    found = re.findall(r"(?<![\w–])(\d{1,2}) ", text)
    for number, slug in enumerate(steps, start=1):
        # A word too long for its line is broken where it must be: compare without the spaces.
        name = "".join(library.poses[slug].name.split())
        assert name in text.replace(" ", ""), name
        assert str(number) in found


# --- a long sequence ----------------------------------------------------------------------


def test_a_sequence_of_60_steps_makes_five_pages_of_practice_and_one_of_cautions(tmp_path):
    from posebook.read import load_library

    library = load_library(long_library(tmp_path, 60), display_root=tmp_path)
    pdf = card_pdf(library, "long", "letter")
    (tmp_path / "long.pdf").write_bytes(pdf)
    reader = PdfReader(tmp_path / "long.pdf")
    assert len(reader.pages) == 6
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    text = " ".join(pages)
    positions = [text.index(f"Pose number {i} ") for i in range(1, 61)]
    assert positions == sorted(positions)
    assert all(page.count("Pose number") == 12 for page in pages[:5])
    # Every caution once, with the steps it applies to; no page left with a line or two.
    assert pages[5].startswith("⚠ Who should skip or modify")
    assert pages[5].count("You feel dizzy") == 1 and "Steps 1–60: You feel dizzy: Sit down and rest." in pages[5]
    assert "Page 6 of 6" in text


# --- every broken library leaves the last site as it was -----------------------------------

# One case of each kind of problem, end to end through MkDocs: the hook stops the build in
# on_pre_build, before MkDocs empties site/. Every case is checked against build() in
# tests/read/test_validate.py; this proves the hook turns any of them into a stopped build.
SAMPLE = [
    "yaml syntax error",
    "missing prop",
    "duplicate glossary term",
    "hold: 1:30 is not 90",
    "problems in several files, all reported in order",
]


def test_broken_libraries_stop_the_build_and_leave_the_site(tmp_path):
    from sitebuild import assert_each_edit_fails_and_keeps_the_site

    cases = {name: BAD_CASES[name] for name in SAMPLE}
    assert_each_edit_fails_and_keeps_the_site(tmp_path, cases)


# --- reproducible builds ---------------------------------------------------------------------


def copy_project(target: Path) -> Path:
    for name in ("docs", "hooks", "overrides", "src"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_two_builds_in_two_folders_are_identical(tmp_path):
    trees = []
    for seed, folder in (("1", "one"), ("2", "other-folder")):
        project = copy_project(tmp_path / folder)
        env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONHASHSEED": seed,
            "SOURCE_DATE_EPOCH": "1700000000",
            "NO_MKDOCS_2_WARNING": "1",
            # The copy's own package, so that each folder builds with the code under test.
            "PYTHONPATH": str(project / "src"),
        }
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        site = project / "site"
        tree = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
        for name, data in tree.items():
            assert str(project).encode() not in data, name
            assert str(tmp_path).encode() not in data, name
        trees.append(tree)
    assert sorted(trees[0]) == sorted(trees[1])
    different = [name for name in trees[0] if trees[0][name] != trees[1][name]]
    assert different == []
    assert any(name.startswith("cards/") and name.endswith(".pdf") for name in trees[0])


# --- dependencies ------------------------------------------------------------------------------


def test_weasyprint_is_70_or_newer():
    major = int(metadata.version("weasyprint").split(".")[0])
    assert major >= 70, "WeasyPrint before 70 has URL fetcher vulnerabilities"


def test_installed_packages_are_the_locked_ones():
    locked = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            locked[re.sub(r"[-_.]+", "-", name).lower()] = version
    for name, version in locked.items():
        assert metadata.version(name) == version, name
    assert locked["mkdocs"].startswith("1.")
    assert int(locked["weasyprint"].split(".")[0]) >= 70
