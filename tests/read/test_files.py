"""Files under docs/ that are not what they seem: links that lead nowhere or in a circle, pipes,
files that vanish while the library is read. Each is one problem at its path, never a traceback
or a hang."""

import os
import threading

from conftest import settings_for, write_library
from posebook.build import build
from posebook.problems import ContentError
from posebook.read import load as load_module
from posebook.read import read_library


def problems_of(tmp_path, docs) -> list[str]:
    try:
        build(settings_for(docs, project=tmp_path), cards=None)
    except ContentError as err:
        return [str(p) for p in err.problems]
    return []


def test_a_link_to_nothing_is_a_problem(tmp_path):
    docs = write_library(tmp_path, {})
    os.symlink(docs / "poses" / "gone.md", docs / "poses" / "dangling.md")
    os.symlink(docs / "nowhere.png", docs / "picture.png")
    assert problems_of(tmp_path, docs) == [
        "docs/picture.png:1:1: error: this is a link to a file that does not exist; remove it or copy the file into "
        "docs/",
        "docs/poses/dangling.md:1:1: error: this is a link to a file that does not exist; remove it or copy the file "
        "into docs/",
    ]


def test_a_circle_of_links_is_a_problem(tmp_path):
    docs = write_library(tmp_path, {})
    os.symlink(docs / "poses" / "b.md", docs / "poses" / "a.md")
    os.symlink(docs / "poses" / "a.md", docs / "poses" / "b.md")
    assert problems_of(tmp_path, docs) == [
        "docs/poses/a.md:1:1: error: this is a link that leads round in a circle of links; replace it with the file "
        "itself",
        "docs/poses/b.md:1:1: error: this is a link that leads round in a circle of links; replace it with the file "
        "itself",
    ]


def test_a_pipe_is_refused_without_waiting_for_it(tmp_path):
    docs = write_library(tmp_path, {})
    os.mkfifo(docs / "poses" / "pipe.md")
    os.mkfifo(docs / "drawing.svg")
    found: list[list[str]] = []
    reader = threading.Thread(target=lambda: found.append(problems_of(tmp_path, docs)), daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert not reader.is_alive(), "reading the library waited on a pipe"
    assert found == [
        [
            "docs/drawing.svg:1:1: error: this is not a regular file (a folder, pipe, device or socket); docs/ may "
            "hold only files",
            "docs/poses/pipe.md:1:1: error: this is not a regular file (a folder, pipe, device or socket); docs/ may "
            "hold only files",
        ]
    ]


def test_a_file_that_vanishes_while_the_library_is_read_is_a_problem(tmp_path, monkeypatch):
    docs = write_library(tmp_path, {"poses/brief.md": "---\nname: Brief\nsummary: Gone soon.\n---\n"})
    walk = load_module.library_files

    def walk_then_remove(folder):
        files = walk(folder)
        (docs / "poses" / "brief.md").unlink()
        return files

    monkeypatch.setattr(load_module, "library_files", walk_then_remove)
    reading = read_library(settings_for(docs, project=tmp_path))
    assert [str(p) for p in reading.problems] == [
        "docs/poses/brief.md:1:1: error: this file disappeared while posebook was reading the library; run "
        "posebook again"
    ]
