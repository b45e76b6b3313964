"""The IEP family: the Individual Education Plan and the record of its School Action or School
Action Plus review."""

from __future__ import annotations

from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import iep_review, stages
from docgen.families.crisp import bands_of, condition_rows, crisp_rows
from docgen.form_rules import weekly_minutes

Data = dict[str, Any]


def adult_time_context(data: Data) -> Data:
    """The adult time the provision table adds up to, against the stage's minimum."""
    stage = stages.stage(data["plan"]["stage"])
    total = sum((weekly_minutes(row) for row in data.get("provision", [])), start=0)
    meets = stages.meets_stage_minimum(stage.key, total)
    if stage.minimum_minutes is None:
        minimum_text = "set by the pupil's Statement"
    elif stage.must_exceed:
        minimum_text = (f"more than the School Action Plus amount of {stage.minimum_minutes} "
                        "minutes a week")
    else:
        minimum_text = f"{stage.minimum_minutes} minutes a week"
    if meets:
        note = ""
    elif stage.must_exceed:
        note = (f"This does not go beyond the School Action Plus amount of "
                f"{stage.minimum_minutes} minutes a week.")
    else:
        note = (f"This is below the indicative minimum of {stage.minimum_minutes} minutes a "
                f"week at {stage.name}.")
    return {
        "stage": stage.name,
        "total": stages.format_minutes(total),
        "minimum": stage.minimum_minutes,
        "minimum_text": minimum_text,
        "meets_minimum": meets,
        "shortfall_note": note,
        "equivalent_provision": data["plan"].get("equivalent_provision") or "",
    }


def iep_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    for shown, row in zip(context["provision"], data.get("provision", []), strict=True):
        shown["weekly_minutes"] = stages.format_minutes(weekly_minutes(row))
        shown["adults"] = str(row.get("adults") or 1)
    context["adult_time"] = adult_time_context(data)
    return context


def iep_review_context(definition: FormDefinition, data: Data) -> Data:
    """The record of an ordinary School Action or School Action Plus IEP review."""
    context = form_context(definition, data)
    meeting = data["review"]
    context["decision"] = {"key": meeting["decision"],
                           "title": iep_review.DECISIONS[meeting["decision"]],
                           "high_focus": meeting["decision"] == "high_focus"}
    context["crisp_rows"] = crisp_rows(data)
    context["conditions"] = condition_rows(bands_of(data), bool(meeting.get("provision_made")),
                                           bool(meeting.get("progress_satisfactory")))
    context["targets_met"] = _targets_met(data.get("target_reviews", []))
    return context


def _targets_met(rows: list[Data]) -> str:
    """'2 of 3 targets met; 1 partly met.' — the targets' outcomes in one line."""
    counts = {key: sum(row.get("outcome") == key for row in rows)
              for key, _ in iep_review.TARGET_OUTCOMES}
    target_word = "target" if len(rows) == 1 else "targets"
    text = f"{counts['met']} of {len(rows)} {target_word} met"
    if counts["partly"]:
        text += f"; {counts['partly']} partly met"
    return text + "."


register(DocumentType("iep", "Individual Education Plan", "iep.docx", ("iep",), iep_context))
register(DocumentType("iep_review_record", "IEP review record", "iep_review_record.docx",
                      ("iep_review",), iep_review_context))
