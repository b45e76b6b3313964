"""The graduated approach: stages, their CRISP equivalents and indicative adult time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from docgen.domain import crisp


@dataclass(frozen=True)
class Stage:
    """One stage of the graduated approach."""

    key: str
    name: str
    band_equivalent: str
    minimum_minutes: int | None  # indicative minimum additional adult time, per week
    # Delegated provision must go beyond the minimum, not only reach it: pupils in the
    # statementing range "will require provision to meet their needs which will exceed the
    # present indicative amount for School Action Plus".
    must_exceed: bool = False


SA_PLUS_MINUTES = 50

STAGES: tuple[Stage, ...] = (
    Stage("before_sa", "Before School Action", "Band 1", None),
    Stage("sa", "School Action", "Band 2", 30),
    Stage("sa_plus", "School Action Plus", "Band 3", SA_PLUS_MINUTES),
    Stage("high_focus", "High Focus School Action Plus", "Band 4+ on one or more threads",
          SA_PLUS_MINUTES),
    # A pupil whose provision is delegated stays at School Action Plus; a Statement is a stage
    # of its own, its provision set by the Statement.
    Stage("sa_plus_delegated", "School Action Plus with delegated provision",
          "Band 4 and above", SA_PLUS_MINUTES, must_exceed=True),
    Stage("statement", "Statement", "Band 4 and above", None),
)
STAGES_BY_KEY: dict[str, Stage] = {s.key: s for s in STAGES}

# Stages at which a pupil has an IEP in the sense of the guidance (Before SA has none).
IEP_STAGES: tuple[str, ...] = ("sa", "sa_plus", "high_focus", "sa_plus_delegated", "statement")
# Stages whose IEP is reviewed at an ordinary School Action or School Action Plus review.
REVIEW_STAGES: tuple[str, ...] = ("sa", "sa_plus", "sa_plus_delegated")
# Stages at which "the expectation of the involvement of external Support Services" holds.
SUPPORT_SERVICE_STAGES = frozenset({"sa_plus", "high_focus", "sa_plus_delegated"})

# The guidance's words equating stages and bands.
SA_IS_BAND_2 = ("School Action is equivalent to Band 2 provision on a number of CRISP "
                "‘threads’")
BAND_3_IS_SA_PLUS = ("Band 3 is equivalent to the level of need implied by School Action Plus")
STATEMENTING_RANGE = ("levels of need at present within the ‘statementing range’ (that is; "
                      "assessed at CRISP Band 4 and above)")
EXCEEDS_SA_PLUS = ("will require provision to meet their needs which will exceed the present "
                   "indicative amount for School Action Plus")


def stage(key: str) -> Stage:
    return STAGES_BY_KEY[key]


def per_pupil_minutes(session_minutes: int, sessions_per_week: int, group_size: int,
                      adults: int = 1) -> Fraction:
    """Adult minutes per pupil per week when a group shares its adults.

    The guidance: "all pupils in a group of 5 working for half an hour a day would be
    receiving the indicated level" — 30 × 5 ÷ 5 = 30 minutes each. Two adults with a group
    of 6 give each pupil a third of the session: minutes × sessions × adults ÷ group size.
    """
    if group_size < 1 or adults < 1:
        raise ValueError("a group has at least one pupil and one adult")
    return Fraction(session_minutes * sessions_per_week * adults, group_size)


def meets_stage_minimum(stage_key: str, weekly_minutes: Fraction | int) -> bool:
    """True when the per-pupil weekly adult time reaches the stage's indicative minimum (and,
    for delegated provision, goes beyond it)."""
    found = STAGES_BY_KEY[stage_key]
    if found.minimum_minutes is None:
        return True
    if found.must_exceed:
        return weekly_minutes > found.minimum_minutes
    return weekly_minutes >= found.minimum_minutes


def format_minutes(minutes: Fraction | int) -> str:
    """'30', or 'about 63' for a share that is not a whole number of minutes."""
    value = Fraction(minutes)
    if value.denominator == 1:
        return str(value.numerator)
    return f"about {round(value)}"


def stage_band_problems(stage_key: str, bands: Mapping[int, int | None]) -> list[str]:
    """Where the stage and the CRISP bands disagree, in the guidance's words (warnings: the
    school judges, and "the ‘progress history’ of the pupil is essential")."""
    recorded = {n: b for n, b in bands.items() if b is not None}
    if not recorded:
        return []
    highest = max(recorded.values())
    at_highest = _threads_at(recorded, highest)
    name = STAGES_BY_KEY[stage_key].name
    if stage_key == "sa":
        if highest >= crisp.CONCERN_BAND:
            return [f"“{BAND_3_IS_SA_PLUS}”, and the CRISP assessment has Band {highest} on "
                    f"{at_highest}. Check that School Action is still the right stage."]
        if highest < 2:
            return [f"“{SA_IS_BAND_2}”, but no thread is above Band 1. Check that the pupil "
                    "still needs School Action."]
    elif stage_key == "sa_plus":
        if highest < crisp.CONCERN_BAND:
            return [f"“{BAND_3_IS_SA_PLUS}”, but no thread is at Band 3 or above (the highest "
                    f"is Band {highest}). Check that School Action Plus is the right stage."]
        if highest >= crisp.HIGH_FOCUS_BAND:
            verb = "is" if " and " not in at_highest else "are"
            return [f"Band {highest} on {at_highest} {verb} in the statementing range: "
                    f"“{STATEMENTING_RANGE}”. Consider a High Focus period, or delegated "
                    "provision that goes beyond the School Action Plus amount."]
    elif (stage_key in ("high_focus", "sa_plus_delegated", "statement")
          and highest < crisp.HIGH_FOCUS_BAND):
        return [f"{name} is for needs in the statementing range: “{STATEMENTING_RANGE}”, but "
                f"the highest band is {highest}. Check the stage or the bands."]
    return []


def _threads_at(bands: Mapping[int, int], band: int) -> str:
    labels = [crisp.thread(n).label for n, b in sorted(bands.items()) if b == band]
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
