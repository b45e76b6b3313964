"""The CRISP family: the CRISP Assessment Record, and the CRISP parts other documents share
(the bands, threads of concern, and the three conditions for a High Focus period).

Every document showing a CRISP assessment takes its rows, its summary and its threads of
concern (Table 1's services, Table 2's evidence) from here, so they all say the same.
"""

from __future__ import annotations

from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import crisp, highfocus

Data = dict[str, Any]

KIND_SENTENCES = {
    "pencilled": "A pencilled assessment: the best knowledge available, to be confirmed or "
                 "changed by evidence.",
    "full": "A full assessment: each band is backed by evidence.",
}


def bands_of(data: Data) -> dict[int, int | None]:
    return {int(row["thread"]): row.get("band") for row in data.get("crisp_threads", [])}


def crisp_rows(data: Data) -> list[Data]:
    """The CRISP table: assessed threads in thread order, with area (Table 1) and evidence."""
    rows = []
    for row in sorted(data.get("crisp_threads", []), key=lambda r: int(r["thread"])):
        if row.get("band") is None:
            continue
        thread = crisp.thread(int(row["thread"]))
        rows.append({"label": thread.label, "area": thread.area, "band": str(row["band"]),
                     "evidence": row.get("evidence") or ""})
    return rows


def not_assessed(data: Data) -> list[str]:
    """Threads without a band, in thread order (thread 18 only for older students)."""
    banded = {int(r["thread"]) for r in data.get("crisp_threads", []) if r.get("band")}
    return [t.label for t in crisp.THREADS if t.number not in banded]


def crisp_summary(data: Data) -> Data:
    """What kind of assessment it is and who agreed it, as sentences and a list."""
    record = data.get("crisp") or {}
    kind = record.get("kind") or ""
    return {
        "kind": kind,
        "pencilled": kind == "pencilled",
        "kind_sentence": KIND_SENTENCES.get(kind, ""),
        "heading": "Pencilled CRISP assessment" if kind == "pencilled" else "CRISP assessment",
        "agreed_by": [line.strip() for line in (record.get("agreed_by") or "").splitlines()
                      if line.strip()],
    }


def concern_rows(data: Data) -> list[Data]:
    """Threads of concern (Band 3 and above): Table 1's services and Table 2's evidence."""
    return [{"label": c.thread.label, "band": str(c.band), "area": c.thread.area,
             "services": c.thread.services_text, "evidence": list(c.evidence)}
            for c in highfocus.threads_of_concern(bands_of(data))]


def condition_rows(bands: dict[int, int | None], provision_made: bool,
                   progress_satisfactory: bool) -> list[Data]:
    """The three conditions for a High Focus period, each with what the form says."""
    return [{"text": c.text[:1].upper() + c.text[1:], "holds": "Yes" if c.holds else "No",
             "detail": c.detail[:1].upper() + c.detail[1:]}
            for c in highfocus.conditions(bands, provision_made, progress_satisfactory)]


def crisp_record_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["crisp_summary"] = crisp_summary(data)
    context["crisp_rows"] = crisp_rows(data)
    context["not_assessed"] = ", ".join(not_assessed(data))
    context["concerns"] = concern_rows(data)
    return context


register(DocumentType("crisp_record", "CRISP Assessment Record", "crisp_record.docx",
                      ("crisp",), crisp_record_context))
