"""The command line: check, new, schema."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, write_library
from posebook.cli import main
from posebook.read import load_library
from posebook.schema import SCHEMAS, front_matter_schema


def run(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "posebook", *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_check_prints_one_summary_line_for_a_clean_library(tmp_path):
    write_library(tmp_path, {})
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "docs: 2 poses, 2 props, 1 sequence, 0 problems\n"


def test_check_on_the_real_library():
    result = run("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("docs: ") and result.stdout.endswith(", 0 problems\n")


def test_check_github_format_annotates_each_line(tmp_path):
    write_library(tmp_path, {"poses/rest.md": "---\nname: Rest\nsumary: Lie still.\n---\n"})
    result = run("check", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "::error file=docs/poses/rest.md,line=2,col=1,title=posebook::summary: required field 'summary' is missing in "
        "the front matter",
        "::error file=docs/poses/rest.md,line=3,col=1,title=posebook::sumary: unknown field 'sumary' (did you mean "
        "'summary'?)",
    ]


def test_check_writes_each_problem_on_one_line_whatever_the_names_and_values_hold(tmp_path):
    """A newline (or another control character) in a file name or a value is written as an escape: no
    problem is split over lines, and none can start a workflow command of its own in CI."""
    write_library(
        tmp_path,
        {
            "poses/re\nst.md": "---\nname: Rest\nsummary: Lie still.\n---\n",
            "poses/rest.md": (
                '---\nname: Rest\nsummary: Lie still.\nsided: "no\\n::error file=x::owned\\u001b[31m"\n---\n'
            ),
        },
    )
    text = run("check", cwd=tmp_path)
    assert text.returncode == 1
    assert text.stdout.splitlines() == [
        "docs/poses/re\\nst.md:1:1: error: the file name 're\\nst.md' is not a slug: use lowercase letters, digits "
        "and single hyphens (did you mean 're-st.md'?)",
        "docs/poses/rest.md:4:8: error: sided: expected true or false, got the text "
        "'no\\n::error file=x::owned\\x1b[31m'",
        "2 problems found",
    ]
    github = run("check", "--format", "github", cwd=tmp_path).stdout.splitlines()
    assert [line for line in github if line.startswith("::")] == [
        "::error file=docs/poses/re%0Ast.md,line=1,col=1,title=posebook::the file name 're\\nst.md' is not a slug: use "
        "lowercase letters, digits and single hyphens (did you mean 're-st.md'?)",
        "::error file=docs/poses/rest.md,line=4,col=8,title=posebook::sided: expected true or false, got the text "
        "'no\\n::error file=x::owned\\x1b[31m'",
    ]


@pytest.mark.parametrize(
    "kind,name,path",
    [
        ("pose", "Warrior II", "docs/poses/warrior-ii.md"),
        ("prop", "Yoga Wheel", "docs/props/yoga-wheel.md"),
        ("sequence", "Evening Hips", "docs/sequences/evening-hips.md"),
        ("pose", "Naṭarājāsana", "docs/poses/natarajasana.md"),
    ],
)
def test_new_writes_a_valid_starter_page(kind, name, path, tmp_path):
    write_library(tmp_path, {})
    result = run("new", kind, name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote {path}\n"
    library = load_library(tmp_path / "docs", display_root=tmp_path)
    slug = path.rsplit("/", 1)[1].removesuffix(".md")
    page = {"pose": library.poses, "prop": library.props, "sequence": library.sequences}[kind][slug]
    assert (page.title if kind == "sequence" else page.name) == name
    assert run("check", cwd=tmp_path).returncode == 0


def test_new_never_overwrites_a_page(tmp_path):
    write_library(tmp_path, {})
    before = (tmp_path / "docs/poses/rest.md").read_bytes()
    result = run("new", "pose", "Rest", cwd=tmp_path)
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert (tmp_path / "docs/poses/rest.md").read_bytes() == before


def test_schema_writes_one_schema_per_kind(tmp_path):
    assert main(["schema", "-o", str(tmp_path / "s")]) == 0
    written = sorted(p.name for p in (tmp_path / "s").iterdir())
    assert written == sorted(f"{kind}.schema.json" for kind in SCHEMAS)
    pose = json.loads((tmp_path / "s" / "pose.schema.json").read_text())
    assert pose["required"] == ["name", "summary"]
    assert pose["additionalProperties"] is False
    assert "slug" not in pose["properties"] and "body" not in pose["properties"]
    action = pose["$defs"]["Caution"]["properties"]["action"]
    assert action["enum"] == ["skip", "modify", "stop", "see-a-professional", "take-care"]


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_committed_schemas_match_the_model(kind):
    committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text())
    assert committed == front_matter_schema(kind), "run 'posebook schema' and commit schemas/"


def test_the_schema_accepts_the_seed_front_matter_and_rejects_typos():
    jsonschema = pytest.importorskip("jsonschema")
    from posebook.read.frontmatter import read_page

    for folder, kind in (("poses", "pose"), ("props", "prop"), ("sequences", "sequence")):
        schema = front_matter_schema(kind)
        for path in sorted((ROOT / "docs" / folder).glob("*.md")):
            page, _ = read_page(path.read_bytes(), str(path), f"{folder}/{path.name}")
            jsonschema.validate(page.meta, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"name": "X", "summary": "Y", "sidde": True}, front_matter_schema("pose"))


def test_figures_writes_each_figure_of_a_pose_and_prints_its_alt_text(tmp_path):
    write_library(
        tmp_path,
        {
            "poses/knee.md": "---\nname: Knee In\nsummary: One knee in.\nsided: true\nfigures:\n"
            "  - base: supine\n    near: {hip: 115, knee: 120}\n---\nIn.\n"
        },
    )
    result = run("figures", "knee", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "out/knee-right.svg: Lying on the back, right knee drawn toward the chest, left leg long on the floor, arms "
        "by the sides.",
        "out/knee-left.svg: Lying on the back, left knee drawn toward the chest, right leg long on the floor, arms by "
        "the sides.",
        "2 figures written",
    ]
    assert (tmp_path / "out" / "knee-left.svg").read_text().startswith("<svg ")


def test_figures_names_an_unknown_pose_and_a_pose_without_figures(tmp_path):
    write_library(tmp_path, {})
    result = run("figures", "low-lnge", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        "posebook figures: no pose 'low-lnge' (did you mean 'low-lunge'?)\n",
    )
    result = run("figures", "rest", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "poses/rest.md: no figures yet; add 'figures:' to its front matter (see the authoring guide)",
        "0 figures written",
    ]


def project_with_overrides(tmp_path, custom_dir: str) -> None:
    write_library(tmp_path, {})
    shutil.copytree(ROOT / "overrides", tmp_path / "theme")
    config = (
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: overrides", f"custom_dir: {custom_dir}")
    )
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")


@pytest.mark.parametrize("out", [".", "docs", "docs/poses", "theme/.."])
def test_generate_never_writes_over_the_library(out, tmp_path):
    project_with_overrides(tmp_path, "theme")
    before = {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    result = run("generate", out, cwd=tmp_path)
    assert result.returncode == 1
    # One problem in the shape of every other: the folder, what it holds or lies in, and where to write instead.
    line, count = result.stdout.strip().splitlines()
    assert count == "1 problem found"
    assert line.startswith(f"{out}:1:1: error: this folder ")
    assert "the library (docs/)" in line and "generate into" in line
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()} == before


def test_generate_copies_the_theme_overrides_wherever_they_are(tmp_path):
    project_with_overrides(tmp_path, str(tmp_path / "theme"))
    result = run("generate", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/overrides/main.html").read_bytes() == (tmp_path / "theme/main.html").read_bytes()
    assert "custom_dir: overrides\n" in (tmp_path / "out/mkdocs.yml").read_text(encoding="utf-8")
    # Front matter written as JSON, which every YAML reader reads the same way.
    page = (tmp_path / "out/docs/poses/rest.md").read_text(encoding="utf-8")
    assert page.startswith('---\n{"description": "Lie still.", "posebook": true}\n---\n')
