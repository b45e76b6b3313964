"""Rendering templates to .docx and writing outputs safely.

The renderer (Jinja, lxml, docxtpl) is imported on first use, so commands that only write
files (an empty batch, a blank form, the index) do not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docgen.render.write import write_atomic

if TYPE_CHECKING:
    from docgen.render.engine import prepare, render_to_bytes

__all__ = ["prepare", "render_to_bytes", "write_atomic"]


def __getattr__(name: str) -> Any:
    if name in ("prepare", "render_to_bytes"):
        from docgen.render import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'docgen.render' has no attribute {name!r}")
