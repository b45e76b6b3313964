"""Reading whole files within a size limit: bytes, UTF-8 text, and templates checked as
Office files."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import UnusableInput
from docgen.safe_open.limits import MB, TEMPLATE, Limits, unusable
from docgen.safe_open.package import Package


def read_file(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a file no larger than ``limit``; a clear message when it is not there,
    is a folder, is empty or is too large."""
    path = Path(path)
    if path.is_dir():
        raise unusable(path, "this is a folder, not a file",
                        "Give one file, or use 'docgen batch FOLDER -o OUTPUT' to make the "
                        "documents for every form in a folder.")
    if not path.is_file():
        raise unusable(path, "there is no such file", "Check the name and the folder.")
    size = path.stat().st_size
    if size > limit:
        raise unusable(path, f"the file is {size / MB:.1f} MB, larger than the "
                              f"{limit // MB} MB docgen reads for a {what}",
                        "Check that this is the right file.")
    with path.open("rb") as handle:
        # read(n) sets n bytes aside first: ask for the size found, not the whole limit
        data = handle.read(size + 1)
        if len(data) > size:  # it grew since: as much more as the limit allows
            data += handle.read(limit + 1 - len(data))
    if not data:
        raise unusable(path, "the file is empty",
                        "Save it again, then use the saved file.")
    if len(data) > limit:  # it grew while being read
        raise unusable(path, f"the file is larger than the {limit // MB} MB docgen reads "
                              f"for a {what}", "Check that this is the right file.")
    return data


def read_text(path: Path, limit: int, what: str = "data file") -> str:
    """A text file, however a Windows or other tool saved it: UTF-8 with or without a byte
    order mark, UTF-16 with one, any line ends (docgen.textfiles.decode_text)."""
    from docgen.textfiles import decode_text

    data = read_file(path, limit, what)
    try:
        return decode_text(data)
    except UnicodeDecodeError:
        raise unusable(path, "the file is not UTF-8 text", "Save it as UTF-8 text.") from None


def check_template(path: Path, data: bytes | None = None) -> bytes:
    """A template's bytes, checked as any file docgen opens (size, parts, XML, a Word
    document). A template that cannot be read is an input docgen cannot use (exit 2, as
    for a form), named with the reason and what to do. ``data``: the bytes
    ``read_template_file`` read from ``path`` already."""
    try:
        if data is None:
            data = read_file(path, TEMPLATE.file_bytes, TEMPLATE.what)
        package = Package(data, path, TEMPLATE)
        package.check_every_part()
        package.check_word_document()
    except UnusableInput as exc:
        raise unusable(path, f"this template cannot be used as a Word document: {exc.message}",
                       TEMPLATE_HINT) from None
    return data


def read_template_file(path: Path) -> bytes:
    """A template's bytes within the template's size limit, not yet checked as a package
    (``check_template``): a template compiled before is known by its SHA-256."""
    try:
        return read_file(path, TEMPLATE.file_bytes, TEMPLATE.what)
    except UnusableInput as exc:
        raise unusable(path, f"this template cannot be used as a Word document: {exc.message}",
                       TEMPLATE_HINT) from None


TEMPLATE_HINT = ("Open it in Word and save it again as a Word document (.docx), or take it "
                 "out of the templates folder to use the bundled one.")


def open_package(path: Path, limits: Limits) -> Package:
    """An Office file from disk, checked as a whole before any part is read."""
    return Package(read_file(path, limits.file_bytes, limits.what), path, limits)
