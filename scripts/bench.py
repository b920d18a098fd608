"""`make bench`: build synthetic libraries shaped like the real one, side by side with a plain
Material build of the same Markdown, and print a Markdown table of ratios; the figures also go
to bench/results.json.

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


def run(args: list[str], cwd: Path) -> tuple[float, int, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    start = time.perf_counter()
    result = subprocess.run([PY, "-c", MEASURE, *args], cwd=cwd, env=env, capture_output=True, text=True)
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


def warm_card_seconds(docs: Path, repeats: int = 5) -> float:
    code = f"""
import sys, time, statistics
from posebook.read import load_library
from posebook.card import card_html, html_to_pdf, CardSettings
library = load_library({str(docs)!r})
sequence = library.sequences["iliopsoas-release"]
settings = CardSettings(site_url={SITE_URL!r})
html_to_pdf(card_html(library, sequence, "a4", settings), sequence, settings)
times = []
for _ in range({repeats}):
    start = time.perf_counter()
    html_to_pdf(card_html(library, sequence, "a4", settings), sequence, settings)
    times.append(time.perf_counter() - start)
print(statistics.median(times))
"""
    return float(subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True).stdout.strip())


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
            c, _, c_log = build(ours, project, "site")
            pose_count = len(list((docs / "poses").glob("*.md")))
            edited = docs / "poses" / "supine-knee-to-chest.md"
            edited.write_text(
                edited.read_text(encoding="utf-8").replace(
                    "name: Supine Knee to Chest", "name: Supine Knee to Chest Pose"
                )
            )
            d, _, d_log = build(ours, project, "site")
            users = sum(
                "pose: supine-knee-to-chest\n" in p.read_text(encoding="utf-8")
                for p in (docs / "sequences").glob("*.md")
            )
            fresh, _, _ = run(
                ["posebook", "card", "iliopsoas-release", "-f", str(ours), "-o", str(project / "one.pdf")], project
            )
            warm = warm_card_seconds(docs)
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
                "cards_expected_after_edit": 2 * users,
                "card_fresh_process_seconds": round(fresh, 2),
                "card_warm_seconds": round(warm, 3),
                "peak_memory_mb": round(max(b_peak, a_peak) / 1024),
                "peak_memory_posebook_mb": round(b_peak / 1024),
            }
            if with_peer and name in ("seed", "100"):
                entry["peer_mkdocs_to_pdf"] = peer(project, docs)
            results["sizes"][name] = entry
            print(f"{name}: {json.dumps(entry)}", file=sys.stderr, flush=True)
    sizes_done = results["sizes"]
    if "100" in sizes_done and "1000" in sizes_done:
        results["growth_100_to_1000"] = round(
            sizes_done["1000"]["posebook_seconds"] / sizes_done["100"]["posebook_seconds"], 2
        )
    return results


def table(results: dict) -> str:
    rows = [
        "| library | poses | sequences | plain (a) | posebook (b) | b/a | rebuild (c) | c/a | cards | edit one pose "
        "(d) "
        "| d/a | cards (expected) | card, fresh | card, warm | peak MB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, e in results["sizes"].items():
        rows.append(
            f"| {name} | {e['poses']} | {e['sequences']} | {e['plain_seconds']} s | {e['posebook_seconds']} s "
            f"| {e['b_over_a']} | {e['rebuild_seconds']} s | {e['c_over_a']} | {e['cards_rendered_rebuild']} "
            f"| {e['edit_rebuild_seconds']} s | {e['d_over_a']} | {e['cards_rendered_after_edit']} "
            f"({e['cards_expected_after_edit']}) | {e['card_fresh_process_seconds']} s | {e['card_warm_seconds']} s "
            f"| {e['peak_memory_posebook_mb']} |"
        )
    out = "\n".join(rows)
    if "growth_100_to_1000" in results:
        growth = results["growth_100_to_1000"]
        out += f"\n\nGrowth of the posebook build from 100 to 1,000 poses: ×{growth} (linear is ×10)."
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
    results = bench([s for s in SIZES if s[0] in wanted], with_peer=not args.no_peer)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
