"""The spans redaction replaces in a text, whole: names, UPNs and the date of birth, where
they meet or overlap, with and without dots."""

from __future__ import annotations

import datetime as dt

from docgen.redaction.finder import Finder, Span
from docgen.redaction.fold import fold_only
from docgen.redaction.identity import Identity

MAY = Identity({"May": "M."}, upn="A123456789012", date_of_birth=dt.date(2016, 5, 3))


def test_each_kind_of_span_with_its_replacement() -> None:
    assert Finder(MAY).spans("May, A123456789012 3 May 2016") == [
        Span(0, 3, "M.", "name"), Span(5, 18, "[UPN removed]", "UPN"),
        Span(19, 29, "[date of birth removed]", "date of birth")]


def test_without_dots_for_identifiers() -> None:
    assert Finder(MAY).redact("born 3 May 2016, May likes it; A123456789012", dots=False) == (
        "born DOB, M likes it; UPN")
    assert Finder(Identity({"Llŷr-Evans": "L. E."})).redact("Llŷr-Evans", dots=False) == "LE"


def test_a_name_inside_the_date_of_birth_is_the_date_and_later_names_still_go() -> None:
    """'May 3 2016' starts where the name 'May' does: the longer span wins, and the name after
    an overlap is still found."""
    assert Finder(MAY).redact("May 3 2016 and 3 May 2016, May likes it") == (
        "[date of birth removed] and [date of birth removed], M. likes it")


def test_the_longest_name_first_whatever_its_case() -> None:
    finder = Finder(Identity({"zofia": "z.", "Zofia Maria": "Z. M."}))
    assert finder.redact("Zofia Maria came; zofia too") == "Z. M. came; z. too"


def test_a_double_name_with_a_space_or_a_dash() -> None:
    finder = Finder(Identity({"Llŷr-Evans": "L. E."}))
    assert finder.redact("Llŷr Evans and LLYR-EVANS") == "L. E. and L. E."


def test_no_one_to_look_for_finds_nothing() -> None:
    assert Finder(Identity()).spans("A123456789012 on 3 May 2016") == []
    assert Finder(MAY).spans("") == []


def test_a_upn_alone_is_found_without_any_name() -> None:
    assert Finder(Identity(upn="A123456789012")).redact("UPN A123456789012") == (
        "UPN [UPN removed]")


def test_the_quick_test_finds_names_upns_and_the_date() -> None:
    finder = Finder(MAY)
    assert finder.names_in(fold_only("Dear May"))
    assert not finder.names_in(fold_only("Dear Ann"))
    assert finder.could_match(fold_only("born 3 May 2016"))
    assert finder.could_match(fold_only("UPN A123456789012"))
    assert not finder.could_match(fold_only("born 4 June 2016"))
    no_date = Finder(Identity({"Ann": "A."}))
    assert not no_date.could_match(fold_only("born 3 May 2016"))
    only_date = Finder(Identity(date_of_birth=dt.date(2016, 5, 3)))
    assert only_date.could_match(fold_only("born 3 May 2016"))
    assert not only_date.could_match(fold_only("born 4 May 2016"))


def test_each_name_s_longest_piece_is_what_the_quick_test_looks_for() -> None:
    assert Finder(Identity({"Mary O'Neil": "M. O."})).chunks == {"mary"}
    assert Finder(Identity({"Zoe Llŷr-Evans": "Z. L. E."})).chunks == {"llyr-evans"}


def test_a_backtick_is_an_apostrophe_in_every_script() -> None:
    assert fold_only("O`Neil") == "o'neil"
    assert fold_only("Łucja O`Neil") == "lucja o'neil"


def test_a_span_ending_inside_one_original_character_keeps_that_character() -> None:
    from docgen.redaction.fold import original_span

    # 'ß' folds to 'ss': a folded span over its first 's' is the whole 'ß' (one character)
    assert original_span([0, 0, 1], 2, 0, 1) == (0, 1)
    assert original_span([0, 1, 2], 3, 1, 2) == (1, 2)
    assert original_span([0, 1, 2], 3, 1, 3) == (1, 3)
