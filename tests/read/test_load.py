"""The loader on valid libraries, including input that is merely unusual."""

from posebook.model import DISCLAIMER
from posebook.read import load_library


def test_base_library_loads(library_dir, tmp_path):
    library = load_library(library_dir(), display_root=tmp_path)
    assert list(library.poses) == ["low-lunge", "rest"]
    assert list(library.props) == ["blanket", "block"]
    assert list(library.sequences) == ["short"]
    assert library.summary() == "2 poses, 2 props, 1 sequence, 0 problems"


def test_short_prop_form_and_long_form_mean_the_same(library_dir, tmp_path):
    pose = load_library(library_dir(), display_root=tmp_path).poses["low-lunge"]
    assert [(u.prop, u.optional, u.quantity) for u in pose.props] == [("block", False, 1), ("blanket", True, 1)]


def test_yaml_1_2_keeps_text_as_text(library_dir, tmp_path):
    docs = library_dir(
        {
            "poses/rest.md": """\
        ---
        name: no
        other_names: [yes, off, 1:30]
        summary: 010
        ---
        """
        }
    )
    # 'summary: 010' is a number in YAML 1.2, which is an error; the names stay text.
    from posebook.read import try_load_library

    _, problems = try_load_library(docs, display_root=tmp_path)
    assert [str(p) for p in problems] == ["docs/poses/rest.md:4:10: error: summary: expected text, got the number 10"]
    docs = library_dir({"poses/rest.md": "---\nname: no\nother_names: [yes, off, 1:30]\nsummary: Lie still.\n---\n"})
    pose = load_library(docs, display_root=tmp_path).poses["rest"]
    assert pose.name == "no"
    assert pose.other_names == ["yes", "off", "1:30"]


def test_amounts_parse_numbers_ranges_and_words(library_dir, tmp_path):
    docs = library_dir(
        {
            "sequences/short.md": """\
        ---
        title: Short
        summary: A short sequence.
        steps:
          - pose: rest
            phases:
              - hold: 1-2 minutes
              - rest: 5+ minutes
              - relax: 3 or more breaths
              - stretch: a few breaths
              - contract: 30 seconds
            repetitions: 5-10
        ---
        """
        }
    )
    step = load_library(docs, display_root=tmp_path).sequences["short"].steps[0]
    amounts = [(p.kind, p.amount.low, p.amount.high, p.amount.or_more, p.amount.unit) for p in step.phases]
    assert amounts == [
        ("hold", 1, 2, False, "minute"),
        ("rest", 5, None, True, "minute"),
        ("relax", 3, None, True, "breath"),
        ("stretch", 3, 5, False, "breath"),
        ("contract", 30, None, False, "second"),
    ]
    assert (step.repetitions.low, step.repetitions.high) == (5, 10)


def test_bom_crlf_and_tabs_in_the_body_are_fine(library_dir, tmp_path):
    text = "---\r\nname: Rest\r\nsummary: Lie still.\r\n---\r\n\tIndented\twith tabs.\r\n"
    docs = library_dir({"poses/rest.md": b"\xef\xbb\xbf" + text.encode()})
    pose = load_library(docs, display_root=tmp_path).poses["rest"]
    assert pose.name == "Rest"
    assert pose.body == "\tIndented\twith tabs.\n"
    assert pose.body_line == 5


def test_a_step_takes_the_side_setting_none_from_a_pose_done_on_no_side(library_dir, tmp_path):
    sequence = load_library(library_dir(), display_root=tmp_path).sequences["short"]
    assert [s.sides for s in sequence.steps] == ["right-first", "none"]


def test_every_sequence_page_carries_the_health_note(library_dir, tmp_path):
    from conftest import settings_for, views_of
    from posebook.site.pages import render_page

    library = load_library(library_dir(), display_root=tmp_path)
    page = render_page(library, views_of(library), settings_for(library.docs_dir), "sequences/short.md").markdown
    assert f'!!! pb-health ""\n\n    **A health note from posebook.** {DISCLAIMER}' in page
    assert "not a substitute" in DISCLAIMER and "health professional" in DISCLAIMER


def test_pages_in_subfolders_and_index_pages(library_dir, tmp_path):
    docs = library_dir(
        {"poses/standing/chair.md": "---\nname: Chair\nsummary: Sit on air.\n---\n", "poses/index.md": "# All poses\n"}
    )
    library = load_library(docs, display_root=tmp_path)
    assert "chair" in library.poses
    assert library.poses["chair"].src_path == "poses/standing/chair.md"
    assert "poses/index.md" in library.pages


def test_loading_is_deterministic(library_dir, tmp_path):
    docs = library_dir()
    assert load_library(docs, display_root=tmp_path) == load_library(docs, display_root=tmp_path)
