"""The words posebook itself writes about the model: what each caution action, side setting and
phase is called, the health note every sequence carries, and the credit of a source. Each is an
English message id, translated where it is shown (`posebook.i18n`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..i18n import Language
    from .pages import Source


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "a message, translated later"
    return message


def NP_(context: str, message: str) -> str:  # noqa: N802 - the same, with the context it is said in
    return message


# posebook's own note, on every sequence page and printable, apart from any source's credit.
DISCLAIMER = N_(
    "Every sequence here is general guidance for yoga students and teachers, not a substitute for "
    "personal advice from a doctor, physical therapist or other health professional. If you have "
    "pain, an injury or a health condition, ask one before you practise."
)

ACTION_LABELS = {
    "skip": N_("Skip"),
    "modify": N_("Modify"),
    "stop": N_("Stop"),
    "see-a-professional": N_("See a professional"),
    "take-care": N_("Take care"),
}
SIDE_LABELS = {
    "none": "",
    "right-first": N_("right side first, then left"),
    "left-first": N_("left side first, then right"),
    "both": N_("both sides at once"),
    "right": N_("right side only"),
    "left": N_("left side only"),
}
PHASE_LABELS = {
    "contract": N_("Contract"),
    "relax": N_("Relax"),
    "stretch": N_("Stretch"),
    "hold": N_("Hold"),
    "rest": N_("Rest"),
}


def credit(source: Source, language: Language) -> str:
    """'Adapted from “Title” by A and B (Publisher).' in the language."""
    authors = language.join(source.authors)
    if source.publisher:
        return language.gettext("Adapted from “%(title)s” by %(authors)s (%(publisher)s).") % {
            "title": source.title,
            "authors": authors,
            "publisher": source.publisher,
        }
    return language.gettext("Adapted from “%(title)s” by %(authors)s.") % {"title": source.title, "authors": authors}
