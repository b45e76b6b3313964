"""The guidance's checks on a validated form, section by section, as label-named problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from docgen import letter_rules
from docgen.definitions import FormDefinition, Section
from docgen.domain import crisp, dates, highfocus, iep_review, review, stages
from docgen.domain.delegation import load_policy
from docgen.domain.review_checks import review_obligations
from docgen.problems import Problem, error, warning

# Reviews take place "at least two per year and ideally termly" (parent leaflet).
MAX_REVIEW_INTERVAL_DAYS = 183
REVIEWS_TERMLY = "at least two per year and ideally termly"
MAX_TERMS_TO_NEXT_REVIEW = 2
POST_16_YEARS = frozenset({"12", "13", "14"})

Data = dict[str, Any]
SectionRule = Callable[[FormDefinition, Data, dt.date], Iterator[Problem]]


def check_form(
    definition: FormDefinition, data: Data, today: dt.date | None = None
) -> list[Problem]:
    """Every rule whose section is on this form, in the form's order."""
    today = today or dt.date.today()
    problems: list[Problem] = list(_future_dates(definition, data, today))
    for section in definition.sections:
        for rule in _RULES.get(section.key, ()):
            problems.extend(rule(definition, data, today))
    for rule in _FORM_RULES.get(definition.name, ()):
        problems.extend(rule(definition, data, today))
    return problems


def _future_dates(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    """Dates of things that have happened (a review, a CRISP assessment) cannot be ahead."""
    for section in definition.sections:
        if section.kind != "group":
            continue
        for f in section.fields:
            value = (data.get(section.key) or {}).get(f.key)
            if f.past and value is not None and value > today:
                yield warning("This date is in the future, but it is the date of something "
                              "that has already happened. Check the date.",
                              section=section.heading, label=f.label)


def _terms_warning(earlier: dt.date, later: dt.date, what: str,
                   since: str = "this one") -> str | None:
    """A warning's text when ``later`` is more than two school terms after ``earlier``."""
    apart = dates.terms_apart(earlier, later)
    if apart <= MAX_TERMS_TO_NEXT_REVIEW:
        return None
    return (f"{what} is {apart} terms after {since}. Reviews should take place "
            f"“{REVIEWS_TERMLY}”: set it within two terms.")


def _where(definition: FormDefinition, section_key: str, field_key: str, row: int | None = None
           ) -> dict[str, Any]:
    section: Section = definition.section(section_key)
    return {"section": section.heading, "label": section.field(field_key).label, "row": row}


def pupil_rules(definition: FormDefinition, data: Data, today: dt.date) -> Iterator[Problem]:
    born = data["pupil"]["date_of_birth"]
    if born <= dates.months_before(today, 26 * 12):  # 26 on or before today: older than 25
        yield error("The date of birth makes the pupil older than 25. Check the year.",
                    **_where(definition, "pupil", "date_of_birth"))


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
    message = iep_review.support_service_message(
        plan["stage"], [plan.get("support_services") or "",
                        *(row["who"] for row in data.get("provision", []))])
    if message:
        yield warning(message, **_where(definition, "plan", "support_services"))
    yield from _adult_time_rule(definition, data)


def _adult_time_rule(definition: FormDefinition, data: Data) -> Iterator[Problem]:
    plan, rows = data["plan"], data.get("provision", [])
    stage = stages.stage(plan["stage"])
    if stage.minimum_minutes is None or plan.get("equivalent_provision"):
        return
    total = sum((weekly_minutes(row) for row in rows), start=0)
    if stages.meets_stage_minimum(stage.key, total):
        return
    gives = (f"The provision gives {stages.format_minutes(total)} minutes of adult time a week "
             "for this pupil")
    if stage.must_exceed:
        message = (f"{gives}. Pupils with delegated provision stay at School Action Plus but "
                   f"“{stages.EXCEEDS_SA_PLUS}” ({stage.minimum_minutes} minutes a week).")
    else:
        message = (f"{gives}; the indicative minimum at {stage.name} is "
                   f"{stage.minimum_minutes} minutes.")
    yield warning(f"{message} Add provision, or describe the other provision of equivalent "
                  "value.", **_where(definition, "plan", "equivalent_provision"))


def weekly_minutes(row: Data) -> Any:
    """Adult minutes a week for this pupil from one provision row (one adult unless the row
    says how many)."""
    return stages.per_pupil_minutes(row["session_minutes"], row["sessions_per_week"],
                                    row["group_size"], row.get("adults") or 1)


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


def crisp_stage_rules(definition: FormDefinition, data: Data, today: dt.date
                      ) -> Iterator[Problem]:
    """The CRISP form's stage against its bands, in the guidance's words."""
    stage = (data.get("support") or {}).get("stage")
    if stage:
        for message in stages.stage_band_problems(stage, _bands(data)):
            yield warning(message, **_where(definition, "support", "stage"))


def high_focus_rules(definition: FormDefinition, data: Data, today: dt.date
                     ) -> Iterator[Problem]:
    hf = data["high_focus"]
    if hf["review_date"] <= hf["start_date"]:
        yield error("The review must come after the start of the High Focus period.",
                    **_where(definition, "high_focus", "review_date"))
    elif message := _terms_warning(hf["start_date"], hf["review_date"],
                                   "The High Focus review", "the start of the period"):
        yield warning(message, **_where(definition, "high_focus", "review_date"))
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
    """The High Focus review: its dates, its decision against the guidance, its record."""
    meeting = data["review"]
    if meeting["next_review_date"] <= meeting["date"]:
        yield error("The next review must come after this review.",
                    **_where(definition, "review", "next_review_date"))
    elif message := _terms_warning(meeting["date"], meeting["next_review_date"],
                                   "The next review"):
        yield warning(message, **_where(definition, "review", "next_review_date"))
    started = meeting.get("hf_start_date")
    if started is not None and started >= meeting["date"]:
        yield warning("The High Focus period reviewed starts on or after the review. Check both "
                      "dates.", **_where(definition, "review", "hf_start_date"))
    answers = review.from_form(data)
    yield from review.decision_check(answers, load_policy())
    yield from review_obligations(answers)


def iep_review_rules(definition: FormDefinition, data: Data, today: dt.date
                     ) -> Iterator[Problem]:
    """An ordinary School Action or School Action Plus review."""
    meeting, bands = data["review"], _bands(data)
    if meeting["iep_start_date"] >= meeting["date"]:
        yield error("The review must come after the start of the IEP it reviews.",
                    **_where(definition, "review", "iep_start_date"))
    following = meeting.get("next_review_date")
    if following is None and meeting["decision"] != "end":
        yield warning("Give the next review date: reviews should take place "
                      f"“{REVIEWS_TERMLY}”.", **_where(definition, "review", "next_review_date"))
    elif following is not None and following <= meeting["date"]:
        yield error("The next review must come after this review.",
                    **_where(definition, "review", "next_review_date"))
    elif following is not None and (
            message := _terms_warning(meeting["date"], following, "The next review")):
        yield warning(message, **_where(definition, "review", "next_review_date"))
    # A review that starts a High Focus period has acted on bands in the statementing range.
    if meeting["decision"] != "high_focus":
        for message in stages.stage_band_problems(meeting["stage"], bands):
            yield warning(message, **_where(definition, "review", "stage"))
    message = iep_review.support_service_message(meeting["stage"],
                                                 [meeting.get("support_services") or ""])
    if message:
        yield warning(message, **_where(definition, "review", "support_services"))
    yield from iep_review.decision_problems(meeting, bands)


def provision_rules(definition: FormDefinition, data: Data, today: dt.date
                    ) -> Iterator[Problem]:
    """Specific, quantified provision (the shared check in docgen.domain.provision)."""
    from docgen.domain.provision import advice, vague_provision

    for phrase in vague_provision(data.get("provision", []), ("what", "who")):
        yield warning(advice(phrase), **_where(definition, "provision", phrase.field, phrase.row))


_RULES: dict[str, tuple[SectionRule, ...]] = {
    "pupil": (pupil_rules, letter_rules.pupil_name_rules),
    "plan": (plan_rules,),
    "letters": (letter_rules.letters_rules,),
    "views": (views_rules,),
    "crisp": (crisp_rules,),
    "high_focus": (high_focus_rules,),
    "roles": (roles_rules,),
    "provision": (provision_rules,),
}
# Rules of one form's own sections (two forms may each have a section called "review").
_FORM_RULES: dict[str, tuple[SectionRule, ...]] = {
    "crisp": (crisp_stage_rules,),
    "hf_review": (review_rules,),
    "iep_review": (iep_review_rules,),
}
