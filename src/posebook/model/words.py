"""The words posebook itself writes about the model: what each caution action and side setting
is called, and the health note every sequence carries."""

from __future__ import annotations

# posebook's own note, on every sequence page and printable, apart from any source's credit.
DISCLAIMER = (
    "Every sequence here is general guidance for yoga students and teachers, not a substitute for "
    "personal advice from a doctor, physical therapist or other health professional. If you have "
    "pain, an injury or a health condition, ask one before you practise."
)

ACTION_LABELS = {
    "skip": "Skip",
    "modify": "Modify",
    "stop": "Stop",
    "see-a-professional": "See a professional",
    "take-care": "Take care",
}
SIDE_LABELS = {
    "none": "",
    "right-first": "right side first, then left",
    "left-first": "left side first, then right",
    "both": "both sides at once",
    "right": "right side only",
    "left": "left side only",
}
