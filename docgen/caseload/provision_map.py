"""The school's provision map: every provision row of every current plan, grouped into the
groups the school actually runs (the same what, who and time), with adult time and cost.

Adult time follows the guidance: a group shares its adult, so each pupil receives the
session's minutes × sessions a week ÷ the group's size ("all pupils in a group of 5 working
for half an hour a day would be receiving the indicated level"); two adults with a group give
each pupil twice that (minutes × sessions × adults ÷ size, as the IEP form counts it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from docgen.caseload.grouping import normal_name
from docgen.caseload.model import ProvisionRow, Pupil
from docgen.caseload.settings import Settings


@dataclass(frozen=True)
class Member:
    """A pupil in a group, as the provision map shows them: initials, never names."""

    key: str
    initials: str
    year_group: str
    stage: str
    area: str

    @property
    def label(self) -> str:
        return f"{self.initials} (Y{self.year_group})" if self.year_group.isdigit() \
            else f"{self.initials} ({self.year_group or '?'})"


@dataclass
class Group:
    what: str
    who: str  # as the first plan wrote it
    adult: str  # the member of staff from the settings, else the "Who" as written
    session_minutes: int | None
    sessions_per_week: int | None
    how_often: str
    adults: int = 1  # adults in each session: the one named in "Who", and any others
    members: list[Member] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # the members' pupil keys
    stated_sizes: set[int] = field(default_factory=set)
    minutes_each: list[Fraction] = field(default_factory=list)  # rows without sessions
    rate: Decimal | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        """The group's size: what the plans say, or the pupils found if there are more."""
        return max([*self.stated_sizes, len(self.members)])

    @property
    def sessions(self) -> bool:
        return bool(self.session_minutes and self.sessions_per_week)

    @property
    def adult_minutes(self) -> Fraction | None:
        """Adults' minutes a week with this group (every adult in the session)."""
        if self.sessions:
            return Fraction(self.session_minutes * self.sessions_per_week  # type: ignore[operator]
                            * self.adults)
        return sum(self.minutes_each, Fraction(0)) if self.minutes_each else None

    @property
    def minutes_per_pupil(self) -> Fraction | None:
        if self.sessions:
            return Fraction(self.session_minutes * self.sessions_per_week  # type: ignore[operator]
                            * self.adults, self.size)
        return self.minutes_each[0] if len(set(self.minutes_each)) == 1 else None

    @property
    def weekly_cost(self) -> Decimal | None:
        minutes = self.adult_minutes
        if self.rate is None or minutes is None:
            return None
        return _decimal(minutes) / 60 * self.rate

    @property
    def cost_per_pupil(self) -> Decimal | None:
        cost = self.weekly_cost
        if cost is None:
            return None
        return cost / self.size if self.sessions else cost / max(1, len(self.members))


@dataclass
class Total:
    """A line of totals: for an adult, a stage or an area of need."""

    name: str
    pupils: set[str] = field(default_factory=set)
    groups: int = 0
    minutes: Fraction = Fraction(0)  # adult minutes a week
    cost: Decimal | None = None
    contract_hours: Decimal | None = None

    def add_cost(self, cost: Decimal | None) -> None:
        if cost is not None:
            self.cost = (self.cost or Decimal(0)) + cost


@dataclass(frozen=True)
class BelowMinimum:
    member: Member
    minutes: Fraction
    minimum: int


@dataclass
class ProvisionMap:
    groups: list[Group]
    adults: list[Total]
    stages: list[Total]
    areas: list[Total]
    below_minimum: list[BelowMinimum]
    weeks_per_year: int
    costed: bool


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def _group_key(row: ProvisionRow, adult: str) -> tuple[object, ...]:
    time = (row.session_minutes, row.sessions_per_week, row.adults) if row.session_minutes \
        else (normal_name(row.how_often), row.minutes_per_pupil)
    return (normal_name(row.what), normal_name(adult), *time)


def build_map(pupils: Iterable[Pupil], settings: Settings) -> ProvisionMap:
    groups: dict[tuple[object, ...], Group] = {}
    members: list[tuple[Member, Pupil]] = []
    for pupil in pupils:
        status = pupil.status
        if status is None:
            continue
        member = Member(pupil.key, pupil.identity.initials, pupil.year_group,
                        status.stage or "Not recorded", status.area or "Not recorded")
        members.append((member, pupil))
        for row in status.provision:
            _add(groups, row, member, settings)
    ordered = sorted(groups.values(), key=lambda g: (normal_name(g.adult), normal_name(g.what)))
    for group in ordered:
        _explain_size(group)
    return ProvisionMap(ordered, _adults(ordered, settings),
                        _totals(ordered, members, lambda m: m.stage),
                        _totals(ordered, members, lambda m: m.area),
                        _below(ordered, members, settings), settings.weeks_per_year,
                        costed=any(g.rate is not None for g in ordered))


def _add(groups: dict[tuple[object, ...], Group], row: ProvisionRow, member: Member,
         settings: Settings) -> None:
    staff = settings.staff_member(row.who)
    adult = staff.name if staff is not None else row.who.strip()
    key = _group_key(row, adult)
    group = groups.get(key)
    if group is None:
        rate = settings.rate_for(row.who)
        if rate is None and row.hourly_cost is not None:
            rate = _decimal(row.hourly_cost)
        group = groups[key] = Group(row.what.strip(), row.who.strip(), adult,
                                    row.session_minutes, row.sessions_per_week,
                                    row.how_often.strip(),
                                    adults=row.adults if row.session_minutes else 1, rate=rate)
    if member.key in group.keys:
        return
    group.members.append(member)
    group.keys.add(member.key)
    if row.group_size:
        group.stated_sizes.add(row.group_size)
    if row.minutes_per_pupil is not None and not row.session_minutes:
        group.minutes_each.append(row.minutes_per_pupil)


def _explain_size(group: Group) -> None:
    if len(group.stated_sizes) > 1:
        sizes = ", ".join(str(s) for s in sorted(group.stated_sizes))
        group.notes.append(f"The plans give different group sizes ({sizes})")
    if group.stated_sizes and len(group.members) > max(group.stated_sizes):
        group.notes.append(f"{len(group.members)} pupils on the register in a group of "
                           f"{max(group.stated_sizes)}")
    if not group.sessions:
        group.notes.append("Sessions not recorded: adult time counted as each pupil's minutes"
                           if group.minutes_each else "No minutes recorded")
    if group.adults > 1:
        group.notes.append(f"{group.adults} adults in each session: the adult named counts "
                           "one adult's time, the cost counts each at the same rate")


def _adults(groups: list[Group], settings: Settings) -> list[Total]:
    totals: dict[str, Total] = {}
    for group in groups:
        total = totals.setdefault(normal_name(group.adult), Total(group.adult))
        total.groups += 1
        total.pupils |= {m.key for m in group.members}
        # the adult named gives one adult's share of a session run by several
        total.minutes += (group.adult_minutes or 0) / group.adults
        cost = group.weekly_cost
        total.add_cost(cost / group.adults if cost is not None else None)
    for total in totals.values():
        staff = settings.staff_member(total.name)
        total.contract_hours = staff.contract_hours if staff else None
    return sorted(totals.values(), key=lambda t: normal_name(t.name))


def pupil_minutes(group: Group) -> Fraction | None:
    """What each pupil in the group receives a week."""
    return group.minutes_per_pupil if group.sessions else (
        group.minutes_each[0] if group.minutes_each else None)


def _totals(groups: list[Group], members: list[tuple[Member, Pupil]],
            by: Callable[[Member], str]) -> list[Total]:
    """Pupils, the adult minutes a week they receive, and its cost, per stage or area."""
    totals: dict[str, Total] = {}
    for member, _ in members:
        totals.setdefault(by(member), Total(by(member))).pupils.add(member.key)
    for group in groups:
        each, cost = pupil_minutes(group) or 0, group.cost_per_pupil  # once per group
        for member in group.members:
            total = totals[by(member)]
            total.groups += 1
            total.minutes += each
            total.add_cost(cost)
    return sorted(totals.values(), key=lambda t: t.name)


def minutes_by_pupil(groups: Iterable[Group]) -> dict[str, Fraction]:
    """Each pupil's adult minutes a week across every group they are in."""
    minutes: dict[str, Fraction] = {}
    for group in groups:
        each = pupil_minutes(group) or Fraction(0)
        for key in group.keys:
            minutes[key] = minutes.get(key, Fraction(0)) + each
    return minutes


def _below(groups: list[Group], members: list[tuple[Member, Pupil]],
           settings: Settings) -> list[BelowMinimum]:
    """Pupils whose adult time is below their stage's indicative minimum (unless their plan
    records other provision of equivalent value)."""
    found = []
    received = minutes_by_pupil(groups)
    for member, pupil in members:
        status = pupil.status
        assert status is not None
        minimum = settings.minimum_minutes.get(status.stage_key, status.minimum_minutes)
        if minimum is None or status.equivalent_provision:
            continue
        minutes = received.get(member.key, Fraction(0))
        if minutes < minimum:
            found.append(BelowMinimum(member, minutes, minimum))
    return found
