"""The dates a school keeps under the 2015 Code: EHC needs assessment, annual review, phase
transfer, and the SEN Support plan's termly review.

Every date here counts from a date the school types; weeks are calendar weeks. The law's
words are quoted beside each figure so a reader can check them. The documents, the forms'
checks and the caseload all take their dates from here. Each ``*_RULE`` is the short citation
the caseload and its calendar show beside a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.domain.dates import add_months, period_end

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
CLOCK_RULE = "SEND Regulations 2014, regs 5, 10 and 13"
CIRCULATION_RULE = "invitations and advice at least two weeks before (Reg 20(3) and (4))"
REPORT_RULE = "review report within two weeks of the meeting (Reg 20; CoP 9.176)"


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
TRANSFER_RULE = "amended plan by 15 February; 31 March for post-16 (Reg 18)"


def amended_plan_due(transfer: str, year: int) -> dt.date:
    """The day by which the amended plan must be issued for a move in ``year``."""
    if transfer not in dict(PHASE_TRANSFERS):
        raise KeyError(transfer)
    return dt.date(year, 3, 31) if transfer == POST_16_TRANSFER else dt.date(year, 2, 15)


# Children and Families Act 2014, s.44(1): the authority must review the plan "(a) in the
# period of 12 months starting with the date on which the plan was first made, and (b) in
# each subsequent period of 12 months starting with the date on which the plan was last
# reviewed" (CoP 9.169). A period starting with 10 March 2026 ends on 9 March 2027.
REVIEW_MONTHS = 12
ANNUAL_RULE = "review within 12 months of the plan or the last review (CFA s44(1); CoP 9.169)"


def review_due(issued: dt.date, last_review: dt.date | None = None) -> dt.date:
    """The last day of the 12 months starting with the day the plan was made, or with the
    day it was last reviewed (CFA 2014 s.44(1))."""
    return period_end(last_review or issued, REVIEW_MONTHS)


# Regulation 20(6): from Year 9 the review considers preparation for adulthood.
ADULTHOOD_FROM_YEAR = 9


def considers_adulthood(year_group: str) -> bool:
    return year_group.isdigit() and int(year_group) >= ADULTHOOD_FROM_YEAR


# SEN Support: CoP 6.65 asks schools to "meet parents at least three times each year" to set
# outcomes and review progress, so a plan's review falls within a term of its start. The
# longest English school term (September to December) is under four months.
TERM_MONTHS = 4
TERMLY_RULE = "SEN Support reviewed termly (CoP 6.65: three times each year)"


@dataclass(frozen=True)
class TermlyReview:
    """When a SEN Support plan is due for review: the date it sets, capped at a term."""

    due: dt.date
    set_for: dt.date
    latest: dt.date

    @property
    def later_than_allowed(self) -> bool:
        return self.set_for > self.latest


def sen_support_review_due(start: dt.date, review_date: dt.date) -> TermlyReview:
    """A SEN Support plan's review: on its review date, and within a term of its start."""
    latest = add_months(start, TERM_MONTHS)
    return TermlyReview(min(review_date, latest), review_date, latest)


def next_sen_support_review(held: dt.date) -> dt.date:
    """After a review with no newer plan yet: the next review falls within a term."""
    return add_months(held, TERM_MONTHS)
