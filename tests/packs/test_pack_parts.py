"""Pieces of a pack on their own: a CSV of evidence as a table, the framework a case names,
where each checklist item is."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import UnusableInput
from docgen.packs.contents import MAX_CSV_ROWS, csv_document
from docgen.packs.kinds import case_framework
from tests.docx_helpers import open_doc


def cells(data: bytes) -> list[list[str]]:
    (table,) = open_doc(data).tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a_csv_as_a_table_with_its_header_dates_and_ragged_rows() -> None:
    data = csv_document(b"\xef\xbb\xbfdate, score ,extra\n2026-09-08,12\n\n ,\nnot-a-date,5,x,y\n",
                        "Reading tests")
    assert cells(data) == [["Date", "Score", "Extra", ""], ["8 September 2026", "12", "", ""],
                           ["not-a-date", "5", "x", "y"]]


def test_an_empty_csv_says_so() -> None:
    document = open_doc(csv_document(b"\n , \n", "Reading tests"))
    assert [p.text for p in document.paragraphs][-1] == "The file has no rows."
    assert document.tables == []


def test_a_csv_keeps_its_header_and_the_first_rows_only() -> None:
    data = b"n\n" + b"".join(b"%d\n" % n for n in range(MAX_CSV_ROWS + 5))
    table = cells(csv_document(data, "Scores"))
    assert len(table) == MAX_CSV_ROWS + 1 and table[-1] == [str(MAX_CSV_ROWS - 1)]


HINT = ("Save it again from the spreadsheet as CSV (at most 1 MB), or list it as a file sent "
        "with the pack (a PDF, say).")


def test_a_csv_over_a_megabyte_is_refused_by_name() -> None:
    with pytest.raises(UnusableInput) as caught:
        csv_document(b"x" * 1_000_001, "Scores", "scores.csv")
    assert caught.value.format_message() == (
        "scores.csv: this CSV file is larger than 1 MB, the most docgen merges into a pack\n"
        + HINT)
    assert cells(csv_document(b"a\n" + b"1\n" * 499_999, "Scores"))[0] == ["A"]  # 1 MB exactly


def test_a_csv_cell_too_long_to_read_is_refused_by_name_not_a_crash() -> None:
    """It was an unexpected error (exit 3) for the whole pack."""
    with pytest.raises(UnusableInput) as caught:
        csv_document(b"score\n" + b"x" * 200_000 + b"\n", "Scores", "scores.csv")
    assert caught.value.format_message() == (
        "scores.csv: this CSV file cannot be read as a table (field larger than field limit "
        "(131072))\n" + HINT)


@pytest.mark.parametrize(("text", "key"), [
    ("framework: send2015\n", "send2015"), ("framework: birmingham\n", "birmingham"),
    ("evidence: []\n", "birmingham"), ("- a list\n", "birmingham"), ("{broken", "birmingham")])
def test_the_framework_a_case_names(tmp_path: Path, text: str, key: str) -> None:
    (tmp_path / "case.yaml").write_text(text, "utf-8")
    assert case_framework(tmp_path).key == key


def test_an_unknown_framework_and_no_case_yaml(tmp_path: Path) -> None:
    assert case_framework(tmp_path).key == "birmingham"
    (tmp_path / "case.yaml").write_text("framework: nope\n", "utf-8")
    with pytest.raises(UnusableInput) as caught:
        case_framework(tmp_path)
    assert caught.value.format_message() == (
        f"{tmp_path / 'case.yaml'}: case.yaml names the framework 'nope', which makes no packs\n"
        "Use one of: birmingham, send2015 (or leave the line out for Following the Code "
        "(Birmingham)).")
