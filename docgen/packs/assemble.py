"""Builds the pack: cover, contents and checklist, then every document merged (docxcompose)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docxcompose.composer import Composer

from docgen import house_style
from docgen.definitions import load_definition
from docgen.documents import all_documents, provenance, template_file
from docgen.errors import InvalidInput
from docgen.families.highfocus import crisp_rows, review_context
from docgen.frameworks import BIRMINGHAM
from docgen.packs.case import CaseForm, case_identity
from docgen.packs.checklist import CaseCheck, check_case
from docgen.render import render_to_bytes

MISSING = "MISSING"


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
                                "marked).",
                           web_hint="Add each item, or tick “Make a draft even if something "
                                    "is missing” to see the pack with the gaps marked.")
    if not redacted:
        return assemble(check, draft=draft)
    return redacted_pack(check, lambda checked: assemble(checked, draft=draft))


def redacted_pack(check: CaseCheck, make: Callable[[CaseCheck], bytes]) -> bytes:
    """The pack ``make`` builds from the forms with names as initials, then redacted part by
    part and scanned as a whole (every framework's packs)."""
    from docgen.privacy import redact
    from docgen.redaction import redacted_copy

    identity = case_identity(check.case)  # before the forms' own names become initials
    for form in check.case.forms:
        form.checked.data = redact(form.checked.data, identity)
    return redacted_copy(make(check), identity, str(check.case.folder))


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
    for form in check.included_forms:
        if form.form == "iep":
            sections.append(Section(f"IEP from {form.date.day} {form.date:%B %Y}", form.path.name,
                                    _render("iep", form)))
        elif form.form == "iep_review":
            sections.append(Section(f"IEP review of {form.date.day} {form.date:%B %Y}",
                                    form.path.name, _render("iep_review_record", form)))
    for item in check.case.evidence:
        if item.file.suffix.lower() == ".docx":
            sections.append(Section(item.title, item.file.name, item.data))
    return sections


def _render(key: str, form: CaseForm) -> bytes:
    document = all_documents()[key]
    context = document.build(load_definition(form.form), form.checked.data)
    context["provenance"] = provenance(form.form, load_definition(form.form).version)
    return render_to_bytes(template_file(document), context)


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
    cover = render_to_bytes(BIRMINGHAM.template_path("pack_cover.docx"),
                            cover_context(check, sections, draft))
    return compose(cover, sections)


def compose(cover: bytes, sections: list[Section]) -> bytes:
    """The cover, then each section after its divider page (every framework's packs)."""
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
