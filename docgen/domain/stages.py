"""The graduated approach: stages, their CRISP equivalents and indicative adult time."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Stage:
    """One stage of the graduated approach."""

    key: str
    name: str
    band_equivalent: str
    minimum_minutes: int | None  # indicative minimum additional adult time, per week


STAGES: tuple[Stage, ...] = (
    Stage("before_sa", "Before School Action", "Band 1", None),
    Stage("sa", "School Action", "Band 2", 30),
    Stage("sa_plus", "School Action Plus", "Band 3", 50),
    Stage("high_focus", "High Focus School Action Plus", "Band 4+ on one or more threads", 50),
    Stage("statement", "Statement / delegated provision", "Band 4 and above", None),
)
STAGES_BY_KEY: dict[str, Stage] = {s.key: s for s in STAGES}

# Stages at which a pupil has an IEP in the sense of the guidance (Before SA has none).
IEP_STAGES: tuple[str, ...] = ("sa", "sa_plus", "high_focus", "statement")


def stage(key: str) -> Stage:
    return STAGES_BY_KEY[key]


def per_pupil_minutes(session_minutes: int, sessions_per_week: int, group_size: int) -> Fraction:
    """Adult minutes per pupil per week when a group shares the adult.

    The guidance: "all pupils in a group of 5 working for half an hour a day would be
    receiving the indicated level" — 30 × 5 ÷ 5 = 30 minutes each.
    """
    if group_size < 1:
        raise ValueError("group size must be at least 1")
    return Fraction(session_minutes * sessions_per_week, group_size)


def meets_stage_minimum(stage_key: str, weekly_minutes: Fraction | int) -> bool:
    """True when the per-pupil weekly adult time reaches the stage's indicative minimum."""
    minimum = STAGES_BY_KEY[stage_key].minimum_minutes
    return minimum is None or weekly_minutes >= minimum


def format_minutes(minutes: Fraction | int) -> str:
    """'30' or '12.5' — whole minutes without decimals, others to one decimal place."""
    value = Fraction(minutes)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.1f}"
