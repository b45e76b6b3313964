"""A school's request for an EHC needs assessment: the request, the letter to the parents
and the pack's cover, each with the dates the authority must keep (SEND Regulations 2014)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from docgen.context import form_context
from docgen.definitions import FormDefinition, load_definition
from docgen.documents import DocumentType, provenance, register
from docgen.domain.send2015.dates import assessment_clock
from docgen.families.send2015.common import day, letter_basics, letter_post, letter_warnings
from docgen.frameworks import SEND_2015

if TYPE_CHECKING:
    from docgen.packs.assemble import Section
    from docgen.packs.checklist import CaseCheck

Data = dict[str, Any]


def clock_context(received: dt.date) -> Data:
    clock = assessment_clock(received)
    return {"received": day(clock.received), "decide": day(clock.decide),
            "notice_or_draft": day(clock.notice_or_draft),
            "final_plan": day(clock.final_plan),
            "rows": [
                {"what": "Decide whether to carry out an EHC needs assessment (6 weeks; SEND "
                         "Regulations 2014, regulation 5)", "by": day(clock.decide)},
                {"what": "After the assessment, say if it will not issue an EHC plan "
                         "(16 weeks; regulation 10(1))", "by": day(clock.notice_or_draft)},
                {"what": "Issue the final EHC plan (20 weeks; regulation 13(2))",
                 "by": day(clock.final_plan)},
            ]}


def request_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["clock"] = clock_context(data["request"]["received"])
    return context


def letter_context(definition: FormDefinition, data: Data) -> Data:
    return letter_basics(request_context(definition, data), data, "EHCR")


def pack_cover_context(check: CaseCheck, sections: list[Section], enclosures: list[str],
                       draft: bool) -> Data:
    """The covering letter to the authority named in the request (who asks, for whom, why in
    the school's own words, whether the parents agree) and the pack's contents."""
    from docgen.packs.cover import opening_pages

    assert check.review is not None
    definition = load_definition("ehc_request")
    data = check.review.checked.data
    context = request_context(definition, data)
    opening_pages(context, data, check, framework=SEND_2015, code="EHCR",
                  authority_name=data["request"]["authority"], sections=sections,
                  enclosures=enclosures, draft=draft)
    profile = getattr(check, "profile", None)
    context["profile_title"] = profile.title if profile else "SEND Code of Practice 9.14"
    context["why"] = " ".join(line.strip() for line in
                              data["evidence"]["why_plan"].splitlines() if line.strip())
    context["parents_line"] = parents_line(data)
    context["provenance"] = provenance("ehc_request", definition.version)
    return context


def parents_line(data: Data) -> str:
    """That the parents know of the request, and whether they agree (CoP 9.8)."""
    parents = (data["pupil"].get("parents") or "").strip() or "The parents"
    plural = " and " in parents or parents.lower().startswith("the ")
    if data["request"].get("parents_agree"):
        return f"{parents} {'know' if plural else 'knows'} of this request and " \
               f"{'agree' if plural else 'agrees'} with it."
    return (f"{parents} {'have' if plural else 'has'} been told of this request; their views "
            "are set out in the school's request, section 1 of this pack.")


for _doc in (
    DocumentType("ehc_request", "Request for an EHC needs assessment", "ehc_request.docx",
                 ("ehc_request",), request_context),
    DocumentType("letter_ehc_request", "Letter to parents: request for an EHC needs assessment",
                 "letter_ehc_request.docx", ("ehc_request",), letter_context,
                 audience="parents", post=letter_post, warnings=letter_warnings),
):
    register(_doc)
