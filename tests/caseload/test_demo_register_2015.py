"""`docgen caseload` on the 2015 Code's demo output (Leo, Amira, Callum), with a fixed --today.

Every date below is worked by hand from samples/send2015/*: the rules are the Act's, the
Regulations' and the Code's (docgen/domain/send2015)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from docgen.cli import main
from tests.docx_helpers import table_rows

LEO, AMIRA, CALLUM = "R330204426001", "M330205126002", "C330207826003"
D = dt.date


def run(register: Path, out: Path, today: str) -> str:
    result = CliRunner().invoke(main, ["caseload", str(register), "-o", str(out),
                                       "--today", today, "--jobs", "2"])
    assert result.exit_code == 0, result.output
    return result.output


def rows_of(out: Path, name: str, key: str) -> dict[str, dict[str, str]]:
    text = (out / name).read_bytes().decode("utf-8-sig")
    return {row[key]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


@pytest.fixture(scope="module")
def december(demo_register_2015: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("december")
    return out, run(demo_register_2015, out, "2026-12-14")


def test_the_summary_line(december: tuple[Path, str]) -> None:
    # Leo's review (11 December) is 3 days overdue; nothing of the school's falls due from
    # 14 to 28 December (Callum's report, due 17 December, was sent on 10 December)
    assert december[1].splitlines()[-1] == \
        "3 pupils; 1 review overdue; 0 due in the next 14 days"


def test_leo_sen_support_plan_1_overdue(december: tuple[Path, str]) -> None:
    leo = rows_of(december[0], "caseload.csv", "UPN")[LEO]
    assert (leo["Year group"], leo["Framework"], leo["Stage"], leo["Need"], leo["Area of need"]) \
        == ("3", "SEND Code of Practice 2015", "SEN Support (K)", "SPLD (primary)",
            "Cognition and learning")
    # plan 1 from 21 September 2026, its review set for 11 December 2026: within a term of the
    # start (21 September + 4 months = 21 January 2027), so due then; not yet recorded as held
    assert leo["Current plan"] == "SEN Support plan 1 from 21 September 2026"
    assert (leo["Review"], leo["Review due"], leo["Days until due"], leo["Overdue"]) == \
        ("SEN Support review", "2026-12-11", "-3", "yes")
    assert leo["Last review"] == ""
    # the plan's year from 7 September 2026 (to 6 September 2027): meetings on 21 September,
    # 11 December, 18 January and 26 April: four, of the three expected
    assert (leo["Parent meetings this year"], leo["Parent meetings expected"]) == ("4", "3")
    assert leo["Checks"] == ""


def test_amira_reviewed_with_an_ehc_request_on_the_clock(december: tuple[Path, str]) -> None:
    amira = rows_of(december[0], "caseload.csv", "UPN")[AMIRA]
    assert (amira["Stage"], amira["Need"], amira["Area of need"]) == \
        ("SEN Support (K)", "ASD (primary), SLCN", "Communication and interaction")
    # plan 4 reviewed on 27 November 2026 with no plan 5 in the register: the next review
    # within a term, 27 November + 4 months = 27 March 2027; from 14 December:
    # 17 (rest of December) + 31 + 28 + 27 = 103 days
    assert (amira["Current plan"], amira["Last review"], amira["Last review outcome"]) == \
        ("SEN Support plan 4 from 7 September 2026", "2026-11-27", "plan 4 reviewed")
    assert (amira["Review due"], amira["Days until due"], amira["Overdue"]) == \
        ("2027-03-27", "103", "no")
    # request received 7 December 2026: + 6 weeks = 18 January 2027 (reg 5); + 16 weeks =
    # 112 days = 29 March 2027 (reg 10); + 20 weeks = 140 days = 26 April 2027 (reg 13(2))
    assert (amira["EHC request received"], amira["LA decision by"],
            amira["LA no-plan notice by"], amira["LA final plan by"]) == \
        ("2026-12-07", "2027-01-18", "2027-03-29", "2027-04-26")
    # 10 September, 27 November and 25 January in the year from 7 September: three of three
    assert (amira["Parent meetings this year"], amira["Parent meetings expected"]) == ("3", "3")
    assert amira["Checks"] == \
        "Plan 4 was reviewed on 27 November 2026: the next plan is not in the register"


def test_callum_annual_review_held_and_the_next_within_12_months(
        december: tuple[Path, str]) -> None:
    callum = rows_of(december[0], "caseload.csv", "UPN")[CALLUM]
    assert (callum["Year group"], callum["Stage"], callum["Current plan"]) == \
        ("11", "EHC plan (E)", "EHC plan issued 14 March 2022")
    # held on 3 December 2026, recommending amendments; CFA 2014 s.44(1): the next review in
    # the 12 months starting with 3 December 2026, which end on 2 December 2027 (353 days on:
    # 365 to 14 December 2027, less 12)
    assert (callum["Last review"], callum["Last review outcome"]) == \
        ("2026-12-03", "amend the EHC plan")
    assert (callum["Review"], callum["Review due"], callum["Days until due"]) == \
        ("EHC plan annual review", "2027-12-02", "353")
    # reg 20: invitations and advice 14 days before (19 November), the report 14 days after
    # (17 December); reg 18: to a post-16 institution in 2027, the amended plan by 31 March
    assert (callum["Annual review meeting"], callum["Invitations and advice by"],
            callum["Review report by"], callum["Next annual review by"],
            callum["Amended plan (phase transfer) by"]) == \
        ("2026-12-03", "2026-11-19", "2026-12-17", "2027-12-02", "2027-03-31")
    assert callum["Parent meetings this year"] == "" and callum["Checks"] == ""


def test_the_word_report_marks_leo(december: tuple[Path, str]) -> None:
    data = (december[0] / "caseload.docx").read_bytes()
    soon = table_rows(data, "Deadlines overdue or due soon")
    assert [row[:5] for row in soon[1:]] == [
        ["Leo Brennan", "3", "SEN Support review", "11 Dec 2026", "OVERDUE by 3 days"]]


def test_the_calendar_holds_the_open_dates(december: tuple[Path, str]) -> None:
    raw = (december[0] / "deadlines.ics").read_bytes()
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    found = sorted((e.decoded("DTSTART"), str(e["SUMMARY"]), str(e["CATEGORIES"].cats[0]))
                   for e in events)
    # done (Callum's invitations and report) and past meetings are not events; the overdue
    # review is
    assert found == [
        (D(2026, 12, 11), "SEN Support review: LB (Year 3)", "SEN"),
        (D(2027, 1, 18), "LA decides whether to assess (6 weeks): AH (Year 5)",
         "Local authority"),
        (D(2027, 1, 18), "Meeting with parents: LB (Year 3)", "SEN"),
        (D(2027, 1, 25), "Meeting with parents: AH (Year 5)", "SEN"),
        (D(2027, 3, 27), "SEN Support review: AH (Year 5)", "SEN"),
        (D(2027, 3, 29), "LA notice if no plan (16 weeks): AH (Year 5)", "Local authority"),
        (D(2027, 3, 31), "Amended EHC plan (phase transfer): CP (Year 11)", "Local authority"),
        (D(2027, 4, 26), "LA final EHC plan (20 weeks): AH (Year 5)", "Local authority"),
        (D(2027, 4, 26), "Meeting with parents: LB (Year 3)", "SEN"),
        (D(2027, 12, 2), "EHC plan annual review: CP (Year 11)", "SEN"),
    ]
    for private in (b"Brennan", b"Haddad", b"Price", LEO.encode(), AMIRA.encode(),
                    CALLUM.encode()):
        assert private not in raw


def test_the_provision_map_costs_the_plans_own_rates(december: tuple[Path, str]) -> None:
    groups = rows_of(december[0], "provision-map.csv", "Provision")
    phonics = groups["Phonics catch-up programme in a small group, with letter tiles and "
                     "reading books matched to the sounds taught"]
    # Leo's plan: 20 minutes × 4 a week with a group of 3 = 80 adult minutes, 26⅔ each;
    # £18 an hour: 80 ÷ 60 × 18 = £24.00 a week, £8.00 a pupil, × 38 weeks = £912.00
    assert (phonics["Adult minutes a week"], phonics["Adult minutes per pupil"],
            phonics["Hourly rate"], phonics["Cost a week"], phonics["Cost a week per pupil"],
            phonics["Cost a year"]) == ("80", "26.7", "18.00", "24.00", "8.00", "912.00")
    support = groups["Adult support in class for English and maths lessons, with a visual "
                     "timetable and task lists"]
    # Amira's: 60 minutes × 10 a week, one to one, at £19: 600 ÷ 60 × 19 = £190.00 a week
    assert (support["Adult minutes per pupil"], support["Cost a week"],
            support["Pupils (initials)"]) == ("600", "190.00", "AH (Y5)")
    assert not any("Callum" in g["Pupils (initials)"] for g in groups.values())


def test_a_week_earlier_leo_is_due_soon(demo_register_2015: Path, tmp_path: Path) -> None:
    output = run(demo_register_2015, tmp_path, "2026-12-10")
    # Leo's review and his meeting with his parents, both on 11 December: tomorrow. Amira's
    # request (7 December) is the authority's clock, not the school's.
    assert output.splitlines()[-1] == "3 pupils; 0 reviews overdue; 2 due in the next 14 days"
    leo = rows_of(tmp_path, "caseload.csv", "UPN")[LEO]
    assert (leo["Review due"], leo["Days until due"], leo["Overdue"]) == \
        ("2026-12-11", "1", "no")
