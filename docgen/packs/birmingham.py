"""Birmingham's statutory assessment request pack, as the framework registry calls it."""

from __future__ import annotations

from docgen.packs.assemble import build_pack
from docgen.packs.case import SKELETON
from docgen.packs.checklist import check_case

FILE_NAME = "statutory-request-pack.docx"  # what the demo calls a sample pupil's pack


def skeleton(name: str) -> str:
    return SKELETON.format(name=name)


__all__ = ["FILE_NAME", "build_pack", "check_case", "skeleton"]
