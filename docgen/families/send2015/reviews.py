"""The EHC plan annual review the school hosts: invitation and request for advice, the record
of the meeting, and the review report (SEND Regulations 2014, regulations 18 and 20)."""

from __future__ import annotations

from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain.send2015 import dates
from docgen.families.letter_pages import letter_parts
from docgen.families.send2015.common import (
    authority,
    day,
    letter_post,
    letter_warnings,
    lower_first,
)
from docgen.frameworks import SEND_2015

Data = dict[str, Any]


def review_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["advice_service"] = authority()["parent_advice"]
    due = dates.review_dates(data["meeting"]["date"])
    context["due"] = {"invitations_by": day(due.invitations_by),
                      "circulated_by": day(due.advice_circulated_by),
                      "report_by": day(due.report_by), "decision_by": day(due.decision_by)}
    context["adulthood_rows"] = [row for row in context["adulthood"] if row["discussion"]]
    context["considers_adulthood"] = dates.considers_adulthood(data["pupil"]["year_group"])
    plan = data["plan"]
    transfer, year = plan.get("next_phase"), plan.get("transfer_year")
    context["phase"] = {"moving": bool(transfer and year),
                        "what": lower_first(context["plan"]["next_phase"]),
                        "due": day(dates.amended_plan_due(transfer, year))
                        if transfer and year else ""}
    context["recommendation"] = lower_first(context["recommendations"]["recommendation"])
    context["attended"] = [f"{row['name']} ({row['role']})" for row in data.get("invited", [])
                           if row.get("attended")]
    context["absent"] = [f"{row['name']} ({row['role']})" for row in data.get("invited", [])
                         if not row.get("attended")]
    return context


def invitation_context(definition: FormDefinition, data: Data) -> Data:
    """The invitation is one letter to everyone invited (Reg 20(2)): dated the day the
    invitations went, else the last day they may go (two weeks before the meeting)."""
    context = review_context(definition, data)
    meeting = data["meeting"]
    when = meeting.get("invitations_sent") or \
        dates.review_dates(meeting["date"]).invitations_by
    letter_parts(context, data, "AR", SEND_2015, when=when,
                 to=f"Everyone invited to {context['pupil']['first_name']}'s annual review",
                 address="")
    parents = (data["pupil"].get("parents") or "").strip()
    context["letter"]["salutation"] = f"{parents} and colleagues" if parents else \
        "parent, carer or colleague"
    return context


for _doc in (
    DocumentType("letter_annual_review_invitation",
                 "Invitation to the annual review and request for advice",
                 "letter_annual_review_invitation.docx", ("annual_review",),
                 invitation_context, audience="parents", post=letter_post,
                 warnings=letter_warnings),
    DocumentType("annual_review_record", "Record of the annual review meeting",
                 "annual_review_record.docx", ("annual_review",), review_context),
    DocumentType("annual_review_report", "Annual review report", "annual_review_report.docx",
                 ("annual_review",), review_context),
):
    register(_doc)
