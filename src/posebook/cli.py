"""The command line: `posebook check | new | schema | card | figures | generate`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .problems import ContentError, did_you_mean, format_problems
from .read import try_load_library
from .settings import CONFIG_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="posebook",
        description="Yoga poses, props and sequences as Markdown, published as a website and printable cards.",
    )
    parser.add_argument("--version", action="version", version=f"posebook {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the library and list every problem")
    check.add_argument("--docs", type=Path, help=f"the library folder (default: docs_dir of {CONFIG_FILE}, or docs)")
    check.add_argument(
        "-f", "--config", default=CONFIG_FILE, type=Path, help=f"the site's configuration (default: {CONFIG_FILE})"
    )
    check.add_argument(
        "--format", choices=("text", "github"), default="text", help="'github' prints GitHub Actions annotations"
    )

    new = commands.add_parser("new", help="write a starter page for a pose, prop or sequence")
    new.add_argument("kind", choices=("pose", "prop", "sequence"))
    new.add_argument("name", help='the name, e.g. "Low Lunge"')
    new.add_argument("--docs", type=Path, help="the library folder (default: docs)")

    schema = commands.add_parser("schema", help="write JSON Schemas of the front matter, for editors")
    schema.add_argument("-o", "--output", default="schemas", type=Path, help="folder to write to (default: schemas)")

    card = commands.add_parser(
        "card", help="make a printable PDF of a sequence: the teacher's class card, or the student's take-home sheet"
    )
    card.add_argument("sequence", help="the sequence's slug, e.g. iliopsoas-release")
    card.add_argument(
        "--kind",
        choices=("card", "student"),
        default="card",
        help="card: the class card (default); student: the large-print take-home sheet",
    )
    card.add_argument("--paper", choices=("a4", "letter"), default="a4")
    card.add_argument(
        "-o", "--output", type=Path, help="the PDF to write (default: SEQUENCE-PAPER.pdf, SEQUENCE-student-PAPER.pdf)"
    )
    card.add_argument(
        "-f", "--config", default=CONFIG_FILE, type=Path, help=f"the site's configuration (default: {CONFIG_FILE})"
    )

    figures = commands.add_parser(
        "figures",
        help="draw the figures of some poses (or all) as SVG files, and print "
        "each one's alt text, to check a figure while you write it",
    )
    figures.add_argument("poses", nargs="*", help="pose slugs, e.g. low-lunge (default: every pose)")
    figures.add_argument("--docs", type=Path, help=f"the library folder (default: docs_dir of {CONFIG_FILE}, or docs)")
    figures.add_argument(
        "-f", "--config", default=CONFIG_FILE, type=Path, help=f"the site's configuration (default: {CONFIG_FILE})"
    )
    figures.add_argument("-o", "--output", default="figures", type=Path, help="folder to write to (default: figures)")

    generate = commands.add_parser(
        "generate", help="write the library and every generated page for a site generator that runs no hooks"
    )
    generate.add_argument("out", type=Path, help="the folder to write (its docs/ is replaced)")
    generate.add_argument(
        "-f", "--config", default=CONFIG_FILE, type=Path, help=f"the site's configuration (default: {CONFIG_FILE})"
    )

    args = parser.parse_args(argv)
    return {"check": _check, "new": _new, "schema": _schema, "card": _card, "figures": _figures, "generate": _generate}[
        args.command
    ](args)


def _settings(args: argparse.Namespace):
    """The project's settings: its configuration file when there is one, with --docs overriding its docs_dir."""
    from dataclasses import replace

    from .settings import default_settings, read_settings

    config = getattr(args, "config", None) or Path(CONFIG_FILE)
    docs = getattr(args, "docs", None)
    if config.is_file():
        settings = read_settings(config)
        return replace(settings, docs_dir=docs) if docs is not None else settings
    return default_settings(docs if docs is not None else Path("docs"))


def _library(args: argparse.Namespace, github: bool = False):
    """The project's settings and library, or None after printing every problem."""
    try:
        settings = _settings(args)
        library, problems = try_load_library(settings)
    except ContentError as err:
        problems = err.problems
    if not problems:
        return settings, library
    if github:
        for problem in problems:
            print(problem.github())
    print(format_problems(problems))
    return None


def _check(args: argparse.Namespace) -> int:
    """Everything the build checks, the pages as rendered included; only the cards are not made."""
    from .build import build

    try:
        settings = _settings(args)
        result = build(settings, cards=None)
    except ContentError as err:
        if args.format == "github":
            for problem in err.problems:
                print(problem.github())
        print(format_problems(err.problems))
        return 1
    print(f"{settings.display(settings.docs_dir)}: {result.library.summary()}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .scaffold import new_page

    try:
        path = new_page(args.docs or Path("docs"), args.kind, args.name)
    except (FileExistsError, ValueError) as err:
        print(f"posebook new: {err}", file=sys.stderr)
        return 1
    print(f"wrote {path.as_posix()}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    for path in write_schemas(args.output):
        print(f"wrote {path.as_posix()}")
    return 0


def _figures(args: argparse.Namespace) -> int:
    from .figure import drawings
    from .store import write_atomically

    loaded = _library(args)
    if loaded is None:
        return 1
    _, library = loaded
    unknown = [slug for slug in args.poses if slug not in library.poses]
    for slug in unknown:
        hint = did_you_mean(slug, library.poses)
        print(f"posebook figures: no pose '{slug}'" + (f" (did you mean '{hint}'?)" if hint else ""), file=sys.stderr)
    if unknown:
        return 1
    written = 0
    for slug in args.poses or list(library.poses):
        pose = library.poses[slug]
        found = drawings(pose, library.props)
        if not found and args.poses:
            print(f"{pose.src_path}: no figures yet; add 'figures:' to its front matter (see the authoring guide)")
        for drawing in found:
            path = args.output / drawing.filename
            write_atomically(path, drawing.svg.encode("utf-8"))
            print(f"{path.as_posix()}: {drawing.alt}")
            written += 1
    print(f"{written} figure{'s' if written != 1 else ''} written")
    return 0


def _generate(args: argparse.Namespace) -> int:
    from .generate import generate

    try:
        result = generate(args.config, args.out)
    except ContentError as err:
        print(format_problems(err.problems))
        return 1
    print(f"wrote {args.out.as_posix()}/: {result.library.summary()}")
    return 0


def _card(args: argparse.Namespace) -> int:
    from .build import build
    from .printables.render import filename
    from .store import write_atomically

    try:
        result = build(args.config, cards=[(args.sequence, args.kind, args.paper)])
    except ContentError as err:
        print(format_problems(err.problems))
        return 1
    sequence = result.library.sequences.get(args.sequence)
    if sequence is None:
        hint = did_you_mean(args.sequence, result.library.sequences)
        known = ", ".join(result.library.sequences) or "none"
        print(
            f"posebook card: no sequence '{args.sequence}'"
            + (f" (did you mean '{hint}'?)" if hint else f"; the sequences are: {known}"),
            file=sys.stderr,
        )
        return 1
    pdf = result.cards[0].pdf
    output = args.output or Path(filename(sequence, args.kind, args.paper))
    write_atomically(output, pdf)
    print(f"wrote {output.as_posix()} ({len(pdf):,} bytes)")
    return 0
