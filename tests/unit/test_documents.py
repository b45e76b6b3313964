"""The document registry: every family loads, whatever was imported first."""

from __future__ import annotations

import subprocess
import sys


def test_all_families_load_even_if_one_was_imported_first() -> None:
    code = ("import docgen.families.parents\n"
            "from docgen.documents import all_documents\n"
            "print(sorted(all_documents()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "'iep'" in out and "'hf_iep'" in out and "'leaflet'" in out
