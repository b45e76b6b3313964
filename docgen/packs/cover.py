"""What the pack's opening pages say: the covering letter from the school to the authority (who
asks, for whom, why in two lines, that the parents know and agree), the contents, and where in
the pack each item the guidance asks for is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen import letterhead
from docgen.definitions import load_definition
from docgen.documents import provenance
from docgen.domain import crisp, highfocus
from docgen.domain.contributors import is_parent
from docgen.errors import InvalidInput
from docgen.families import wording
from docgen.families.highfocus import bands_of, crisp_rows, review_context
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


def cover_context(check: CaseCheck, sections: list[Section], enclosures: list[str],
                  draft: bool) -> Data:
    review = check.review
    if review is None:
        raise InvalidInput("the case folder has no High Focus review form",
                           file=str(check.case.folder))
    data = review.checked.data
    context = review_context(load_definition("hf_review"), data)
    authority = letterhead.authority()
    context["letter"] = letterhead.letter(
        data, subject_code="SA", to=authority["statutory_team"],
        address="\n".join(authority["statutory_team_address"]))
    context["letter"]["salutation"] = "Sir or Madam"
    context["authority"] = authority
    context["head_teacher"] = letterhead.school_for(data["pupil"]).head_teacher
    context["request"] = request_lines(context, data)
    context["parents_line"] = parents_line(data)
    context["crisp_rows"] = crisp_rows(data)
    context["draft"] = draft
    context["provenance"] = provenance("hf_review", load_definition("hf_review").version)
    context["sections"] = [{"number": str(n), "title": s.title,
                            "missing": s.data is None}
                           for n, s in enumerate(sections, start=1)]
    context["checklist"] = checklist_rows(check, sections)
    context["enclosures"] = enclosures
    return context


def request_lines(context: Data, data: Data) -> list[str]:
    """Why, in two lines: the review's decision, then the threads of concern."""
    name = context["pupil"]["first_name"]
    lines = [f"The High Focus review on {context['review']['date']} decided to ask for a "
             f"statutory assessment of {name}'s needs."]
    concerns = sorted((c for c in highfocus.threads_of_concern(bands_of(data))
                       if c.band >= crisp.HIGH_FOCUS_BAND), key=lambda c: c.thread.number)
    if concerns:
        lines.append("The agreed CRISP profile shows " + wording.joined(
            f"Band {c.band} in {c.thread.name} (thread {c.thread.number})" for c in concerns)
            + ".")
    return lines


def parents_line(data: Data) -> str:
    """That the parents know and agree, as far as the review form says so."""
    # imported here: importing a family registers its documents, and families register in
    # docgen.documents.FAMILIES order
    from docgen.families.parents import parents_at_review

    parents = data["pupil"].get("parents") or "The parents"
    status = parents_at_review(data)
    own = [r for r in data.get("reservations", [])
           if is_parent(f"{r.get('who', '')} ({r.get('role', '')})")]
    if status == "not_reached":
        return (f"We have not been able to reach {parents}; our record of the attempts is "
                "in this pack.")
    plural = " and " in parents or parents.lower().startswith("the ")
    took_part = ("took part in the review and " if status in ("attended", "sent_views")
                 else "")
    if not data["review"].get("parents_understood"):
        return (f"{parents} {took_part}{'have' if plural else 'has'} been told of this "
                "request; their views are set out in this pack.")
    know, agree = ("know", "agree") if plural else ("knows", "agrees")
    reservation = "; their reservation is set out in this pack" if own else ""
    return f"{parents} {took_part}{know} of this request and {agree} with it{reservation}."


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
