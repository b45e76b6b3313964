"""Census types of need and the four broad areas of need they belong to.

The broad areas are the SEND Code of Practice's (6.28 to 6.35); the codes are the school
census's SEN type codes, one primary need and at most one secondary need per pupil (the
census ranks needs; NSA is "SEN support but no specialist assessment of type of need").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    key: str
    name: str


BROAD_AREAS: tuple[Area, ...] = (
    Area("communication", "Communication and interaction"),
    Area("cognition", "Cognition and learning"),
    Area("semh", "Social, emotional and mental health"),
    Area("sensory_physical", "Sensory and/or physical needs"),
)


@dataclass(frozen=True)
class Need:
    code: str
    name: str
    area: str | None  # the broad area it sits in; None for OTH and NSA


CENSUS_NEEDS: tuple[Need, ...] = (
    Need("SPLD", "Specific learning difficulty", "cognition"),
    Need("MLD", "Moderate learning difficulty", "cognition"),
    Need("SLD", "Severe learning difficulty", "cognition"),
    Need("PMLD", "Profound and multiple learning difficulty", "cognition"),
    Need("SEMH", "Social, emotional and mental health", "semh"),
    Need("SLCN", "Speech, language and communication needs", "communication"),
    Need("HI", "Hearing impairment", "sensory_physical"),
    Need("VI", "Visual impairment", "sensory_physical"),
    Need("MSI", "Multi-sensory impairment", "sensory_physical"),
    Need("PD", "Physical disability", "sensory_physical"),
    Need("ASD", "Autistic spectrum disorder", "communication"),
    Need("OTH", "Other difficulty or disability", None),
    Need("NSA", "SEN support but no specialist assessment of type of need", None),
)
_NEEDS = {n.code: n for n in CENSUS_NEEDS}
_AREAS = {a.key: a for a in BROAD_AREAS}


def need(code: str) -> Need:
    return _NEEDS[code]


def area(key: str) -> Area:
    return _AREAS[key]


def area_name(code: str) -> str | None:
    """The broad area's name for a census need; None for OTH and NSA, which have none."""
    key = need(code).area
    return area(key).name if key else None


def shown(code: str) -> str:
    """'Specific learning difficulty (SPLD)'."""
    return f"{need(code).name} ({code})"
