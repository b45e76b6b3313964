"""A school's request for an EHC needs assessment: the request, the letter to the parents
and the pack's cover, each with the dates the authority must keep (SEND Regulations 2014)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from docgen.context import form_context
from docgen.definitions import FormDefinition, load_definition
from docgen.documents import DocumentType, provenance, register
from docgen.domain.send2015.dates import assessment_clock
from docgen.families.send2015.common import day, letter_basics

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
    return letter_basics(request_context(definition, data), data)


def pack_cover_context(check: CaseCheck, sections: list[Section], draft: bool) -> Data:
    from docgen.packs.assemble import MISSING

    assert check.review is not None
    definition = load_definition("ehc_request")
    context = request_context(definition, check.review.checked.data)
    context["draft"] = draft
    profile = getattr(check, "profile", None)
    context["profile_title"] = profile.title if profile else "the SEND Code of Practice 9.14"
    context["provenance"] = provenance("ehc_request", definition.version)
    context["sections"] = [{"number": str(n), "title": s.title,
                            "source": (s.source.name if s.source else "—") if s.data is not None
                            else MISSING}
                           for n, s in enumerate(sections, start=1)]
    context["checklist"] = [{"item": i.name, "source": i.source or "—",
                             "status": "Present" if i.present else MISSING}
                            for i in check.items]
    context["listed_only"] = [f"{e.title}: {e.file.name}"
                              + (f" ({day(e.date)})" if e.date else "")
                              for e in check.case.evidence
                              if e.file.suffix.lower() != ".docx" and e.present]
    return context


for _doc in (
    DocumentType("ehc_request", "Request for an EHC needs assessment", "ehc_request.docx",
                 ("ehc_request",), request_context),
    DocumentType("letter_ehc_request", "Letter to parents: request for an EHC needs assessment",
                 "letter_ehc_request.docx", ("ehc_request",), letter_context,
                 audience="parents"),
):
    register(_doc)
