"""Every printable of every sequence (the class card and the take-home sheet, on A4 and Letter), as
files of the site: cached by a hash of their HTML, the rest rendered by one long-lived renderer.

A printable part that cannot fit a page (a step is never split) is a content problem at the
sequence's step, in the format every other problem has."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Language, language
from ..model import Sequence
from ..problems import ContentError, Problem
from ..settings import CONFIG_FILE, Settings
from ..views import SequenceView
from .cache import cached, keep, printable_key
from .card import card_html, card_info
from .common import PAPERS, stylesheet
from .pdf import PdfInfo, RenderError, UnfitError, html_to_pdf
from .sheet import sheet_html, sheet_info

CARDS_DIR = "cards"


@dataclass(frozen=True)
class Kind:
    """A kind of printable: how it is made and what it is called."""

    name: str  # as `posebook card --kind` and the site call it
    label: str  # in messages: "class card"
    suffix: str  # in file names: "" or "-student"
    css: str  # its stylesheet, in the package's css/
    html: Callable[[SequenceView, str, Settings], str]
    info: Callable[[Sequence, Language], PdfInfo]
    too_tall: str  # what to shorten when a step does not fit a page


KINDS = {
    "card": Kind(
        "card",
        "class card",
        "",
        "card.css",
        card_html,
        card_info,
        "shorten its cue, or give its stop cautions a short 'card:' wording",
    ),
    "student": Kind(
        "student",
        "take-home sheet",
        "-student",
        "sheet.css",
        sheet_html,
        sheet_info,
        "shorten the instructions on its pose page or its cautions",
    ),
}


@dataclass(frozen=True)
class Printable:
    """A rendered printable, as a file of the site."""

    sequence: str  # slug
    kind: str  # card, student
    paper: str  # a4, letter
    rel: str  # where it goes in the site, e.g. cards/iliopsoas-release-student-a4.pdf
    pdf: bytes
    from_cache: bool


def filename(sequence: Sequence, kind: str, paper: str) -> str:
    return f"{sequence.slug}{KINDS[kind].suffix}-{paper}.pdf"


def printable_html(view: SequenceView, kind: str, paper: str, settings: Settings) -> str:
    """A printable as HTML: everything the PDF shows, from the structured data."""
    return KINDS[kind].html(view, paper, settings)


def printable_css(kind: str, paper: str, code: str = "en") -> str:
    """A printable's stylesheet, for its paper and language."""
    return stylesheet(KINDS[kind].css, paper, code)


@dataclass(frozen=True)
class Job:
    """What a renderer needs to make one printable, and to say where a step that does not fit is written."""

    html: str
    css: str
    info: PdfInfo
    site_url: str
    kind: str
    paper: str
    sequence_file: str  # absolute path of the sequence's page
    shown: str  # that path as messages show it
    steps: tuple[str, ...]  # pose names in class order


def job(view: SequenceView, kind: str, paper: str, settings: Settings, html: str, css: str) -> Job:
    sequence = view.sequence
    path = settings.docs_dir / sequence.src_path
    return Job(
        html,
        css,
        KINDS[kind].info(sequence, language(settings.language)),
        settings.site_url,
        kind,
        paper,
        str(path),
        settings.display(path),
        tuple(step.pose.name for step in view.steps),
    )


def render_printable(
    view: SequenceView, kind: str, paper: str, settings: Settings, use_cache: bool = True
) -> tuple[bytes, bool]:
    """One printable's PDF bytes, and whether they came from the cache."""
    html, css = printable_html(view, kind, paper, settings), printable_css(kind, paper, settings.language)
    folder = settings.cache_dir / CARDS_DIR if use_cache else None
    key = printable_key(css + html)
    pdf = cached(folder, key)
    if pdf is not None:
        return pdf, True
    pdf = render(job(view, kind, paper, settings, html, css))
    keep(folder, key, pdf)
    return pdf, False


def render(job: Job) -> bytes:
    """Render one printable; what cannot be made is a content problem of its sequence."""
    try:
        return html_to_pdf(job.html, job.info, job.site_url, job.css)
    except UnfitError as err:
        raise ContentError([_unfit(job, unit) for unit in err.units]) from None
    except RenderError as err:
        label = KINDS[job.kind].label
        raise ContentError([Problem(job.shown, 1, 1, "", f"the {label} could not be made: {err}")]) from None


def _unfit(job: Job, unit: str) -> Problem:
    kind = KINDS[job.kind]
    paper = PAPERS[job.paper]
    if not unit.isdigit() or not 1 <= int(unit) <= len(job.steps):
        return Problem(job.shown, 1, 1, "", f"the {kind.label} ({paper}) runs past the edge of its page")
    number = int(unit)
    from ..read.frontmatter import place

    line, column = place(Path(job.sequence_file), ("steps", number - 1))
    return Problem(
        job.shown,
        line,
        column,
        f"steps[{number - 1}]",
        f"step {number} ({job.steps[number - 1]}) does not fit on one page of the {kind.label} ({paper}), "
        f"and a step is never split: {kind.too_tall}",
    )


def build_printables(
    views: Mapping[str, SequenceView],
    settings: Settings,
    kinds: tuple[str, ...] = tuple(KINDS),
    papers: tuple[str, ...] = tuple(PAPERS),
    only: set[tuple[str, str, str]] | None = None,
    workers: int | None = None,
) -> list[Printable]:
    """Every printable of every sequence (or those in `only`, as (slug, kind, paper)). Cached ones
    are read back; the rest are rendered, over the available cores when that is quicker."""
    if not settings.site_url:
        where = settings.display(settings.project / CONFIG_FILE)
        raise ContentError(
            [
                Problem(
                    where, 1, 1, "site_url", f"set site_url in {CONFIG_FILE}: the QR codes and links point at the site"
                )
            ]
        )
    folder = settings.cache_dir / CARDS_DIR
    wanted = []
    for slug, view in views.items():
        for kind in kinds:
            for paper in papers:
                if only is None or (slug, kind, paper) in only:
                    html, css = (
                        printable_html(view, kind, paper, settings),
                        printable_css(kind, paper, settings.language),
                    )
                    wanted.append((view, kind, paper, html, css, printable_key(css + html)))
    found = [cached(folder, key) for *_, key in wanted]
    missing = [i for i, pdf in enumerate(found) if pdf is None]
    jobs = [job(v, kind, paper, settings, html, css) for v, kind, paper, html, css, _ in (wanted[i] for i in missing)]
    for i, pdf in zip(missing, _render_all(jobs, workers)):
        keep(folder, wanted[i][-1], pdf)
        found[i] = pdf
    return [
        Printable(
            view.sequence.slug,
            kind,
            paper,
            f"{CARDS_DIR}/{filename(view.sequence, kind, paper)}",
            pdf,
            i not in missing,
        )
        for i, ((view, kind, paper, *_), pdf) in enumerate(zip(wanted, found))
    ]


def _render_all(jobs: list[Job], workers: int | None) -> list[bytes]:
    """Render in this process, which keeps its fonts and stylesheets for the next printable and
    the next build (`mkdocs serve`); over a pool of renderer processes when there are many, or
    when told how many workers to use."""
    if workers is None:
        workers = (os.cpu_count() or 1) if len(jobs) >= POOL_FROM else 1
    count = min(len(jobs), workers)
    if count <= 1:
        return _gather([_attempt(job) for job in jobs])
    return _gather(list(_pool(count).map(_attempt, jobs)))


def _attempt(job: Job) -> bytes | list[Problem]:
    # Every job runs, so that one run reports the problems of every printable.
    try:
        return render(job)
    except ContentError as err:
        return list(err.problems)


def _gather(results: list[bytes | list[Problem]]) -> list[bytes]:
    problems = [p for r in results if isinstance(r, list) for p in r]
    if problems:
        raise ContentError(list(dict.fromkeys(problems)))
    return [r for r in results if isinstance(r, bytes)]


# Below this many renders, starting renderer processes (each loads WeasyPrint and its fonts) costs
# more than it saves: the seed's four printables took 9–10 s in this process and 13–15 s over two
# workers on a busy 2-core machine.
POOL_FROM = 8
_POOL = None  # (workers, executor): renderers with WeasyPrint loaded, kept for the next build


def _context():
    import multiprocessing

    # Not plain fork: `mkdocs serve` runs threads, and a process forked while another thread holds a
    # lock can hang. The fork server starts clean and loads WeasyPrint once for all its workers.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["posebook.printables.pdf", "weasyprint"])
    return context


def _pool(count: int):
    from concurrent.futures import ProcessPoolExecutor

    global _POOL
    if _POOL is not None and (_POOL[0] < count or _POOL[1]._broken):
        _POOL[1].shutdown(wait=False, cancel_futures=True)
        _POOL = None
    if _POOL is None:
        import atexit

        _POOL = (count, ProcessPoolExecutor(max_workers=count, mp_context=_context()))
        # Stopped while the interpreter can still run its clean-up, not in its teardown.
        atexit.register(_POOL[1].shutdown)
    return _POOL[1]
