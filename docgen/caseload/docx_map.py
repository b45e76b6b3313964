"""provision-map.docx: the school's groups, adults, stages and areas of need, on landscape A4.

Pupils appear by initials and year group only: the map goes to the head teacher and the
local authority.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from docgen.caseload import docx_kit as kit
from docgen.caseload.grouping import normal_name
from docgen.caseload.provision_map import ProvisionMap, Total, pupil_minutes
from docgen.context import uk_date
from docgen.domain.stages import format_minutes

TITLE = "Provision map"


def money(value: Decimal | None) -> str:
    return "" if value is None else f"£{value.quantize(Decimal('0.01')):,}"


def minutes(value: Fraction | None) -> str:
    return "" if value is None else format_minutes(value)


def hours(value: Fraction | Decimal | None) -> str:
    if value is None:
        return ""
    return f"{float(value):.1f}".removesuffix(".0")


def provision_docx(provision: ProvisionMap, *, school: str, today: dt.date) -> bytes:
    report = kit.Report(TITLE, subject="Provision map", author=school)
    report.doc.add_paragraph(TITLE, style="Title")
    report.doc.add_paragraph(" · ".join(p for p in (school, f"as at {uk_date(today)}") if p))
    report.doc.add_paragraph(
        "Every provision row of every current plan, grouped by what is provided, who "
        "provides it and how often. A group shares its adult: each pupil receives the "
        "minutes per session × sessions a week × adults ÷ the group's size."
        + (f" Costs are for a week and for {provision.weeks_per_year} school weeks a year."
           if provision.costed else ""))
    _groups(report, provision)
    _adults(report, provision)
    for heading, totals in (("By stage", provision.stages),
                            ("By area of need", provision.areas)):
        _totals(report, heading, totals, provision.costed)
    _below(report, provision)
    return report.to_bytes()


def _groups(report: kit.Report, provision: ProvisionMap) -> None:
    report.doc.add_heading("Groups", level=1)
    if not provision.groups:
        report.doc.add_paragraph("No current plan records any provision.")
        return
    headers = ["Provision", "Who", "How often", "Group size", "Pupils", "Adult minutes a week",
               "Minutes per pupil"]
    parts = [3.8, 3.3, 2.4, 1.8, 3.0, 2.5, 2.5]
    if provision.costed:
        headers += ["Cost a week", "Cost per pupil", "Cost a year"]
        parts += [2, 2, 2.4]
    headers.append("Notes")
    parts.append(3)
    rows = []
    for g in provision.groups:
        often = (f"{g.sessions_per_week} × {g.session_minutes} min" if g.sessions
                 else g.how_often)
        row = [g.what, _who(g.adult, g.who), often,
               str(g.size), ", ".join(m.label for m in g.members), minutes(g.adult_minutes),
               minutes(pupil_minutes(g))]
        if provision.costed:
            year = g.weekly_cost * provision.weeks_per_year if g.weekly_cost is not None \
                else None
            row += [money(g.weekly_cost), money(g.cost_per_pupil), money(year)]
        row.append("; ".join(g.notes))
        rows.append(row)
    report.table(headers, rows, caption="Provision groups",
                 column_widths=kit.widths(*parts))


def _who(adult: str, who: str) -> str:
    """The plan's "Who", and the adult the settings name when it does not say so itself."""
    return who if normal_name(adult) in normal_name(who) else f"{adult}\n({who})"


def _adults(report: kit.Report, provision: ProvisionMap) -> None:
    report.doc.add_heading("Adults", level=1)
    if not provision.adults:
        report.doc.add_paragraph("No adult is named in a current plan.")
        return
    headers = ["Adult", "Groups", "Pupils", "Hours a week", "Contract hours",
               "Hours left in the contract"]
    if provision.costed:
        headers.append("Cost a week")
    rows = []
    for total in provision.adults:
        used = total.minutes / 60
        left = (hours(total.contract_hours - Decimal(used.numerator) / used.denominator)
                if total.contract_hours is not None else "")
        row = [total.name, str(total.groups), str(len(total.pupils)), hours(used),
               hours(total.contract_hours), left]
        if provision.costed:
            row.append(money(total.cost))
        rows.append(row)
    report.table(headers, rows, caption="Adult time by adult",
                 column_widths=kit.widths(*([6, 1.5, 1.5, 2, 2, 2.5] +
                                            ([2] if provision.costed else []))))


def _totals(report: kit.Report, heading: str, totals: list[Total], costed: bool) -> None:
    report.doc.add_heading(heading, level=1)
    headers = [heading.removeprefix("By ").capitalize(), "Pupils",
               "Adult minutes a week received", "Average per pupil"]
    if costed:
        headers.append("Cost a week")
    rows = []
    for total in totals:
        count = len(total.pupils)
        row = [total.name, str(count), minutes(total.minutes),
               minutes(total.minutes / count) if count else ""]
        if costed:
            row.append(money(total.cost))
        rows.append(row)
    report.table(headers, rows, caption=f"Adult time {heading.lower()}",
                 column_widths=kit.widths(*([6, 1.5, 2.5, 2.5] + ([2] if costed else []))))


def _below(report: kit.Report, provision: ProvisionMap) -> None:
    report.doc.add_heading("Below the indicative minimum", level=1)
    if not provision.below_minimum:
        report.doc.add_paragraph("No pupil's adult time is below the indicative minimum for "
                               "their stage.")
        return
    report.doc.add_paragraph("Pupils whose adult time a week is below their stage's indicative "
                           "minimum, and whose plan records no other provision of equivalent "
                           "value.")
    rows = [(b.member.label, b.member.stage, minutes(b.minutes), str(b.minimum))
            for b in provision.below_minimum]
    report.table(("Pupil", "Stage", "Adult minutes a week", "Indicative minimum"), rows,
                 caption="Pupils below the indicative minimum",
                 column_widths=kit.widths(3, 6, 2.5, 2.5))
