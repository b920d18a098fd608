"""What a printed page shows, read back from a PDF the way a reader would check it: text runs with
their size in points and place, the figures of the structure tree with their drawn size, the small
squares drawn on the page (tick boxes), and how close the ink comes to each edge of the paper."""

from __future__ import annotations

import math
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MM = 72 / 25.4  # points in a millimetre
PX_MM = 25.4 / 96  # WeasyPrint's structure boxes are in CSS pixels


@dataclass(frozen=True)
class Run:
    page: int
    text: str
    size: float  # points
    x: float  # points from the left edge
    y: float  # points from the bottom edge


@dataclass(frozen=True)
class Figure:
    page: int
    alt: str
    width_mm: float
    height_mm: float


def _multiply(a, b):
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def runs(path: Path) -> list[Run]:
    """Every piece of text as drawn, with its size in points (font size times the text and page scale)."""
    found: list[Run] = []
    for number, page in enumerate(PdfReader(path).pages):

        def visit(text, cm, tm, font, size, number=number):
            if not text.strip():
                return
            m = _multiply(tm, cm)
            scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            found.append(Run(number, text, round(size * scale, 2), m[4], m[5]))

        page.extract_text(visitor_text=visit)
    return found


def squares(path: Path) -> list[tuple[int, float]]:
    """(page, side in mm) of every square drawn with a rectangle operator, after the page's transformation."""
    found: list[tuple[int, float]] = []
    for number, page in enumerate(PdfReader(path).pages):

        def visit(operator, operands, cm, tm, number=number):
            if operator == b"re" and len(operands) == 4:
                w = abs(float(operands[2]) * cm[0])
                h = abs(float(operands[3]) * cm[3])
                if w > 0 and abs(w - h) < 0.05:
                    found.append((number, round(w / MM, 2)))

        page.extract_text(visitor_operand_before=visit)
    return found


def structure(path: Path):
    """Every element of the structure tree, depth first, and the reader (for page numbers)."""
    reader = PdfReader(path)
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            yield node
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    yield from walk(kid)

    return list(walk(reader.trailer["/Root"]["/StructTreeRoot"])), pages


def figures(path: Path) -> list[Figure]:
    """The figures of the structure tree, in reading order, with their drawn size."""
    elements, pages = structure(path)
    found = []
    for element in elements:
        if element.get("/S") != "/Figure":
            continue
        x1, y1, x2, y2 = (float(v) for v in element["/A"]["/BBox"])
        page = pages.get(element.raw_get("/Pg").idnum, -1)
        found.append(Figure(page, str(element.get("/Alt", "")), (x2 - x1) * PX_MM, (y2 - y1) * PX_MM))
    return found


def ink_margins(path: Path, dpi: int = 100) -> list[tuple[float, float, float, float]]:
    """For each page, how far the ink stays from the left, top, right and bottom edges, in mm."""
    margins = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(path), f"{folder}/p"], check=True)
        for image in sorted(Path(folder).glob("p*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
            width, height, pixels = _pgm(image.read_bytes())
            rows = [y for y in range(height) if min(pixels[y * width : (y + 1) * width]) < 200]
            columns = [x for x in range(width) if min(pixels[x::width]) < 200]
            mm = 25.4 / dpi
            margins.append(
                (columns[0] * mm, rows[0] * mm, (width - 1 - columns[-1]) * mm, (height - 1 - rows[-1]) * mm)
            )
    return margins


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    fields = []
    i = 0
    while len(fields) < 4:
        while data[i : i + 1].isspace():
            i += 1
        j = i
        while not data[j : j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[i + 1 : i + 1 + width * height]
