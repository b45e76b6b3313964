"""What heads and signs a letter: the school's letterhead and the authority's details (settings),
the recipient's address block, the reference and the date of writing.

Each framework keeps its own ``schools.yaml`` and ``authority.yaml`` in its settings folder,
found through the framework registry, so a maintainer's ``--templates`` folder can override
either (``DIR/<framework>/settings/``). A gap in them is a warning on screen
(``settings_warnings``), never text on the page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from docgen.context import uk_date, writing_date
from docgen.errors import TemplateProblem
from docgen.frameworks import Framework, default

Data = dict[str, Any]
PLACEHOLDER_AUTHORITY = "the local authority"
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
_SCHOOL_KEYS = {"name", "address", "telephone", "email", "website", "head_teacher", "logo",
                "logo_alt"}
SENCO_ROLE = "Special educational needs coordinator (SENCo)"


def settings_file(name: str, framework: Framework | None = None) -> Path:
    """The settings file in use: a maintainer's own copy, else the framework's bundled one."""
    return (framework or default()).settings_path(name)


def _read(path: Path) -> Data:
    try:
        return _read_cached(path, path.stat().st_mtime_ns)
    except OSError as exc:
        raise TemplateProblem(f"the settings file cannot be read: {exc.strerror}",
                              file=str(path), hint="Restore the bundled copy.") from None


@cache
def _read_cached(path: Path, _mtime: int) -> Data:
    from docgen.textfiles import load_settings  # the hardened reader, as for every file

    data = load_settings(path, "settings file") or {}
    if not isinstance(data, dict):
        raise TemplateProblem("the settings file must be a list of 'key: value' lines",
                              file=str(path))
    return data


def authority(framework: Framework | None = None) -> Data:
    """The framework's authority settings, with defaults for what a maintainer left out."""
    data = dict(_read(settings_file("authority.yaml", framework)))
    data.setdefault("name", PLACEHOLDER_AUTHORITY)
    data.setdefault("parent_advice", "the local Parent Partnership Service")
    data.setdefault("statutory_team", "The Statutory Assessment Team")
    data["statutory_team_address"] = [str(line) for line in
                                      data.get("statutory_team_address") or []]
    contacts = [("Telephone", data.get("parent_advice_telephone")),
                ("Email", data.get("parent_advice_email")),
                ("Website", data.get("parent_advice_website"))]
    data["parent_advice_contacts"] = [f"{label}: {value}" for label, value in contacts if value]
    return data


@dataclass(frozen=True)
class School:
    """One school's letterhead."""

    name: str
    address: tuple[str, ...] = ()
    telephone: str = ""
    email: str = ""
    website: str = ""
    head_teacher: str = ""
    logo: Path | None = None
    logo_alt: str = ""
    listed: bool = True  # False: only the name typed on the form is known

    def context(self) -> Data:
        contact = " · ".join(part for part in (
            f"Telephone {self.telephone}" if self.telephone else "", self.email, self.website)
            if part)
        return {"name": self.name, "address": ", ".join(self.address), "contact": contact,
                "head_teacher": self.head_teacher, "has_logo": self.logo is not None}


def _schools(path: Path) -> dict[str, Data]:
    schools = _read(path).get("schools") or {}
    if not isinstance(schools, dict):
        raise TemplateProblem("'schools' must list each school under its DfE number",
                              file=str(path))
    for number, entry in schools.items():
        unknown = set(entry or {}) - _SCHOOL_KEYS
        if not isinstance(entry, dict) or "name" not in entry or unknown:
            raise TemplateProblem(
                f"the school {number} needs a name"
                + (f" and has unknown keys: {', '.join(sorted(unknown))}" if unknown else ""),
                file=str(path),
                hint=f"The keys a school may have: {', '.join(sorted(_SCHOOL_KEYS))}.")
        if entry.get("logo") and not entry.get("logo_alt"):
            raise TemplateProblem(f"the school {number} has a logo without logo_alt",
                                  file=str(path), hint="Say in a few words what the logo shows; "
                                  "screen readers read it out.")
    return {str(k): v for k, v in schools.items()}


def school_for(pupil: Data, framework: Framework | None = None) -> School:
    """The letterhead for the pupil's school (by DfE number), or one from the form's name."""
    path = settings_file("schools.yaml", framework)
    entry = _schools(path).get(str(pupil.get("dfe_number") or ""))
    if entry is None:
        return School(name=str(pupil.get("school") or ""), listed=False)
    logo = None
    if entry.get("logo"):  # beside the schools.yaml in use: a maintainer's logo in their folder
        logo = (path.parent / str(entry["logo"])).resolve()
        if logo.suffix.lower() not in LOGO_SUFFIXES or not logo.is_file():
            raise TemplateProblem(f"the logo {entry['logo']} is not a PNG or JPEG file here",
                                  file=str(path))
    return School(name=str(entry["name"]), address=tuple(map(str, entry.get("address") or ())),
                  telephone=str(entry.get("telephone") or ""),
                  email=str(entry.get("email") or ""),
                  website=str(entry.get("website") or ""),
                  head_teacher=str(entry.get("head_teacher") or ""), logo=logo,
                  logo_alt=str(entry.get("logo_alt") or ""))


def letter(data: Data, *, subject_code: str, framework: Framework | None = None,
           to: str | None = None, address: str | None = None,
           when: dt.date | None = None) -> Data:
    """The parts around a letter's body: recipient, reference, date, signatory."""
    pupil = data["pupil"]
    parents = (pupil.get("parents") or "").strip()
    recipient = to if to is not None else (parents or "The parent or carer of "
                                                         f"{pupil_display_name(pupil)}")
    lines = [recipient]
    address_text = address if address is not None else pupil.get("parents_address") or ""
    lines += [line.strip() for line in address_text.splitlines() if line.strip()]
    written = when or writing_date(data)
    return {
        "recipient": lines,
        "salutation": parents or "parent or carer",
        "reference": reference(pupil, subject_code, written),
        "date": uk_date(written),
        "signatory": pupil.get("senco") or "",
        "signatory_role": SENCO_ROLE,
        "school": school_for(pupil, framework).context(),
    }


def reference(pupil: Data, code: str, when: dt.date) -> str:
    """'SEN/ZW/HF/2026-09': the pupil's initials (Latin letters), the letter, the month."""
    initials = "".join(part[:1].upper() for part in (
        latin_forename(pupil), str(pupil.get("surname") or "")) if part)
    return f"SEN/{initials}/{code}/{when:%Y-%m}"


def latin_forename(pupil: Data) -> str:
    """The forename in Latin letters: as typed, or the form's Latin version of it."""
    forename = str(pupil.get("forename") or "")
    if is_latin(forename):
        return forename
    return str(pupil.get("forename_latin") or pupil.get("known_as") or forename)


def pupil_display_name(pupil: Data) -> str:
    return f"{pupil.get('known_as') or latin_forename(pupil)} {pupil.get('surname') or ''}".strip()


def is_latin(text: str) -> bool:
    """True when every letter is a Latin one (Ł, ŷ and the like included)."""
    import unicodedata

    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def settings_warnings(pupil: Data | None = None, *, framework: Framework | None = None,
                      leaflet: bool = False, pack: bool = False) -> list[str]:
    """What is missing from the settings for these documents, for the screen."""
    warnings = []
    if pupil is not None and not school_for(pupil, framework).listed:
        warnings.append(
            f"The letters for {pupil.get('school')} have no letterhead address: add the school "
            f"(DfE number {pupil.get('dfe_number')}) to "
            f"{settings_file('schools.yaml', framework)}.")
    info = authority(framework)
    where = settings_file("authority.yaml", framework)
    if leaflet and not info["parent_advice_contacts"]:
        warnings.append(
            f"The leaflet gives no telephone, email or website for {info['parent_advice']} "
            f"(the bundled placeholder): set them in {where}.")
    if pack and not info["statutory_team_address"]:
        warnings.append(
            f"The pack's covering letter has no address for {info['statutory_team']}: set "
            f"statutory_team_address in {where}.")
    return warnings
