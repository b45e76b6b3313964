"""Writes the fictional evidence files of the sample statutory-request case folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen import house_style  # noqa: E402

CASE = ROOT / "samples" / "zofia-wisniewska" / "case"

DOCS = {
    "attendance.docx": ("Attendance record 2024-25 and 2025-26", [
        "Zofia Wiśniewska, Year 6. Source: the school's attendance system, 11 January 2026."],
        ["Term", "Sessions possible", "Sessions attended", "Attendance"],
        [["Autumn 2024", "142", "136", "95.8%"], ["Spring 2025", "120", "117", "97.5%"],
         ["Summer 2025", "124", "120", "96.8%"], ["Autumn 2025", "140", "135", "96.4%"]],
        ["No unauthorised absences.", "Two absences for speech and language appointments."]),
    "nc-levels.docx": ("National Curriculum levels across the curriculum", [
        "Teacher assessment, December 2025."],
        ["Subject", "Teacher assessment", "Expected for age"],
        [["English: speaking and listening", "Level 2c", "Level 4"],
         ["English: reading", "Level 2b", "Level 4"], ["English: writing", "Level 2c", "Level 4"],
         ["Mathematics", "Level 3b", "Level 4"], ["Science", "Level 3c", "Level 4"]],
        ["Mathematics is close to expectations when questions are read to her."]),
    "pupil-views.docx": ("Zosia's views", [
        "Recorded by Mrs Joanna Kowalczyk with picture cards, 7 January 2026."],
        ["Question", "What Zosia said"],
        [["What do you like at school?", "Art and the language group."],
         ["What is hard?", "When everyone talks fast. Long instructions."],
         ["What helps you?", "Picture cards. When Mrs K shows me first."]],
        ["Observed: chooses practical activities; plays with one friend at lunchtime."]),
    "pupil-involvement.docx": ("Record of pupil involvement", [
        "How Zosia took part in planning and reviewing her IEP."],
        ["Date", "What Zosia did"],
        [["15 September 2025", "Chose her rewards and the picture cards she wanted."],
         ["3 November 2025", "Rated her targets with a smiley-face scale."],
         ["19 January 2026", "Came to the first part of the review and showed her work."]],
        ["Zosia's targets were explained in English and in Polish."]),
    "parents-views.docx": ("Views of Mrs Wiśniewska", [
        "Given through an interpreter (Mr Piotr Zieliński), 12 January 2026."],
        ["Topic", "Mrs Wiśniewska's view"],
        [["Language at home", "Zosia speaks Polish well at home but searches for words."],
         ["School", "She is happy at school but tired and anxious after long days."],
         ["Help", "She wants more help with talking, and topic words sent home."]],
        ["She agrees with the request for statutory assessment."]),
    "parents-involvement.docx": ("Record of parental involvement", [
        "Meetings and contact with Mrs Wiśniewska during the High Focus period."],
        ["Date", "Contact"],
        [["9 September 2025", "Meeting with interpreter: the High Focus period explained."],
         ["21 October 2025", "Telephone call: topic words working well at home."],
         ["19 January 2026", "High Focus review, with interpreter."]],
        ["Letters were sent in English and Polish."]),
    "salt-report.docx": ("Speech and language therapy report", [
        "Ms Amara Okafor, specialist speech and language therapist, December 2025.",
        "Assessment in English (CELF-5) and in Polish with an interpreter."],
        ["Measure", "English", "Polish (informal)"],
        [["Receptive language (standard score)", "66", "Below age expectations"],
         ["Expressive language (standard score)", "63", "Below age expectations"],
         ["Following two-part instructions", "4 of 10", "6 of 10"]],
        ["Difficulties are present in both languages: this is a language disorder, not only "
         "a matter of learning English.", "Recommends daily individual language work and "
         "weekly direct therapy."]),
    "ep-report.docx": ("Educational psychologist's report", [
        "Dr Helen Marsh, educational psychologist, January 2026."],
        ["Observation", "Finding"],
        [["Class, literacy lesson", "On task when instructions were shown with pictures."],
         ["Playground", "Plays alongside peers; joins games with adult help."],
         ["Interview", "Prefers visual and practical learning; anxious when rushed."]],
        ["Recommends visual support in every lesson and a consistent key adult."]),
}


def make(name: str, title: str, paras: list[str], header: list[str], rows: list[list[str]],
         bullets: list[str]) -> None:
    document = house_style.new_document(title, author="Greenhill Junior & Infant School")
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
    for form in ("iep", "iep_review", "hf_iep", "hf_review", "crisp"):
        shutil.copy(ROOT / "samples" / "zofia-wisniewska" / f"{form}.yaml", CASE / f"{form}.yaml")
    (CASE / "reading-tests.csv").write_text(
        "date,test,reading age\n2025-03-11,Salford,6y 2m\n2025-12-09,Salford,6y 7m\n",
        encoding="utf-8")


if __name__ == "__main__":
    main()
