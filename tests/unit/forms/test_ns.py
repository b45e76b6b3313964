"""docgen's namespace map is python-docx's own (kept apart so reading a form does not import
python-docx). In a process that imported docxtpl, python-docx's map is no longer its own:
docxcompose adds prefixes and changes "cp", so it is read in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys

from docgen.forms.ns import nsmap, qn

_PYTHON_DOCX_MAP = "import json, docx.oxml.ns as ns; print(json.dumps(ns.nsmap))"


def test_the_same_namespaces_as_python_docx() -> None:
    shown = subprocess.run([sys.executable, "-c", _PYTHON_DOCX_MAP], capture_output=True,
                           text=True, check=True).stdout
    assert nsmap == json.loads(shown)


def test_names_in_clark_notation() -> None:
    assert qn("w:p") == "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
    assert qn("xml:space") == "{http://www.w3.org/XML/1998/namespace}space"
    assert qn("wp:docPr") == ("{http://schemas.openxmlformats.org/drawingml/2006/"
                              "wordprocessingDrawing}docPr")
