"""SEN Support: the plan, the one-page profile, the letter to parents (CFA 2014 s.68), the
record of a meeting with parents, and the individual provision map made from the plans."""

from __future__ import annotations

from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import provision, stages
from docgen.families.send2015.common import (
    authority,
    day,
    explain_abbreviations,
    letter_basics,
    letter_post,
    letter_warnings,
)
from docgen.frameworks import SEND_2015

Data = dict[str, Any]


def help_in_words(data: Data) -> list[Data]:
    """Each provision row as a parent reads it: what, with whom, how often, how long."""
    return [{"what": row["what"].rstrip("."), "who": row["who"],
             "how_often": f"{row['sessions_per_week']} "
                          f"{'time' if row['sessions_per_week'] == 1 else 'times'} a week",
             "how_long": f"{row['session_minutes']} minutes"}
            for row in data.get("provision", [])]


def plan_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["areas"] = [row for row in context["needs"] if row["needs"]]
    total = sum((stages.per_pupil_minutes(row["session_minutes"], row["sessions_per_week"],
                                          row["group_size"])
                 for row in data.get("provision", [])), start=0)
    context["adult_minutes"] = str(round(total))
    review = data.get("review") or {}
    context["reviewed"] = bool(review.get("held"))
    context["outcome_rows"] = [
        {**shown, "progress": shown["progress"] or "Not recorded"}
        for shown in context["outcomes"]
    ]
    return context


def letter_context(definition: FormDefinition, data: Data) -> Data:
    context = letter_basics(plan_context(definition, data), data, "SS")
    context["help"] = help_in_words(data)
    return context


def meeting_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["advice_service"] = authority()["parent_advice"]
    return context


def provision_map_context(plans: list[Data]) -> Data:
    """Every provision row of every plan: adult minutes per pupil and, where the school gives
    an hourly cost, the cost for this pupil (the adult's time shared by the group)."""
    rows: list[Data] = []
    total_minutes = 0.0
    total_cost = 0.0
    costed = False
    for plan in plans:
        for row in plan.get("provision", []):
            weekly = float(stages.per_pupil_minutes(row["session_minutes"],
                                                    row["sessions_per_week"],
                                                    row["group_size"]))
            weeks = provision.weeks_between(row["start"], row["end"])
            minutes = weekly * weeks
            total_minutes += minutes
            cost = ""
            if row.get("hourly_cost") is not None:
                costed = True
                value = minutes / 60 * row["hourly_cost"]
                total_cost += value
                cost = f"£{value:,.2f}"
            group = "one to one" if row["group_size"] == 1 else \
                f"group of {row['group_size']}"
            rows.append({"plan": str(plan["plan"]["cycle"]),
                         "what": row["what"].rstrip(".") + ".", "who": row["who"],
                         "often": f"{row['sessions_per_week']} × {row['session_minutes']} "
                                  f"minutes a week for {weeks} weeks, {group}",
                         "dates": f"{day(row['start'])} to {day(row['end'])}",
                         "minutes": stages.format_minutes(round(minutes)), "cost": cost})
    pupil = plans[-1]["pupil"]
    return {"pupil": {"full_name": f"{pupil['forename']} {pupil['surname']}",
                      "school": pupil["school"]},
            "rows": rows, "total_hours": str(round(total_minutes / 60)),
            "total_cost": f"£{total_cost:,.2f}" if costed else "", "costed": costed}


def render_provision_map(plans: list[Data]) -> bytes:
    from docgen.documents import provenance
    from docgen.render import render_to_bytes

    context = provision_map_context(plans)
    context["provenance"] = provenance("sen_support", "")
    return render_to_bytes(SEND_2015.template_path("provision_map.docx"), context)


def _first_plan(data: Data) -> bool:
    return data["plan"]["cycle"] == 1


for _doc in (
    DocumentType("sen_support_plan", "SEN Support plan", "sen_support_plan.docx",
                 ("sen_support",), plan_context),
    DocumentType("one_page_profile", "One-page profile", "one_page_profile.docx",
                 ("sen_support",), form_context),
    DocumentType("letter_sen_support", "Letter to parents: special educational provision",
                 "letter_sen_support.docx", ("sen_support",), letter_context,
                 audience="parents", applies=_first_plan, post=letter_post,
                 warnings=letter_warnings),
    DocumentType("parent_meeting_record", "Record of the meeting with parents",
                 "parent_meeting_record.docx", ("parent_meeting",), meeting_context,
                 audience="parents", post=explain_abbreviations),
):
    register(_doc)
