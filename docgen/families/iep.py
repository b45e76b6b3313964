"""The IEP family: context for the Individual Education Plan (adult time against the stage)."""

from __future__ import annotations

from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import stages
from docgen.form_rules import weekly_minutes

Data = dict[str, Any]


def adult_time_context(data: Data) -> Data:
    """The adult time the provision table adds up to, against the stage's minimum."""
    stage = stages.stage(data["plan"]["stage"])
    total = sum((weekly_minutes(row) for row in data.get("provision", [])), start=0)
    meets = stages.meets_stage_minimum(stage.key, total)
    minimum_text = (f"{stage.minimum_minutes} minutes per week" if stage.minimum_minutes
                    else "set by the pupil's Statement or delegated provision")
    note = "" if meets else (
        f"This is below the indicative minimum of {stage.minimum_minutes} minutes per week "
        f"at {stage.name}."
    )
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
    context["adult_time"] = adult_time_context(data)
    return context


register(DocumentType("iep", "Individual Education Plan", "iep.docx", ("iep",), iep_context))
