"""The High Focus conditions as the form has them, and where the review's warnings point."""

from __future__ import annotations

import datetime as dt

from docgen.domain import highfocus
from docgen.domain.highfocus import Condition
from docgen.domain.review_answers import Apology, Attendee, ReviewAnswers
from docgen.domain.review_checks import review_obligations

BAND = "the pupil is rated as being at Band 4 or higher on one or more Threads"
PROVISION = "appropriate provision at School Action and School Action Plus has been made"
PROGRESS = "progress is not satisfactory"


def test_each_condition_with_what_the_form_shows() -> None:
    assert highfocus.conditions({7: 5, 1: 4, 2: 3}, True, False) == (
        Condition(BAND, True, "Band 4 on 1. Curriculum access; Band 5 on 7. Understanding "
                              "language"),
        Condition(PROVISION, True, "recorded as made"),
        Condition(PROGRESS, True, "progress has not been satisfactory"))
    assert highfocus.conditions({1: 3, 2: None}, False, True) == (
        Condition(BAND, False, "the highest band recorded is 3"),
        Condition(PROVISION, False, "not recorded as made"),
        Condition(PROGRESS, False, "progress has been satisfactory"))
    assert highfocus.conditions({1: None}, False, False)[0] == Condition(
        BAND, False, "no band is recorded")


def answers(**changes: object) -> ReviewAnswers:
    base: dict[str, object] = dict(
        bands={1: 3}, decision="delegated", decision_reasons="Within the delegated bands.",
        evidence_solid=True, needs_stable=True, evidence_reliable=True,
        all_provision_made=True, parents_understood=True, pupil_understood=True,
        parents_views="Agree", pupil_views="Agree", health_needs="None",
        attendees=(Attendee("Mrs Cole", "Parent"),), planned=((1, 60),))
    return ReviewAnswers(**{**base, **changes})


def located(problems: tuple) -> list[tuple[str | None, str | None, str]]:
    return [(p.section, p.label, p.message) for p in problems]


def test_delegated_provision_at_the_amount_is_named_where_the_minutes_are() -> None:
    """A row without minutes counts none: 50 and nothing is 50, not beyond the amount."""
    problems = review_obligations(answers(planned=((1, 50), (1, None))))
    assert [(s, label) for s, label, message in located(problems)
            if message.startswith("The Provision Plan gives 50 adult minutes a week.")] == [
        ("Provision for each thread of concern", "Adult minutes per week")]
    assert not [p for p in review_obligations(answers(planned=((1, 51),)))
                if p.message.startswith("The Provision Plan gives")]


def test_the_missing_provision_for_a_thread_is_named_by_its_section() -> None:
    problems = review_obligations(answers(bands={1: 3, 2: 3}))
    assert [(s, label) for s, label, message in located(problems)
            if message.startswith("No provision is recorded for 2. Curriculum Plans")] == [
        ("Provision for each thread of concern", None)]


def test_a_request_with_provision_not_made_asks_about_the_crisp_in_its_field() -> None:
    problems = review_obligations(answers(decision="statutory_request", bands={1: 5},
                                          all_provision_made=False, planned=((1, 200),),
                                          interim_provision="Continues",
                                          statement_factors="None"))
    assert [(s, label) for s, label, message in located(problems)
            if message.startswith("The review requests statutory assessment, but not all")] == [
        ("The review meeting", "Whether the CRISP assessment may be higher than it should be")]


def test_a_contribution_from_someone_else_is_not_the_parents() -> None:
    absent = answers(attendees=(Attendee("Mrs Iqbal", "SENCo"),),
                     apologies=(Apology("Dr Mensah", "Educational psychologist", True, True),))
    assert any(p.message.startswith("No parent or carer attended the review, and none sent")
               for p in review_obligations(absent))
    sent = answers(attendees=(Attendee("Mrs Iqbal", "SENCo"),),
                   apologies=(Apology("Mrs Cole", "Parent", True, True),))
    assert not any(p.message.startswith("No parent or carer attended")
                   for p in review_obligations(sent))


def test_a_service_beyond_table_1_counts_as_a_support_service() -> None:
    from docgen.domain.contributors import names_any_service

    assert names_any_service("Outreach teacher from Brookfield School")
    assert names_any_service("NHS physiotherapist")
    assert not names_any_service("Mrs Price, teaching assistant")


def test_another_framework_s_lists_are_found_by_name() -> None:
    import pytest

    from docgen.domain.choices import choices
    from docgen.domain.send2015.choices import CHOICES

    assert choices("broad_areas") == CHOICES["broad_areas"]
    with pytest.raises(KeyError):
        choices("no_such_list")


def test_whole_weeks_of_provision_counting_both_ends() -> None:
    from docgen.domain.provision import weeks_between

    day = dt.date(2026, 9, 7)
    assert weeks_between(day, day) == 1  # at least one
    assert weeks_between(day, day + dt.timedelta(days=6)) == 1
    assert weeks_between(day, day + dt.timedelta(days=10)) == 2  # 11 days: 1.57 weeks
    assert weeks_between(day, day + dt.timedelta(days=9)) == 1  # 10 days: 1.43 weeks
    assert weeks_between(day, day + dt.timedelta(days=69)) == 10
    assert weeks_between(day, day - dt.timedelta(days=30)) == 1
