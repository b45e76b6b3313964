"""What every framework's pack opens with, beside its own wording: the covering letter from the
school to the authority's team (letterhead, address, reference, date, two signatures), the
contents, where in the pack each item the guidance asks for is, and what is sent with it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen import letterhead
from docgen.families import wording
from docgen.frameworks import Framework
from docgen.packs.checklist import CaseCheck

Data = dict[str, Any]
MISSING = "MISSING"


@dataclass
class Section:
    """One section of the pack: a document merged in (data None: missing, drafts only)."""

    title: str
    source: Path | None
    data: bytes | None
    ours: bool = False  # made by docgen: its own Title gives way to the section heading


def opening_pages(context: Data, data: Data, check: CaseCheck, *, framework: Framework,
                  code: str, authority_name: str, sections: list[Section],
                  enclosures: list[str], draft: bool) -> Data:
    """Add the covering letter's parts and the contents to a cover's context: the letter to
    the authority's team ("Dear Sir or Madam"; under the team, the authority's name when it is
    known), signed by the head teacher and the SENCo."""
    authority = letterhead.authority(framework)
    context["letter"] = letterhead.letter(
        data, subject_code=code, framework=framework, to=authority["statutory_team"],
        address="\n".join([authority_name, *authority["statutory_team_address"]]))
    context["letter"]["salutation"] = "Sir or Madam"
    context["framework"] = framework.key  # the logo comes from this framework's settings
    context["authority"] = authority
    context["head_teacher"] = letterhead.school_for(data["pupil"], framework).head_teacher
    context["draft"] = draft
    context["sections"] = [{"number": str(n), "title": s.title, "missing": s.data is None}
                           for n, s in enumerate(sections, start=1)]
    context["checklist"] = checklist_rows(check, sections)
    context["enclosures"] = enclosures
    return context


def checklist_rows(check: CaseCheck, sections: list[Section]) -> list[Data]:
    """Each item the guidance asks for, with the sections of the pack that hold it."""
    rows = []
    for item in check.items:
        numbers = [str(n) for n, s in enumerate(sections, start=1)
                   if s.source is not None and s.data is not None and s.source in item.sources]
        if not item.present:
            where = MISSING
        elif numbers:
            where = ("Section " if len(numbers) == 1 else "Sections ") + wording.joined(numbers)
        else:
            where = "Sent with this pack"
        rows.append({"item": item.name, "where": where})
    return rows
