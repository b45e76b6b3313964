"""When a Birmingham plan is due for review: IEPs, the High Focus period and its review.

Pure functions over plain dates. The guidance's words are quoted beside each figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.domain.dates import add_months

# The parent leaflet (quoting the SEN Code of Practice): "The SEN Code of Practice states that
# reviews should take place at least two per year and ideally termly, or possibly more
# frequent for some pupils." Two a year: no more than six months from one to the next.
REVIEWS_RULE = "reviews at least two per year and ideally termly"
MONTHS_BETWEEN_REVIEWS = 6

# The High Focus period runs from the High Focus IEP to its review; the review's agenda ends
# with "New review date" (item 10), the date the next review is due.
HIGH_FOCUS_RULE = "the High Focus review date set in the High Focus IEP"
NEW_REVIEW_RULE = "the new review date set at the High Focus review"
# The School Action / School Action Plus review form's "Next review date".
IEP_NEXT_REVIEW_RULE = "the next review date set at the IEP review"


@dataclass(frozen=True)
class ReviewDue:
    """When a review is due: the date the plan set, capped at the latest the rule allows."""

    due: dt.date
    set_for: dt.date
    latest: dt.date

    @property
    def later_than_allowed(self) -> bool:
        return self.set_for > self.latest


def capped(set_for: dt.date, latest: dt.date) -> ReviewDue:
    return ReviewDue(min(set_for, latest), set_for, latest)


def latest_review(since: dt.date) -> dt.date:
    """The latest day for the next review, counting from a plan's start or the last review:
    at least two reviews a year."""
    return add_months(since, MONTHS_BETWEEN_REVIEWS)


def iep_review_due(start: dt.date, review_date: dt.date) -> ReviewDue:
    """An IEP's review: on the date it sets, and no later than six months after its start."""
    return capped(review_date, latest_review(start))


def review_after_review(held: dt.date, next_review: dt.date) -> ReviewDue:
    """After a review: the new review date it set, and no later than six months after it."""
    return capped(next_review, latest_review(held))


def high_focus_period(start: dt.date, review_date: dt.date) -> tuple[dt.date, dt.date]:
    """The High Focus period: from the High Focus IEP's start to its review."""
    return (start, review_date)


def days_until(due: dt.date, today: dt.date) -> int:
    """Days from ``today`` to ``due``: negative once it has passed."""
    return (due - today).days
