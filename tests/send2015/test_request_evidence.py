"""An authority's evidence profile for a request for an EHC needs assessment (CoP 9.14), read
from its settings data and applied to a case folder: pure functions, tested one rule at a time
with each message a maintainer reads in full."""

from __future__ import annotations

from typing import Any

import pytest

from docgen.domain.send2015.request_evidence import (
    FormSeen,
    Profile,
    ProfileError,
    Requirement,
    choose,
    met,
    parse_profiles,
)

KINDS = ["attainment", "health", "views"]


def item(**extra: Any) -> dict[str, Any]:
    return {"name": "Attainment", "add": "Add the attainment records.", **extra}


def profiles(*items: Any, **more: Any) -> dict[str, Any]:
    return {"profiles": {"default": {"title": "CoP 9.14", "items": list(items)}, **more}}


def refusal(raw: Any, kinds: list[str] = KINDS) -> str:
    with pytest.raises(ProfileError) as caught:
        parse_profiles(raw, kinds)
    return str(caught.value)


# parse_profiles: the file's shape

@pytest.mark.parametrize("raw", [None, [], "profiles", {}, {"profiles": None},
                                 {"profiles": ["default"]}, {"other": {}}])
def test_a_file_without_a_profiles_mapping(raw: Any) -> None:
    assert refusal(raw) == "the file needs a 'profiles' mapping"


def test_a_file_without_the_default_profile() -> None:
    raw = {"profiles": {"northmoor": {"items": [item(evidence=["health"])]}}}
    assert refusal(raw) == "the file needs a 'default' profile"


def test_every_profile_is_read_with_its_key_title_and_authorities() -> None:
    raw = profiles(item(evidence=["attainment"]),
                   northmoor={"title": "Northmoor's list", "authorities": ["Northmoor", 7],
                              "items": [item(field="request.needs")]},
                   **{"3": {"items": [item(evidence=["views"])]}})
    read = parse_profiles(raw, KINDS)
    assert list(read) == ["default", "northmoor", "3"]
    assert read["northmoor"] == Profile(
        "northmoor", "Northmoor's list", ("Northmoor", "7"),
        (Requirement("item1", "Attainment", "Add the attainment records.",
                     field="request.needs"),))
    # without a title the key stands for it; without authorities, none
    assert read["3"].title == "3" and read["3"].authorities == ()
    assert read["default"].title == "CoP 9.14"


def test_a_profile_key_that_is_not_text_is_read_as_text() -> None:
    raw = profiles(item(evidence=["health"]))
    raw["profiles"][12] = {"items": [item(evidence=["views"])]}
    read = parse_profiles(raw, KINDS)
    assert read["12"].key == "12" and read["12"].title == "12"


# _profile: a profile's own shape

@pytest.mark.parametrize("value", [None, ["items"], {}, {"title": "T"}, {"items": []},
                                   {"items": None}])
def test_a_profile_without_items(value: Any) -> None:
    raw = profiles(item(evidence=["health"]), northmoor=value)
    assert refusal(raw) == "profile 'northmoor' needs a title and a list of items"


def test_items_are_numbered_from_one_in_messages_and_keys() -> None:
    raw = profiles(item(evidence=["health"]), item(key="own", evidence=["views"]),
                   item(forms={"type": "sen_support"}))
    keys = [r.key for r in parse_profiles(raw, KINDS)["default"].items]
    assert keys == ["item1", "own", "item3"]
    assert refusal(profiles(item(evidence=["health"]), {"name": "No add"})) == (
        "profile 'default', item 2 needs a name and an 'add' sentence")


# _item: one requirement

@pytest.mark.parametrize("value", [None, "Attainment", {"add": "Add it."},
                                   {"name": "Attainment"}, {"name": "", "add": "Add it."},
                                   {"name": "Attainment", "add": ""}])
def test_an_item_without_a_name_or_an_add_sentence(value: Any) -> None:
    assert refusal(profiles(value)) == (
        "profile 'default', item 1 needs a name and an 'add' sentence")


@pytest.mark.parametrize("sources", [{}, {"forms": {"type": "sen_support"}, "field": "a.b"},
                                     {"evidence": ["health"], "field": "a.b"},
                                     {"forms": {"type": "x"}, "evidence": ["health"]}])
def test_an_item_needs_exactly_one_source(sources: dict[str, Any]) -> None:
    assert refusal(profiles(item(**sources))) == (
        "profile 'default', item 1 needs exactly one of forms, evidence or field")


def test_a_forms_item_with_its_count_and_review() -> None:
    raw = profiles(item(name=5, add=6, forms={"type": "sen_support", "at_least": "2",
                                              "reviewed": 1}))
    assert parse_profiles(raw, KINDS)["default"].items == (
        Requirement("item1", "5", "6", form="sen_support", at_least=2, reviewed=True),)


def test_a_forms_item_counts_one_unreviewed_form_by_default() -> None:
    read = parse_profiles(profiles(item(forms={"type": 4})), KINDS)["default"].items[0]
    assert (read.form, read.at_least, read.reviewed, read.kinds, read.field) == (
        "4", 1, False, (), None)


@pytest.mark.parametrize("forms", [None, ["sen_support"], {}, {"type": ""},
                                   {"at_least": 2}])
def test_a_forms_item_without_a_type(forms: Any) -> None:
    assert refusal(profiles(item(forms=forms))) == (
        "profile 'default', item 1: forms needs a type")


def test_an_evidence_item_with_its_kinds() -> None:
    read = parse_profiles(profiles(item(evidence=["health", "views"])), KINDS)
    assert read["default"].items == (
        Requirement("item1", "Attainment", "Add the attainment records.",
                    kinds=("health", "views")),)


@pytest.mark.parametrize("evidence", [None, [], ["health", "x-ray"], ["Health"]])
def test_evidence_kinds_must_be_known(evidence: Any) -> None:
    assert refusal(profiles(item(evidence=evidence)), ["health", "views"]) == (
        "profile 'default', item 1: evidence kinds must be some of health, views")


def test_evidence_kinds_are_read_as_text() -> None:
    read = parse_profiles(profiles(item(evidence=[7])), ["7"])
    assert read["default"].items[0].kinds == ("7",)


def test_a_field_item_names_section_and_field() -> None:
    read = parse_profiles(profiles(item(field="request.needs")), KINDS)
    assert read["default"].items[0].field == "request.needs"
    assert read["default"].items[0].form is None and read["default"].items[0].kinds == ()


@pytest.mark.parametrize("field", ["needs", "", None, 12])
def test_a_field_without_its_section(field: Any) -> None:
    assert refusal(profiles(item(field=field))) == (
        "profile 'default', item 1: field is written section.field")


def test_a_field_written_as_a_number_with_a_dot_is_read_as_text() -> None:
    read = parse_profiles(profiles(item(field=1.5)), KINDS)
    assert read["default"].items[0].field == "1.5"


# choose: the profile a case uses

def _three() -> dict[str, Profile]:
    raw = profiles(item(evidence=["health"]),
                   eastmoor={"authorities": ["Eastmoor"], "items": [item(evidence=["views"])]},
                   northmoor={"authorities": ["Westmoor", " Northmoor Council "],
                              "items": [item(evidence=["views"])]})
    return parse_profiles(raw, KINDS)


def test_the_profile_case_yaml_names_wins_over_the_authority() -> None:
    assert choose(_three(), "eastmoor", "Northmoor Council").key == "eastmoor"


def test_a_profile_case_yaml_names_that_does_not_exist() -> None:
    with pytest.raises(ProfileError) as caught:
        choose(_three(), "southmoor", "Eastmoor")
    assert str(caught.value) == (
        "there is no profile 'southmoor' (known: default, eastmoor, northmoor)")


@pytest.mark.parametrize(("authority", "key"), [
    ("Northmoor Council", "northmoor"), ("  northmoor council", "northmoor"),
    ("WESTMOOR", "northmoor"), ("Eastmoor", "eastmoor"), ("Southmoor", "default"),
    ("Northmoor", "default"), (None, "default"), ("", "default"), ("  ", "default")])
def test_the_authority_on_the_request_chooses_its_profile(authority: str | None,
                                                          key: str) -> None:
    assert choose(_three(), None, authority).key == key
    assert choose(_three(), "", authority).key == key


@pytest.mark.parametrize("placeholder", ["XXXX", "TBC", "N/A", "-"])
def test_a_request_without_an_authority_never_matches_a_placeholder(placeholder: str) -> None:
    """A maintainer's half-written profile may list a placeholder for its authority."""
    raw = profiles(item(evidence=["health"]),
                   draft={"authorities": [placeholder], "items": [item(evidence=["views"])]})
    assert choose(parse_profiles(raw, KINDS), None, None).key == "default"
    assert choose(parse_profiles(raw, KINDS), None, placeholder.lower()).key == "draft"


def test_a_blank_authority_never_matches_a_blank_entry() -> None:
    raw = profiles(item(evidence=["health"]),
                   blank={"authorities": [" "], "items": [item(evidence=["views"])]})
    assert choose(parse_profiles(raw, KINDS), None, None).key == "default"
    assert choose(parse_profiles(raw, KINDS), None, " ").key == "default"


# met: whether the folder meets one item

PLANS = Requirement("plans", "Plans", "Add them.", form="sen_support", at_least=2,
                    reviewed=True)


@pytest.mark.parametrize(("forms", "expected"), [
    ([FormSeen("sen_support", True), FormSeen("sen_support", True)], True),
    ([FormSeen("sen_support", True), FormSeen("sen_support", True),
      FormSeen("sen_support", True)], True),
    ([FormSeen("sen_support", True)], False),
    ([FormSeen("sen_support", True), FormSeen("sen_support")], False),
    ([FormSeen("sen_support", True), FormSeen("parent_meeting", True)], False),
    ([], False)])
def test_reviewed_plans_are_counted_to_the_least_asked(forms: list[FormSeen],
                                                       expected: bool) -> None:
    assert met(PLANS, forms, {"health"}, {"request": {"needs": "x"}}) is expected


def test_forms_that_need_no_review_count_reviewed_or_not() -> None:
    meetings = Requirement("meet", "Meetings", "Hold one.", form="parent_meeting")
    assert met(meetings, [FormSeen("parent_meeting")], set(), None) is True
    assert met(meetings, [FormSeen("parent_meeting", True)], set(), None) is True
    assert met(meetings, [FormSeen("sen_support", True)], set(), None) is False


def test_evidence_is_met_by_any_one_of_its_kinds() -> None:
    health = Requirement("health", "Health", "Add it.", kinds=("health", "clinic"))
    assert met(health, [], {"clinic", "views"}, None) is True
    assert met(health, [], {"views"}, None) is False
    assert met(health, [], set(), {"request": {"health": "x"}}) is False


@pytest.mark.parametrize(("request_data", "expected"), [
    ({"request": {"needs": "Reading age 6"}}, True),
    ({"request": {"needs": ""}}, False),
    ({"request": {"needs": {"detail": "x"}}}, True),
    ({"request": {"other": "x"}}, False),
    ({"request": None}, False),
    ({"pupil": {"needs": "x"}}, False),
    ({}, False),
    (None, False)])
def test_a_field_is_met_when_the_request_form_fills_it(request_data: Any,
                                                       expected: bool) -> None:
    needs = Requirement("needs", "Needs", "Describe them.", field="request.needs")
    assert met(needs, [FormSeen("sen_support", True)], {"health"}, request_data) is expected



def test_a_field_is_split_at_its_first_dot_into_section_and_key() -> None:
    """"section.field": what follows the first dot is the field's key, dots and all."""
    detail = Requirement("detail", "Detail", "Add it.", field="request.needs.detail")
    assert met(detail, [], set(), {"request": {"needs.detail": "Reading age 6"}}) is True
    assert met(detail, [], set(), {"request.needs": {"detail": "Reading age 6"}}) is False
