"""The rows of caseload.csv and provision-map.csv: one pupil, or one group, a line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from docgen.caseload.build import Caseload
from docgen.caseload.csv_out import Cell, to_csv
from docgen.caseload.provision_map import ProvisionMap, pupil_minutes

CASELOAD_HEADER = (
    "Year group", "Surname", "Forename", "UPN", "Date of birth", "Framework", "Stage",
    "Need", "Area of need", "Current plan", "Review", "Review due", "Days until due",
    "Overdue", "Last review", "Last review outcome", "High Focus start", "High Focus end",
    "EHC request received", "LA decision by", "LA no-plan notice by", "LA final plan by",
    "Annual review meeting", "Invitations and advice by", "Review report by",
    "Next annual review by", "Amended plan (phase transfer) by",
    "Parent meetings this year", "Parent meetings expected", "Checks",
)


def caseload_csv(caseload: Caseload) -> bytes:
    return to_csv(CASELOAD_HEADER, _pupil_rows(caseload))


def _pupil_rows(caseload: Caseload) -> Iterator[Sequence[Cell]]:
    from docgen.caseload.view import year_groups

    for _, rows in year_groups(caseload):
        for row in rows:
            pupil, status = row.pupil, row.pupil.status
            assert status is not None
            identity, review = pupil.identity, status.review
            clock = dict(status.request_clock)
            annual = dict(status.annual_review)
            meetings = status.parent_meetings or (None, None)
            hf_start, hf_end = status.high_focus or (None, None)
            yield (
                identity.year_group, identity.surname, identity.forename, identity.upn,
                identity.date_of_birth, status.framework, status.stage, status.need,
                status.area, status.plan, review.title if review else None,
                review.due if review else None,
                review.days_until(caseload.today) if review else None,
                row.overdue, status.last_review, status.last_outcome, hf_start, hf_end,
                clock.get("received"), clock.get("decision to assess"),
                clock.get("no-plan notice"), clock.get("final plan"),
                annual.get("meeting"), annual.get("invitations and advice by"),
                annual.get("report by"), annual.get("next review by"),
                annual.get("amended plan (phase transfer) by"), meetings[0], meetings[1],
                " | ".join(status.checks),
            )


MAP_HEADER = (
    "Provision", "Who", "Adult", "Minutes per session", "Sessions per week", "How often",
    "Group size", "Pupils (initials)", "Adult minutes a week", "Adult minutes per pupil",
    "Hourly rate", "Cost a week", "Cost a week per pupil", "Cost a year", "Notes",
)


def provision_csv(provision: ProvisionMap) -> bytes:
    weeks = provision.weeks_per_year
    rows = [(g.what, g.who, g.adult, g.session_minutes, g.sessions_per_week, g.how_often,
             g.size, ", ".join(m.label for m in g.members), g.adult_minutes, pupil_minutes(g),
             g.rate, g.weekly_cost, g.cost_per_pupil,
             g.weekly_cost * weeks if g.weekly_cost is not None else None, "; ".join(g.notes))
            for g in provision.groups]
    return to_csv(MAP_HEADER, rows)
