"""Small 3D vector helpers: points and directions as tuples of floats, and a joint's frame."""

from __future__ import annotations

import math
from typing import NamedTuple

Vec = tuple[float, float, float]


def add(a: Vec, b: Vec) -> Vec:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def sub(a: Vec, b: Vec) -> Vec:
    return a[0] - b[0], a[1] - b[1], a[2] - b[2]


def mul(a: Vec, k: float) -> Vec:
    return a[0] * k, a[1] * k, a[2] * k


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]


def norm(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec, fallback: Vec = (1.0, 0.0, 0.0)) -> Vec:
    n = norm(a)
    return mul(a, 1 / n) if n > 1e-9 else fallback


def along(origin: Vec, direction: Vec, length: float) -> Vec:
    return add(origin, mul(direction, length))


def mix(*terms: tuple[Vec, float]) -> Vec:
    """A sum of vectors times weights."""
    x = y = z = 0.0
    for v, k in terms:
        x += v[0] * k
        y += v[1] * k
        z += v[2] * k
    return x, y, z


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """v turned about a unit axis by an angle (right hand rule)."""
    r = math.radians(degrees)
    c, s = math.cos(r), math.sin(r)
    k = axis
    return mix((v, c), (cross(k, v), s), (k, dot(k, v) * (1 - c)))


def angle_between(a: Vec, b: Vec) -> float:
    """Degrees between two directions."""
    c = dot(unit(a), unit(b))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def segment_distance(p: Vec, a: Vec, b: Vec) -> tuple[float, float]:
    """How far p is from the segment a-b, and where along it (0 at a, 1 at b) the nearest point is."""
    ab = sub(b, a)
    length2 = dot(ab, ab)
    t = 0.0 if length2 < 1e-12 else max(0.0, min(1.0, dot(sub(p, a), ab) / length2))
    return norm(sub(p, lerp(a, b, t))), t


class Frame(NamedTuple):
    """A body part's own directions in the world: f its front, u along it toward its root (the head
    for the trunk), l toward the near side of the body. f × u = l."""

    f: Vec
    u: Vec
    l: Vec

    def turn(self, axis: str, degrees: float) -> Frame:
        """This frame turned about one of its own axes ('f', 'u' or 'l')."""
        if not degrees:
            return self
        k = getattr(self, axis)
        return Frame(*(v if name == axis else rotate(v, k, degrees) for name, v in zip("ful", self)))

    @staticmethod
    def from_u(u: Vec, l: Vec) -> Frame:
        """The frame whose u is given, keeping l as close as it can."""
        u = unit(u)
        f = unit(cross(u, l), fallback=unit(cross(u, (0.0, 0.0, 1.0)), fallback=(1.0, 0.0, 0.0)))
        return Frame(f, u, cross(f, u))
