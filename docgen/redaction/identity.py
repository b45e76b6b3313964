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
_WHOSE = r"(?:(?:the|a|an|his|her|their|[^\W\d_]+'s)\s+)?"  # "the", "Leo's" (folded)
# A description that says who someone is: "Mrs Nowak (parent)", "Parents: Mr and Mrs Khan",
# "Ms Brennan and Mr Doyle (Leo's parents)".
FAMILY_NOTE = re.compile(rf"(?:^|\()\W*{_WHOSE}{_FAMILY_WORDS}")
# A note that is all about family, or a text that ends with a family word ("Dad (…)").
_NOTE_SAYS_FAMILY = re.compile(rf"^\W*{_WHOSE}{_FAMILY_WORDS}")
_ENDS_WITH_FAMILY = re.compile(rf"(?:^|\W){_FAMILY_WORDS}\W*$")
# A row whose role is the pupil (an annual review's "Cal Price, pupil"): the pupil's names.
# The whole role, so "Pupil and School Support teacher" (a Birmingham service) stays staff.
PUPIL_ROLE = re.compile(r"^\W*(?:the )?(?:pupil|child|young person|student|learner)"
                        r"(?: (?:himself|herself|themselves|themself))?\W*$")
_WORDS = re.compile(r"[^\W\d_][\w'’ʼ-]*")
_NOTES = re.compile(r"\(([^()]*)\)")
_PERSON_KEYS = ("name", "who")
_ROLE_KEYS = ("role", "relationship")
# Free texts that list people with notes on who they are (the 2015 Code's parent meeting
# record, "Who came").
_LIST_KEYS = ("attended",)


# Quote marks around a name or a nickname ("Zofia ‘Zosia’": Word curls them as they are typed)
_QUOTES = "'’‘ʼ\"“”"


def _name_parts(name: str) -> list[str]:
    """The words of a name, split at spaces and hyphens, without quote marks around them."""
    parts = (part.strip(_QUOTES) for part in re.split(r"[\s\-‐‑–—]+", name.strip()))
    return [part for part in parts if part]


def initials(name: str, dots: bool = True) -> str:
    """'Zofia' -> 'Z.', 'Llŷr-Evans' -> 'L. E.', 'Zofia ‘Zosia’' -> 'Z. Z.' ('LE' without dots,
    for identifiers)."""
    parts = _name_parts(name)
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
        for part in _name_parts(name):
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
    for key in ("forename", "surname", "known_as", "forename_latin"):
        if isinstance(pupil.get(key), str):
            found.add_name(pupil[key])
    if isinstance(pupil.get("parents"), str):
        found.add_names_in(pupil["parents"])
    upn = pupil.get("upn")
    found.upn = upn if isinstance(upn, str) and upn else None
    dob = pupil.get("date_of_birth")
    found.date_of_birth = dob if isinstance(dob, dt.date) else None
    for item in _mappings(data):
        if any(isinstance(item.get(key), str) for key in _PERSON_KEYS):
            _add_family_member(found, item)
        for key in _LIST_KEYS:
            if isinstance(item.get(key), str):
                _add_family_in_list(found, item[key])
    return found


def _mappings(value: Any) -> list[dict[str, Any]]:
    """Every mapping in the data: sections, and rows that may name a person (attendees,
    apologies, reservations…)."""
    found = []
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            found.append(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return found


def _add_family_in_list(identity: Identity, text: str) -> None:
    """A written list of people, one entry per comma, semicolon or line: "Ms Brennan and Mr
    Doyle (Leo's parents)" names family before a note that says so, "Dad (Karim Nasser)"
    inside a note after a family word; "Mr Ashworth (class teacher)" is staff."""
    for entry in re.split(r"[,;\n]", text):
        for note in _NOTES.finditer(entry):
            before = entry[:note.start()]
            if _NOTE_SAYS_FAMILY.search(fold_only(note.group(1))):
                identity.add_names_in(_capitalised(before))
            elif _ENDS_WITH_FAMILY.search(fold_only(before)):
                identity.add_names_in(_capitalised(note.group(1)))


def _capitalised(text: str) -> str:
    """The words that may be names: capitalised ones, and those of scripts without capitals
    ("Mrs Nowak", not "came with"; Urdu names always)."""
    return " ".join(word for word in _WORDS.findall(text) if not word[0].islower())


def _add_family_member(identity: Identity, person: dict[str, Any]) -> None:
    """A row whose role says family (or is the pupil's own): its name field is a family
    member's (the pupil's) name. A 'who' text that says family ("Mrs Nowak (parent)"): its
    capitalised words, and words of scripts without capitals."""
    role = " ".join(str(person.get(key) or "") for key in _ROLE_KEYS)
    for key in _PERSON_KEYS:
        text = person.get(key)
        if not isinstance(text, str):
            continue
        if FAMILY_ROLE.search(fold_only(role)) or PUPIL_ROLE.search(fold_only(role)):
            identity.add_names_in(text)
        elif FAMILY_NOTE.search(fold_only(text)):
            identity.add_names_in(_capitalised(text))
