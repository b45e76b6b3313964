"""Output file names are legal on Windows whatever a pupil is called, and stay readable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml

from docgen.errors import DocgenError
from docgen.filenames import document_stem, legal_file_name, name_part
from docgen.pipeline import answers_path, make
from docgen.render.write import write_atomic

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "aisha-rahman" / "iep.yaml"
# Written out here rather than imported, so the test checks docgen against Windows' own rules.
DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
           *(f"LPT{n}" for n in range(1, 10)), "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}


def assert_windows_legal(name: str) -> None:
    assert not set(name) & set('<>:"/\\|?*'), name
    assert all(ord(ch) >= 32 for ch in name), name
    assert not name.endswith((".", " ")), name
    assert name.split(".")[0].rstrip(" ").upper() not in DEVICES, name
    assert len(name.encode("utf-16-le")) // 2 <= 255 and len(name.encode("utf-8")) <= 255, name


HOSTILE = [
    ("CON", "PRN"), ("nul", "com1"), ("LPT9", "AUX"), ("<>:\"/\\|?*", "Zofia"),
    ("Smith.", "Ann "), ("..", " . "), ("Nowak\u200b", "Ola\u00ad"), ("O’Brien", "Seán"),
    ("Evans\u202e", "xcod.exe"),  # a right-to-left override would disguise the name
]


@pytest.mark.parametrize(("surname", "forename"), HOSTILE)
def test_hostile_names_make_windows_legal_files(tmp_path: Path, surname: str,
                                                forename: str) -> None:
    written = _make_for(tmp_path, surname, forename)
    assert written
    for path in written:
        assert_windows_legal(path.name)
        assert_windows_legal(answers_path(path).name)
        assert path.is_file() and answers_path(path).is_file()


def test_names_keep_polish_welsh_and_urdu_letters(tmp_path: Path) -> None:
    assert name_part("Wiśniewska") == "Wiśniewska"
    assert name_part("Llŷr-Evans") == "Llŷr-Evans"
    assert name_part("فاطمہ رحمان") == "فاطمہ-رحمان"
    assert name_part("Zoe\u0301") == "Zoé"  # typed decomposed (NFD), kept composed
    assert name_part("مُحَمَّد") == "مُحَمَّد"  # Arabic vowel marks stay on their letters
    assert name_part("می\u200cخواهم") == "می\u200cخواهم"  # a joiner between letters stays
    assert name_part("O’Brien") == "O-Brien"
    assert name_part("  ") == "pupil"
    names = [p.name for p in _make_for(tmp_path, "Rahman", "فاطمہ")]
    assert "Rahman-فاطمہ-iep.docx" in names


def test_reserved_device_names_get_a_mark(tmp_path: Path) -> None:
    assert legal_file_name("CON.docx") == "CON_.docx"
    assert legal_file_name("nul") == "nul_"
    assert legal_file_name("COM1 .tar.gz") == "COM1_.tar.gz"
    assert legal_file_name("CONSOLE.docx") == "CONSOLE.docx"  # only the exact device names
    assert legal_file_name("a:b?.. ") == "a-b-"
    assert legal_file_name("a\tb\x07c.docx") == "a-b-c.docx"
    assert legal_file_name("...") == "document"


def test_over_long_non_ascii_names_are_shortened_not_a_failure(tmp_path: Path) -> None:
    """100 Urdu letters each (within the form's limit) are 400 bytes of name: more than any
    disk allows in one file name. They are shortened, the document part kept whole."""
    surname, forename = "ف" * 100, "ب" * 100
    written = _make_for(tmp_path, surname, forename)
    assert len(written) == 2  # the IEP and the leaflet
    for path in written:
        assert_windows_legal(path.name)
        assert path.name.startswith("ف" * 20) and "-" + "ب" * 20 in path.name
    assert {p.name.rsplit("-", 1)[-1] for p in written} >= {"iep.docx", "leaflet.docx"}
    stem = document_stem(surname, forename, "hf-review-agenda-from-hf-iep")
    assert len(stem.encode()) <= 150 and stem.endswith("-hf-review-agenda-from-hf-iep")
    # a short surname leaves its room to a long forename
    assert document_stem("Li", "ب" * 100, "iep").startswith("Li-" + "ب" * 40 + "-")


def test_shortening_never_separates_a_letter_from_its_mark() -> None:
    name = "مُ" * 60  # letter, mark, letter, mark...
    part = name_part(name)
    assert len(part) <= 40 and part.endswith("\u064f")


def test_windows_path_limit_is_a_clear_message(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    deep = tmp_path.joinpath(*["a-long-folder-name"] * 14)
    target = deep / "Rahman-Aisha-iep.docx"
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(DocgenError) as caught:
        write_atomic(target, b"x", force=False)
    message = caught.value.format_message()
    assert f"full path is {len(os.path.abspath(target))} characters long" in message
    assert "Windows and Word open at most 244 here" in message
    assert "Choose a folder nearer the top of the drive" in message
    assert not deep.exists()
    monkeypatch.setattr(sys, "platform", "linux")
    write_atomic(target, b"x", force=False)  # elsewhere long paths are fine
    assert target.read_bytes() == b"x"


def test_a_file_open_in_word_is_named_on_windows(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    monkeypatch.setattr(sys, "platform", "win32")

    def held_open(source: object, destination: object) -> None:
        raise PermissionError(13, "Access is denied", str(destination))

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(DocgenError) as caught:
        write_atomic(target, b"new", force=True)
    assert "probably open in Word or another program" in caught.value.format_message()
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == [
        "plan.docx"]


def _make_for(tmp_path: Path, surname: str, forename: str) -> list[Path]:
    data = yaml.safe_load(SAMPLE.read_text("utf-8"))
    data["pupil"].update(surname=surname, forename=forename)
    source = tmp_path / "in.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return make(source, tmp_path / "out")
