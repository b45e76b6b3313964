"""Which words redaction treats as names, and what each becomes."""

from __future__ import annotations

from typing import Any

from docgen.privacy import redact
from docgen.redaction.identity import identity_of, initials


def name_map(pupil: dict[str, Any]) -> dict[str, str]:
    return identity_of({"pupil": pupil}).names


def test_the_name_map_of_a_double_barrelled_pupil_with_titled_parents() -> None:
    pupil = {"forename": "Siân J", "surname": "Llŷr-Evans", "known_as": "",
             "parents": "Mrs Pat Cole and Dr Sam Llŷr-Evans, Miss Jo Ng and Mx Ray Ng"}
    assert name_map(pupil) == {
        "Siân J": "S. J.", "Siân": "S.",  # a one-letter part is not a name on its own
        "Llŷr-Evans": "L. E.", "Llŷr": "L.", "Evans": "E.",
        "Pat": "P.", "Cole": "C.", "Sam": "S.", "Jo": "J.", "Ng": "N.", "Ray": "R."}
    assert name_map({"forename": "Ann", "surname": "Lee"}) == {"Ann": "A.", "Lee": "L."}
    assert name_map({"forename": "Mei Li", "surname": "Ng"}) == {
        "Mei Li": "M. L.", "Mei": "M.", "Li": "L.", "Ng": "N."}  # two letters are a name


def test_initials_of_each_part() -> None:
    assert initials(" Anna-Marie  de Souza ") == "A. M. d. S."
    assert initials("Llŷr-Evans") == "L. E."


def test_the_longest_name_is_replaced_first() -> None:
    data = {"pupil": {"forename": "Tomos", "surname": "Llŷr-Evans", "known_as": "Tom",
                      "parents": "Mr and Mrs Llŷr-Evans"},
            "views": {"parents": "Mr Llŷr-Evans and Tomos Llŷr read together; Tom likes it."}}
    assert redact(data)["views"]["parents"] == "Mr L. E. and T. L. read together; T. likes it."


def test_titles_stay_and_the_input_is_left_as_it_was() -> None:
    data = {"pupil": {"forename": "Mia", "surname": "Thompson",
                      "parents": "Mrs Adeyemi, Miss Grant, Dr Okoro, Mx Lee and Ms Hall",
                      "upn": "H330700512031", "date_of_birth": "2008-01-09"}}
    out = redact(data)
    assert out["pupil"]["parents"] == "Mrs A., Miss G., Dr O., Mx L. and Ms H."
    assert out["pupil"]["upn"] is None and out["pupil"]["date_of_birth"] is None
    assert data["pupil"]["parents"].startswith("Mrs Adeyemi") and data["pupil"]["upn"]


def test_data_without_a_pupil_is_copied_unchanged() -> None:
    data = {"views": {"parents": "A Reading test at home."}}
    assert redact(data) == data and redact(data) is not data


def test_the_parents_address_is_emptied_and_no_field_is_added() -> None:
    data = {"pupil": {"forename": "Mia", "surname": "Thompson", "parents": "Ms Adeyemi",
                      "parents_address": "9 Elm Court\nBirmingham", "upn": "H330700512031",
                      "date_of_birth": "2008-01-09"}}
    out = redact(data)
    assert out["pupil"]["parents_address"] is None
    assert set(out["pupil"]) == set(data["pupil"])
