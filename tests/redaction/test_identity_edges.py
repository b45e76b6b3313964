"""Who redaction looks for, read from a form: each field and each edge of the reading."""

from __future__ import annotations

import datetime as dt

from docgen.redaction.identity import Identity, identity_of, initials


def test_the_pupil_s_fields_and_the_latin_forename() -> None:
    found = identity_of({"pupil": {"forename": "Лев", "forename_latin": "Lev",
                                   "surname": "Ivanov", "upn": "A123456789012",
                                   "date_of_birth": dt.date(2015, 3, 1)}})
    assert found.names == {"Лев": "Л.", "Ivanov": "I.", "Lev": "L."}
    assert (found.upn, found.date_of_birth) == ("A123456789012", dt.date(2015, 3, 1))


def test_a_blank_or_odd_upn_and_date_are_not_kept() -> None:
    found = identity_of({"pupil": {"forename": "Ann", "upn": "", "date_of_birth": "2015"}})
    assert (found.upn, found.date_of_birth) == (None, None)
    assert identity_of({"pupil": {"upn": 12}}).upn is None


def test_initials_without_dots_for_identifiers() -> None:
    assert initials("Llŷr-Evans", dots=False) == "LE"
    assert initials("Zofia Maria", dots=False) == "ZM"
    assert initials("Zofia Maria") == "Z. M."


def test_an_identity_is_something_when_any_one_thing_is_known() -> None:
    assert not Identity()
    assert Identity(upn="A123456789012")
    assert Identity(date_of_birth=dt.date(2015, 3, 1))
    assert Identity({"Ann": "A."})


def test_possessives_are_not_part_of_the_name() -> None:
    family = Identity()
    family.add_names_in("Leo's mum and the Jones' cousins")
    assert family.names == {"Leo": "L.", "Jones'": "J.", "Jones": "J.", "cousins": "c."}


def test_a_merged_identity_keeps_the_first_upn_and_takes_a_missing_one() -> None:
    first = Identity({"Ann": "A."}, upn="A1", date_of_birth=None)
    second = Identity({"Lee": "L."}, upn="B2", date_of_birth=dt.date(2015, 3, 1))
    merged = first.merge(second)
    assert (merged.upn, merged.date_of_birth) == ("A1", dt.date(2015, 3, 1))
    assert Identity().merge(second).upn == "B2"
    assert merged.names == {"Ann": "A.", "Lee": "L."}


def test_each_entry_of_a_who_came_list_is_read_on_its_own() -> None:
    """Staff named before a family member in the same list are not family."""
    found = identity_of({"meeting": {"attended": "Mr Ashworth, Ms Brennan (Leo's mum)"}})
    assert found.names == {"Brennan": "B."}


def test_a_row_with_only_a_who_column_is_read() -> None:
    found = identity_of({"reservations": [{"who": "Mrs Nowak (parent)", "about": "Band 4"}],
                         "attendees": [{"name": "Mr Doyle", "role": "Father"},
                                       {"name": "Mrs Webb", "role": "Teacher"}]})
    assert found.names == {"Nowak": "N.", "Doyle": "D."}


def test_a_nickname_in_quotes_is_a_name_without_them() -> None:
    """Word curls quotes as they are typed: 'Zofia ‘Zosia’' names Zosia (who was left in
    the text) and its initials are letters (it was 'Z. ‘.')."""
    from docgen.redaction.finder import Finder

    found = identity_of({"pupil": {"forename": "Zofia ‘Zosia’", "surname": "Xu"}})
    assert found.names == {"Zofia ‘Zosia’": "Z. Z.", "Zofia": "Z.", "Zosia": "Z.", "Xu": "X."}
    assert Finder(found).redact("Zofia ‘Zosia’ Xu came; Zosia said hello") == (
        "Z. Z. X. came; Z. said hello")
    assert identity_of({"pupil": {"forename": 'Alex "Lexi"'}}).names == {
        'Alex "Lexi"': "A. L.", "Alex": "A.", "Lexi": "L."}
    assert initials("“Lexi”", dots=False) == "L"
