"""Statutory assessment request packs: a case folder checked against the guidance, then merged."""

from __future__ import annotations

from docgen.packs.assemble import build_pack
from docgen.packs.case import init_case, load_case
from docgen.packs.checklist import CaseCheck, check_case

__all__ = ["CaseCheck", "build_pack", "check_case", "init_case", "load_case"]
