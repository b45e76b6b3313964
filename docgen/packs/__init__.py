"""Request packs: a case folder checked against its framework's guidance, then merged."""

from __future__ import annotations

from docgen.packs.case import init_case, load_case
from docgen.packs.checklist import CaseCheck
from docgen.packs.kinds import build_pack, check_case

__all__ = ["CaseCheck", "build_pack", "check_case", "init_case", "load_case"]
