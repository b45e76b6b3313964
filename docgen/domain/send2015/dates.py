"""The statutory clocks: EHC needs assessment, annual review, phase transfer.

Every date here counts from a date the school types; weeks are calendar weeks. The law's
words are quoted beside each figure so a reader can check them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# SEND Regulations 2014: the authority decides whether to assess "within 6 weeks of
# receiving the request" (reg 5); if it decides not to issue a plan after assessing, it says
# so "within 16 weeks of the local authority receiving a request" (reg 10(1)); the final plan
# is sent "within 20 weeks of the local authority receiving a request" (reg 13(2)).
DECIDE_WEEKS = 6
NOTICE_OR_DRAFT_WEEKS = 16
FINAL_PLAN_WEEKS = 20

# Reg 20(3): "At least two weeks' notice of the date of the meeting must be given." Reg 20(4):
# advice "must [be circulated] to those persons at least two weeks in advance of the review
# meeting". Reg 20: the report follows "within two weeks of the review meeting" (CoP 9.176).
NOTICE_DAYS = 14
REPORT_DAYS = 14
# CoP 9.176: the authority decides to keep, amend or cease the plan within four weeks.
DECISION_WEEKS = 4


@dataclass(frozen=True)
class AssessmentClock:
    """The dates the authority must keep, from the day it receives the request."""

    received: dt.date
    decide: dt.date  # whether to carry out an EHC needs assessment
    notice_or_draft: dt.date  # notice that no plan will be issued (or, in practice, a draft)
    final_plan: dt.date


def assessment_clock(received: dt.date) -> AssessmentClock:
    return AssessmentClock(
        received=received,
        decide=received + dt.timedelta(weeks=DECIDE_WEEKS),
        notice_or_draft=received + dt.timedelta(weeks=NOTICE_OR_DRAFT_WEEKS),
        final_plan=received + dt.timedelta(weeks=FINAL_PLAN_WEEKS),
    )


@dataclass(frozen=True)
class ReviewDates:
    meeting: dt.date
    invitations_by: dt.date  # the latest day to send invitations and the requests for advice
    advice_circulated_by: dt.date  # everyone has everyone's advice by this day
    report_by: dt.date
    decision_by: dt.date


def review_dates(meeting: dt.date) -> ReviewDates:
    notice = dt.timedelta(days=NOTICE_DAYS)
    return ReviewDates(meeting, meeting - notice, meeting - notice,
                       meeting + dt.timedelta(days=REPORT_DAYS),
                       meeting + dt.timedelta(weeks=DECISION_WEEKS))


# Regulation 2(1): "transfer between phases of education". Regulation 18: the plan is reviewed
# and amended before 31 March in the calendar year of the transfer for secondary school to a
# post-16 institution, and before 15 February in any other case.
PHASE_TRANSFERS: tuple[tuple[str, str], ...] = (
    ("early_years_school", "Early years education to school"),
    ("infant_junior", "Infant school to junior school"),
    ("primary_middle", "Primary school to middle school"),
    ("primary_secondary", "Primary school to secondary school"),
    ("middle_secondary", "Middle school to secondary school"),
    ("secondary_post16", "Secondary school to a post-16 institution"),
)
POST_16_TRANSFER = "secondary_post16"


def amended_plan_due(transfer: str, year: int) -> dt.date:
    """The day by which the amended plan must be issued for a move in ``year``."""
    if transfer not in dict(PHASE_TRANSFERS):
        raise KeyError(transfer)
    return dt.date(year, 3, 31) if transfer == POST_16_TRANSFER else dt.date(year, 2, 15)


def review_due(issued: dt.date, last_review: dt.date | None) -> dt.date:
    """Children and Families Act 2014, s.44(1); CoP 9.169: a plan is reviewed within 12
    months of being made, then within 12 months of the last review."""
    start = last_review or issued
    try:
        return start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28)


# Regulation 20(6): from Year 9 the review considers preparation for adulthood.
ADULTHOOD_FROM_YEAR = 9


def considers_adulthood(year_group: str) -> bool:
    return year_group.isdigit() and int(year_group) >= ADULTHOOD_FROM_YEAR
