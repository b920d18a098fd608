"""The student's take-home sheet of a sequence, in large print (body 14 pt, headings 18 pt and up,
one column of text): one step per row with its figure, its dose, the pose's full instructions and
its cautions, each caution written out once; as many pages as it needs, a step never split.

The instructions are the pose page's own Markdown body, as the site renders it, kept to what prints
well (headings, paragraphs, lists, emphasis): the teacher wrote them as numbered steps, and the
reading stage has checked them. They are re-written from the parsed HTML with no attributes, so
nothing but those elements and escaped text reaches the sheet."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup

from ..i18n import Language, language
from ..model import ACTION_LABELS, DISCLAIMER, Caution, Pose, Sequence
from ..settings import Settings
from ..views import ACTION_ORDER, ChecklistItem, SequenceView, StepView
from .common import (
    DosePart,
    Picture,
    Scale,
    common_scale,
    credit,
    dose,
    page_url,
    pdf_info,
    qr_data_uri,
    render_html,
)
from .pdf import PdfInfo

FIGURE_COLUMN_MM = 50.0
FIGURE_HEIGHT_MM = 48.0
LYING_MM = 45.0


@dataclass(frozen=True)
class SheetCaution:
    label: str  # "Stop"
    applies_to: str | None
    text: str  # the condition and the advice, in full; or the condition, when an earlier step has it
    earlier: int | None  # the step that has it in full; 0 for "before you start"


@dataclass(frozen=True)
class SheetStep:
    number: int
    pose: Pose
    url: str
    dose: tuple[DosePart, ...]
    cue: str | None
    instructions: Markup
    cautions: tuple[SheetCaution, ...]
    picture: Picture | None


@dataclass(frozen=True)
class Sheet:
    sequence: Sequence
    language: str  # the site's language code, as the PDF and its hyphenation use it
    paper: str
    steps: tuple[SheetStep, ...]
    scale: Scale
    before: tuple[SheetCaution, ...]  # the whole sequence's cautions
    props: tuple[ChecklistItem, ...]
    duration: str  # "about 23 minutes": the typical time, as the sequence page gives it
    span: str  # "15–34 minutes" ("" for a class of a minute or two)
    disclaimer: str
    credit: str
    page_url: str
    qr: str


def sheet(view: SequenceView, paper: str, settings: Settings) -> Sheet:
    """What the take-home sheet of a sequence shows, from its view."""
    sequence = view.sequence
    scale = common_scale(
        (step.figures[0] for step in view.steps if step.figures), FIGURE_COLUMN_MM, FIGURE_HEIGHT_MM, LYING_MM
    )
    seen: dict[tuple[str, str, str], int] = {}
    words = language(settings.language)
    before = tuple(_caution(c, seen, 0, words) for c in sequence.cautions)
    url = page_url(settings.site_url, sequence.src_path)
    return Sheet(
        sequence=sequence,
        language=settings.language,
        paper=paper,
        steps=tuple(_step(step, scale, seen, settings, words) for step in view.steps),
        scale=scale,
        before=before,
        props=view.checklist,
        duration=words.about(view.typical),
        span=words.minutes_span(view.seconds) if view.seconds[1] >= 120 else "",
        disclaimer=words.gettext(DISCLAIMER),
        credit=credit(sequence, words),
        page_url=url,
        qr=qr_data_uri(url),
    )


def _step(step: StepView, scale: Scale, seen: dict, settings: Settings, words: Language) -> SheetStep:
    # Stop signs first, as on the card and the sequence page's panel.
    ordered = sorted(step.cautions, key=lambda c: ACTION_ORDER.index(c.action))
    cautions = tuple(dict.fromkeys(_caution(c, seen, step.number, words) for c in ordered))
    return SheetStep(
        number=step.number,
        pose=step.pose,
        url=page_url(settings.site_url, step.pose.src_path),
        dose=dose(step.parts, main_sides_shown=False, words=words),
        cue=step.step.cue,
        instructions=instructions(step.pose.body, settings),
        cautions=cautions,
        picture=scale.picture(step.figures[0]) if step.figures else None,
    )


def _caution(caution: Caution, seen: dict[tuple[str, str, str], int], number: int, words: Language) -> SheetCaution:
    """A caution in full the first time the sheet has it; after that, its condition and where it is."""
    condition = " ".join(caution.condition.split()).rstrip(".")
    advice = " ".join(caution.advice.split())
    key = (caution.action, condition, advice)
    label = words.gettext(ACTION_LABELS[caution.action])
    earlier = seen.setdefault(key, number)
    if earlier != number:
        return SheetCaution(label, caution.applies_to, condition, earlier)
    return SheetCaution(label, caution.applies_to, f"{condition}. {advice}", None)


def sheet_html(view: SequenceView, paper: str, settings: Settings) -> str:
    """The take-home sheet as HTML, from the structured data and the checked page bodies."""
    return render_html("sheet.html.j2", settings.language, sheet=sheet(view, paper, settings))


def sheet_info(sequence: Sequence, words: Language) -> PdfInfo:
    title = words.gettext("%(title)s: take-home sheet") % {"title": sequence.title}
    return pdf_info(sequence, words, title, words.gettext("home practice"))


# --- a pose's instructions, kept to what prints well --------------------------------------------

# Elements kept as they are (without attributes); headings move one level down under the step's.
KEEP = {"p", "ol", "ul", "li", "em", "strong", "b", "i", "br", "sub", "sup"}
HEADINGS = {f"h{n}": f"h{min(n + 1, 6)}" for n in range(1, 7)}
# Elements left out with everything in them: they print badly, or only make sense on screen.
DROP = {"img", "svg", "table", "pre", "hr", "script", "style", "iframe", "object", "video", "audio", "picture"}
VOID = {"br", "img", "hr", "wbr", "input", "source", "track", "area", "col", "embed", "link", "meta", "param"}
LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def instructions(body: str, settings: Settings) -> Markup:
    """A pose page's body as the sheet prints it."""
    return Markup(_instructions(body, settings.markdown_key(), settings))


@functools.lru_cache(maxsize=1024)
def _instructions(body: str, markdown_key: str, settings: Settings) -> str:
    rendered = _converter(markdown_key, settings).reset().convert(body)
    printable = _Printable()
    printable.feed(rendered)
    printable.close()
    return "".join(printable.out).strip()


@functools.lru_cache(maxsize=4)
def _converter(markdown_key: str, settings: Settings):
    return settings.markdown()


class _Printable(HTMLParser):
    """Re-writes rendered Markdown with only the elements a printed page needs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[tuple[str, str | None]] = []  # each open element, and the tag written for it (None: unwrapped)
        self.lists: list[list] = []  # each open list: [ordered, next number]
        self.dropping: tuple[str, int] | None = None  # the element left out, and how deep in it we are

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = dict(attrs)
        if self.dropping is not None:
            if tag == self.dropping[0]:
                self.dropping = (tag, self.dropping[1] + 1)
            return
        if tag in DROP or "headerlink" in (attributes.get("class") or "").split():
            if tag not in VOID:
                self.dropping = (tag, 1)
            return
        if tag in VOID:
            if tag == "br":
                self.out.append("<br>")
            return
        written = HEADINGS.get(tag) or (tag if tag in KEEP else None)
        if tag in ("ol", "ul"):
            start = attributes.get("start") or ""
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        if tag == "li" and self.lists:
            # The item's number or bullet as text, hung in the margin by the stylesheet.
            ordered, number = self.lists[-1]
            self.lists[-1][1] += 1
            self.out.append(f"<li>{number}.\u2002" if ordered else "<li>•\u2002")
        elif written:
            self.out.append(f"<{written}>")
        elif tag == "span" and LANG.match(attributes.get("lang") or ""):
            written = "span"
            self.out.append(f'<span lang="{attributes["lang"]}">')
        self.open.append((tag, written))

    def handle_endtag(self, tag: str) -> None:
        if self.dropping is not None:
            if tag == self.dropping[0]:
                depth = self.dropping[1] - 1
                self.dropping = (tag, depth) if depth else None
            return
        if tag not in (name for name, _ in self.open):
            return
        while self.open:
            name, written = self.open.pop()
            if written:
                self.out.append(f"</{written}>")
            if name in ("ol", "ul") and self.lists:
                self.lists.pop()
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping is None:
            self.out.append(html.escape(data, quote=False))

    def close(self) -> None:
        super().close()
        while self.open:
            _, written = self.open.pop()
            if written:
                self.out.append(f"</{written}>")
