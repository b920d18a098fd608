"""The seed library carries every fact of the brief that a program can check: the eight steps,
the props, the Sanskrit names, the glossary, the credit, and every caution where it applies."""

import re
import unicodedata

import pytest

from conftest import ROOT
from posebook import index
from posebook.read import load_library


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "docs", display_root=ROOT)


SEQUENCE = "iliopsoas-release"
SEED_POSES = ["diaphragmatic-breathing", "supine-knee-to-chest", "supported-bridge-variations",
              "side-lying-iliopsoas-stretch", "low-lunge-side-bend", "warrior-one-side-bend",
              "iliopsoas-self-massage", "pelvic-tilts-prone-savasana"]

# The brief's list of cautions (section 9), each: where it applies, what to do, words that must
# be in it (condition or advice), and the part of the page it applies to, if it is one part.
BRIEF_CAUTIONS = [
    (2, "sequence", "modify", ["overstretched", "weak", "tip backward", "flat", "pelvic tilts"], None),
    (3, "diaphragmatic-breathing", "modify", ["shoulders", "blanket", "long rectangle"], None),
    (4, "supported-bridge-variations", "modify", ["very tight", "arch", "Supine Knee to Chest"], None),
    (5, "supported-bridge-variations", "skip", ["Supine Knee to Chest", "no longer", "deep stretch"], None),
    (6, "supported-bridge-variations", "take-care", ["overarch", "widen", "breathe in"], "both legs long"),
    (7, "supported-bridge-variations", "skip", ["too much stretch", "lower back is uncomfortable"], "both legs long"),
    (8, "supported-bridge-variations", "modify", ["tense", "side to side"], "coming out"),
    (9, "supported-bridge-variations", "skip", ["easy", "bed or therapy table", "more intense"], "progression"),
    (10, "side-lying-iliopsoas-stretch", "take-care", ["arch", "just before"], "taking the leg back"),
    (11, "side-lying-iliopsoas-stretch", "modify", ["ankle", "strap"], None),
    (12, "side-lying-iliopsoas-stretch", "take-care", ["slowly", "gently", "curve of your lower back"], "relax phase"),
    (13, "low-lunge-side-bend", "modify", ["knee hurts or is sensitive", "blanket"], None),
    (14, "low-lunge-side-bend", "modify", ["long-standing knee pain", "does not hurt", "kneecap"], None),
    (15, "low-lunge-side-bend", "take-care", ["back knee farther back", "front knee", "heel"], "relax phase"),
    (16, "low-lunge-side-bend", "modify", ["can't easily reach", "block"], "contract phase"),
    (16, "warrior-one-side-bend", "modify", ["can't easily reach", "block"], "contract phase"),
    (17, "warrior-one-side-bend", "take-care", ["back leg straight", "bend"], "contract phase"),
    (18, "iliopsoas-self-massage", "skip", ["teacher thinking of massaging", "student's iliopsoas"], None),
    (19, "iliopsoas-self-massage", "see-a-professional", ["chiropractors", "physical therapists", "massage therapists"], None),
    (20, "iliopsoas-self-massage", "take-care", ["femoral nerve", "iliolumbar artery", "kidneys", "intestines", "ovaries"], None),
    (21, "iliopsoas-self-massage", "skip", ["experienced", "awareness", "carefully", "landmarks"], None),
    (22, "iliopsoas-self-massage", "stop", ["pulse under your hand", "tingling", "front of your thigh", "artery", "nerve"], None),
    (23, "iliopsoas-self-massage", "stop", ["pain, a pulse or tingling", "tenderness", "tight"], "finding the muscle"),
    (24, "iliopsoas-self-massage", "stop", ["pain increases", "afterwards", "drop this practice"], None),
    (25, "iliopsoas-self-massage", "see-a-professional", ["pain and mobility", "physician", "physical therapist"], None),
    (26, "iliopsoas-self-massage", "take-care", ["kettlebell", "10 lb or less", "leave it out"], None),
    (27, "iliopsoas-self-massage", "take-care", ["never lift the leg", "contract"], "rocking"),
    (28, "iliopsoas-self-massage", "take-care", ["1 to 5 minutes per side", "once a day"], None),
    (29, "pelvic-tilts-prone-savasana", "modify", ["fully rolled", "uncomfortably deep", "partway"], None),
    (30, "pelvic-tilts-prone-savasana", "take-care", ["further forward", "expected", "neutral"], None),
    (31, "pelvic-tilts-prone-savasana", "take-care", ["breathe in", "belly in and up"], "relax phase"),
    (32, "sequence", "modify", ["sit for long periods", "lumbar support"], "daily life"),
]


def _text(caution):
    return f"{caution.condition} {caution.advice}".lower()


@pytest.mark.parametrize("number,where,action,words,applies_to", BRIEF_CAUTIONS,
                         ids=[f"caution-{c[0]}-{c[1]}" for c in BRIEF_CAUTIONS])
def test_every_caution_of_the_brief_is_in_the_library_where_it_applies(library, number, where, action, words, applies_to):
    sequence = library.sequences[SEQUENCE]
    cautions = sequence.cautions if where == "sequence" else library.poses[where].cautions
    matches = [c for c in cautions if all(w.lower() in _text(c) for w in words)]
    assert len(matches) == 1, f"caution {number} not found once on {where}"
    caution = matches[0]
    assert caution.action == action
    assert caution.applies_to == applies_to
    # Every caution of a pose in the sequence is also in the sequence's cautions panel.
    panel = [entry.caution for entry in index.cautions_panel(library, sequence)]
    assert caution in panel


def test_caution_1_every_sequence_says_it_is_general_guidance(library):
    for sequence in library.sequences.values():
        assert "general guidance" in sequence.disclaimer
        assert "not a substitute" in sequence.disclaimer
        assert "health professional" in sequence.disclaimer


def test_the_sequence_has_the_eight_steps_in_class_order(library):
    sequence = library.sequences[SEQUENCE]
    assert [s.pose for s in sequence.steps] == SEED_POSES
    assert [s.sides for s in sequence.steps] == ["none"] + ["right-first"] * 6 + ["none"]


def test_contract_relax_phases_and_breaths_follow_the_brief(library):
    steps = library.sequences[SEQUENCE].steps
    first = [index.timeline(s.phases) for s in steps]
    assert first == [
        "hold 1-2 minutes",
        "contract 3 breaths → relax 3 breaths",
        "contract 3 breaths → relax several breaths",
        "contract 3 breaths → relax 3 breaths",
        "contract 3 breaths → relax 3 breaths → (stretch 3 breaths, optional)",
        "contract 3 breaths → relax 3 breaths → (stretch a few breaths, optional)",
        "hold 1-5 minutes → relax a couple of breaths",
        "contract 3 breaths → relax 3 breaths",
    ]
    assert [(p.name, p.sides, index.timeline(p.phases)) for p in steps[1].then] == [
        ("Both legs", "both", "contract 3 breaths → relax 3+ breaths")]
    assert [(p.name, p.optional) for p in steps[2].then] == [("Both legs long", True), ("Rest on your back", False)]
    assert str(steps[7].repetitions) == "5–10"
    assert index.timeline(steps[7].then[0].phases) == "rest 5+ minutes"


def test_props_follow_the_brief(library):
    poses = library.poses

    def uses(slug):
        return {u.prop: (u.optional, tuple(u.instead)) for u in poses[slug].props}

    assert set(library.props) >= {"mat", "block", "blanket", "strap", "kettlebell", "massage-ball", "bolster",
                                  "pillow", "therapy-table"}
    assert library.props["kettlebell"].name == "Light kettlebell"
    assert uses("diaphragmatic-breathing") == {"blanket": (True, ())}
    assert uses("supine-knee-to-chest") == {}
    assert uses("supported-bridge-variations") == {"block": (False, ()), "therapy-table": (True, ())}
    assert uses("side-lying-iliopsoas-stretch") == {"strap": (True, ()), "block": (True, ("bolster", "pillow"))}
    assert uses("low-lunge-side-bend") == {"blanket": (True, ()), "block": (True, ())}
    assert uses("warrior-one-side-bend") == {"block": (True, ())}
    assert uses("iliopsoas-self-massage") == {"massage-ball": (True, ()), "kettlebell": (True, ())}
    assert uses("pelvic-tilts-prone-savasana") == {"blanket": (False, ("bolster",))}
    checklist = {i.prop.slug: i.optional for i in index.props_checklist(library, library.sequences[SEQUENCE])}
    assert checklist == {"mat": False, "block": False, "blanket": False, "therapy-table": True, "strap": True,
                         "bolster": True, "pillow": True, "massage-ball": True, "kettlebell": True} or \
        {k for k, v in checklist.items() if not v} == {"mat", "block", "blanket"}


IAST = set("abcdefghijklmnopqrstuvwxyzāīūṛṝḷḹṅñṭḍṇśṣṃḥ ")


def test_sanskrit_only_where_the_brief_gives_it_and_in_iast(library):
    sanskrit = {slug: pose.sanskrit for slug, pose in library.poses.items() if pose.sanskrit}
    assert sanskrit == {
        "boat-pose": "Nāvāsana", "chair-pose": "Utkaṭāsana", "bridge-pose": "Setu Bandha Sarvāṅgāsana",
        "locust-pose": "Śalabhāsana", "dancer-pose": "Naṭarājāsana", "pelvic-tilts-prone-savasana": "Śavāsana",
    }
    for name in sanskrit.values():
        assert unicodedata.is_normalized("NFC", name)
        assert set(name.lower()) <= IAST, name


@pytest.mark.parametrize("slug,works,stretches", [
    ("boat-pose", True, False), ("chair-pose", True, False), ("leg-raise", True, False),
    ("bridge-pose", False, True), ("locust-pose", False, True), ("dancer-pose", False, True),
    ("low-lunge", False, True),
])
def test_related_poses_say_whether_they_contract_or_lengthen_the_iliopsoas(library, slug, works, stretches):
    pose = library.poses[slug]
    assert ("iliopsoas" in pose.muscles.works) is works
    assert ("iliopsoas" in pose.muscles.stretches) is stretches


def test_the_glossary_has_the_terms_the_pages_use(library):
    words = {t.term.lower() for t in library.glossary.terms} | {a.lower() for t in library.glossary.terms for a in t.aliases}
    for word in ["iliopsoas", "psoas major", "psoas minor", "iliacus", "lesser trochanter", "asis", "pnf", "lordosis",
                 "anterior pelvic tilt", "posterior pelvic tilt", "diaphragm", "hyperlordosis", "gluteals", "quadriceps"]:
        assert word in words


def test_the_source_is_credited(library):
    source = library.sequences[SEQUENCE].source
    assert source.credit() == "Adapted from “8 Poses for Iliopsoas Release” by Amber Burke and Bill Reif (Yoga International)."


def test_estimated_duration(library):
    seconds = index.sequence_seconds(library.sequences[SEQUENCE], (4, 6))
    assert index.duration_text(seconds) == "about 15–36 minutes"


def test_no_page_says_todo_or_lorem(library):
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(TODO|TBD|FIXME|lorem ipsum)\b", text, re.IGNORECASE), path
