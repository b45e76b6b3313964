"""Builds the pack: cover, contents and checklist, then every document merged (docxcompose)."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docxcompose.composer import Composer

from docgen import house_style
from docgen.definitions import load_definition
from docgen.documents import all_documents, provenance
from docgen.errors import InvalidInput
from docgen.families.highfocus import crisp_rows, review_context
from docgen.forms.ns import qn
from docgen.packs.case import CaseForm
from docgen.packs.checklist import CaseCheck, check_case
from docgen.render import render_to_bytes
from docgen.resources import data_dir

MISSING = "MISSING"
# The forms of the last 12 months the pack holds after its main sections: title, document.
_EARLIER = {"iep": ("IEP", "iep"), "hf_iep": ("High Focus IEP", "hf_iep"),
            "hf_review": ("High Focus review record", "review_record")}


@dataclass
class Section:
    title: str
    source: str
    data: bytes | None  # None: missing (drafts only)


def build_pack(folder: Path, *, draft: bool = False, redacted: bool = False) -> bytes:
    """The pack's .docx bytes; InvalidInput listing what is missing unless ``draft``."""
    check = check_case(folder)
    if check.missing and not draft:
        raise InvalidInput("the pack cannot be made; missing:\n" +
                           "\n".join(f"  - {m}" for m in check.missing), file=str(folder),
                           hint="Add each item (or use --draft to see the pack with the gaps "
                                "marked).")
    if not redacted:
        return assemble(check, draft=draft)
    names = _names(check)  # before the forms' own names become initials
    _redact_forms(check)
    return redact_document(assemble(check, draft=draft), names)


def _redact_forms(check: CaseCheck) -> None:
    from docgen.privacy import redact

    for form in check.case.forms:
        form.checked.data = redact(form.checked.data)


def _names(check: CaseCheck) -> dict[str, str]:
    from docgen.privacy import name_map

    pupil = next((f.checked.data["pupil"] for f in check.case.forms), None)
    return name_map(pupil) if pupil else {}


def redact_document(data: bytes, names: dict[str, str]) -> bytes:
    """Names as initials in the merged evidence too (text typed in one run; a name Word split
    across runs may survive, so read a redacted pack before sharing it)."""
    if not names:
        return data
    document = Document(io.BytesIO(data))
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)"
                                  for n in sorted(names, key=len, reverse=True)))
    for text in document.element.body.iter(qn("w:t")):
        if text.text:
            text.text = pattern.sub(lambda m: names[m.group(0)], text.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sections_for(check: CaseCheck) -> list[Section]:
    sections: list[Section] = []
    review = check.review
    hf_ieps = [f for f in check.included_forms if f.form == "hf_iep"]
    if hf_ieps:
        latest = hf_ieps[-1]
        sections.append(Section("High Focus IEP", latest.path.name,
                                 _render("hf_iep", latest)))
    else:
        sections.append(Section("High Focus IEP", MISSING, None))
    if review is not None:
        sections.append(Section("High Focus review record", review.path.name,
                                _render("review_record", review)))
        plan_ready = any(i.name == "Proposed Provision Plan" and i.present for i in check.items)
        sections.append(Section("Proposed Provision Plan", review.path.name,
                                _render("provision_plan", review) if plan_ready else None))
    # "IEPs and reviews over the last 12 months": every one, not only the latest High Focus
    # IEP and review above (a case can hold two High Focus periods).
    shown = {form.path for form in (*hf_ieps[-1:], review) if form is not None}
    for form in check.included_forms:
        if form.form in _EARLIER and form.path not in shown:
            title, document = _EARLIER[form.form]
            sections.append(Section(f"{title} from {form.date:%d %B %Y}", form.path.name,
                                    _render(document, form)))
    for item in check.case.evidence:
        if item.file.suffix.lower() == ".docx":
            sections.append(Section(item.title, item.file.name,
                                    item.file.read_bytes() if item.present else None))
    return sections


def _render(key: str, form: CaseForm) -> bytes:
    document = all_documents()[key]
    context = document.build(load_definition(form.form), form.checked.data)
    context["provenance"] = provenance(form.form, load_definition(form.form).version)
    return render_to_bytes(data_dir("templates") / document.template, context)


def cover_context(check: CaseCheck, sections: list[Section], draft: bool) -> dict:
    review = check.review
    if review is None:
        raise InvalidInput("the case folder has no High Focus review form",
                           file=str(check.case.folder))
    context = review_context(load_definition("hf_review"), review.checked.data)
    context["crisp_rows"] = crisp_rows(review.checked.data)
    context["draft"] = draft
    context["provenance"] = provenance("hf_review", load_definition("hf_review").version)
    context["today"] = f"{dt.date.today():%-d %B %Y}"
    context["sections"] = [{"number": str(n), "title": s.title,
                            "source": s.source if s.data is not None else MISSING}
                           for n, s in enumerate(sections, start=1)]
    context["checklist"] = [{"item": i.name, "source": i.source or "—",
                             "status": "Present" if i.present else MISSING}
                            for i in check.items]
    context["listed_only"] = [f"{e.title}: {e.file.name}"
                              + (f" ({e.date:%d %B %Y})" if e.date else "")
                              for e in check.case.evidence
                              if e.file.suffix.lower() != ".docx" and e.present]
    return context


def assemble(check: CaseCheck, *, draft: bool) -> bytes:
    sections = sections_for(check)
    cover = render_to_bytes(data_dir("templates") / "pack_cover.docx",
                            cover_context(check, sections, draft))
    composer = Composer(Document(io.BytesIO(cover)))
    for number, section in enumerate(sections, start=1):
        composer.append(_divider(number, section))
        if section.data is not None:
            composer.append(Document(io.BytesIO(section.data)))
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def _divider(number: int, section: Section) -> Document:
    """A page that opens each section: its number, title and source (or MISSING)."""
    document = house_style.new_document(section.title)
    document.add_page_break()
    document.add_heading(f"Section {number}: {section.title}", 1)
    if section.data is None:
        document.add_paragraph(f"{MISSING}: this item is not in the case folder yet.")
    else:
        document.add_paragraph(f"Source: {section.source}")
    return document
