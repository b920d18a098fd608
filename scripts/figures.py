"""Draw every figure of the library on one sheet, to look at: `make figures` writes
figures/sheet.pdf and one PNG per page (figures/sheet-N.png), and prints each figure's alt text.

    .venv/bin/python scripts/figures.py [DOCS] [OUT]"""

from __future__ import annotations

import base64
import html
import subprocess
import sys
from pathlib import Path

from weasyprint import HTML

from posebook.figure import drawings
from posebook.read import try_load_library
from posebook.problems import format_problems


def main(docs: str = "docs", out: str = "figures") -> int:
    library, problems = try_load_library(docs)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    cells = []
    for pose in library.poses.values():
        for drawing in drawings(pose, library.props):
            data = base64.b64encode(drawing.svg.encode()).decode()
            caption = html.escape(f"{pose.name}" + (f" · {drawing.caption}" if drawing.caption else ""))
            cells.append(f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{html.escape(drawing.alt)}">'
                         f'<figcaption><b>{caption}</b><br>{html.escape(drawing.alt)}</figcaption></figure>')
            print(f"{drawing.rel}: {drawing.alt}")
    page = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>posebook figures</title><style>"
            "@page { size: A4; margin: 8mm } body { font: 7pt sans-serif; margin: 0 }"
            "figure { display: inline-block; width: 31%; margin: 0 1% 3mm; vertical-align: top; break-inside: avoid }"
            "img { display: block; width: 100%; height: 38mm; object-fit: contain; border: 0.4pt solid #ccc }"
            "</style></head><body>" + "".join(cells) + "</body></html>")
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    HTML(string=page).write_pdf(target / "sheet.pdf")
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(target / "sheet.pdf"), str(target / "sheet")], check=True)
    print(f"wrote {target / 'sheet.pdf'} and its pages as PNG")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
