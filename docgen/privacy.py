"""Redaction of form data: a copy of a document for readers who do not need to know who the
pupil is.

The pupil's names and the family's names become initials wherever they appear in the form's
text, however they were typed (docgen.redaction); a UPN or the date of birth typed in free
text is replaced by a note that it was removed, and the UPN, date of birth and parents'
address fields are emptied. Names of staff and services stay, since a reader needs to know
who does what. What a person typed about the pupil in other words (a nickname, a sibling's
name) cannot be found this way: the README says so.
"""

from __future__ import annotations

from typing import Any

from docgen.redaction import Finder, Identity, identity_of

REMOVED = None  # templates show an empty value for a removed field


def redact(data: dict[str, Any], identity: Identity | None = None) -> dict[str, Any]:
    """A redacted copy of validated form data (``identity``: who to redact, when more than
    this form names, as in a case folder)."""
    finder = Finder(identity or identity_of(data))

    def scrub(value: Any) -> Any:
        if isinstance(value, str):
            return finder.redact(value)
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    out = scrub(data)
    if "pupil" in out:
        out["pupil"]["upn"] = REMOVED
        out["pupil"]["date_of_birth"] = REMOVED
        out["pupil"]["parents_address"] = REMOVED  # the letters' address block
    return out
