"""`docgen caseload` on the demo output, with a fixed --today: rows, calendar, CSV, summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from docgen.cli import main
from tests.docx_helpers import open_doc, table_rows

TOMOS, ZOFIA, AISHA = "K330200116007", "N330200117012", "E330200214033"


def run(register: Path, out: Path, today: str, *extra: str) -> str:
    result = CliRunner().invoke(main, ["caseload", str(register), "-o", str(out),
                                       "--today", today, "--jobs", "2", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def csv_rows(out: Path) -> dict[str, dict[str, str]]:
    raw = (out / "caseload.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    assert b"\r\n" in raw  # Excel's dialect ends lines with CRLF
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), dialect="excel")
    return {row["UPN"]: row for row in reader}


@pytest.fixture(scope="module")
def april(demo_register: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("april")
    return out, run(demo_register, out, "2026-04-02")


def test_the_summary_line(april: tuple[Path, str]) -> None:
    out, output = april
    assert output.splitlines()[-1] == "3 pupils; 1 review overdue; 0 due in the next 14 days"
    assert sorted(p.name for p in out.iterdir()) == [
        "caseload.csv", "caseload.docx", "deadlines.ics", "provision-map.csv",
        "provision-map.docx"]


def test_due_and_overdue_rows_in_the_csv(april: tuple[Path, str]) -> None:
    rows = csv_rows(april[0])
    assert set(rows) == {TOMOS, ZOFIA, AISHA}
    tomos = rows[TOMOS]
    # Tomos's High Focus review (8 Dec 2025) chose delegated provision and set the next
    # review for 23 March 2026: 2 April is 31 - 23 = 8 days of March + 2 of April = 10 days
    # later, so it is overdue by 10.
    assert (tomos["Review"], tomos["Review due"], tomos["Days until due"], tomos["Overdue"]) \
        == ("Provision Plan review", "2026-03-23", "-10", "yes")
    assert tomos["Current plan"] == "Provision Plan from 8 December 2025"
    assert (tomos["Last review"], tomos["Last review outcome"]) == \
        ("2025-12-08", "Provision through the school's delegated resources")
    assert (tomos["High Focus start"], tomos["High Focus end"]) == ("2025-09-15", "2025-12-08")
    assert tomos["Need"] == "Band 4: 1. Curriculum access"  # the review's CRISP bands
    zofia = rows[ZOFIA]
    # reviewed 19 January 2026, next review 20 April 2026: 20 - 2 = 18 days on
    assert (zofia["Review"], zofia["Review due"], zofia["Days until due"], zofia["Overdue"]) \
        == ("Proposed Provision Plan review", "2026-04-20", "18", "no")
    assert zofia["Last review outcome"] == "Request statutory assessment"
    aisha = rows[AISHA]
    # renewed to gather evidence on 2 February 2026; next review 11 May 2026:
    # 30 - 2 = 28 days left of April + 11 of May = 39
    assert (aisha["Stage"], aisha["Review"], aisha["Review due"], aisha["Days until due"]) \
        == ("High Focus School Action Plus", "High Focus review", "2026-05-11", "39")
    # the forms' own warnings: how many and where, by section and label, never what was typed
    # (CRISP record: stage against Band 4 threads; High Focus IEP: no service for thread 16;
    # review: no parent there or writing, understanding not ticked, two apologies without a
    # contribution or the outcome, no further views)
    assert aisha["Checks"] == (
        "CRISP Assessment Record form: 1 warning: The pupil's support now (Stage now) | "
        "High Focus IEP form: 1 warning: Role table | High Focus review form: 7 warnings: "
        "Attendees; The review meeting (The parents or carers understand the conclusions, "
        "Further views of the parents or carers); Apologies (Written contribution received "
        "×2, Told the outcome ×2)")
    assert [row["Year group"] for row in rows.values()] == ["4", "6", "8"]


def test_the_word_report_marks_the_overdue_row(april: tuple[Path, str]) -> None:
    data = (april[0] / "caseload.docx").read_bytes()
    year_4 = table_rows(data, "Year 4: each pupil's plan, reviews and deadlines")
    assert year_4[0] == ["Pupil", "Stage and need", "Current plan", "Review due",
                         "Last review", "Other dates", "Checks"]
    assert year_4[1][0] == "Tomos Llŷr-Evans\nknown as Tom"
    assert year_4[1][3] == "Provision Plan review\n23 Mar 2026\nOVERDUE by 10 days"
    soon = table_rows(data, "Deadlines overdue or due soon")
    assert [row[:5] for row in soon[1:]] == [
        ["Tomos Llŷr-Evans", "4", "Provision Plan review", "23 Mar 2026", "OVERDUE by 10 days"]]
    document = open_doc(data)
    fills = {cell._tc.xpath("string(./w:tcPr/w:shd/@w:fill)")
             for cell in document.tables[1].rows[1].cells}
    assert fills == {"F8D7DA"}
    overdue_runs = [run for p in document.tables[1].rows[1].cells[3].paragraphs
                     for run in p.runs if run.text.startswith("OVERDUE")]
    assert [(run.text, run.bold) for run in overdue_runs] == [("OVERDUE by 10 days", True)]
    year_6 = document.tables[2].rows[1].cells
    assert {c._tc.xpath("string(./w:tcPr/w:shd/@w:fill)") for c in year_6} == {""}
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Overdue and due in the next 14 days", "Year 4", "Year 6", "Year 8",
                        "Files not used"]
    # the documents the demo made beside the forms, its pack and manifest, and the blank forms
    # are not forms to read: counted, not listed as problems. Made: Aisha 12 (IEP, one
    # contact-attempts record, CRISP record, IEP review record, HF IEP, agenda, review record,
    # outcome note, leaflet, three letters), Tomos 12 (no contact attempts; a Provision Plan),
    # Zofia 12 + her request pack and its manifest: 12 + 12 + 14 = 38. Blank: the five forms.
    assert [p.text for p in document.paragraphs][-2:] == [
        "38 documents docgen made were left out (they are not forms).",
        "5 blank forms were left out."]
    assert len(document.tables) == 4  # due soon and three year groups: nothing unusable


def test_the_calendar_parses_with_icalendar(april: tuple[Path, str]) -> None:
    raw = (april[0] / "deadlines.ics").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # every line ends CRLF
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        ("Provision Plan review: TL (Year 4)", dt.date(2026, 3, 23), dt.date(2026, 3, 24)),
        ("Proposed Provision Plan review: ZW (Year 6)", dt.date(2026, 4, 20),
         dt.date(2026, 4, 21)),
        # initials in the pupil's own script: عائشہ Rahman
        ("High Focus review: عR (Year 8)", dt.date(2026, 5, 11), dt.date(2026, 5, 12)),
    ]
    text = raw.decode("utf-8")
    for private in ("Tomos", "Llŷr", "Zofia", "Wiśniewska", "Rahman", TOMOS, ZOFIA, AISHA,
                    "2017-03-14", "20170314"):
        assert private not in text
    assert len({str(e["UID"]) for e in events}) == 3


def test_uids_are_stable_from_one_run_to_the_next(demo_register: Path, tmp_path: Path,
                                                   april: tuple[Path, str]) -> None:
    run(demo_register, tmp_path, "2026-04-03")
    first = icalendar.Calendar.from_ical((april[0] / "deadlines.ics").read_bytes())
    second = icalendar.Calendar.from_ical((tmp_path / "deadlines.ics").read_bytes())
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == \
        [str(e["UID"]) for e in second.walk("VEVENT")]


def test_january_one_review_due_within_14_days(demo_register: Path, tmp_path: Path) -> None:
    output = run(demo_register, tmp_path, "2026-01-21")
    assert output.splitlines()[-1] == "3 pupils; 0 reviews overdue; 1 due in the next 14 days"
    rows = csv_rows(tmp_path)
    # Aisha's High Focus review form is dated 2 February 2026, after 21 January: not held yet,
    # so the High Focus IEP's review date is what is due: 31 - 21 = 10 days of January + 2.
    # (Tomos's next review, 23 March, and Zofia's, 20 April, are further off.)
    aisha = rows[AISHA]
    assert (aisha["Current plan"], aisha["Review due"], aisha["Days until due"]) == \
        ("High Focus IEP from 22 September 2025", "2026-02-02", "12")
    # The forms' own checks run as of --today too: on 21 January the review form's two dates
    # of things that have happened, "Date of the review" and the CRISP section's "Date of the
    # CRISP assessment" (both 2 February), are in the future: nine warnings, the seven of
    # April and these two (the date checks come first, in the form's section order)
    assert aisha["Checks"] == (
        "High Focus review form dated 2 February 2026, after today: not counted yet | "
        "CRISP Assessment Record form: 1 warning: The pupil's support now (Stage now) | "
        "High Focus IEP form: 1 warning: Role table | High Focus review form: 9 warnings: "
        "The review meeting (Date of the review, The parents or carers understand the "
        "conclusions, Further views of the parents or carers); CRISP assessment (Date of the "
        "CRISP assessment); Attendees; Apologies (Written contribution received ×2, Told the "
        "outcome ×2)")
    # her last review is the IEP review of 16 July 2025, which started the High Focus period
    assert (aisha["Last review"], aisha["Last review outcome"]) == \
        ("2025-07-16", "Start a High Focus period of School Action Plus")
