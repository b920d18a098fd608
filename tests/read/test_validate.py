"""Each broken library gives exactly its own problems, at the right line and column."""

import os
import subprocess
import sys

import pytest

from bad_cases import CASES
from conftest import settings_for, write_library
from posebook.build import build
from posebook.cli import main
from posebook.problems import ContentError
from posebook.read import try_load_library


@pytest.mark.parametrize("name", list(CASES))
def test_broken_library_reports_exactly_its_problems(name, tmp_path):
    files, expected = CASES[name]
    library, problems = try_load_library(write_library(tmp_path, files), display_root=tmp_path)
    assert library is None
    assert [str(p) for p in problems] == expected


def test_there_are_enough_distinct_broken_inputs():
    assert len(CASES) >= 40
    assert len({tuple(expected) for _, expected in CASES.values()}) == len(CASES)


def test_a_link_to_a_file_outside_docs_is_refused(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\nname: Secret\nsummary: Not yours.\n---\n")
    docs = write_library(tmp_path, {})
    os.symlink(secret, docs / "poses" / "secret.md")
    _, problems = try_load_library(docs, display_root=tmp_path)
    assert [str(p) for p in problems] == [
        "docs/poses/secret.md:1:1: error: this file is a link to a file outside docs/; copy the page into docs/ instead"
    ]


def test_check_prints_every_problem_and_exits_1_without_a_traceback(tmp_path):
    files = {
        "poses/rest.md": "---\nname: Rest\n---\n",
        "sequences/short.md": "---\ntitle: Short\nsummary: S.\nsteps: []\n---\n",
    }
    write_library(tmp_path, files)
    run = subprocess.run([sys.executable, "-m", "posebook", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "docs/poses/rest.md:2:1: error: summary: required field 'summary' is missing in the front matter",
        "docs/sequences/short.md:4:8: error: steps: a sequence needs at least one step",
        "2 problems found",
    ]
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("name", list(CASES))
def test_check_exits_1_for_every_broken_library(name, tmp_path, monkeypatch, capsys):
    files, expected = CASES[name]
    write_library(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == expected


@pytest.mark.parametrize("name", list(CASES))
def test_the_build_stops_before_any_output_for_every_broken_library(name, tmp_path):
    """build(), which the hook and `posebook generate` call before they touch anything, refuses each case."""
    files, expected = CASES[name]
    docs = write_library(tmp_path, files)
    with pytest.raises(ContentError) as stopped:
        build(settings_for(docs, project=tmp_path))
    assert [str(p) for p in stopped.value.problems] == expected
