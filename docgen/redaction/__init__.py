"""Redaction for copies that are shared: names as initials, no UPN, no date of birth, in the
data, in every part of a Word package, and checked afterwards by a leak scanner."""

from __future__ import annotations

from docgen.errors import InvalidInput
from docgen.redaction.finder import Finder
from docgen.redaction.identity import Identity, identity_of

__all__ = ["Finder", "Identity", "identity_of", "redacted_copy"]


def redacted_copy(data: bytes, identity: Identity, name: str) -> bytes:
    """The Word package redacted part by part, then scanned: InvalidInput, and nothing
    written, if anything that identifies the pupil is still there."""
    from docgen.redaction.package import redact_package
    from docgen.redaction.scanner import Scanner

    redacted = redact_package(data, Finder(identity))
    leaks = Scanner(identity).scan_bytes(redacted, name)
    if leaks:
        places = "\n".join(f"  - {leak.part} ({leak.where}): a {leak.kind}" for leak in leaks)
        raise InvalidInput(
            "the redacted copy would still show what identifies the pupil, so docgen did not "
            f"write it:\n{places}", file=name,
            hint="Remove it from the evidence file it comes from, or make the copy without "
                 "--redact and remove it by hand.")
    return redacted
