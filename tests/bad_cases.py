"""Broken libraries: each case replaces files of the base fixture library and lists the exact
problems `posebook check` must print for it."""

SEQ_HEAD = "---\ntitle: Short\nsummary: A short sequence.\nsteps:\n"


def seq(steps: str) -> str:
    return SEQ_HEAD + steps + "---\n"


def pose(extra: str = "", name: str = "Rest") -> str:
    return f"---\nname: {name}\nsummary: Lie still.\n{extra}---\nBody.\n"


CASES = {
    "yaml syntax error": (
        {"poses/rest.md": "---\nname: Rest\nsummary: [Lie still.\n---\n"},
        [
            "docs/poses/rest.md:4:1: error: YAML syntax: expected ',' or ']', but got '<stream end>' (while parsing a "
            "flow sequence)",
        ],
    ),
    "colon inside a value": (
        {"poses/rest.md": "---\nname: Rest: the quiet one\nsummary: Lie still.\n---\n"},
        [
            "docs/poses/rest.md:2:11: error: YAML syntax: mapping values are not allowed here; put quotes around a "
            "value that contains ': '",
        ],
    ),
    "tab indentation": (
        {"poses/rest.md": "---\nname: Rest\nmuscles:\n\tworks: [iliopsoas]\nsummary: Lie still.\n---\n"},
        [
            "docs/poses/rest.md:4:1: error: YAML syntax: found character '\\t' that cannot start any token (while "
            "scanning for the next token); indent with spaces, not tabs",
        ],
    ),
    "duplicate key": (
        {"poses/rest.md": "---\nname: Rest\nsummary: Lie still.\nname: Rest again\n---\n"},
        [
            "docs/poses/rest.md:4:1: error: name: duplicate key 'name' (first given on line 2)",
        ],
    ),
    "anchor and alias": (
        {"poses/rest.md": "---\nname: &n Rest\nsummary: *n\n---\n"},
        [
            "docs/poses/rest.md:2:7: error: YAML anchors (&n) are not allowed: write each value out in full",
            "docs/poses/rest.md:3:10: error: YAML aliases (*n) are not allowed: write the value out in full",
        ],
    ),
    "billion laughs": (
        {
            "poses/rest.md": "---\nname: Rest\nsummary: Lie still.\nother_names: &a [lol, lol]\n"
            "see_also: [*a, *a, *a]\n---\n"
        },
        [
            "docs/poses/rest.md:4:14: error: YAML anchors (&a) are not allowed: write each value out in full",
            "docs/poses/rest.md:5:12: error: YAML aliases (*a) are not allowed: write the value out in full",
            "docs/poses/rest.md:5:16: error: YAML aliases (*a) are not allowed: write the value out in full",
            "docs/poses/rest.md:5:20: error: YAML aliases (*a) are not allowed: write the value out in full",
        ],
    ),
    "yaml tag": (
        {"poses/rest.md": "---\nname: !!python/object/apply:os.system [ls]\nsummary: Lie still.\n---\n"},
        [
            "docs/poses/rest.md:2:7: error: YAML tags (!!python/object/apply:os.system) are not allowed: write plain "
            "values",
        ],
    ),
    "front matter too large": (
        {
            "poses/rest.md": "---\nname: Rest\nsummary: Lie still.\nother_names:\n"
            + "  - a name that goes on\n" * 3000
            + "---\n"
        },
        [
            "docs/poses/rest.md:2:1: error: the front matter is 72,044 bytes; it may be at most 65,536 bytes",
        ],
    ),
    "front matter is a list": (
        {"poses/rest.md": "---\n- name: Rest\n---\n"},
        [
            "docs/poses/rest.md:2:1: error: the front matter must be a list of 'field: value' lines",
        ],
    ),
    "front matter never closed": (
        {"poses/rest.md": "---\nname: Rest\nsummary: Lie still.\n"},
        [
            "docs/poses/rest.md:1:1: error: the front matter that starts here is never closed: add a line '---' after "
            "it",
        ],
    ),
    "empty pose file": (
        {"poses/rest.md": ""},
        [
            "docs/poses/rest.md:1:1: error: the pose page is empty: it must start with a line '---', then its fields, "
            "then '---' (run 'posebook new pose \"Name\"' for a starter page)",
        ],
    ),
    "pose page without front matter": (
        {"poses/rest.md": "# Rest\n\nLie still.\n"},
        [
            "docs/poses/rest.md:1:1: error: this pose page has no front matter: it must start with a line '---', then "
            "its fields, then '---' (run 'posebook new pose \"Name\"' for a starter page)",
        ],
    ),
    "not utf-8": (
        {"poses/rest.md": b"---\nname: Rest\nsummary: Lie \xe9 still.\n---\n"},
        [
            "docs/poses/rest.md:3:14: error: the file is not UTF-8 text (byte 0xe9 cannot be read); save it as UTF-8",
        ],
    ),
    "non-text field name": (
        {"poses/rest.md": "---\nname: Rest\nsummary: Lie still.\n1: one\n---\n"},
        [
            "docs/poses/rest.md:4:1: error: a field name must be a word, not '1'",
        ],
    ),
    "unknown field with a suggestion": (
        {"poses/rest.md": "---\nname: Rest\nsumary: Lie still.\n---\n"},
        [
            "docs/poses/rest.md:2:1: error: summary: required field 'summary' is missing in the front matter",
            "docs/poses/rest.md:3:1: error: sumary: unknown field 'sumary' (did you mean 'summary'?)",
        ],
    ),
    "unknown nested field": (
        {
            "sequences/short.md": seq(
                "  - pose: rest\n    phases:\n      - hold: 2 minutes\n        cue: Breathe.\n        optinal: true\n"
            )
        },
        [
            "docs/sequences/short.md:9:9: error: steps[0].phases[0].optinal: unknown field 'optinal' (did you mean "
            "'optional'?)",
        ],
    ),
    "unknown phase": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - contrct: 3 breaths\n")},
        [
            "docs/sequences/short.md:7:9: error: steps[0].phases[0].contrct: unknown field 'contrct' (did you mean "
            "'contract'?)",
        ],
    ),
    "missing required field": (
        {"poses/rest.md": "---\nname: Rest\n---\n"},
        [
            "docs/poses/rest.md:2:1: error: summary: required field 'summary' is missing in the front matter",
        ],
    ),
    "missing field in a caution": (
        {"poses/rest.md": pose("cautions:\n  - condition: Your back hurts\n    action: stop\n")},
        [
            "docs/poses/rest.md:5:5: error: cautions[0].advice: required field 'advice' is missing in cautions[0]",
        ],
    ),
    "wrong type: text for a yes/no": (
        {"poses/rest.md": pose("sided: 'yes'\n")},
        [
            "docs/poses/rest.md:4:8: error: sided: expected true or false, got the text 'yes'",
        ],
    ),
    "side: no stays text": (
        {"poses/rest.md": pose("sided: no\n")},
        [
            "docs/poses/rest.md:4:8: error: sided: expected true or false, got the text 'no'",
        ],
    ),
    "wrong type: list for text": (
        {"poses/rest.md": "---\nname: [Rest]\nsummary: Lie still.\n---\n"},
        [
            "docs/poses/rest.md:2:7: error: name: expected text, got a list",
        ],
    ),
    "empty name": (
        {"poses/rest.md": "---\nname: ''\nsummary: Lie still.\n---\n"},
        [
            "docs/poses/rest.md:2:7: error: name: must not be empty",
        ],
    ),
    "bad slug file name": (
        {"poses/Resting Pose.md": pose(name="Resting")},
        [
            "docs/poses/Resting Pose.md:1:1: error: the file name 'Resting Pose.md' is not a slug: use lowercase "
            "letters, digits and single hyphens (did you mean 'resting-pose.md'?)",
        ],
    ),
    "bad slug reference": (
        {"sequences/short.md": seq("  - pose: Rest_Pose\n    phases:\n      - rest: 2 minutes\n")},
        [
            "docs/sequences/short.md:5:11: error: steps[0].pose: 'Rest_Pose' is not a slug: use lowercase letters, "
            "digits and single hyphens, e.g. 'low-lunge' (did you mean 'rest-pose'?)",
        ],
    ),
    "reference leaves docs": (
        {"sequences/short.md": seq("  - pose: ../../../etc/passwd\n    phases:\n      - rest: 2 minutes\n")},
        [
            "docs/sequences/short.md:5:11: error: steps[0].pose: '../../../etc/passwd' points outside docs/; refer to "
            "a pose by its slug only (its file name without .md)",
        ],
    ),
    "reference as a path inside docs": (
        {"sequences/short.md": seq("  - pose: ../poses/rest.md\n    phases:\n      - rest: 2 minutes\n")},
        [
            "docs/sequences/short.md:5:11: error: steps[0].pose: '../poses/rest.md' is a path; refer to a pose by its "
            "slug only (its file name without .md), which always stays inside docs/ (did you mean 'rest'?)",
        ],
    ),
    "missing pose": (
        {
            "sequences/short.md": seq(
                "  - pose: low-lunj\n    sides: right-first\n    phases:\n      - rest: 2 minutes\n"
            )
        },
        [
            "docs/sequences/short.md:5:11: error: steps[0].pose: unknown pose 'low-lunj' (did you mean 'low-lunge'?)",
        ],
    ),
    "missing prop": (
        {"poses/rest.md": pose("props: [blankt]\n")},
        [
            "docs/poses/rest.md:4:9: error: props[0]: unknown prop 'blankt' (did you mean 'blanket'?)",
        ],
    ),
    "step leaves out an unknown prop": (
        {
            "sequences/short.md": seq(
                "  - pose: low-lunge\n    sides: right-first\n    leave_out: [blankit]\n"
                "    phases:\n      - hold: 3 breaths\n"
            )
        },
        [
            "docs/sequences/short.md:7:17: error: steps[0].leave_out[0]: unknown prop 'blankit' (did you mean "
            "'blanket'?)",
        ],
    ),
    "step leaves out a prop its pose does not use": (
        {
            "sequences/short.md": seq(
                "  - pose: low-lunge\n    sides: right-first\n    leave_out: [block, bolster]\n"
                "    phases:\n      - hold: 3 breaths\n  - pose: rest\n    leave_out: [blanket]\n"
                "    phases:\n      - rest: 1 minute\n"
            ),
            "props/bolster.md": "---\nname: Bolster\nsummary: A firm cushion.\n---\n",
        },
        [
            "docs/sequences/short.md:7:24: error: steps[0].leave_out[1]: 'Low Lunge' does not use the prop 'bolster', "
            "so the step cannot leave it out; its props are: block, blanket",
            "docs/sequences/short.md:11:17: error: steps[1].leave_out[0]: 'Rest' does not use the prop 'blanket', so "
            "the step cannot leave it out; its page lists no props",
        ],
    ),
    "step uses an unknown prop": (
        {
            "sequences/short.md": seq(
                "  - pose: rest\n    props:\n      - blankit\n      - prop: blok\n    phases:\n      - rest: 1 minute\n"
            )
        },
        [
            "docs/sequences/short.md:7:9: error: steps[0].props[0]: unknown prop 'blankit' (did you mean 'blanket'?)",
            "docs/sequences/short.md:8:15: error: steps[0].props[1].prop: unknown prop 'blok' (did you mean 'block'?)",
        ],
    ),
    "step gives both props and leave_out": (
        {
            "sequences/short.md": seq(
                "  - pose: low-lunge\n    sides: right-first\n    props: [block]\n    leave_out: [blanket]\n"
                "    phases:\n      - hold: 3 breaths\n"
            )
        },
        [
            "docs/sequences/short.md:5:5: error: steps[0]: give either 'props:' (the props this step uses) or "
            "'leave_out:' (props of the pose it does without), not both",
        ],
    ),
    "missing substitute prop": (
        {"poses/rest.md": pose("props:\n  - prop: blanket\n    instead: [bolster]\n")},
        [
            "docs/poses/rest.md:6:15: error: props[0].instead[0]: unknown prop 'bolster'",
        ],
    ),
    "missing see-also pose": (
        {"poses/rest.md": pose("see_also: [low-lunge, resting]\n")},
        [
            "docs/poses/rest.md:4:23: error: see_also[1]: unknown pose 'resting'",
        ],
    ),
    "duplicate slug": (
        {"poses/more/rest.md": pose()},
        [
            "docs/poses/rest.md:1:1: error: duplicate pose slug 'rest': docs/poses/more/rest.md has the same file name",
        ],
    ),
    "empty sequence": (
        {"sequences/short.md": "---\ntitle: Short\nsummary: A short sequence.\nsteps: []\n---\n"},
        [
            "docs/sequences/short.md:4:8: error: steps: a sequence needs at least one step",
        ],
    ),
    "step with no hold": (
        {"sequences/short.md": seq("  - pose: rest\n    cue: Just lie there.\n")},
        [
            "docs/sequences/short.md:5:5: error: steps[0]: this step has no phases, so nobody knows how long to stay: "
            "add 'phases:' with a line such as '- hold: 5 breaths'",
        ],
    ),
    "hold: 1:30 is not 90": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - hold: 1:30\n")},
        [
            "docs/sequences/short.md:7:15: error: steps[0].phases[0].hold: '1:30' is not an amount of time; write an "
            "amount such as '3 breaths', '30 seconds', '1-2 minutes', '5+ minutes' or 'a few breaths'",
        ],
    ),
    "amount without a unit": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - contract: 3\n")},
        [
            "docs/sequences/short.md:7:19: error: steps[0].phases[0].contract: 3 what? Say the unit: '3 breaths', '3 "
            "seconds' or '3 minutes'",
        ],
    ),
    "unknown unit": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - contract: 3 breths\n")},
        [
            "docs/sequences/short.md:7:19: error: steps[0].phases[0].contract: 'breths' is not a unit; count in "
            "breaths, seconds or minutes (did you mean 'breaths'?)",
        ],
    ),
    "zero breaths": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - contract: 0 breaths\n")},
        [
            "docs/sequences/short.md:7:19: error: steps[0].phases[0].contract: '0 breaths' must be more than zero, "
            "and a range must go from the smaller number to the larger",
        ],
    ),
    "negative breaths": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - relax: -2 breaths\n")},
        [
            "docs/sequences/short.md:7:16: error: steps[0].phases[0].relax: '-2 breaths' is negative; an amount of "
            "time must be more than zero",
        ],
    ),
    "backwards range": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - hold: 5-2 minutes\n")},
        [
            "docs/sequences/short.md:7:15: error: steps[0].phases[0].hold: '5-2 minutes' must be more than zero, and "
            "a range must go from the smaller number to the larger",
        ],
    ),
    "two kinds in one phase": (
        {
            "sequences/short.md": seq(
                "  - pose: rest\n    phases:\n      - contract: 3 breaths\n        relax: 3 breaths\n"
            )
        },
        [
            "docs/sequences/short.md:7:9: error: steps[0].phases[0]: a phase says exactly one of contract, relax, "
            "stretch, hold, rest with its amount, e.g. '- contract: 3 breaths'; found contract and relax",
        ],
    ),
    "zero repetitions": (
        {"sequences/short.md": seq("  - pose: rest\n    phases:\n      - rest: 1 minute\n    repetitions: 0\n")},
        [
            "docs/sequences/short.md:8:18: error: steps[0].repetitions: must be at least 1, got 0",
        ],
    ),
    "unknown side value": (
        {
            "sequences/short.md": seq(
                "  - pose: low-lunge\n    sides: rigth-first\n    phases:\n      - rest: 1 minute\n"
            )
        },
        [
            "docs/sequences/short.md:6:12: error: steps[0].sides: 'rigth-first' is not a side setting; use one of: "
            "none, right-first, left-first, both, right, left (did you mean 'right-first'?)",
        ],
    ),
    "sides: no": (
        {"sequences/short.md": seq("  - pose: low-lunge\n    sides: no\n    phases:\n      - rest: 1 minute\n")},
        [
            "docs/sequences/short.md:6:12: error: steps[0].sides: 'no' is not a side setting; use one of: none, "
            "right-first, left-first, both, right, left",
        ],
    ),
    "sided pose without sides": (
        {"sequences/short.md": seq("  - pose: low-lunge\n    phases:\n      - rest: 1 minute\n")},
        [
            "docs/sequences/short.md:5:5: error: steps[0].sides: 'Low Lunge' is done on each side: say 'sides: "
            "right-first' or 'sides: left-first'",
        ],
    ),
    "one-sided setting for a pose done on no side": (
        {"sequences/short.md": seq("  - pose: rest\n    sides: left-first\n    phases:\n      - rest: 1 minute\n")},
        [
            "docs/sequences/short.md:6:12: error: steps[0].sides: 'Rest' is not done one side at a time (its page "
            "says 'sided: false'); use 'none' or 'both'",
        ],
    ),
    "unknown caution action": (
        {
            "poses/rest.md": pose(
                "cautions:\n  - condition: Your back hurts\n    action: skipp\n    advice: Leave it out.\n"
            )
        },
        [
            "docs/poses/rest.md:6:13: error: cautions[0].action: 'skipp' is not a caution action; use one of: skip, "
            "modify, stop, see-a-professional, take-care (did you mean 'skip'?)",
        ],
    ),
    "muscle not in the glossary": (
        {"poses/rest.md": pose("muscles:\n  works: [illiopsoas]\n")},
        [
            "docs/poses/rest.md:5:11: error: muscles.works[0]: 'illiopsoas' is not in the glossary; add it to "
            "docs/glossary.md or use a term it has (did you mean 'iliopsoas'?)",
        ],
    ),
    "reserved field in front matter": (
        {"poses/rest.md": pose("slug: other\n")},
        [
            "docs/poses/rest.md:4:1: error: slug: unknown field 'slug': the slug comes from the file itself",
        ],
    ),
    "zero quantity": (
        {"poses/rest.md": pose("props:\n  - prop: block\n    quantity: 0\n")},
        [
            "docs/poses/rest.md:6:15: error: props[0].quantity: must be at least 1, got 0",
        ],
    ),
    "duplicate glossary term": (
        {
            "glossary.md": "---\nterms:\n  - term: iliopsoas\n    definition: One.\n"
            "  - term: quadriceps\n    definition: Two.\n"
            "    aliases: [quads, Iliopsoas]\n  - term: Quads\n    definition: Three.\n---\n"
        },
        [
            "docs/glossary.md:7:22: error: terms[1].aliases[1]: 'Iliopsoas' is already in the glossary as 'iliopsoas'",
            "docs/glossary.md:8:11: error: terms[2].term: 'Quads' is already in the glossary as 'quadriceps'",
        ],
    ),
    "unknown field on an ordinary page": (
        {"index.md": "---\ntitel: Home\n---\n# Home\n"},
        [
            "docs/index.md:2:1: error: titel: unknown field 'titel' (did you mean 'title'?)",
        ],
    ),
    "problems in several files, all reported in order": (
        {
            "poses/rest.md": "---\nname: Rest\n---\n",
            "props/block.md": "---\nname: Block\nsummary: 3\n---\n",
            "sequences/short.md": seq("  - pose: rest\n    phases:\n      - hold: 1:30\n"),
        },
        [
            "docs/poses/rest.md:2:1: error: summary: required field 'summary' is missing in the front matter",
            "docs/props/block.md:3:10: error: summary: expected text, got the number 3",
            "docs/sequences/short.md:7:15: error: steps[0].phases[0].hold: '1:30' is not an amount of time; write an "
            "amount such as '3 breaths', '30 seconds', '1-2 minutes', '5+ minutes' or 'a few breaths'",
        ],
    ),
}


BLOCK = "---\nname: Block\nshape: block\nsummary: A firm brick of foam, cork or wood.\n---\n"


def figure(body: str) -> str:
    return f"---\nname: Rest\nsummary: Lie still.\nfigures:\n{body}---\nBody.\n"


CASES.update(
    {
        "figure base with a typo": (
            {"poses/rest.md": figure("  - base: supin\n")},
            [
                "docs/poses/rest.md:5:11: error: figures[0].base: 'supin' is not a figure base; use one of: supine, "
                "prone, side-lying, seated, kneeling, standing, all-fours (did you mean 'supine'?)",
            ],
        ),
        "figure angle out of range": (
            {"poses/rest.md": figure("  - base: supine\n    near: {knee: 200}\n")},
            [
                "docs/poses/rest.md:6:18: error: figures[0].near.knee: must be at most 170, got 200",
            ],
        ),
        "figure joint with a typo": (
            {"poses/rest.md": figure("  - base: supine\n    near:\n      kne: 90\n")},
            [
                "docs/poses/rest.md:7:7: error: figures[0].near.kne: unknown field 'kne' (did you mean 'knee'?)",
            ],
        ),
        "figure body part with a typo": (
            {
                "props/block.md": BLOCK,
                "poses/rest.md": figure("  - base: supine\n    props:\n      - prop: block\n        under: sacrun\n"),
            },
            [
                "docs/poses/rest.md:8:16: error: figures[0].props[0].under: 'sacrun' is not a body part; use a body "
                "part such as 'sacrum', 'head', 'thighs', 'right ankle', 'near hand' or 'far knee' (right, left, near "
                "or far for an arm or a leg; near is the side facing you) (did you mean 'sacrum'?)",
            ],
        ),
        "figure prop without a shape": (
            {"poses/rest.md": figure("  - base: supine\n    props:\n      - prop: blanket\n        under: knees\n")},
            [
                "docs/poses/rest.md:7:15: error: figures[0].props[0].prop: the prop 'blanket' has no shape to draw: "
                "add 'shape:' to its page (docs/props/blanket.md) or to this prop, one of block, folded-blanket, "
                "rolled-blanket, bolster, pillow, ball, kettlebell, table, strap",
            ],
        ),
        "figure prop unknown": (
            {"poses/rest.md": figure("  - base: supine\n    props:\n      - prop: blok\n        under: knees\n")},
            [
                "docs/poses/rest.md:7:15: error: figures[0].props[0].prop: unknown prop 'blok' (did you mean 'block'?)",
            ],
        ),
        "figure prop not placed": (
            {"props/block.md": BLOCK, "poses/rest.md": figure("  - base: supine\n    props:\n      - prop: block\n")},
            [
                "docs/poses/rest.md:7:9: error: figures[0].props[0]: say where the prop is with one of under, on, "
                "around or held (a strap may have around and held); found none",
            ],
        ),
        "figure prop held by a knee": (
            {
                "props/block.md": BLOCK,
                "poses/rest.md": figure(
                    "  - base: supine\n    props:\n      - prop: block\n        held: right knee\n"
                ),
            },
            [
                "docs/poses/rest.md:8:15: error: figures[0].props[0].held: 'right knee' cannot hold a prop; name a "
                "hand, e.g. 'left hand'",
            ],
        ),
        "figure prop on nothing known": (
            {
                "props/block.md": BLOCK,
                "poses/rest.md": figure("  - base: supine\n    props:\n      - prop: block\n        on: kettle\n"),
            },
            [
                "docs/poses/rest.md:8:13: error: figures[0].props[0].on: 'kettle' is neither a body part nor another "
                "prop of this figure; name a body part such as 'right front hip', or one of: (no other props)",
            ],
        ),
        "two figures without position names": (
            {"poses/rest.md": figure("  - base: supine\n  - base: prone\n")},
            [
                "docs/poses/rest.md:5:3: error: figures: this pose has 2 figures: give each a 'position:' name, e.g. "
                "'contract' and 'relax'",
            ],
        ),
        "figure that does not rest on its base": (
            {"poses/rest.md": figure("  - base: kneeling\n    trunk: 0\n    near: {knee: 0}\n    far: {knee: 0}\n")},
            [
                "docs/poses/rest.md:6:12: error: figures[0].trunk: a figure with base 'kneeling' rests on its knees, "
                "but with these angles its lowest part is the right foot, and the right knee floats 43 cm above the "
                "floor; check the angles",
            ],
        ),
        "figure prop under a part that floats": (
            {
                "props/block.md": BLOCK,
                "poses/rest.md": figure(
                    "  - base: standing\n    trunk: 0\n    props:\n      - prop: block\n        under: sacrum\n"
                ),
            },
            [
                "docs/poses/rest.md:9:16: error: figures[0].props[0].under: the block is under the sacrum, but with "
                "these angles the sacrum is 74 cm above it; change the angles so it rests there",
            ],
        ),
        "figure side with a typo": (
            {"poses/rest.md": figure("  - base: supine\n    side: rigth\n")},
            [
                "docs/poses/rest.md:6:11: error: figures[0].side: 'rigth' is not a side; use one of: right, left (did "
                "you mean 'right'?)",
            ],
        ),
        "step names a position the pose lacks": (
            {
                "poses/rest.md": figure(
                    "  - position: contract\n    base: supine\n  - position: relax\n    base: supine\n"
                ),
                "sequences/short.md": (
                    "---\ntitle: Short\nsummary: A short sequence.\nsteps:\n  - pose: rest\n    figures: [contrakt]\n"
                    "    phases:\n      - hold: 3 breaths\n---\n"
                ),
            },
            [
                "docs/sequences/short.md:6:15: error: steps[0].figures[0]: 'Rest' has no figure for the position "
                "'contrakt'; its positions are: contract, relax (did you mean 'contract'?)",
            ],
        ),
    }
)

CASES["figure props resting on each other in a loop"] = (
    {
        "props/block.md": BLOCK,
        "props/blanket.md": (
            "---\nname: Blanket\nshape: folded-blanket\nsummary: A firm woollen or cotton blanket.\n---\n"
        ),
        "poses/rest.md": figure(
            "  - base: supine\n    props:\n      - prop: block\n        on: blanket\n"
            "      - prop: blanket\n        on: block\n"
        ),
    },
    [
        "docs/poses/rest.md:8:13: error: figures[0].props[0].on: the block rests on the blanket, which rests on the "
        "block again; "
        "one of them must rest on the body or under it",
    ],
)
