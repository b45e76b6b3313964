"""Who a redacted copy must not name: the pupil (forenames, surname, the name they are known
by), their parents and carers (from 'Parents' or carers' names' and from any person whose role
or description says parent, carer, mother, grandfather…, whatever their surname), the UPN and
the date of birth. Staff and services keep their names: a reader needs to know who does what.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from docgen.redaction.fold import fold_only

# Words in a names field that are not names, in the languages the samples use.
NOT_NAMES = frozenset(fold_only(word) for word in (
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "lady", "lord", "and", "&",
    "or", "the", "of", "family", "parent", "parents", "carer", "carers", "mum", "mom", "dad",
    "mother", "father", "grandmother", "grandfather", "grandma", "grandpa", "nan", "nana",
    "gran", "granny", "grandad", "grandparent", "grandparents", "guardian", "guardians",
    "foster", "stepmother", "stepfather", "step", "aunt", "auntie", "uncle", "brother",
    "sister", "a", "ac", "i", "oraz", "pan", "pani", "państwo", "rhiant", "rhieni", "mam",
    "tad", "mama", "tata", "اور", "و", "جناب", "محترمہ", "محترم", "بیگم", "صاحب", "صاحبہ",
    "السيد", "السيدة", "والد", "والدہ", "امی", "ابو", "مسز", "مسٹر",
    # roles written beside a name ("Class teacher with Mum")
    "class", "teacher", "teaching", "assistant", "senco", "head", "headteacher", "school",
    "staff", "support", "worker", "social", "nurse", "therapist", "psychologist",
    "interpreter", "tutor", "with", "for", "both", "all", "at", "home",
))
_FAMILY_WORDS = (r"(parents?|carers?|mum|mom|dad|mother|father|grand\w*|nan|nana|gran|granny|"
                 r"guardian|foster|step\w*|aunt|auntie|uncle|rhiant|rhieni|rodzic\w*|mama|"
                 r"tata|والد\w*|امی|ابو)(?![^\W_])")
# A role that is a family role ("Parent", "Foster carer", "Grandmother"), not one that only
# mentions family ("Keeps trying to contact the parents").
FAMILY_ROLE = re.compile(rf"^\W*(?:(?:the|a|an) )?{_FAMILY_WORDS}")
# A description that says who someone is: "Mrs Nowak (parent)", "Parents: Mr and Mrs Khan".
FAMILY_NOTE = re.compile(rf"(?:^|\()\W*(?:(?:the|a|an) )?{_FAMILY_WORDS}")
_WORDS = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_PERSON_KEYS = ("name", "who")
_ROLE_KEYS = ("role", "relationship")


def initials(name: str, dots: bool = True) -> str:
    """'Zofia' -> 'Z.', 'Llŷr-Evans' -> 'L. E.' ('LE' without dots, for identifiers)."""
    parts = [part for part in re.split(r"[\s\-‐‑–—]+", name.strip()) if part]
    if not dots:
        return "".join(part[0] for part in parts)
    return " ".join(f"{part[0]}." for part in parts)


@dataclass
class Identity:
    """The pupil's and family's names (each → its initials), UPN and date of birth."""

    names: dict[str, str] = field(default_factory=dict)
    upn: str | None = None
    date_of_birth: dt.date | None = None

    def add_name(self, name: str) -> None:
        """A full name and each of its parts of two letters or more."""
        name = " ".join(name.split())
        if len(name) < 2 or fold_only(name) in NOT_NAMES:
            return
        self.names.setdefault(name, initials(name))
        for part in re.split(r"[\s\-‐‑–—]+", name):
            part = part.strip("'’ʼ")
            if len(part) > 1 and fold_only(part) not in NOT_NAMES:
                self.names.setdefault(part, f"{part[0]}.")

    def add_names_in(self, text: str) -> None:
        """Every word of a free 'names' text that is not a title or a connective."""
        for word in _WORDS.findall(text):
            word = re.sub(r"['’ʼ]s$", "", word)
            if fold_only(word) not in NOT_NAMES:
                self.add_name(word)

    def merge(self, other: Identity) -> Identity:
        merged = Identity(dict(self.names), self.upn or other.upn,
                          self.date_of_birth or other.date_of_birth)
        for name, short in other.names.items():
            merged.names.setdefault(name, short)
        return merged

    def __bool__(self) -> bool:
        return bool(self.names or self.upn or self.date_of_birth)


def identity_of(data: dict[str, Any]) -> Identity:
    """The identity in one form's validated data."""
    found = Identity()
    pupil = data.get("pupil") or {}
    for key in ("forename", "surname", "known_as"):
        if isinstance(pupil.get(key), str):
            found.add_name(pupil[key])
    if isinstance(pupil.get("parents"), str):
        found.add_names_in(pupil["parents"])
    upn = pupil.get("upn")
    found.upn = upn if isinstance(upn, str) and upn else None
    dob = pupil.get("date_of_birth")
    found.date_of_birth = dob if isinstance(dob, dt.date) else None
    for person in _people(data):
        _add_family_member(found, person)
    return found


def _people(value: Any) -> list[dict[str, Any]]:
    """Every row of the data that names a person (attendees, apologies, reservations…)."""
    found = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if any(isinstance(item.get(key), str) for key in _PERSON_KEYS):
                found.append(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def _add_family_member(identity: Identity, person: dict[str, Any]) -> None:
    """A row whose role says family: its name field is a family member's name. A 'who' text
    that says family ("Mrs Nowak (parent)"): its capitalised words, and words of scripts
    without capitals."""
    role = " ".join(str(person.get(key) or "") for key in _ROLE_KEYS)
    for key in _PERSON_KEYS:
        text = person.get(key)
        if not isinstance(text, str):
            continue
        if FAMILY_ROLE.search(fold_only(role)):
            identity.add_names_in(text)
        elif FAMILY_NOTE.search(fold_only(text)):
            identity.add_names_in(" ".join(word for word in _WORDS.findall(text)
                                           if not word[0].islower()))
