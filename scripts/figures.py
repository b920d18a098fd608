"""Draw every figure of the library on a review sheet, to look at before you stop: `make figures`
writes figures/sheet.pdf and one PNG per page (figures/sheet-N.png), and prints each figure's alt
text. The sheet shows every figure large with its caption and alt text, then all of them at the
size the site shows them and at the size the card prints them (one scale for all, so a standing
and a lying figure show their true sizes side by side), then every prop shape the figures know.

    .venv/bin/python scripts/figures.py [DOCS] [OUT]"""

from __future__ import annotations

import base64
import html
import subprocess
import sys
from pathlib import Path

from weasyprint import HTML

from posebook.figure import (
    CARD_MM_PER_CM,
    SITE_PX_PER_CM,
    alt_text,
    drawings,
    layout,
    scene,
    svg,
)
from posebook.model import Figure, FigureProp, Prop
from posebook.problems import format_problems
from posebook.read import try_load_library

LARGE_MM_PER_CM = 0.62
PX_MM = 25.4 / 96  # one CSS px in mm

# Figures no pose of the library has yet, to see every prop shape drawn.
PROP_SAMPLES = [
    (
        "Bolster under the knees",
        Figure(
            base="supine",
            near={"hip": 22, "knee": 60},
            far={"hip": 22, "knee": 60},
            props=[FigureProp(prop="bolster", under="knees")],
        ),
    ),
    (
        "Pillow under the head",
        Figure(
            base="side-lying",
            near_side="left",
            near={"hip": 60, "knee": 80},
            far={"hip": 60, "knee": 80},
            props=[FigureProp(prop="pillow", under="head")],
        ),
    ),
    (
        "Lying on a table, one leg down",
        Figure(
            base="supine",
            near={"hip": 115, "knee": 120},
            far={"hip": -40},
            props=[FigureProp(prop="table", under="sacrum")],
        ),
    ),
    (
        "Block held",
        Figure(
            base="kneeling",
            near_side="left",
            trunk=0,
            near={"hip": -28, "knee": 68},
            far={"hip": 92, "knee": 72},
            reach={"right hand": "right hip"},
            props=[FigureProp(prop="block", held="left hand")],
        ),
    ),
]
SAMPLE_PROPS = {
    slug: Prop(name=name, summary=name, shape=shape, slug=slug)
    for slug, name, shape in [
        ("bolster", "Bolster", "bolster"),
        ("pillow", "Pillow", "pillow"),
        ("table", "Bed or therapy table", "table"),
        ("block", "Block", "block"),
    ]
}


def _img(svg_text: str, width_mm: float, height_mm: float, alt: str) -> str:
    data = base64.b64encode(svg_text.encode()).decode()
    return (
        f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}" '
        f'style="width: {width_mm:.2f}mm; height: {height_mm:.2f}mm">'
    )


def main(docs: str = "docs", out: str = "figures") -> int:
    library, problems = try_load_library(docs)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    found = []
    for pose in library.poses.values():
        for drawing in drawings(pose, library.props):
            found.append((pose, drawing))
            print(f"{drawing.rel}: {drawing.alt}")
    large, site, card = [], [], []
    for pose, d in found:
        caption = html.escape(f"{pose.name}" + (f" · {d.caption}" if d.caption else ""))
        size = f"{d.width:.0f} × {d.height:.0f} cm"
        large.append(
            f'<figure class="large">{_img(d.svg, d.width * LARGE_MM_PER_CM, d.height * LARGE_MM_PER_CM, d.alt)}'
            f'<figcaption><b>{caption}</b> <span class="size">{size}</span><br>'
            f"{html.escape(d.alt)}</figcaption></figure>"
        )
        site.append(
            f'<figure class="small">'
            f"{_img(d.svg, d.width * SITE_PX_PER_CM * PX_MM, d.height * SITE_PX_PER_CM * PX_MM, d.alt)}"
            f"<figcaption>{caption}</figcaption></figure>"
        )
        card.append(
            f'<figure class="tiny">{_img(d.svg, d.width * CARD_MM_PER_CM, d.height * CARD_MM_PER_CM, d.alt)}'
            f"<figcaption>{html.escape(d.position or pose.name)}</figcaption></figure>"
        )
    samples = []
    for label, figure in PROP_SAMPLES:
        laid = layout(figure, SAMPLE_PROPS)
        drawn = scene(laid)
        alt = alt_text(laid)
        w, h = drawn.canvas.width, drawn.canvas.height
        samples.append(
            f'<figure class="large">{_img(svg(drawn, alt), w * LARGE_MM_PER_CM, h * LARGE_MM_PER_CM, alt)}'
            f"<figcaption><b>{html.escape(label)}</b><br>{html.escape(alt)}</figcaption></figure>"
        )
    widest = max(found, key=lambda item: item[1].width)[1]
    tallest = max(found, key=lambda item: item[1].height)[1]
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>posebook figures</title><style>"
        "@page { size: A4; margin: 8mm } body { font: 7pt sans-serif; margin: 0 }"
        "h1 { font-size: 11pt; margin: 0 0 2mm } h1 { break-before: page } h1:first-child { break-before: auto }"
        "p { margin: 0 0 3mm }"
        "figure { display: inline-block; margin: 0 3mm 4mm 0; vertical-align: bottom; break-inside: avoid }"
        "figure.large figcaption { width: 62mm } figure.small figcaption, figure.tiny figcaption { width: 22mm }"
        "figure.tiny { margin: 0 2mm 2mm 0 } figure.tiny figcaption { font-size: 5pt }"
        "img { display: block; outline: 0.3pt solid #ccc } .size { color: #666 }"
        "</style></head><body>"
        f"<h1>Every figure, large ({LARGE_MM_PER_CM} mm per cm of body)</h1>"
        + "".join(large)
        + f"<h1>At the site's size ({SITE_PX_PER_CM} px per cm of body)</h1>"
        f"<p>Widest canvas: {html.escape(widest.rel)}, {widest.width:.0f} cm; tallest: "
        f"{html.escape(tallest.rel)}, {tallest.height:.0f} cm.</p>"
        + "".join(site)
        + f"<h1>At the card's size ({CARD_MM_PER_CM} mm per cm of body)</h1>"
        + "".join(card)
        + "<h1>Every prop shape</h1>"
        + "".join(samples)
        + "</body></html>"
    )
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("sheet-*.png"):
        old.unlink()
    HTML(string=page).write_pdf(target / "sheet.pdf")
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(target / "sheet.pdf"), str(target / "sheet")], check=True)
    print(f"wrote {target / 'sheet.pdf'} and its pages as PNG")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
