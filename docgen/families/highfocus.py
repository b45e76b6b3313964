"""The High Focus family: HF IEP, review agenda, review record, (Proposed) Provision Plan, note.

Every fact shown comes from the form or the domain rules (conditions, threads of concern,
evidence, coverage); the outcome is the decision the review recorded, in its own words. This
module only arranges them for the templates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.context import form_context, uk_date
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import crisp, dates, highfocus, questions, review, stages
from docgen.domain.contributors import is_parent
from docgen.families.crisp import (
    bands_of,
    concern_rows,
    condition_rows,
    crisp_rows,
    crisp_summary,
)

Data = dict[str, Any]
TICK = "✓"

__all__ = ["bands_of", "crisp_rows", "decide", "hf_iep_context", "review_context"]


def numbered(texts: Any) -> list[Data]:
    return [{"number": str(n), "text": t} for n, t in enumerate(texts, start=1)]


def hf_iep_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    bands = bands_of(data)
    hf = data["high_focus"]
    provision, progress = bool(hf.get("provision_made")), bool(hf.get("progress_satisfactory"))
    result = highfocus.eligibility(bands, provision, progress)
    context["eligibility"] = {"eligible": result.eligible, "reasons": list(result.reasons)}
    context["conditions"] = condition_rows(bands, provision, progress)
    context["key_questions"] = numbered(questions.KEY_QUESTIONS)
    context["crisp_rows"] = crisp_rows(data)
    context["crisp_summary"] = crisp_summary(data)
    context["concerns"] = concern_rows(data)
    context["roles"] = [
        {"who": row["who"], "role": row["role"],
         "questions": ", ".join(str(q) for q in range(1, 5) if row.get(f"q{q}"))}
        for row in data.get("roles", [])
    ]
    context["coverage"] = [
        {"who": who, **{f"q{q}": TICK if ticked else "" for q, ticked in
                        enumerate(answered, start=1)}}
        for who, answered in highfocus.coverage_matrix(data.get("roles", []))
    ]
    context["evidence"] = [
        {"item": item.text,
         "needed_for": item.thread.label if item.thread else "All cases"}
        for item in highfocus.evidence_checklist(bands)
    ]
    context["evidence_notes"] = [{"item": item, "note": note}
                                 for item, note in crisp.EVIDENCE_NOTES.items()]
    context["circulation"] = circulation(data)
    context["invited"] = context["circulation"]
    context["review_questions"] = numbered(questions.REVIEW_QUESTIONS)
    context["agenda"] = numbered(questions.REVIEW_AGENDA)
    return context


def circulation(data: Data) -> list[str]:
    """Everyone in the role table, then the SENCo and parents if not already there."""
    people: list[str] = []
    for row in data.get("roles", []):
        if row["who"] not in people:
            people.append(row["who"])
    senco = f"{data['pupil']['senco']} (SENCo)"
    if not any(data["pupil"]["senco"] in p for p in people):
        people.append(senco)
    parents = data["pupil"].get("parents")
    if parents and not any(parents in p for p in people):
        people.append(f"{parents} (parents or carers)")
    return people


def review_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    outcome = decide(data)
    context["outcome"] = {
        "key": outcome.key, "title": outcome.title, "plan_name": outcome.plan_name or "",
        "reason": outcome.reason, "notes": list(outcome.notes),
    }
    context["crisp_rows"] = crisp_rows(data)
    context["crisp_summary"] = crisp_summary(data)
    context["answers"] = [
        {"text": f.label, "answer": context["review"][f"q{n}_answer"]}
        for n, f in enumerate((definition.section("review").field(f"q{n}_answer")
                               for n in range(1, 5)), start=1)
    ]
    context.update(plan_context(context, data))
    objectives = data["review"].get("plan_objectives") or ""
    context["objectives"] = [line.strip() for line in objectives.splitlines() if line.strip()]
    absent = [a for a in data.get("apologies", []) if not _is_parent_row(a)]
    context["absent_names"] = ", ".join(a["name"] for a in absent)
    context["understanding"] = understanding(data)
    context["plan_period"] = plan_period(data["review"]["date"])
    context["plan_funding"] = PLAN_FUNDING.get(outcome.key, "")
    context["signatories"] = [
        {"name": data["pupil"]["senco"], "role": "SENCo"},
        {"name": data["pupil"].get("parents") or "", "role": "Parents or carers"},
        {"name": "", "role": "Head teacher"},
    ]
    return context


PLAN_FUNDING = {
    "delegated": "The school's own resources, including its delegated budget",
    "statutory_request": "Proposed: to be confirmed by the Statement",
}


def plan_period(start: dt.date) -> str:
    """'8 December 2025 to 7 December 2026': the year an annual plan agreed then covers."""
    end = dates.months_before(start, -12) - dt.timedelta(days=1)
    return f"{uk_date(start)} to {uk_date(end)}"


def plan_context(context: Data, data: Data) -> Data:
    """The (Proposed) Provision Plan's rows in thread order, and their adult minutes a week."""
    bands = bands_of(data)
    shown = sorted(zip(context["provision_plan"], data.get("provision_plan", []), strict=True),
                   key=lambda pair: int(pair[1]["thread"]))
    rows = [{**row, "label": crisp.thread(int(raw["thread"])).label,
             "band": str(bands.get(int(raw["thread"])) or "")} for row, raw in shown]
    total = sum(raw.get("adult_minutes") or 0 for _, raw in shown)
    counted = any(raw.get("adult_minutes") is not None for _, raw in shown)
    return {"plan_rows": rows, "plan_minutes": {
        "counted": counted,
        "total": str(total),
        "sa_plus": str(stages.SA_PLUS_MINUTES),
        "comparison": _against_sa_plus(total),
    }}


def _against_sa_plus(total: int) -> str:
    if total > stages.SA_PLUS_MINUTES:
        return f"{total - stages.SA_PLUS_MINUTES} minutes more than"
    if total == stages.SA_PLUS_MINUTES:
        return "the same as"
    return f"{stages.SA_PLUS_MINUTES - total} minutes less than"


def understanding(data: Data) -> Data:
    """What the record can truly say about who understands the conclusions: a yes only when
    the review ticked it and, for parents who were not there, said how they were told."""
    meeting = data["review"]
    present = any(_is_parent_row(a) for a in data.get("attendees", []))
    told = meeting.get("how_parents_told") or ""
    if meeting.get("parents_understood") and (present or told):
        parents = f"Yes. {told}" if told and not present else "Yes"
    else:
        parents = f"Not yet recorded. {told}" if told else "Not yet recorded"
    return {"parents": parents,
            "pupil": "Yes" if meeting.get("pupil_understood") else "Not yet recorded"}


def _is_parent_row(row: Data) -> bool:
    return is_parent(row.get("name") or "") or is_parent(row.get("role") or "")


def decide(data: Data) -> review.Outcome:
    """The outcome the review recorded (its decision and reasons)."""
    return review.recorded_outcome(review.from_form(data))


def _has_plan(data: Data) -> bool:
    return decide(data).plan_name is not None


for _doc in (
    DocumentType("hf_iep", "High Focus IEP", "hf_iep.docx", ("hf_iep",), hf_iep_context),
    DocumentType("review_agenda", "High Focus review agenda", "review_agenda.docx",
                 ("hf_iep",), hf_iep_context),
    DocumentType("review_record", "High Focus review record", "review_record.docx",
                 ("hf_review",), review_context),
    DocumentType("provision_plan", "Provision Plan or Proposed Provision Plan",
                 "provision_plan.docx", ("hf_review",), review_context, applies=_has_plan,
                 named=lambda data: (decide(data).plan_name or "").lower().replace(" ", "-")),
    DocumentType("outcome_note", "Outcome note for those who could not attend",
                 "outcome_note.docx", ("hf_review",), review_context,
                 applies=lambda data: any(not _is_parent_row(a)
                                          for a in data.get("apologies", []))),
):
    register(_doc)
