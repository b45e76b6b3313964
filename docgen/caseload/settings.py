"""The school's caseload settings: staff hourly rates and contract hours, for a costed
provision map (``docgen caseload --settings FILE``; the format is in docs/caseload.md).

```yaml
weeks_per_year: 38            # school weeks a year: turns weekly costs into yearly ones
staff:                        # adults named in the plans' "Who" column
  - name: Mr Dafydd Price
    other_names: [Mr Price]   # other ways the forms write the same person
    hourly_rate: 14.50        # pounds an hour, with on-costs if the school counts them
    contract_hours: 32.5      # hours a week
roles:                        # a rate for anyone whose "Who" names this role
  classroom assistant: 14.00
minimum_minutes:              # indicative adult minutes a week, by stage or census code
  K: 30
```
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from docgen.caseload.grouping import normal_name
from docgen.errors import UnusableInput

DEFAULT_WEEKS = 38  # 190 school days a year in England, five a week
MAX_BYTES = 1024 * 1024
_TOP = {"weeks_per_year", "staff", "roles", "minimum_minutes"}
_STAFF = {"name", "other_names", "hourly_rate", "contract_hours"}
_HINT = "See docs/caseload.md for the settings file's format."


@dataclass(frozen=True)
class StaffMember:
    name: str
    other_names: tuple[str, ...] = ()
    hourly_rate: Decimal | None = None
    contract_hours: Decimal | None = None

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other_names)


@dataclass(frozen=True)
class Settings:
    weeks_per_year: int = DEFAULT_WEEKS
    staff: tuple[StaffMember, ...] = ()
    roles: Mapping[str, Decimal] = field(default_factory=dict)
    minimum_minutes: Mapping[str, int] = field(default_factory=dict)

    def staff_member(self, who: str) -> StaffMember | None:
        """The member of staff a plan's "Who" names (the longest name found in it wins)."""
        text = normal_name(who)
        found = [(len(n), member) for member in self.staff for n in member.names()
                 if normal_name(n) and normal_name(n) in text]
        return max(found, key=lambda item: item[0])[1] if found else None

    def rate_for(self, who: str) -> Decimal | None:
        member = self.staff_member(who)
        if member is not None and member.hourly_rate is not None:
            return member.hourly_rate
        text = normal_name(who)
        roles = [(len(role), rate) for role, rate in self.roles.items()
                 if normal_name(role) in text]
        return max(roles, key=lambda item: item[0])[1] if roles else None


def load_settings(path: Path | None) -> Settings:
    """The settings file, or the defaults (no rates: an uncosted provision map)."""
    if path is None:
        return Settings()
    from docgen.inputs import safe_yaml

    if not path.is_file():
        raise UnusableInput("there is no such settings file", file=str(path), hint=_HINT)
    if path.stat().st_size > MAX_BYTES:
        raise UnusableInput("the settings file is larger than 1 MB", file=str(path), hint=_HINT)
    try:
        content = safe_yaml(path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise UnusableInput("the settings file is not UTF-8 text", file=str(path),
                            hint="Save it as UTF-8 text.") from None
    except yaml.YAMLError as exc:
        raise UnusableInput(f"the settings file cannot be read: {' '.join(str(exc).split())}",
                            file=str(path), hint=_HINT) from None
    return parse_settings(content, str(path))


def parse_settings(content: Any, source: str) -> Settings:
    def bad(what: str) -> UnusableInput:
        return UnusableInput(what, file=source, hint=_HINT)

    if not isinstance(content, Mapping):
        raise bad("the settings file must be a list of 'name: value' lines")
    unknown = sorted(set(map(str, content)) - _TOP)
    if unknown:
        raise bad(f"'{unknown[0]}' is not a caseload setting (known: {', '.join(sorted(_TOP))})")
    weeks = content.get("weeks_per_year", DEFAULT_WEEKS)
    if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= 52:
        raise bad("'weeks_per_year' must be a whole number of weeks from 1 to 52")
    staff = tuple(_member(entry, n, bad) for n, entry in
                  enumerate(_list(content.get("staff"), "staff", bad), start=1))
    roles = {str(role): _money(rate, f"roles, '{role}'", bad)
             for role, rate in _mapping(content.get("roles"), "roles", bad).items()}
    minimum = {}
    for stage, minutes in _mapping(content.get("minimum_minutes"), "minimum_minutes",
                                   bad).items():
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
            raise bad(f"'minimum_minutes', '{stage}' must be a whole number of minutes")
        minimum[str(stage)] = minutes
    return Settings(weeks, staff, roles, minimum)


def _member(entry: Any, number: int, bad: Any) -> StaffMember:
    where = f"staff, entry {number}"
    if not isinstance(entry, Mapping) or not str(entry.get("name") or "").strip():
        raise bad(f"'{where}' needs a 'name'")
    unknown = sorted(set(map(str, entry)) - _STAFF)
    if unknown:
        raise bad(f"'{where}': '{unknown[0]}' is not known (known: {', '.join(sorted(_STAFF))})")
    others = _list(entry.get("other_names"), f"{where}, other_names", bad)
    rate, hours = entry.get("hourly_rate"), entry.get("contract_hours")
    return StaffMember(str(entry["name"]).strip(), tuple(str(n) for n in others),
                       _money(rate, f"{where}, hourly_rate", bad) if rate is not None else None,
                       _money(hours, f"{where}, contract_hours", bad)
                       if hours is not None else None)


def _money(value: Any, where: str, bad: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise bad(f"'{where}' must be a number, for example 14.50")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise bad(f"'{where}' must be a number, for example 14.50") from None
    if not amount.is_finite() or amount < 0 or amount > 10_000:
        raise bad(f"'{where}' must be a number from 0 to 10000")
    return amount


def _list(value: Any, where: str, bad: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad(f"'{where}' must be a list (one '- ' line each)")
    return value


def _mapping(value: Any, where: str, bad: Any) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise bad(f"'{where}' must be a list of 'name: value' lines")
    return value
