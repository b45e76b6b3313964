"""Whole files read within a limit: each refusal with its whole message, and the edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen import safe_open
from docgen.errors import UnusableInput
from docgen.safe_open import MB, check_template, read_file, read_text


def refusal(call, *args) -> str:
    with pytest.raises(UnusableInput) as caught:
        call(*args)
    return caught.value.format_message()


def seen_as(monkeypatch: pytest.MonkeyPatch, path: Path, size: int) -> None:
    """``path``'s size as docgen looked, before the file grew: ``size`` bytes."""
    import os

    real = Path.stat

    def as_seen(self: Path, *args, **kwargs) -> os.stat_result:
        values = list(real(self, *args, **kwargs))
        if self == path:
            values[6] = size  # st_size
        return os.stat_result(values)

    monkeypatch.setattr(Path, "stat", as_seen)


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "form.yaml"
    path.write_bytes(b"x" * MB)
    assert len(read_file(path, MB, "form")) == MB
    path.write_bytes(b"x" * (MB + 1))
    assert refusal(read_file, path, MB, "form") == (
        f"{path}: the file is 1.0 MB, larger than the 1 MB docgen reads for a form\n"
        "Check that this is the right file.")
    path.write_bytes(b"x" * 2_560_000)
    assert refusal(read_file, path, 2 * MB) == (
        f"{path}: the file is 2.6 MB, larger than the 2 MB docgen reads for a file\n"
        "Check that this is the right file.")


def test_a_folder_a_missing_file_and_an_empty_one(tmp_path: Path) -> None:
    assert refusal(read_file, tmp_path, MB) == (
        f"{tmp_path}: this is a folder, not a file\nGive one file, or use 'docgen batch FOLDER "
        "-o OUTPUT' to make the documents for every form in a folder.")
    missing = tmp_path / "nowhere.yaml"
    assert refusal(read_file, missing, MB) == (
        f"{missing}: there is no such file\nCheck the name and the folder.")
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    assert refusal(read_file, empty, MB) == (
        f"{empty}: the file is empty\nSave it again, then use the saved file.")


def test_text_that_is_not_utf_8(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes(b"name: \xff\xfe\xfa")
    assert refusal(read_text, path, MB) == (
        f"{path}: the file is not UTF-8 text\nSave it as UTF-8 text.")
    path.write_bytes("name: Zoë\r\n".encode("utf-8-sig"))
    assert read_text(path, MB) == "name: Zoë\n"


def test_a_template_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "iep.docx"
    path.write_bytes(b"%PDF-1.4")
    assert refusal(check_template, path) == (
        f"{path}: this template cannot be used as a Word document: this is not a Word "
        "document (.docx)\nOpen it in Word and save it again as a Word document (.docx), or "
        "take it out of the templates folder to use the bundled one.")


def test_the_shared_parser_is_made_when_asked_for() -> None:
    from lxml import etree

    parser = safe_open.SAFE_PARSER  # looked up when the code runs, not when it is imported
    assert isinstance(parser, etree.XMLParser)
    root = etree.fromstring(b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                            b"<x>&e;</x>", parser=parser)
    assert b"root:" not in etree.tostring(root)  # the entity is never read
    with pytest.raises(AttributeError, match="has no attribute 'NOTHING'"):
        safe_open.NOTHING  # noqa: B018


def test_a_file_that_grows_while_it_is_read(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "form.yaml"
    path.write_bytes(b"x" * (MB + 1))
    seen_as(monkeypatch, path, 10)
    assert refusal(read_file, path, MB, "form") == (
        f"{path}: the file is larger than the 1 MB docgen reads for a form\n"
        "Check that this is the right file.")


def test_templates_and_packages_are_named_for_what_they_are(tmp_path: Path) -> None:
    from docgen.safe_open import FORM, open_package

    big = tmp_path / "iep.docx"
    with big.open("wb") as handle:
        handle.truncate(51 * MB)  # sparse: nothing is written
    assert refusal(check_template, big) == (
        f"{big}: this template cannot be used as a Word document: the file is 51.0 MB, larger "
        "than the 50 MB docgen reads for a template\nOpen it in Word and save it again as a "
        "Word document (.docx), or take it out of the templates folder to use the bundled one.")
    assert refusal(open_package, big, FORM) == (
        f"{big}: the file is 51.0 MB, larger than the 50 MB docgen reads for a form\n"
        "Check that this is the right file.")


def test_a_file_that_grows_while_it_is_read_is_never_read_past_its_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The memory budget: a file larger than it looked is read to one byte past the limit,
    not whole (here 40 MB where the limit is 1 MB)."""
    import tracemalloc

    path = tmp_path / "form.yaml"
    with path.open("wb") as handle:
        handle.truncate(40 * MB)  # sparse: nothing is written
    seen_as(monkeypatch, path, 10)
    tracemalloc.start()
    try:
        message = refusal(read_file, path, MB, "form")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == (f"{path}: the file is larger than the 1 MB docgen reads for a form\n"
                       "Check that this is the right file.")
    assert peak < 3 * MB


def test_a_text_file_too_large_is_named_for_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_bytes(b"x" * (MB + 1))
    assert refusal(read_text, path, MB) == (
        f"{path}: the file is 1.0 MB, larger than the 1 MB docgen reads for a data file\n"
        "Check that this is the right file.")
    assert refusal(read_text, path, MB, "settings file") == (
        f"{path}: the file is 1.0 MB, larger than the 1 MB docgen reads for a settings file\n"
        "Check that this is the right file.")


def test_a_template_file_is_read_within_the_template_limit(tmp_path: Path) -> None:
    from docgen.safe_open.files import read_template_file

    bundled = Path(__file__).resolve().parents[3] / "templates" / "iep.docx"
    assert read_template_file(bundled) == bundled.read_bytes()
    big = tmp_path / "iep.docx"
    with big.open("wb") as handle:
        handle.truncate(51 * MB)  # sparse: nothing is written
    assert refusal(read_template_file, big) == (
        f"{big}: this template cannot be used as a Word document: the file is 51.0 MB, larger "
        "than the 50 MB docgen reads for a template\nOpen it in Word and save it again as a "
        "Word document (.docx), or take it out of the templates folder to use the bundled one.")


class _CountingReads:
    """A file handle that counts the bytes read through it."""

    def __init__(self, handle, counts: list[int]) -> None:
        self._handle, self._counts = handle, counts

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._counts.append(len(data))
        return data

    def __enter__(self) -> _CountingReads:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


@pytest.mark.parametrize("size_seen", [10, 100])
@pytest.mark.parametrize(("actual", "read_whole"),
                         [(60, True), (100, True), (300, False), (100_000, False)])
def test_a_file_larger_than_it_looked_is_read_to_one_byte_past_the_limit_at_most(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size_seen: int, actual: int,
        read_whole: bool) -> None:
    """The stat said ``size_seen`` bytes; by the time it is read the file holds ``actual``.
    Within the limit (100 bytes here) it is read whole; past it, exactly limit + 1 bytes are
    read before the refusal, whatever size was seen."""
    path = tmp_path / "form.yaml"
    written = bytes(range(256))[:actual] if actual <= 256 else b"y" * actual
    path.write_bytes(written)
    seen_as(monkeypatch, path, min(size_seen, actual))
    real_open, counts = Path.open, []

    def counted(self: Path, *args, **kwargs):
        return _CountingReads(real_open(self, *args, **kwargs), counts)

    monkeypatch.setattr(Path, "open", counted)
    if read_whole:
        assert read_file(path, 100, "form") == written
        assert sum(counts) == actual
    else:
        assert refusal(read_file, path, 100, "form").startswith(
            f"{path}: the file is larger than the 0 MB docgen reads for a form")
        assert sum(counts) == 101
