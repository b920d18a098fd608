"""Structured data of a sequence page: a schema.org HowTo in the site's language, with a HowToStep
per step (its phases in words, its figure) and a HowToTool per prop."""

from __future__ import annotations

import json

from markupsafe import Markup

from ..i18n import Language, language
from ..model.words import PHASE_LABELS
from ..settings import Settings
from ..views import SequenceView, StepView


def sequence_json_ld(view: SequenceView, settings: Settings) -> Markup:
    sequence = view.sequence
    words = language(settings.language)
    page_url = settings.site_url.rstrip("/") + "/" + sequence.src_path.removesuffix(".md") + "/"
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": sequence.title,
        "description": " ".join(sequence.summary.split()),
        "inLanguage": settings.language,
        "url": page_url,
        "totalTime": f"PT{max(1, round(view.typical / 60))}M",
        "tool": [
            {"@type": "HowToTool", "name": item.prop.name, "requiredQuantity": item.quantity} for item in view.checklist
        ],
        "step": [_howto_step(step, settings, page_url, words) for step in view.steps],
    }
    if sequence.source:
        data["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": sequence.source.title,
            "author": [{"@type": "Person", "name": a} for a in sequence.source.authors],
        }
    # JSON in a script element: nothing in it may close the element or open a comment.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _timeline(phases, words: Language) -> str:
    def text(phase) -> str:
        said = f"{words.gettext(PHASE_LABELS[phase.kind]).lower()} {phase.amount.text}"
        if phase.optional:
            said = words.gettext("%(phase)s (optional)") % {"phase": said}
        return words.gettext("or instead %(phase)s") % {"phase": said} if phase.instead else said

    return " → ".join(text(p) for p in phases)


def _howto_step(step: StepView, settings: Settings, page_url: str, words: Language) -> dict:
    data = {
        "@type": "HowToStep",
        "position": step.number,
        "name": step.pose.name,
        "url": page_url + "#" + step.anchor,
        "text": " ".join([step.step.cue or "", *(_timeline(p.phases, words) for p in step.parts)]).strip(),
    }
    if step.figures:
        data["image"] = {
            "@type": "ImageObject",
            "url": settings.site_url.rstrip("/") + "/" + step.figures[0].rel,
            "description": step.figures[0].alt,
        }
    return data
