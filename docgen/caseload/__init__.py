"""The SENCo's caseload: what is due, what is late, and the school's provision map.

``docgen caseload REGISTER -o OUT``: read every form under a register folder (in parallel,
as ``docgen batch`` does), group the forms by pupil, apply each framework's rules, and write
caseload.docx, caseload.csv, deadlines.ics, provision-map.docx and provision-map.csv.
"""

from __future__ import annotations

from docgen.caseload.build import Caseload, assemble, build_caseload
from docgen.caseload.settings import Settings, load_settings
from docgen.caseload.write import FILE_NAMES, Outputs, render_outputs, write_outputs

__all__ = ["FILE_NAMES", "Caseload", "Outputs", "Settings", "assemble", "build_caseload",
           "load_settings", "render_outputs", "write_outputs"]
