"""Draws docgen's icon for the shortcuts: a page with lines on the page's own blue.

    python tools/make_icons.py

writes docgen/desktop/icons/: docgen.svg (Linux menus), docgen.png (256 px), docgen.ico
(Windows: 16, 24, 32, 48 and 256 px) and docgen.icns (macOS: 16 to 512 px). The shapes are
drawn here with the standard library (supersampled for smooth edges, PNG through zlib), so no
image package is needed; ICO and ICNS files hold the PNGs as both formats allow.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docgen" / "desktop" / "icons"
BLUE, WHITE, FOLD = (0x1F, 0x3A, 0x5F), (0xFF, 0xFF, 0xFF), (0xC9, 0xD6, 0xE6)
# On a unit square: a rounded tile, a page with its top-right corner folded, three lines.
TILE = (0.04, 0.04, 0.96, 0.96, 0.18)  # left, top, right, bottom, corner radius
PAGE = [(0.27, 0.16), (0.61, 0.16), (0.75, 0.30), (0.75, 0.84), (0.27, 0.84)]
FOLD_CORNER = [(0.61, 0.16), (0.61, 0.30), (0.75, 0.30)]
LINES = [(0.35, 0.42, 0.67, 0.47), (0.35, 0.54, 0.67, 0.59), (0.35, 0.66, 0.57, 0.71)]


def _in_tile(x: float, y: float) -> bool:
    left, top, right, bottom, r = TILE
    if not (left <= x <= right and top <= y <= bottom):
        return False
    cx = min(max(x, left + r), right - r)
    cy = min(max(y, top + r), bottom - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def _in_convex(x: float, y: float, polygon: list[tuple[float, float]]) -> bool:
    sign = 0
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
        if cross:
            if sign and (cross > 0) != (sign > 0):
                return False
            sign = 1 if cross > 0 else -1
    return True


def _colour(x: float, y: float) -> tuple[int, int, int, int]:
    if not _in_tile(x, y):
        return (0, 0, 0, 0)
    if any(a <= x <= c and b <= y <= d for a, b, c, d in LINES):
        return (*BLUE, 255)
    if _in_convex(x, y, FOLD_CORNER):
        return (*FOLD, 255)
    if _in_convex(x, y, PAGE):
        return (*WHITE, 255)
    return (*BLUE, 255)


def render(size: int, samples: int = 4) -> bytes:
    """RGBA rows, each pixel the average of samples × samples points."""
    rows = bytearray()
    n = samples * samples
    for py in range(size):
        rows.append(0)  # PNG filter type: none
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = _colour((px + (sx + 0.5) / samples) / size,
                                         (py + (sy + 0.5) / samples) / size)
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3]
            rows += bytes([round(total[0] / alpha) if alpha else 0,
                           round(total[1] / alpha) if alpha else 0,
                           round(total[2] / alpha) if alpha else 0, round(alpha / n)])
    return png(size, bytes(rows))


def png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size (0 means 256), then the PNGs."""
    offset = 6 + 16 * len(images)
    head, body = struct.pack("<HHH", 0, 1, len(images)), b""
    for size, data in sorted(images.items()):
        head += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data),
                            offset + len(body))
        body += data
    return head + body


ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
                    for size, data in sorted(images.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def svg() -> str:
    def points(polygon: list[tuple[float, float]]) -> str:
        return " ".join(f"{x * 256:g},{y * 256:g}" for x, y in polygon)

    left, top, right, bottom, r = (v * 256 for v in TILE)
    lines = "".join(
        f'<rect x="{a * 256:g}" y="{b * 256:g}" width="{(c - a) * 256:g}" '
        f'height="{(d - b) * 256:g}" fill="#1f3a5f"/>' for a, b, c, d in LINES)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" '
        'viewBox="0 0 256 256">'
        f'<rect x="{left:g}" y="{top:g}" width="{right - left:g}" height="{bottom - top:g}" '
        f'rx="{r:g}" fill="#1f3a5f"/>'
        f'<polygon points="{points(PAGE)}" fill="#ffffff"/>'
        f'<polygon points="{points(FOLD_CORNER)}" fill="#c9d6e6"/>{lines}</svg>\n')


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: render(size) for size in (16, 24, 32, 48, 64, 128, 256, 512)}
    (OUT / "docgen.png").write_bytes(images[256])
    (OUT / "docgen.ico").write_bytes(ico({s: images[s] for s in (16, 24, 32, 48, 256)}))
    (OUT / "docgen.icns").write_bytes(icns({s: images[s] for s in ICNS_TYPES}))
    (OUT / "docgen.svg").write_text(svg(), encoding="utf-8")
    for name in sorted(p.name for p in OUT.iterdir()):
        print(f"Wrote {OUT / name}")


if __name__ == "__main__":
    main()
