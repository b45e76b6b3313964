"""What docgen reads of one file at most, and the refusal that names the limit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.errors import UnusableInput

MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    """What docgen reads of one Office file at most (the README's safety section)."""

    what: str  # "form", "document", "template": how messages name the file
    hint: str  # what to do when it is refused
    kind: str = "a Word document (.docx)"  # what the file must be
    file_bytes: int = 50 * MB  # on disk
    part_bytes: int = 50 * MB  # any one part, inflated
    total_bytes: int = 200 * MB  # every part together, inflated
    parts: int = 2_000
    tags: int = 1_000_000  # XML tags parsed, over the whole file
    small_part_bytes: int = 1 * MB  # headers, footers, properties, relationships
    same_target: int = 100  # relationships from one part to one other part
    seconds: float = 30.0


FORM = Limits("form", "Use the form as saved by Word or LibreOffice.")
EVIDENCE = Limits("document", "Save it again from Word or LibreOffice as a Word document "
                              "(.docx), or take it out of the case folder.", file_bytes=100 * MB)
TEMPLATE = Limits("template", "Open it in Word and save it again as a Word document (.docx).",
                  tags=2_000_000)


def unusable(path: Path | str, message: str, hint: str) -> UnusableInput:
    return UnusableInput(message, file=str(path), hint=hint)


def refuse(path: Path | str, why: str, limits: Limits) -> UnusableInput:
    return unusable(path, f"docgen refused to open this file because {why} (it may be a "
                           "'zip bomb' or a file made to use up the computer's memory)",
                     limits.hint)
