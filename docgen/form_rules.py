"""The guidance's checks on a validated form, section by section, as label-named problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from docgen.definitions import FormDefinition, Section
from docgen.domain import crisp, highfocus, review, stages
from docgen.domain.delegation import load_policy
from docgen.problems import Problem, error, warning

# Reviews take place "at least two per year and ideally termly" (parent leaflet).
MAX_REVIEW_INTERVAL_DAYS = 183
POST_16_YEARS = frozenset({"12", "13", "14"})

Data = dict[str, Any]
SectionRule = Callable[[FormDefinition, Data, dt.date], Iterator[Problem]]


def check_form(
    definition: FormDefinition, data: Data, today: dt.date | None = None
) -> list[Problem]:
    """Every rule whose section is on this form, in the form's order."""
    today = today or dt.date.today()
    problems: list[Problem] = []
    for section in definition.sections:
        for rule in _RULES.get(section.key, ()):
            problems.extend(rule(definition, data, today))
    return problems


def _where(definition: FormDefinition, section_key: str, field_key: str, row: int | None = None
           ) -> dict[str, Any]:
    section: Section = definition.section(section_key)
    return {"section": section.heading, "label": section.field(field_key).label, "row": row}


def pupil_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    born = data["pupil"]["date_of_birth"]
    if born <= _years_before(today, 26):  # 26 on or before today: older than 25
        yield error("The date of birth makes the pupil older than 25. Check the year.",
                    **_where(definition, "pupil", "date_of_birth"))


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` earlier; 29 February falls back to the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def plan_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    plan = data["plan"]
    start, review = plan["start_date"], plan["review_date"]
    if review <= start:
        yield error("The review date must be after the start date.",
                    **_where(definition, "plan", "review_date"))
    elif (review - start).days > MAX_REVIEW_INTERVAL_DAYS:
        yield warning(
            f"The review is {(review - start).days} days after the start. Progress should be "
            "reviewed at least twice a year, ideally every term: set a review within 6 months.",
            **_where(definition, "plan", "review_date"),
        )
    if (plan["stage"] == "sa_plus" and not plan.get("school_action_first")
            and not plan.get("exceptional_reason")):
        yield warning(
            "A pupil should not move to School Action Plus without provision at School Action "
            "first, unless there are exceptional reasons. Tick the box, or record the reason.",
            **_where(definition, "plan", "exceptional_reason"),
        )
    yield from _adult_time_rule(definition, data)


def _adult_time_rule(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    plan, rows = data["plan"], data.get("provision", [])
    minimum = stages.stage(plan["stage"]).minimum_minutes
    if minimum is None or plan.get("equivalent_provision"):
        return
    total = sum((weekly_minutes(row) for row in rows), start=0)
    if not stages.meets_stage_minimum(plan["stage"], total):
        stage_name = stages.stage(plan["stage"]).name
        yield warning(
            f"The provision gives {stages.format_minutes(total)} minutes of adult time per week "
            f"for this pupil; the indicative minimum at {stage_name} is {minimum} minutes. Add "
            "provision, or describe the other provision of equivalent value.",
            **_where(definition, "plan", "equivalent_provision"),
        )


def weekly_minutes(row: Data) -> Any:
    return stages.per_pupil_minutes(
        row["session_minutes"], row["sessions_per_week"], row["group_size"]
    )


def views_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    views = data["views"]
    if not views.get("parents") and not views.get("contact_attempts"):
        yield error(
            "Record the parents' or carers' views. If you could not reach them, record the "
            "attempts you made to contact them instead.",
            **_where(definition, "views", "parents"),
        )


def crisp_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    section = definition.section("crisp_threads")
    rows = data.get("crisp_threads", [])
    labels = {row.key: row.label for row in section.rows}
    if not any(row.get("band") for row in rows):
        yield error("Give a band for at least one thread.", section=section.heading)
    year = data.get("pupil", {}).get("year_group")
    full = data["crisp"]["kind"] == "full"
    for row in rows:
        heading = f"{section.heading}, {labels[row['thread']]}"
        band_label = section.field("band").label
        if int(row["thread"]) == crisp.POST_16_THREAD and row.get("band") and (
            year is not None and year not in POST_16_YEARS
        ):
            yield error("Thread 18 is for post-16 students only. Leave its band empty.",
                        section=heading, label=band_label)
        if full and row.get("band") and not row.get("evidence"):
            yield error("A full CRISP assessment needs the evidence for each band. Add it, or "
                        "mark the assessment as pencilled.",
                        section=heading, label=section.field("evidence").label)
        if row.get("evidence") and not row.get("band"):
            yield warning("There is evidence but no band. Choose a band.",
                          section=heading, label=band_label)


def _bands(data: Data) -> dict[int, int | None]:
    return {int(row["thread"]): row.get("band") for row in data.get("crisp_threads", [])}


def high_focus_rules(definition: FormDefinition, data: Data, today: dt.date
                     ) -> Iterator[Problem]:
    hf = data["high_focus"]
    if hf["review_date"] <= hf["start_date"]:
        yield error("The review must come after the start of the High Focus period.",
                    **_where(definition, "high_focus", "review_date"))
    result = highfocus.eligibility(_bands(data), bool(hf.get("provision_made")),
                                   bool(hf.get("progress_satisfactory")))
    for reason in result.reasons:
        yield warning(f"A High Focus period may start only when all three conditions hold. "
                      f"{reason}", section=definition.section("high_focus").heading)


def roles_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    hf = data.get("high_focus", {})
    yield from highfocus.check_roles(
        data.get("roles", []), highfocus.threads_of_concern(_bands(data)),
        pupil_no_role_reason=hf.get("pupil_no_role_reason"),
        parents_no_role_reason=hf.get("parents_no_role_reason"),
    )


def review_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    meeting = data["review"]
    if meeting["next_review_date"] <= meeting["date"]:
        yield error("The next review must come after this review.",
                    **_where(definition, "review", "next_review_date"))
    answers = review.from_form(data)
    yield from review.review_obligations(answers, review.decide_outcome(answers, load_policy()))


_RULES: dict[str, tuple[SectionRule, ...]] = {
    "pupil": (pupil_rules,),
    "plan": (plan_rules,),
    "views": (views_rules,),
    "crisp": (crisp_rules,),
    "high_focus": (high_focus_rules,),
    "roles": (roles_rules,),
    "review": (review_rules,),
}
