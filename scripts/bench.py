"""`make bench`: build synthetic libraries shaped like the real one, side by side with a plain
Material build of the same Markdown, and print Markdown tables of ratios; the figures also go
to bench/results.json.

At each size (the seed library, 100, 500 and 1,000 poses): a plain Material build (a), a cold posebook
build (b), a rebuild with no change (c) and a rebuild after editing one pose (d), with ratios, peak
memory and the growth from 100 to 1,000 poses. Then the preview on the seed library: `mkdocs serve`
start-up with a warm cache against a plain build, and the time from saving a file to the page served
with the change, for a body edit and for a caution edit (and until the card follows). And the time to
import the hook and the package.

Every figure is measured in this run, on this machine: ratios against the baseline of the same
run are what to compare between machines, not seconds."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SIZES = [("seed", None, None), ("100", 100, 10), ("500", 500, 50), ("1000", 1000, 100)]
SITE_URL = "https://posebook.example.org/"

# Runs a command and prints its peak memory (the largest of itself and its children) at exit.
MEASURE = r"""
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
except SystemExit as e:
    code = e.code
else:
    code = 0
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"\nPEAK_KB {max(own, kids)}\n")
sys.exit(code)
"""


def seed_pages() -> dict[str, str]:
    docs = ROOT / "docs"
    return {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*")) if p.is_file()
    }


def synthetic(folder: Path, poses: int | None, sequences: int | None) -> Path:
    """A library like the real one: the seed pages, plus copies of the seed poses under new slugs
    and sequences of 8 steps drawn from them."""
    docs = folder / "docs"
    for rel, text in seed_pages().items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if poses is None:
        return docs
    rng = random.Random(poses)
    seeds = sorted((ROOT / "docs" / "poses").glob("*.md"))
    sided = {}
    for i in range(poses - len(seeds)):
        source = seeds[i % len(seeds)]
        text = source.read_text(encoding="utf-8")
        text = re.sub(
            r"^name: (.*)$", lambda m, i=i: f"name: {m.group(1).strip(chr(34))} {i}", text, count=1, flags=re.M
        )
        text = re.sub(r"^see_also: .*$\n", "", text, flags=re.M)
        slug = f"{source.stem}-{i}"
        (docs / "poses" / f"{slug}.md").write_text(text, encoding="utf-8")
        sided[slug] = "sided: true" in text
    seed_sequence = (ROOT / "docs/sequences/iliopsoas-release.md").read_text(encoding="utf-8")
    head, _, rest = seed_sequence.partition("\nsteps:\n")
    _, _, body = rest.partition("\n---\n")
    slugs = sorted(sided)
    for j in range(sequences - 1):
        steps = ""
        for slug in rng.sample(slugs, 8):
            sides = "right-first" if sided[slug] else "none"
            steps += (
                f"  - pose: {slug}\n    sides: {sides}\n    cue: Breathe slowly and keep the low back calm.\n"
                f"    phases:\n      - contract: 3 breaths\n      - relax: 3 breaths\n"
            )
        text = head.replace("title: Iliopsoas Release", f"title: Class {j}") + "\nsteps:\n" + steps + "---\n" + body
        (docs / "sequences" / f"class-{j}.md").write_text(text, encoding="utf-8")
    return docs


def write_config(project: Path, docs: Path, with_posebook: bool) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    if with_posebook:
        text = text.replace("  - hooks/posebook_hook.py", f"  - {ROOT / 'hooks' / 'posebook_hook.py'}")
    else:
        text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
        text = text.replace("  - posebook.markdown_ext\n", "")
        # Links to pages that only posebook generates are warnings here, not errors.
        text = text.replace("strict: true", "strict: false")
    path = project / ("mkdocs.yml" if with_posebook else "plain.yml")
    path.write_text(text, encoding="utf-8")
    return path


# This checkout's package, whatever the virtual environment has installed in editable mode.
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": "1700000000",
    "PYTHONPATH": str(ROOT / "src"),
}


def run(args: list[str], cwd: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    result = subprocess.run([PY, "-c", MEASURE, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    peak = int(re.search(r"PEAK_KB (\d+)", result.stderr).group(1))
    return seconds, peak, result.stderr


def rendered(log: str) -> int:
    match = re.search(r"posebook: (\d+) cards, (\d+) rendered", log)
    return int(match.group(2)) if match else -1


def build(config: Path, project: Path, site: str) -> tuple[float, int, str]:
    return run(["mkdocs", "build", "-f", str(config), "-d", str(project / site)], project)


def warm_seconds(docs: Path, kind: str = "card", repeats: int = 5) -> float:
    """One printable (the class card, or the take-home sheet: kind "student") of the seed sequence made
    again and again in a running process, without the cache: the median."""
    code = f"""
import statistics, time
from pathlib import Path
from posebook.printables.render import render_printable
from posebook.read import load_library
from posebook.settings import default_settings
from posebook.views import build_views
from dataclasses import replace
library = load_library({str(docs)!r})
settings = replace(default_settings(Path({str(docs)!r})), site_url={SITE_URL!r})
view = build_views(library, settings.breath_seconds, settings.language).sequences["iliopsoas-release"]
render_printable(view, {kind!r}, "a4", settings, use_cache=False)
times = []
for _ in range({repeats}):
    start = time.perf_counter()
    render_printable(view, {kind!r}, "a4", settings, use_cache=False)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""
    result = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=ENV)
    if result.returncode != 0:
        raise SystemExit(f"the warm {kind} could not be timed:\n{result.stderr[-3000:]}")
    return float(result.stdout.strip())


def import_seconds(repeats: int = 5) -> dict:
    """The hook's own import (MkDocs already loaded, as it is when MkDocs imports a hook), and the hook with
    the package its first build needs, each in a fresh process: the median."""
    hook = ROOT / "hooks" / "posebook_hook.py"
    code = f"""
import importlib.util, time
import mkdocs.plugins, mkdocs.structure.files, mkdocs.exceptions
start = time.perf_counter()
spec = importlib.util.spec_from_file_location("posebook_hook", {str(hook)!r})
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
hook = time.perf_counter() - start
import posebook.build
print(hook, time.perf_counter() - start)
"""
    runs = []
    for _ in range(repeats):
        result = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=ENV, check=True)
        runs.append([float(x) for x in result.stdout.split()])
    runs.sort()
    middle = runs[len(runs) // 2]
    return {"hook_seconds": round(middle[0], 3), "hook_and_package_seconds": round(middle[1], 3)}


def peer(project: Path, docs: Path) -> dict:
    """mkdocs-to-pdf's whole-site PDF of the same library, in a venv of its own, if it installs."""
    venv = ROOT / "bench" / ".peer-venv"
    if not (venv / "bin" / "mkdocs").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        install = subprocess.run(
            [
                str(venv / "bin" / "pip"),
                "install",
                "-q",
                "mkdocs==1.6.1",
                "mkdocs-material",
                "mkdocs-to-pdf",
                "pymdown-extensions",
            ],
            capture_output=True,
            text=True,
        )
        if install.returncode != 0:
            return {"installed": False, "why": install.stderr.strip().splitlines()[-1:]}
    config = write_config(project, docs, with_posebook=False).read_text(encoding="utf-8")
    config = config.replace(
        "plugins:\n  - search\n", "plugins:\n  - search\n  - to-pdf:\n      output_path: whole-site.pdf\n"
    )
    (project / "peer.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [str(venv / "bin" / "mkdocs"), "build", "-q", "-f", "peer.yml", "-d", "peer-site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    pdf = project / "peer-site" / "whole-site.pdf"
    if result.returncode != 0 or not pdf.exists():
        return {"installed": True, "ran": False, "why": result.stderr.strip().splitlines()[-3:]}
    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    version = subprocess.run(
        [str(venv / "bin" / "pip"), "show", "mkdocs-to-pdf"], capture_output=True, text=True
    ).stdout
    return {
        "installed": True,
        "ran": True,
        "seconds": round(seconds, 2),
        "pages": pages,
        "bytes": pdf.stat().st_size,
        "version": re.search(r"Version: (\S+)", version).group(1),
    }


def bench(sizes, with_peer: bool) -> dict:
    results = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
        },
        "sizes": {},
    }
    for name, poses, sequences in sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            project = Path(tmp)
            docs = synthetic(project, poses, sequences)
            plain = write_config(project, docs, with_posebook=False)
            ours = write_config(project, docs, with_posebook=True)
            cache = project / ".cache"
            a, a_peak, _ = build(plain, project, "plain")
            shutil.rmtree(cache, ignore_errors=True)
            b, b_peak, b_log = build(ours, project, "site")
            c, c_peak, c_log = build(ours, project, "site")
            pose_count = len(list((docs / "poses").glob("*.md")))
            edited = docs / "poses" / "supine-knee-to-chest.md"
            edited.write_text(
                edited.read_text(encoding="utf-8").replace(
                    "name: Supine Knee to Chest", "name: Supine Knee to Chest Pose"
                )
            )
            d, d_peak, d_log = build(ours, project, "site")
            users = sum(
                "pose: supine-knee-to-chest\n" in p.read_text(encoding="utf-8")
                for p in (docs / "sequences").glob("*.md")
            )
            fresh, _, _ = run(
                ["posebook", "card", "iliopsoas-release", "-f", str(ours), "-o", str(project / "one.pdf")], project
            )
            warm = warm_seconds(docs, "card")
            warm_sheet = warm_seconds(docs, "student")
            entry = {
                "poses": pose_count,
                "sequences": len(list((docs / "sequences").glob("*.md"))),
                "plain_seconds": round(a, 2),
                "posebook_seconds": round(b, 2),
                "rebuild_seconds": round(c, 2),
                "edit_rebuild_seconds": round(d, 2),
                "b_over_a": round(b / a, 2),
                "c_over_a": round(c / a, 2),
                "d_over_a": round(d / a, 2),
                "cards_rendered_build": rendered(b_log),
                "cards_rendered_rebuild": rendered(c_log),
                "cards_rendered_after_edit": rendered(d_log),
                # Each sequence has four printables: the class card and the take-home sheet, A4 and Letter.
                "cards_expected_after_edit": 4 * users,
                "card_fresh_process_seconds": round(fresh, 2),
                "card_warm_seconds": round(warm, 3),
                "sheet_warm_seconds": round(warm_sheet, 3),
                "peak_memory_plain_mb": round(a_peak / 1024),
                "peak_memory_posebook_mb": round(max(b_peak, c_peak, d_peak) / 1024),
            }
            if with_peer and name in ("seed", "100"):
                entry["peer_mkdocs_to_pdf"] = peer(project, docs)
            if name == "seed":
                results["preview"] = preview(project, docs, ours, a)
                print(f"preview: {json.dumps(results['preview'])}", file=sys.stderr, flush=True)
            results["sizes"][name] = entry
            print(f"{name}: {json.dumps(entry)}", file=sys.stderr, flush=True)
    sizes_done = results["sizes"]
    if "100" in sizes_done and "1000" in sizes_done:
        results["growth_100_to_1000"] = {
            key: round(sizes_done["1000"][key] / sizes_done["100"][key], 2)
            for key in ("posebook_seconds", "rebuild_seconds", "edit_rebuild_seconds", "plain_seconds")
        }
    results["imports"] = import_seconds()
    return results


# --- the preview ------------------------------------------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> bytes | None:
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return None


def until(predicate, timeout: float = 300.0, every: float = 0.02) -> float:
    """Seconds until predicate() is true (polled), or nan after the timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(every)
    return float("nan")


def preview(project: Path, docs: Path, config: Path, plain: float) -> dict:
    """`mkdocs serve` on a library whose cards are in the cache: start-up until the sequence page is served,
    then save → the page served with the change, for a body edit and a caution edit, and until the card
    served changes after the caution edit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    process = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        sequence = base + "sequences/iliopsoas-release/"
        up = until(lambda: b"Iliopsoas Release" in (fetch(sequence) or b""))
        startup = time.perf_counter() - started if up == up else float("nan")
        pose_path = docs / "poses" / "low-lunge-side-bend.md"
        pose_url = base + "poses/low-lunge-side-bend/"
        card_url = base + "cards/iliopsoas-release-a4.pdf"
        text = pose_path.read_text(encoding="utf-8")
        time.sleep(1.0)  # the watcher settles after start-up
        pose_path.write_text(text + "\nBenchmark body edit.\n", encoding="utf-8")
        body = until(lambda: b"Benchmark body edit." in (fetch(pose_url) or b""))
        time.sleep(1.0)
        card_before = fetch(card_url)
        # The caution as the page shows it (advice) and as the card prints it (card).
        edited = (
            pose_path.read_text(encoding="utf-8")
            .replace(
                "advice: Cushion the back knee with a folded blanket.",
                "advice: Cushion the back knee with a folded blanket or a towel.",
                1,
            )
            .replace("pad the back knee with a blanket", "pad the back knee with a blanket or towel", 1)
        )
        started_edit = time.perf_counter()
        pose_path.write_text(edited, encoding="utf-8")
        caution = until(lambda: b"folded blanket or a towel" in (fetch(pose_url) or b""))
        # The new card, not the note or the old card the preview serves while it is made.
        card = until(lambda: len(fetch(card_url) or b"") > 5000 and fetch(card_url) != card_before, timeout=120)
        card = time.perf_counter() - started_edit if card == card else float("nan")
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {
        "serve_startup_seconds": round(startup, 2),
        "plain_build_seconds": round(plain, 2),
        "startup_over_plain": round(startup / plain, 2),
        "body_edit_to_page_seconds": round(body, 2),
        "caution_edit_to_page_seconds": round(caution, 2),
        "caution_edit_to_card_seconds": round(card, 2),
    }


def table(results: dict) -> str:
    rows = [
        "| library | poses | sequences | plain (a) | posebook (b) | b/a | rebuild (c) | c/a | cards | edit one pose "
        "(d) "
        "| d/a | printables (expected) | card, fresh | card, warm | sheet, warm | peak MB |",
        "| --- " + "| ---: " * 15 + "|",
    ]
    for name, e in results["sizes"].items():
        rows.append(
            f"| {name} | {e['poses']} | {e['sequences']} | {e['plain_seconds']} s | {e['posebook_seconds']} s "
            f"| {e['b_over_a']} | {e['rebuild_seconds']} s | {e['c_over_a']} | {e['cards_rendered_rebuild']} "
            f"| {e['edit_rebuild_seconds']} s | {e['d_over_a']} | {e['cards_rendered_after_edit']} "
            f"({e['cards_expected_after_edit']}) | {e['card_fresh_process_seconds']} s | {e['card_warm_seconds']} s "
            f"| {e['sheet_warm_seconds']} s | {e['peak_memory_posebook_mb']} |"
        )
    out = "\n".join(rows)
    if "growth_100_to_1000" in results:
        g = results["growth_100_to_1000"]
        out += (
            f"\n\nGrowth from 100 to 1,000 poses (linear is ×10): cold build (b) ×{g['posebook_seconds']}, "
            f"rebuild (c) ×{g['rebuild_seconds']}, edit one pose (d) ×{g['edit_rebuild_seconds']}; "
            f"plain Material (a) ×{g['plain_seconds']}."
        )
    if "preview" in results:
        v = results["preview"]
        out += (
            "\n\n| preview (seed library) | seconds | against |\n| --- | ---: | --- |\n"
            f"| `mkdocs serve` start-up, warm cache | {v['serve_startup_seconds']} s | "
            f"{v['startup_over_plain']} × a plain build ({v['plain_build_seconds']} s) |\n"
            f"| save → page served, body edit | {v['body_edit_to_page_seconds']} s | |\n"
            f"| save → page served, caution edit | {v['caution_edit_to_page_seconds']} s | |\n"
            f"| save → card served, caution edit | {v['caution_edit_to_card_seconds']} s | |"
        )
    if "imports" in results:
        i = results["imports"]
        out += (
            f"\n\nImporting the hook: {i['hook_seconds']} s; the hook and the package its first build needs: "
            f"{i['hook_and_package_seconds']} s (median of 5 fresh processes)."
        )
    peers = {n: e["peer_mkdocs_to_pdf"] for n, e in results["sizes"].items() if "peer_mkdocs_to_pdf" in e}
    for name, p in peers.items():
        if p.get("ran"):
            out += (
                f"\n\nmkdocs-to-pdf {p['version']} on the {name} library: {p['seconds']} s for one whole-site PDF of "
                f"{p['pages']} pages, {p['bytes']:,} bytes."
            )
        else:
            out += f"\n\nmkdocs-to-pdf on the {name} library: did not run ({p})."
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="seed,100,500,1000", help="which libraries (default: all)")
    parser.add_argument("--no-peer", action="store_true", help="skip mkdocs-to-pdf")
    parser.add_argument("-o", "--output", default=str(ROOT / "bench" / "results.json"))
    args = parser.parse_args()
    wanted = args.sizes.split(",")
    started = time.perf_counter()
    results = bench([s for s in SIZES if s[0] in wanted], with_peer=not args.no_peer)
    results["bench_minutes"] = round((time.perf_counter() - started) / 60, 1)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
