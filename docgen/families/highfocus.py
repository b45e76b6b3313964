"""The High Focus family: HF IEP, review agenda, review record, (Proposed) Provision Plan, note.

Every fact shown comes from the domain rules (eligibility, threads of concern, evidence,
coverage, outcome); this module only arranges them for the templates.
"""

from __future__ import annotations

from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import crisp, highfocus, questions, review
from docgen.domain.delegation import load_policy

Data = dict[str, Any]
TICK = "✓"


def bands_of(data: Data) -> dict[int, int | None]:
    return {int(row["thread"]): row.get("band") for row in data.get("crisp_threads", [])}


def crisp_rows(data: Data) -> list[Data]:
    """The CRISP table: assessed threads in order, with area and evidence."""
    rows = []
    for row in data.get("crisp_threads", []):
        if row.get("band") is None:
            continue
        thread = crisp.thread(int(row["thread"]))
        rows.append({"label": thread.label, "area": thread.area, "band": str(row["band"]),
                     "evidence": row.get("evidence") or ""})
    return rows


def numbered(texts: Any) -> list[Data]:
    return [{"number": str(n), "text": t} for n, t in enumerate(texts, start=1)]


def hf_iep_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    bands = bands_of(data)
    hf = data["high_focus"]
    result = highfocus.eligibility(bands, bool(hf.get("provision_made")),
                                   bool(hf.get("progress_satisfactory")))
    context["eligibility"] = {
        "summary": ("The conditions for a High Focus period are met." if result.eligible else
                    "Not every condition for a High Focus period is met:"),
        "reasons": list(result.reasons),
    }
    context["key_questions"] = numbered(questions.KEY_QUESTIONS)
    context["crisp_rows"] = crisp_rows(data)
    concerns = highfocus.threads_of_concern(bands)
    context["concerns"] = [
        {"label": c.thread.label, "band": str(c.band), "services": "; ".join(c.thread.services)}
        for c in concerns
    ]
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
    context["answers"] = [
        {"text": f.label, "answer": context["review"][f"q{n}_answer"]}
        for n, f in enumerate((definition.section("review").field(f"q{n}_answer")
                               for n in range(1, 5)), start=1)
    ]
    bands = bands_of(data)
    concern_numbers = [c.thread.number for c in highfocus.threads_of_concern(bands)]
    planned = {int(row["thread"]) for row in data.get("provision_plan", [])}
    context["plan_rows"] = [
        {**shown, "label": crisp.thread(int(row["thread"])).label,
         "band": str(bands.get(int(row["thread"])) or "")}
        for shown, row in zip(context["provision_plan"], data.get("provision_plan", []),
                              strict=True)
    ]
    context["unplanned_threads"] = [crisp.thread(n).label for n in concern_numbers
                                    if n not in planned]
    objectives = data["review"].get("plan_objectives") or ""
    context["objectives"] = [line.strip() for line in objectives.splitlines() if line.strip()]
    # the outcome note is for the professionals; absent parents get the outcome letter
    context["absent_names"] = ", ".join(a["name"] for a in absent_professionals(data))
    return context


def absent_professionals(data: Data) -> list[Data]:
    return [a for a in data.get("apologies", [])
            if not highfocus.is_parent(f"{a['name']} ({a['role']})")]


def decide(data: Data) -> review.Outcome:
    return review.decide_outcome(review.from_form(data), load_policy())


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
                 applies=lambda data: bool(absent_professionals(data))),
):
    register(_doc)
