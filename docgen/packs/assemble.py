"""Builds Birmingham's pack, and what every framework's pack shares: the covering letter and
contents, then every document merged (docxcompose), each section on a new page under its
bookmarked heading; evidence files merged or sent with the pack; names as initials."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docxcompose.composer import Composer

from docgen import house_style
from docgen.context import uk_date
from docgen.definitions import load_definition
from docgen.documents import all_documents, provenance, template_file
from docgen.errors import InvalidInput
from docgen.families.letter_pages import add_logo
from docgen.frameworks import BIRMINGHAM
from docgen.packs.case import CaseForm, case_identity
from docgen.packs.checklist import CaseCheck, check_case
from docgen.packs.contents import (
    csv_document,
    keeping_its_pages,
    number_the_contents,
    section_opening,
    settle_sections,
    without_title,
)
from docgen.packs.cover import MISSING, Section
from docgen.render import render_to_bytes

# The forms of the last 12 months the pack holds after its main sections: title, document.
_EARLIER = {"iep": ("Individual Education Plan from", "iep"),
            "iep_review": ("IEP review of", "iep_review_record"),
            "hf_iep": ("High Focus IEP from", "hf_iep"),
            "hf_review": ("High Focus review record from", "review_record")}


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


def sections_for(check: CaseCheck) -> tuple[list[Section], list[str]]:
    """The sections merged into the pack, and the evidence sent with it as separate files
    (a PDF or a picture cannot be merged into a Word document)."""
    sections: list[Section] = []
    review = check.review
    hf_ieps = [f for f in check.included_forms if f.form == "hf_iep"]
    if hf_ieps:
        latest = hf_ieps[-1]
        sections.append(Section("High Focus IEP", latest.path, render_form("hf_iep", latest),
                                True))
    else:
        sections.append(Section("High Focus IEP", None, None))
    if review is not None:
        sections.append(Section("High Focus review record", review.path,
                                render_form("review_record", review), True))
        plan_ready = any(i.name == "Proposed Provision Plan" and i.present for i in check.items)
        sections.append(Section("Proposed Provision Plan", review.path,
                                render_form("provision_plan", review) if plan_ready else None,
                                True))
    # "IEPs and reviews over the last 12 months": every one, not only the latest High Focus
    # IEP and review above (a case can hold two High Focus periods).
    shown = {form.path for form in (*hf_ieps[-1:], review) if form is not None}
    for form in check.included_forms:
        if form.form in _EARLIER and form.path not in shown:
            title, document = _EARLIER[form.form]
            sections.append(Section(f"{title} {uk_date(form.date)}", form.path,
                                    render_form(document, form), True))
    evidence, enclosures = evidence_sections(check)
    return sections + evidence, enclosures


def evidence_sections(check: CaseCheck) -> tuple[list[Section], list[str]]:
    """The evidence files case.yaml lists (every framework's packs): a Word document merged, a
    CSV merged as a table, anything else (a PDF, a picture) listed as sent with the pack; a
    file not in the folder a gap (drafts only)."""
    sections: list[Section] = []
    enclosures: list[str] = []
    for item in check.case.evidence:
        title = item.title + (f" ({uk_date(item.date)})" if item.date else "")
        suffix = item.file.suffix.lower()
        if not item.present:
            sections.append(Section(title, item.file, None))
        elif suffix == ".docx":  # MERGED_SUFFIXES in manifest.py: what is merged
            sections.append(Section(title, item.file, item.data))
        elif suffix == ".csv":
            sections.append(Section(title, item.file,
                                    csv_document(item.data, title, item.file.name)))
        else:
            enclosures.append(title)
    return sections, enclosures


def render_form(key: str, form: CaseForm) -> bytes:
    """One of docgen's documents, made from a form in the case folder (its template from the
    form's framework, or a maintainer's copy)."""
    document = all_documents()[key]
    definition = load_definition(form.form)
    context = document.build(definition, form.checked.data)
    context["provenance"] = provenance(form.form, definition.version)
    return render_to_bytes(template_file(document), context)


def assemble(check: CaseCheck, *, draft: bool) -> bytes:
    from docgen.families.request_cover import cover_context

    sections, enclosures = sections_for(check)
    context = cover_context(check, sections, enclosures, draft)
    cover = add_logo(render_to_bytes(BIRMINGHAM.template_path("pack_cover.docx"), context),
                     context)
    return compose(cover, sections)


def compose(cover: bytes, sections: list[Section]) -> bytes:
    """The cover, then each section opening on a new page under its numbered heading, and the
    contents' page numbers pointing at those headings (every framework's packs)."""
    composer = Composer(Document(io.BytesIO(cover)))
    for number, section in enumerate(sections, start=1):
        composer.append(section_opening(number, section.title))
        if section.data is None:
            composer.append(_missing(section))
        else:
            composer.append(keeping_its_pages(
                without_title(section.data) if section.ours
                else Document(io.BytesIO(section.data))))
    settle_sections(composer.doc)
    number_the_contents(composer.doc)
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def _missing(section: Section) -> Document:
    """Drafts only: the gap, marked where the section would be."""
    document = house_style.new_document(section.title)
    document.add_paragraph(f"{MISSING}: this item is not in the case folder yet.")
    return document
