"""Redaction: a copy of a document for readers who do not need to know who the pupil is.

The pupil's names (and the parents' names) become initials wherever they appear in the form's
text; the UPN, the date of birth and the parents' address are removed. Names of staff and
services stay, since a reader needs to know who does what. What a person typed about the pupil
in other words (a nickname, a sibling's name) cannot be found this way: the README says so.
"""

from __future__ import annotations

import copy
import re
from typing import Any

REMOVED = None  # templates show an empty value for a removed field


def initial(name: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s-]+", name.strip()) if part)


def name_map(pupil: dict[str, Any]) -> dict[str, str]:
    """Each name (and each part of a double-barrelled one) → its initial(s)."""
    names: dict[str, str] = {}
    for key in ("forename", "surname", "known_as", "forename_latin"):
        value = (pupil.get(key) or "").strip()
        if value:
            names[value] = initial(value)
            for part in re.split(r"[\s-]+", value):
                if len(part) > 1:
                    names.setdefault(part, f"{part[0]}.")
    parents = (pupil.get("parents") or "").strip()
    if parents:
        for word in re.findall(r"\w[\w'-]*", parents):
            if word[0].isupper() and word not in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "and"):
                names.setdefault(word, f"{word[0]}.")
    return names


def redact(data: dict[str, Any]) -> dict[str, Any]:
    """A redacted copy of validated form data."""
    out = copy.deepcopy(data)
    names = name_map(out.get("pupil", {}))
    pattern = (re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)"
                                   for n in sorted(names, key=len, reverse=True)))
               if names else None)

    def scrub(value: Any) -> Any:
        if isinstance(value, str) and pattern is not None:
            return pattern.sub(lambda m: names[m.group(0)], value)
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    out = scrub(out)
    if "pupil" in out:
        out["pupil"]["upn"] = REMOVED
        out["pupil"]["date_of_birth"] = REMOVED
        out["pupil"]["parents_address"] = REMOVED  # the letters' address block
    return out
