"""Starting and planning a High Focus period: eligibility, concerns, evidence, role checks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from docgen.domain import crisp
from docgen.domain.questions import KEY_QUESTIONS
from docgen.problems import Problem, error, warning

Bands = Mapping[int, int | None]
ROLE_TABLE = "Role table"

# The guidance's three conditions, in its words.
CONDITION_BAND = ("CRISP (on the available evidence) rates the pupil at Band 4 or higher on one "
                  "or more Threads")
CONDITION_PROVISION = "appropriate provision at School Action and School Action Plus has been made"
CONDITION_PROGRESS = "progress is not satisfactory"


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: tuple[str, ...]  # each condition that does not hold


def eligibility(bands: Bands, provision_made: bool, progress_satisfactory: bool) -> Eligibility:
    """A High Focus period needs all three of the guidance's conditions."""
    reasons = []
    if not any((band or 0) >= crisp.HIGH_FOCUS_BAND for band in bands.values()):
        reasons.append(f"Not met: {CONDITION_BAND}.")
    if not provision_made:
        reasons.append(f"Not met: {CONDITION_PROVISION}.")
    if progress_satisfactory:
        reasons.append(f"Not met: {CONDITION_PROGRESS} (progress is satisfactory).")
    return Eligibility(not reasons, tuple(reasons))


@dataclass(frozen=True)
class Concern:
    thread: crisp.Thread
    band: int


def threads_of_concern(bands: Bands) -> tuple[Concern, ...]:
    """Threads at Band 3 and above, in thread order."""
    return tuple(Concern(crisp.thread(n), band) for n, band in sorted(bands.items())
                 if crisp.is_concern(band))


@dataclass(frozen=True)
class EvidenceItem:
    text: str
    thread: crisp.Thread | None  # None: "needed in all cases"


def evidence_checklist(bands: Bands) -> tuple[EvidenceItem, ...]:
    """Table 2: the evidence needed in all cases, then each thread of concern's items."""
    items = [EvidenceItem(text, None) for text in crisp.EVIDENCE_ALL_CASES]
    for concern in threads_of_concern(bands):
        items.extend(EvidenceItem(text, concern.thread) for text in concern.thread.evidence)
    return tuple(items)


_PUPIL_WORDS = re.compile(r"\b(pupil|child|student|learner)\b", re.I)
_PARENT_WORDS = re.compile(r"\b(parents?|carers?|mother|father|mum|dad|guardians?|"
                           r"grandparents?|foster)\b", re.I)


# Staff whose titles contain "pupil" ("Pupil and School Support teacher") are not the pupil.
_STAFF_WITH_PUPIL = re.compile(r"pupil and school support|pupils? with|\bpss\b", re.I)


def is_pupil(who: str) -> bool:
    who = _STAFF_WITH_PUPIL.sub("", who)
    return bool(_PUPIL_WORDS.search(who)) and not is_parent(who)


def is_parent(who: str) -> bool:
    return bool(_PARENT_WORDS.search(who))


def answered(row: Mapping[str, Any]) -> tuple[bool, bool, bool, bool]:
    return tuple(bool(row.get(f"q{n}")) for n in range(1, 5))  # type: ignore[return-value]


def coverage_matrix(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, tuple[bool, ...]]]:
    """Each contributor (in order of first appearance) × the key questions they help answer."""
    matrix: dict[str, list[bool]] = {}
    for row in rows:
        cells = matrix.setdefault(row["who"], [False] * 4)
        for index, ticked in enumerate(answered(row)):
            cells[index] = cells[index] or ticked
    return [(who, tuple(cells)) for who, cells in matrix.items()]


def check_roles(rows: Sequence[Mapping[str, Any]], concerns: Iterable[Concern], *,
                pupil_no_role_reason: str | None = None,
                parents_no_role_reason: str | None = None) -> list[Problem]:
    """The role table against the guidance: every question answered, the pupil and parents
    involved, a service for each thread of concern, no duplicated assessments."""
    problems = [*_unanswered_questions(rows)]
    if not any(is_pupil(r["who"]) for r in rows) and not pupil_no_role_reason:
        problems.append(error("The pupil has no role. Add a row for the pupil, or give the "
                              "reason the pupil has no role.", section=ROLE_TABLE))
    if not any(is_parent(r["who"]) for r in rows) and not parents_no_role_reason:
        problems.append(error("The parents or carers have no role. Add a row for them, or give "
                              "the reason they have no role.", section=ROLE_TABLE))
    problems.extend(_rows_without_questions(rows))
    problems.extend(_uncovered_threads(rows, concerns))
    problems.extend(_duplicated_assessments(rows))
    return problems


def _unanswered_questions(rows: Sequence[Mapping[str, Any]]) -> list[Problem]:
    out = []
    for number, question in enumerate(KEY_QUESTIONS, start=1):
        if not any(answered(row)[number - 1] for row in rows):
            out.append(error(
                f"No one in the role table helps answer key question {number} ('{question}'). "
                f"Tick question {number} for at least one role.", section=ROLE_TABLE))
    return out


def _rows_without_questions(rows: Sequence[Mapping[str, Any]]) -> list[Problem]:
    return [warning("This role helps answer none of the key questions. Tick the questions it "
                    "helps answer.", section=ROLE_TABLE, row=n)
            for n, row in enumerate(rows, start=1) if not any(answered(row))]


# What to look for in "Who" to recognise each kind of service named in Table 1.
_SERVICE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("educational psychologist", ("educational psychologist", "psychologist", r"\bep\b")),
    ("specialist teacher", ("specialist teacher", "pupil and school support", r"\bpss\b",
                            "visiting teacher", "advisory teacher")),
    ("pss", ("pupil and school support", r"\bpss\b")),
    ("speech and language", ("speech and language", r"\bsalt\b", r"\bslt\b")),
    ("social communication", ("social communication", "communication and autism")),
    ("framework for intervention", ("framework for intervention",)),
    ("behaviour support", ("behaviour support",)),
    ("camhs", ("camhs", "mental health")),
    ("social services", ("social services", "social worker", "social care")),
    ("physical needs", ("physical needs", "outreach")),
    ("physiotherapist", ("physiotherapist",)),
    ("occupational therapist", ("occupational therapist",)),
    ("school medical", ("school nurse", "school medical", "school doctor", "paediatrician")),
    ("hearing or vision", ("hearing", "vision", "visual", "teacher of the deaf")),
    ("education welfare", ("education welfare",)),
    ("connexions", ("connexions",)),
)


def service_matches(service: str, who: str) -> bool:
    """True when 'who' names someone from this Table 1 service."""
    service, who = service.lower(), who.lower()
    return any(
        key in service and any(re.search(word, who) for word in words)
        for key, words in _SERVICE_WORDS
    )


def _uncovered_threads(rows: Sequence[Mapping[str, Any]],
                       concerns: Iterable[Concern]) -> list[Problem]:
    out = []
    for concern in concerns:
        if not any(service_matches(s, r["who"]) for s in concern.thread.services for r in rows):
            out.append(warning(
                f"Thread {concern.thread.label} is a thread of concern (Band {concern.band}) but "
                "no support service for it has a role. Possible services: "
                f"{'; '.join(concern.thread.services)}.", section=ROLE_TABLE))
    return out


_ASSESSING = re.compile(r"\b(assess\w*|test\w*|screen\w*|measur\w*)\b", re.I)
_ASSESSMENT_TOPICS: tuple[tuple[str, str], ...] = (
    ("reading", r"\breading\b|reading age|key word reading"),
    ("spelling", r"\bspelling\b"),
    ("phonics", r"\bphonic"),
    ("number skills", r"computation|number|maths"),
    ("language", r"\blanguage\b"),
    ("hearing", r"\bhearing\b"),
    ("vision", r"\bvision\b|eyesight"),
    ("cognitive ability", r"cognitive|\biq\b"),
)


def _duplicated_assessments(rows: Sequence[Mapping[str, Any]]) -> list[Problem]:
    """'there is no great merit in the SENCo, the Pupil and School Support teacher and the
    Educational Psychologist all conducting reading tests'."""
    first_by_topic: dict[str, tuple[int, str]] = {}
    out = []
    for number, row in enumerate(rows, start=1):
        if not _ASSESSING.search(row["role"]):
            continue
        for topic, pattern in _ASSESSMENT_TOPICS:
            if not re.search(pattern, row["role"], re.I):
                continue
            earlier = first_by_topic.setdefault(topic, (number, row["who"]))
            if earlier[1] != row["who"]:
                out.append(warning(
                    f"{row['who']} and {earlier[1]} (row {earlier[0]}) both assess {topic}. As "
                    "far as possible roles should not be duplicated: agree who does it.",
                    section=ROLE_TABLE, row=number))
    return out
