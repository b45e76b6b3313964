"""The one way docgen opens a file: forms, data files, case.yaml, evidence, templates and
uploads all come through here, with budgets in size, XML tags and time.

An Office file (a zip of parts) is checked before anything is inflated: its size on disk, the
number of parts, and the size each part and all of them claim; each part is then inflated
through a counter that stops at the limit whatever the zip's directory claims, each XML part
is parsed once, without DTDs, entities or network access, and only after its tags are counted
(a part of millions of empty paragraphs is refused in milliseconds, before it is parsed).
Memory stays within the budget: at most the file, the parts read, and about 150 bytes per
XML tag parsed. A file that takes longer than its time budget is refused as well.
"""

from __future__ import annotations

from typing import Any

from docgen.safe_open.files import check_template, open_package, read_file, read_text
from docgen.safe_open.limits import EVIDENCE, FORM, MB, TEMPLATE, Limits, refuse
from docgen.safe_open.package import Package, parse_xml, resolve, safe_parser

__all__ = ["EVIDENCE", "FORM", "MB", "TEMPLATE", "Limits", "Package", "check_template",
           "open_package", "parse_xml", "read_file", "read_text", "refuse", "resolve",
           "safe_parser"]


def __getattr__(name: str) -> Any:
    if name == "SAFE_PARSER":
        return safe_parser()
    raise AttributeError(f"module 'docgen.safe_open' has no attribute {name!r}")
