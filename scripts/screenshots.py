"""Screenshots for review: the home page, a pose page and the sequence page at desktop and phone
widths, in light and dark palettes, and every page of every printable. Run by `make screenshots`.

Figures and images are loaded before each capture (lazy images below the fold would be blank in a
full-page screenshot otherwise)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import guard, launch, serve  # noqa: E402

PAGES = {
    "home": "",
    "sequence": "sequences/iliopsoas-release/",
    "pose": "poses/supported-bridge-variations/",
    "poses": "poses/",
    "props": "props/",
}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

LOAD_EVERYTHING = """async () => {
    document.querySelectorAll('img[loading="lazy"]').forEach(img => { img.loading = 'eager'; });
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise(done => requestAnimationFrame(done));
    }
    window.scrollTo(0, 0);
    await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
}"""


def main(site: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    outside: list[str] = []
    written = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for scheme in ("light", "dark"):
                for width_name, (width, height) in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                    guard(context, base, outside)
                    page = context.new_page()
                    for name, path in PAGES.items():
                        page.goto(base + path, wait_until="load")
                        page.evaluate(LOAD_EVERYTHING)
                        target = out / f"{name}-{width_name}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        written.append(target)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    for card in sorted((site / "cards").glob("*.pdf")):
        for dpi in (50, 150):
            subprocess.run(
                ["pdftoppm", "-r", str(dpi), "-png", str(card), str(out / f"{card.stem}-{dpi}dpi")], check=True
            )
        written += sorted(out.glob(f"{card.stem}-*dpi*.png"))
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if outside:
        print(f"refused {len(outside)} requests to other hosts: {outside[:5]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(ROOT / "site", ROOT / "screenshots"))
