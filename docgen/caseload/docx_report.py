"""caseload.docx: the Monday-morning page, a landscape table per year group."""

from __future__ import annotations

from docgen.caseload import docx_kit as kit
from docgen.caseload.build import SOON_DAYS, Caseload
from docgen.caseload.view import HEADERS, days_text, due_soon, year_groups
from docgen.context import uk_date

TITLE = "SEN caseload"


def school_names(caseload: Caseload) -> str:
    schools = sorted({p.identity.school for p in caseload.pupils if p.identity.school})
    return ", ".join(schools)


def caseload_docx(caseload: Caseload) -> bytes:
    schools = school_names(caseload)
    report = kit.Report(TITLE, subject="Reviews and deadlines",
                        author=schools)
    report.doc.add_paragraph(TITLE, style="Title")
    report.doc.add_paragraph(" · ".join(part for part in (
        schools, f"as at {uk_date(caseload.today)}") if part))
    report.doc.add_paragraph(caseload.summary() + ".")
    _due_soon(report, caseload)
    for title, rows in year_groups(caseload):
        report.doc.add_heading(title, level=1)
        report.table(HEADERS, [row.cells for row in rows],
                     caption=f"{title}: each pupil's plan, reviews and deadlines",
                     column_widths=kit.widths(3.4, 4.2, 3.8, 3.2, 3.6, 4.4, 4.4),
                     marked=[row.overdue for row in rows])
    _not_used(report, caseload)
    return report.to_bytes()


def _due_soon(report: kit.Report, caseload: Caseload) -> None:
    report.doc.add_heading(f"Overdue and due in the next {SOON_DAYS} days", level=1)
    items = due_soon(caseload)
    if not items:
        report.doc.add_paragraph(
            f"Nothing is overdue or due in the next {SOON_DAYS} days.")
        return
    rows = [(i.pupil.identity.full_name, i.pupil.year_group, i.deadline.title,
             kit.short_date(i.deadline.due), days_text(i.deadline, caseload.today),
             _sentence(i.deadline.rule)) for i in items]
    report.table(("Pupil", "Year", "What is due", "Due", "When", "Why"), rows,
                 caption="Deadlines overdue or due soon",
                 column_widths=kit.widths(4, 1.3, 5, 2.6, 3, 8),
                 marked=[i.deadline.overdue(caseload.today) for i in items])


def _not_used(report: kit.Report, caseload: Caseload) -> None:
    lines = []
    if caseload.documents_skipped:
        lines.append(f"{caseload.documents_skipped} documents docgen made were left out "
                     "(they are not forms).")
    if caseload.blank_forms:
        lines.append(f"{caseload.blank_forms} blank forms were left out.")
    if caseload.case_folders:
        lines.append(f"{caseload.case_folders} case folders were left out (a request pack's "
                     "evidence: docgen pack reads them).")
    if not caseload.not_used and not lines:
        return
    report.doc.add_heading("Files not used", level=1)
    if caseload.not_used:
        report.table(("File", "Why it was not used"),
                     [(item.source, item.reason) for item in caseload.not_used],
                     caption="Files in the register that could not be used",
                     column_widths=kit.widths(2, 5))
    for line in lines:
        report.doc.add_paragraph(line)


def _sentence(rule: str) -> str:
    return rule[:1].upper() + rule[1:]
