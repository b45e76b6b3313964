"""A pupil's forms, wherever they sit in the register: by UPN, else by name and date of birth.

Folders are not trusted to mean anything: a school may keep a folder per pupil, per year
group, per form type, or none at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from docgen.caseload.model import FormFacts, Identity, NotUsed, Pupil


def normal_upn(upn: str) -> str:
    """'k330 2001 16007' → 'K330200116007': spaces and case do not make another pupil."""
    return "".join(upn.split()).upper()


def normal_name(text: str) -> str:
    """Names compared as people read them: composed Unicode, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def name_key(identity: Identity) -> str:
    born = identity.date_of_birth.isoformat() if identity.date_of_birth else ""
    return f"name:{normal_name(identity.forename)}|{normal_name(identity.surname)}|{born}"


def pupil_key(identity: Identity) -> str:
    upn = normal_upn(identity.upn)
    return f"upn:{upn}" if upn else name_key(identity)


def group_pupils(forms: Iterable[FormFacts], not_used: Iterable[NotUsed] = ()) -> list[Pupil]:
    """One Pupil per UPN (or name and date of birth where a form has no UPN); a form without
    a UPN joins the pupil with the same name and date of birth when there is exactly one."""
    pupils: dict[str, Pupil] = {}
    by_name: dict[str, list[str]] = {}
    without_upn: list[FormFacts] = []
    for facts in forms:
        if not normal_upn(facts.identity.upn):
            without_upn.append(facts)
            continue
        key = pupil_key(facts.identity)
        pupil = pupils.get(key)
        if pupil is None:
            pupil = pupils[key] = Pupil(key, facts.identity)
            by_name.setdefault(name_key(facts.identity), []).append(key)
        pupil.forms.append(facts)
    for facts in without_upn:
        matches = by_name.get(name_key(facts.identity), [])
        key = matches[0] if len(matches) == 1 else name_key(facts.identity)
        pupils.setdefault(key, Pupil(key, facts.identity)).forms.append(facts)
    for pupil in pupils.values():
        _drop_copies(pupil)
        pupil.identity = _latest_identity(pupil)
    _attach(pupils, by_name, not_used)
    _flag_shared_names(pupils, by_name)
    return sorted(pupils.values(), key=lambda p: (normal_name(p.identity.surname),
                                                  normal_name(p.identity.forename), p.key))


def _drop_copies(pupil: Pupil) -> None:
    """The same form kept in two folders counts once (its warnings too), and is noted."""
    kept: list[FormFacts] = []
    for facts in pupil.forms:
        twin = next((k for k in kept if k.form == facts.form and k.facts == facts.facts
                     and k.identity == facts.identity), None)
        if twin is None:
            kept.append(facts)
        else:
            pupil.notes.append(f"{facts.source} is a copy of {twin.source}: counted once")
    pupil.forms = kept


def _latest_identity(pupil: Pupil) -> Identity:
    """The year group and names as the most recently dated form gives them."""
    from docgen.caseload.checks import form_date

    dated = [(form_date(f), f.source, f.identity) for f in pupil.forms]
    known = [item for item in dated if item[0] is not None]
    return max(known, key=lambda item: (item[0], item[1]))[2] if known else dated[0][2]


def _attach(pupils: dict[str, Pupil], by_name: dict[str, list[str]],
            not_used: Iterable[NotUsed]) -> None:
    """A form with errors that still says who it is about is shown in that pupil's row."""
    for item in not_used:
        if item.identity is None:
            continue
        key = pupil_key(item.identity)
        if key not in pupils:
            matches = by_name.get(name_key(item.identity), [])
            key = matches[0] if len(matches) == 1 else key
        if key in pupils:
            pupils[key].not_used.append(item)


def _flag_shared_names(pupils: dict[str, Pupil], by_name: dict[str, list[str]]) -> None:
    """Two UPNs for one name and date of birth: a mistyped UPN, or two pupils. Say so."""
    for keys in by_name.values():
        if len(keys) > 1:
            for key in keys:
                pupils[key].notes.append("The same name and date of birth appear under "
                                         "another UPN: check the UPN on each form")
