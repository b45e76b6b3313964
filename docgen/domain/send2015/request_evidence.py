"""What a request for an EHC needs assessment must hold: an authority's profile, as data.

A profile is a list of items; each is met by filled forms of a type (SEN Support plans whose
review was held, say), by evidence files of given kinds, or by a field of the request form.
The default profile follows the SEND Code of Practice 9.14; an authority's own list is a
settings file, not code. Pure functions: the pack module reads the files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_PROFILE = "default"


class ProfileError(ValueError):
    """A profile that cannot be used, said in a sentence for the settings file's maintainer."""


@dataclass(frozen=True)
class Requirement:
    key: str
    name: str
    add: str  # what to add when it is missing
    form: str | None = None
    at_least: int = 1
    reviewed: bool = False
    kinds: tuple[str, ...] = ()
    field: str | None = None  # "section.field" of the request form


@dataclass(frozen=True)
class Profile:
    key: str
    title: str
    authorities: tuple[str, ...]
    items: tuple[Requirement, ...]


@dataclass(frozen=True)
class FormSeen:
    """A valid form in the case folder, as the profile needs to see it."""

    form: str
    reviewed: bool = False


def parse_profiles(raw: Any, known_kinds: Sequence[str]) -> dict[str, Profile]:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("profiles"), Mapping):
        raise ProfileError("the file needs a 'profiles' mapping")
    profiles = {str(key): _profile(str(key), value, known_kinds)
                for key, value in raw["profiles"].items()}
    if DEFAULT_PROFILE not in profiles:
        raise ProfileError(f"the file needs a '{DEFAULT_PROFILE}' profile")
    return profiles


def _profile(key: str, raw: Any, known_kinds: Sequence[str]) -> Profile:
    if not isinstance(raw, Mapping) or not raw.get("items"):
        raise ProfileError(f"profile '{key}' needs a title and a list of items")
    items = tuple(_item(key, n, item, known_kinds) for n, item in enumerate(raw["items"], 1))
    return Profile(key, str(raw.get("title") or key),
                   tuple(str(a) for a in raw.get("authorities") or ()), items)


def _item(profile: str, number: int, raw: Any, known_kinds: Sequence[str]) -> Requirement:
    where = f"profile '{profile}', item {number}"
    if not isinstance(raw, Mapping) or not raw.get("name") or not raw.get("add"):
        raise ProfileError(f"{where} needs a name and an 'add' sentence")
    sources = [s for s in ("forms", "evidence", "field") if s in raw]
    if len(sources) != 1:
        raise ProfileError(f"{where} needs exactly one of forms, evidence or field")
    common = {"key": str(raw.get("key") or f"item{number}"), "name": str(raw["name"]),
              "add": str(raw["add"])}
    if "forms" in raw:
        forms = raw["forms"]
        if not isinstance(forms, Mapping) or not forms.get("type"):
            raise ProfileError(f"{where}: forms needs a type")
        return Requirement(**common, form=str(forms["type"]),
                           at_least=int(forms.get("at_least", 1)),
                           reviewed=bool(forms.get("reviewed", False)))
    if "evidence" in raw:
        kinds = tuple(str(k) for k in raw["evidence"] or ())
        unknown = [k for k in kinds if k not in known_kinds]
        if not kinds or unknown:
            raise ProfileError(f"{where}: evidence kinds must be some of "
                               f"{', '.join(known_kinds)}")
        return Requirement(**common, kinds=kinds)
    if "." not in str(raw["field"]):
        raise ProfileError(f"{where}: field is written section.field")
    return Requirement(**common, field=str(raw["field"]))


def choose(profiles: Mapping[str, Profile], named: str | None, authority: str | None
           ) -> Profile:
    """The profile a case folder names, else the one listing the authority, else default."""
    if named:
        if named not in profiles:
            raise ProfileError(f"there is no profile '{named}' (known: {', '.join(profiles)})")
        return profiles[named]
    wanted = (authority or "").strip().casefold()
    for profile in profiles.values():
        if wanted and wanted in (a.strip().casefold() for a in profile.authorities):
            return profile
    return profiles[DEFAULT_PROFILE]


def met(item: Requirement, forms: Sequence[FormSeen], kinds_present: set[str],
        request: Mapping[str, Any] | None) -> bool:
    """Whether the folder meets one item."""
    if item.form:
        count = sum(f.form == item.form and (f.reviewed or not item.reviewed) for f in forms)
        return count >= item.at_least
    if item.kinds:
        return bool(kinds_present & set(item.kinds))
    section, _, key = (item.field or "").partition(".")
    return bool(request and (request.get(section) or {}).get(key))
