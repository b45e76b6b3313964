"""What the covering letter of Birmingham's statutory assessment request pack says: who asks,
for whom, why in two lines (the review's decision, the threads of concern), and that the
parents know and agree, as far as the High Focus review form says so."""

from __future__ import annotations

from typing import Any

from docgen import letterhead
from docgen.definitions import load_definition
from docgen.documents import provenance
from docgen.domain import crisp, highfocus
from docgen.domain.contributors import is_parent
from docgen.errors import InvalidInput
from docgen.families import wording
from docgen.families.highfocus import bands_of, crisp_rows, review_context
from docgen.frameworks import BIRMINGHAM
from docgen.packs.checklist import CaseCheck
from docgen.packs.cover import Section, opening_pages

Data = dict[str, Any]


def cover_context(check: CaseCheck, sections: list[Section], enclosures: list[str],
                  draft: bool) -> Data:
    review = check.review
    if review is None:
        raise InvalidInput("the case folder has no High Focus review form",
                           file=str(check.case.folder))
    data = review.checked.data
    context = review_context(load_definition("hf_review"), data)
    authority = letterhead.authority(BIRMINGHAM)
    named = "" if authority["name"] == letterhead.PLACEHOLDER_AUTHORITY else authority["name"]
    opening_pages(context, data, check, framework=BIRMINGHAM, code="SA", authority_name=named,
                  sections=sections, enclosures=enclosures, draft=draft)
    context["request"] = request_lines(context, data)
    context["parents_line"] = parents_line(data)
    context["crisp_rows"] = crisp_rows(data)
    context["provenance"] = provenance("hf_review", load_definition("hf_review").version)
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
