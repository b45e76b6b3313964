"""Rendering templates to .docx and writing outputs safely."""

from __future__ import annotations

from docgen.render.engine import prepare, render_to_bytes
from docgen.render.write import write_atomic

__all__ = ["prepare", "render_to_bytes", "write_atomic"]
