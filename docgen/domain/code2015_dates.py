"""The dates a school keeps under the SEND Code of Practice 2015 and the SEND Regulations 2014.

Pure functions over plain dates, each beside the words of the Act, Regulation or Code it
follows. (Issue 18's docgen/domain/send2015/dates.py computes the same clocks for the
documents; after both land, one of the two should call the other.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from docgen.domain.review_dates import ReviewDue, add_months, capped

# --- SEN Support ----------------------------------------------------------------------------
# CoP 6.65: "Schools should meet parents at least three times each year" to set outcomes and
# review progress; local guidance turns this into a plan reviewed each term. The longest
# English school term (September to December) is under four months.
TERM_MONTHS = 4
TERMLY_RULE = "SEN Support reviewed termly (CoP 6.65: three times each year)"


def sen_support_review_due(start: dt.date, review_date: dt.date) -> ReviewDue:
    """A SEN Support plan's review: on its review date, and within a term of its start."""
    return capped(review_date, add_months(start, TERM_MONTHS))


def next_sen_support_review(held: dt.date) -> dt.date:
    """After a review with no newer plan yet: the next review falls within a term."""
    return add_months(held, TERM_MONTHS)


# --- meetings with parents -----------------------------------------------------------------
# CoP 6.65: "Schools should meet parents at least three times each year."
MEETINGS_A_YEAR = 3
MEETINGS_RULE = "meet parents at least three times each year (CoP 6.65)"


def year_end(start: dt.date) -> dt.date:
    """The last day of the year that begins on ``start``."""
    return add_months(start, 12) - dt.timedelta(days=1)


def meetings_in_year(start: dt.date, dates: Iterable[dt.date | None]) -> list[dt.date]:
    """The distinct meeting dates, held or planned, in the year from ``start``."""
    end = year_end(start)
    return sorted({d for d in dates if d is not None and start <= d <= end})


def school_year_start(today: dt.date) -> dt.date:
    """1 September of the school year ``today`` falls in."""
    year = today.year if today.month >= 9 else today.year - 1
    return dt.date(year, 9, 1)


# --- EHC needs assessment ------------------------------------------------------------------
# SEND Regulations 2014: the authority tells the parents whether it will assess "within 6
# weeks of receiving the request" (reg 5); that it will not issue a plan "within 16 weeks"
# (reg 10(1)); and sends the final plan "within 20 weeks of the local authority receiving a
# request" (reg 13(2)).
DECIDE_WEEKS, NO_PLAN_WEEKS, FINAL_PLAN_WEEKS = 6, 16, 20


@dataclass(frozen=True)
class AssessmentClock:
    received: dt.date
    decide: dt.date  # whether to assess
    no_plan_notice: dt.date  # notice that no plan will be issued (a draft in practice)
    final_plan: dt.date


def assessment_clock(received: dt.date) -> AssessmentClock:
    weeks = dt.timedelta(weeks=1)
    return AssessmentClock(received, received + DECIDE_WEEKS * weeks,
                           received + NO_PLAN_WEEKS * weeks, received + FINAL_PLAN_WEEKS * weeks)


# --- EHC plan annual review ----------------------------------------------------------------
# Children and Families Act 2014 s44(1): the authority must review a plan "in the period of
# 12 months starting with the date on which the plan was first made" and "in each subsequent
# period of 12 months starting with the date on which the plan was last reviewed" (CoP 9.169).
ANNUAL_RULE = "review within 12 months of the plan or the last review (CFA s44; CoP 9.169)"
# Reg 20(3)-(4): at least two weeks' notice of the meeting, and everyone's advice sent round
# "at least two weeks in advance of the review meeting" (CoP 9.176). Reg 20 and CoP 9.176: the
# report within two weeks of the meeting. CoP 9.176: the authority decides within four weeks.
CIRCULATION_DAYS = 14
REPORT_DAYS = 14
DECISION_WEEKS = 4
CIRCULATION_RULE = "invitations and advice at least two weeks before (Reg 20(4); CoP 9.176)"
REPORT_RULE = "review report within two weeks of the meeting (Reg 20; CoP 9.176)"


def annual_review_due(issued: dt.date, last_review: dt.date | None = None) -> dt.date:
    """The last day of the 12 months starting with the plan's issue or its last review."""
    return year_end(last_review or issued)


@dataclass(frozen=True)
class ReviewMeetingDates:
    meeting: dt.date
    invitations_by: dt.date  # invitations sent and advice circulated by this day
    report_by: dt.date
    decision_by: dt.date  # the authority's


def review_meeting_dates(meeting: dt.date) -> ReviewMeetingDates:
    return ReviewMeetingDates(meeting, meeting - dt.timedelta(days=CIRCULATION_DAYS),
                              meeting + dt.timedelta(days=REPORT_DAYS),
                              meeting + dt.timedelta(weeks=DECISION_WEEKS))


# Reg 18(1): a plan is reviewed and amended before a move between phases "by 15 February in
# the calendar year of the transfer", and by 31 March for a move from secondary school to a
# post-16 institution.
POST_16_TRANSFER = "secondary_post16"
TRANSFER_RULE = "amended plan by 15 February; 31 March for post-16 (Reg 18)"


def amended_plan_due(transfer: str, year: int) -> dt.date:
    return dt.date(year, 3, 31) if transfer == POST_16_TRANSFER else dt.date(year, 2, 15)


# --- census primary need → broad area of need (CoP 6.28-6.35) -------------------------------
BROAD_AREA_OF_NEED: dict[str, str] = {
    **dict.fromkeys(("SPLD", "MLD", "SLD", "PMLD"), "Cognition and learning"),
    **dict.fromkeys(("SLCN", "ASD"), "Communication and interaction"),
    "SEMH": "Social, emotional and mental health",
    **dict.fromkeys(("HI", "VI", "MSI", "PD"), "Sensory and/or physical"),
}


def broad_area(census_need: str) -> str:
    """The Code's broad area for a census primary need; OTH and NSA belong to none."""
    return BROAD_AREA_OF_NEED.get(census_need.upper(), "Other or not yet assessed")
