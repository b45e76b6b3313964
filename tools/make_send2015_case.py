"""Writes the fictional evidence files of the 2015 Code's sample case folder (an EHC needs
assessment request for Amira Haddad): ``python tools/make_send2015_case.py``."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen import house_style  # noqa: E402

CASE = ROOT / "samples" / "send2015" / "amira-haddad" / "case"
SCHOOL = "St Anne's Church of England Primary School"

DOCS = {
    "attainment.docx": ("Attainment and progress since September 2025", [
        "Amira Haddad, Year 5. Teacher assessment and standardised tests."],
        ["Date", "Reading comprehension (standardised score)", "Writing", "Mathematics"],
        [["September 2025", "72", "Year 2 level", "Year 2 level"],
         ["January 2026", "70", "Year 2 level", "Year 2 level"],
         ["April 2026", "70", "Year 2 level", "Year 3 level"],
         ["October 2026", "71", "Year 2 level", "Year 3 level"]],
        ["Decoding is secure; understanding of what she reads has not improved in a year.",
         "Progress in maths came in the terms with one-to-one support in lessons."]),
    "paediatrician-letter.docx": ("Letter from the community paediatrician", [
        "Dr Samuel Reid, consultant community paediatrician, 19 March 2026.",
        "Multi-disciplinary autism assessment with the speech and language therapist."],
        ["Finding", "Detail"],
        [["Diagnosis", "Autism spectrum disorder"],
         ["Sleep", "Settles late; wakes early on school days"],
         ["Sensory", "Marked sensitivity to noise; referred to occupational therapy"]],
        ["Recommends a predictable routine, visual timetables and a quiet space in school."]),
    "salt-report.docx": ("Speech and language therapy report", [
        "Ms Grace Allen, speech and language therapist, 24 June 2026."],
        ["Measure", "Result"],
        [["Understanding of spoken language", "At the level of a 6-year-old"],
         ["Following two-step instructions", "2 of 10"],
         ["Answering 'why' questions", "1 of 5"]],
        ["Programme set for three 30-minute sessions a week with a trained teaching "
         "assistant; review in December 2026."]),
}


def make(name: str, title: str, paras: list[str], header: list[str], rows: list[list[str]],
         bullets: list[str]) -> None:
    document = house_style.new_document(title, author=SCHOOL)
    document.add_heading(title, 1)
    for text in paras:
        document.add_paragraph(text)
    table = house_style.add_table(document, header, caption=title)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    for text in bullets:
        document.add_paragraph(text, style="List Bullet")
    document.save(str(CASE / name))


def main() -> None:
    CASE.mkdir(parents=True, exist_ok=True)
    for name, spec in DOCS.items():
        make(name, *spec)
    (CASE / "attendance.csv").write_text(
        "term,attendance,days partly out of class\nSummer 2026,91.2%,24\nAutumn 2026,89.5%,31\n",
        encoding="utf-8")


if __name__ == "__main__":
    main()
