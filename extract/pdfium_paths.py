"""A page's drawn paths, read with pypdfium2, as the horizontal and vertical rules of its tables: the same
edges pdfplumber finds (in its coordinates: points from the top left), from the same thresholds."""

from __future__ import annotations

import ctypes
from typing import Iterator, NamedTuple, Sequence

import pypdfium2.raw as pdfium_c

from .layout import MIN_RULE_HEIGHT, MIN_RULE_WIDTH, Rule, VerticalRule

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
MAX_FORM_DEPTH = 8  # forms drawn inside forms deeper than this are not followed


class Edge(NamedTuple):
    orientation: str | None  # h | v | None
    x0: float
    top: float
    x1: float
    bottom: float


# --- matrices ------------------------------------------------------------------


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The transformation that applies ``first``, then ``then``."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> Point:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def page_to_view(mediabox: Sequence[float], rotation: int) -> tuple[Matrix, float, float]:
    """User space → pdfplumber's page space (top = height - y), with the page's width and height.

    pdfminer turns the page upright and moves the media box to the origin; pdfplumber
    moves it back by the corner of the media box as it sees it (x and y swapped on a
    page turned a quarter).
    """
    x0, y0, x1, y1 = mediabox
    if rotation == 90:
        turn = (0, -1, 1, 0, -y0, x1)
    elif rotation == 180:
        turn = (-1, 0, 0, -1, x1, y1)
    elif rotation == 270:
        turn = (0, 1, -1, 0, y1, -x0)
    else:
        turn = (1, 0, 0, 1, -x0, -y0)
    left, bottom, right, top = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
    return multiply(turn, (1, 0, 0, 1, left, bottom)), right - left, top - bottom


# --- paths → edges ---------------------------------------------------------------


def segments_to_subpaths(segments: Sequence[tuple[int, bool, Point]]) -> list[list[tuple[str, Point]]]:
    """pdfium's path segments (kind, closes, point) → pdfminer's subpaths of (operator, end point)."""
    subpaths: list[list[tuple[str, Point]]] = []
    curve_points = 0
    for kind, closes, point in segments:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([("m", point)])
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curve_points += 1
            if curve_points % 3 == 0:
                subpaths[-1].append(("c", point))
        else:
            subpaths[-1].append(("l", point))
        if closes:
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    return subpaths


def subpath_to_shape(ops: Sequence[tuple[str, Point]]) -> tuple[str, list[Point]] | None:
    """pdfminer's reading of one subpath: a line, a rectangle, or a curve through its points."""
    shape = "".join(op for op, _ in ops)
    points = [p for _, p in ops]
    if not shape.startswith("m") or len(shape) < 2:
        return None
    if len(shape) > 3 and shape.endswith("lh") and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-1]
    if shape in ("ml", "mlh"):
        return "line", points[:2]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
        closed = points[0] == points[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            return "rect", points
    return "curve", points


def shape_to_edges(kind: str, points: Sequence[Point], height: float) -> list[Edge]:
    """pdfplumber's edges of a line, rectangle or curve, in top-left coordinates."""
    flipped = [(x, height - y) for x, y in points]
    if kind == "rect":
        (xa, ta), (xb, tb) = flipped[0], flipped[2]
        x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ta, tb), max(ta, tb)
        return [
            Edge("h", x0, top, x1, top),
            Edge("h", x0, bottom, x1, bottom),
            Edge("v", x0, top, x0, bottom),
            Edge("v", x1, top, x1, bottom),
        ]
    pairs = zip(flipped[:1], flipped[1:2]) if kind == "line" else zip(flipped, flipped[1:])
    edges = []
    for (xa, ta), (xb, tb) in pairs:
        if kind == "line":
            orientation = "h" if ta == tb else "v"
        else:
            orientation = "v" if xa == xb else ("h" if ta == tb else None)
        edges.append(Edge(orientation, min(xa, xb), min(ta, tb), max(xa, xb), max(ta, tb)))
    return edges


def edges_to_rules(edges: Sequence[Edge]) -> tuple[tuple[Rule, ...], tuple[VerticalRule, ...]]:
    """Horizontal edges at least a rule wide, vertical ones at least a rule tall."""
    rules = tuple(Rule(e.x0, e.x1, e.top) for e in edges if e.orientation == "h" and e.x1 - e.x0 >= MIN_RULE_WIDTH)
    verticals = tuple(
        VerticalRule(e.x0, e.top, e.bottom) for e in edges if e.orientation == "v" and e.bottom - e.top >= MIN_RULE_HEIGHT
    )
    return rules, verticals


# --- pdfium: paths -----------------------------------------------------------------


def matrix_of(raw) -> Matrix:
    return (raw.a, raw.b, raw.c, raw.d, raw.e, raw.f)


def path_to_segments(obj, m: Matrix) -> list[tuple[int, bool, Point]]:
    """A path object's segments, their points taken through ``m``."""
    x, y = ctypes.c_float(), ctypes.c_float()
    segments = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        kind, closes = pdfium_c.FPDFPathSegment_GetType(segment), bool(pdfium_c.FPDFPathSegment_GetClose(segment))
        segments.append((kind, closes, apply(m, x.value, y.value)))
    return segments


def objects_to_paths(
    objects: Sequence, view: Matrix, *, depth: int = 0, wanted: int = pdfium_c.FPDF_PAGEOBJ_PATH
) -> Iterator[tuple[object, Matrix]]:
    """Every path object (or object of the `wanted` type) with the matrix that takes its points to the view,
    those in form XObjects included."""
    raw = pdfium_c.FS_MATRIX()
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == wanted or (kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH):
            pdfium_c.FPDFPageObj_GetMatrix(obj, raw)
            m = multiply(matrix_of(raw), view)
            if kind == wanted:
                yield obj, m
            else:
                inner = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
                yield from objects_to_paths(inner, m, depth=depth + 1, wanted=wanted)


def page_to_images(page, view: Matrix, height: float) -> tuple[tuple[float, float, float, float], ...]:
    """Where the page's images are drawn (x0, top, x1, bottom from the top left), those in forms included:
    an image fills the unit square its matrix takes to the page."""
    objects = [pdfium_c.FPDFPage_GetObject(page, i) for i in range(pdfium_c.FPDFPage_CountObjects(page))]
    boxes = []
    for _, m in objects_to_paths(objects, view, wanted=pdfium_c.FPDF_PAGEOBJ_IMAGE):
        xs, ys = zip(*(apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))))
        boxes.append((min(xs), height - max(ys), max(xs), height - min(ys)))
    return tuple(boxes)


def page_to_edges(page, view: Matrix, height: float) -> list[Edge]:
    """The page's drawn lines, then rectangles, then curves, as pdfplumber lists its edges."""
    objects = [pdfium_c.FPDFPage_GetObject(page, i) for i in range(pdfium_c.FPDFPage_CountObjects(page))]
    shapes: dict[str, list[Edge]] = {"line": [], "rect": [], "curve": []}
    for obj, m in objects_to_paths(objects, view):
        for ops in segments_to_subpaths(path_to_segments(obj, m)):
            shape = subpath_to_shape(ops)
            if shape is not None:
                shapes[shape[0]].extend(shape_to_edges(*shape, height))
    return shapes["line"] + shapes["rect"] + shapes["curve"]
