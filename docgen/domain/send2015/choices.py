"""The drop-down lists of the 2015 Code's forms (registered in docgen/frameworks.py)."""

from __future__ import annotations

from docgen.domain.send2015.dates import PHASE_TRANSFERS
from docgen.domain.send2015.needs import BROAD_AREAS, CENSUS_NEEDS

Choice = tuple[str, str]

PROGRESS: tuple[Choice, ...] = (
    ("achieved", "Achieved"),
    ("good", "Good progress"),
    ("some", "Some progress"),
    ("none", "Not yet"),
)

# CoP 9.176: the authority decides whether to keep the plan as it is, amend it or cease it.
RECOMMENDATIONS: tuple[Choice, ...] = (
    ("maintain", "Keep the EHC plan as it is"),
    ("amend", "Amend the EHC plan"),
    ("cease", "Cease the EHC plan"),
)

# Regulation 12 and CoP 9.62: the sections of an EHC plan.
EHCP_SECTIONS: tuple[Choice, ...] = (
    ("A", "A: views, interests and aspirations"),
    ("B", "B: special educational needs"),
    ("C", "C: health needs"),
    ("D", "D: social care needs"),
    ("E", "E: outcomes"),
    ("F", "F: special educational provision"),
    ("G", "G: health provision"),
    ("H1", "H1: social care provision (section 2 of the CSDPA 1970)"),
    ("H2", "H2: other social care provision"),
    ("I", "I: placement"),
    ("J", "J: personal budget"),
    ("K", "K: advice and information"),
)

# CoP 8.5 / 9.166: the four areas of preparing for adulthood.
ADULTHOOD_AREAS: tuple[Choice, ...] = (
    ("employment", "Higher education and/or employment"),
    ("independent_living", "Independent living"),
    ("community", "Participating in society: friends, relationships and the community"),
    ("health", "Being as healthy as possible in adult life"),
)

ACTION_OWNERS: tuple[Choice, ...] = (
    ("school", "School"),
    ("parents", "Parents or carers"),
    ("pupil", "Pupil"),
)

CHOICES: dict[str, tuple[Choice, ...]] = {
    "census_needs": tuple((n.code, f"{n.code}: {n.name}") for n in CENSUS_NEEDS),
    "broad_areas": tuple((a.key, a.name) for a in BROAD_AREAS),
    "progress": PROGRESS,
    "review_recommendations": RECOMMENDATIONS,
    "ehcp_sections": EHCP_SECTIONS,
    "adulthood_areas": ADULTHOOD_AREAS,
    "action_owners": ACTION_OWNERS,
    "phase_transfers": PHASE_TRANSFERS,
}
