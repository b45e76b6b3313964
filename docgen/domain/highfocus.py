"""Starting and planning a High Focus period: eligibility, concerns, evidence, role checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from docgen.domain import crisp
from docgen.domain.contributors import assessed_topics, is_parent, is_pupil, names_service
from docgen.domain.questions import KEY_QUESTIONS
from docgen.problems import Problem, error, warning

__all__ = [
    "ROLE_TABLE", "Concern", "Condition", "Eligibility", "EvidenceItem", "RoleRow", "check_roles",
    "conditions", "coverage_matrix", "eligibility", "evidence_checklist", "is_parent",
    "is_pupil", "role_rows", "threads_of_concern",
]

Bands = Mapping[int, int | None]
Answered = tuple[bool, bool, bool, bool]
ROLE_TABLE = "Role table"

# "A School Action plus review may conclude that:" — the three conditions, in the seed's words.
CONDITION_BAND = "the pupil is rated as being at Band 4 or higher on one or more Threads"
CONDITION_PROVISION = "appropriate provision at School Action and School Action Plus has been made"
CONDITION_PROGRESS = "progress is not satisfactory"


@dataclass(frozen=True)
class Condition:
    """One of the three conditions, and whether the form says it holds."""

    text: str  # the guidance's words
    holds: bool
    detail: str  # what the form shows, in a few words


def conditions(bands: Bands, provision_made_at_sa_and_sa_plus: bool,
               progress_satisfactory: bool) -> tuple[Condition, Condition, Condition]:
    """The guidance's three conditions for a High Focus period, each as the form has it."""
    recorded = {n: b for n, b in bands.items() if b is not None}
    high = {n: b for n, b in sorted(recorded.items()) if b >= crisp.HIGH_FOCUS_BAND}
    if high:
        band_detail = "; ".join(f"Band {b} on {crisp.thread(n).label}" for n, b in high.items())
    elif recorded:
        band_detail = f"the highest band recorded is {max(recorded.values())}"
    else:
        band_detail = "no band is recorded"
    return (
        Condition(CONDITION_BAND, bool(high), band_detail),
        Condition(CONDITION_PROVISION, provision_made_at_sa_and_sa_plus,
                  "recorded as made" if provision_made_at_sa_and_sa_plus
                  else "not recorded as made"),
        Condition(CONDITION_PROGRESS, not progress_satisfactory,
                  "progress has been satisfactory" if progress_satisfactory
                  else "progress has not been satisfactory"),
    )


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: tuple[str, ...]  # one per condition that does not hold, in the guidance's order


def eligibility(bands: Bands, provision_made_at_sa_and_sa_plus: bool,
                progress_satisfactory: bool) -> Eligibility:
    """A High Focus period needs all three of the guidance's conditions at once."""
    found = conditions(bands, provision_made_at_sa_and_sa_plus, progress_satisfactory)
    band, provision, progress = found
    reasons = []
    if not band.holds:
        reasons.append(f"Not met: “{CONDITION_BAND}” ({band.detail}).")
    if not provision.holds:
        reasons.append(f"Not met: “{CONDITION_PROVISION}”.")
    if not progress.holds:
        reasons.append(f"Not met: “{CONDITION_PROGRESS}” ({progress.detail}).")
    return Eligibility(not reasons, tuple(reasons))


@dataclass(frozen=True)
class Concern:
    """A thread at Band 3 or above, where action and Table 2's evidence are due."""

    thread: crisp.Thread
    band: int

    @property
    def services(self) -> tuple[str, ...]:
        """Table 1: the support services the school might consult for this thread."""
        return self.thread.services

    @property
    def evidence(self) -> tuple[str, ...]:
        """Table 2: the actions and information due by the end of the High Focus period."""
        return self.thread.evidence


def threads_of_concern(bands: Bands) -> tuple[Concern, ...]:
    """Threads at crisp.CONCERN_BAND and above, in thread order."""
    return tuple(Concern(crisp.thread(n), band) for n, band in sorted(bands.items())
                 if band is not None and crisp.is_concern(band))


@dataclass(frozen=True)
class EvidenceItem:
    text: str
    thread: crisp.Thread | None  # None: "needed in all cases"


def evidence_checklist(bands: Bands) -> tuple[EvidenceItem, ...]:
    """Table 2: the evidence needed in all cases, then each thread of concern's items."""
    items = [EvidenceItem(text, None) for text in crisp.EVIDENCE_ALL_CASES]
    for concern in threads_of_concern(bands):
        items.extend(EvidenceItem(text, concern.thread) for text in concern.evidence)
    return tuple(items)


@dataclass(frozen=True)
class RoleRow:
    """One filled row of a High Focus IEP's role table."""

    number: int  # 1-based, counting every row of the table as the form shows it
    who: str
    role: str  # what they will do
    answers: Answered  # helps answer key questions 1–4


def role_rows(rows: Sequence[Mapping[str, Any]]) -> tuple[RoleRow, ...]:
    """The rows that name someone and what they do; validation reports the others."""
    out = []
    for number, row in enumerate(rows, start=1):
        who, role = (row.get("who") or "").strip(), (row.get("role") or "").strip()
        if who and role:
            answers = (bool(row.get("q1")), bool(row.get("q2")), bool(row.get("q3")),
                       bool(row.get("q4")))
            out.append(RoleRow(number, who, role, answers))
    return tuple(out)


def coverage_matrix(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, Answered]]:
    """Each contributor (in order of first appearance) × the key questions they help answer.

    Rows naming the same person (ignoring case and spacing) are merged under the first spelling.
    """
    merged: dict[str, tuple[str, Answered]] = {}
    for row in role_rows(rows):
        key = " ".join(row.who.casefold().split())
        who, before = merged.get(key, (row.who, (False, False, False, False)))
        merged[key] = (who, (before[0] or row.answers[0], before[1] or row.answers[1],
                             before[2] or row.answers[2], before[3] or row.answers[3]))
    return list(merged.values())


def check_roles(rows: Sequence[Mapping[str, Any]], concerns: Iterable[Concern],
                pupil_no_role_reason: str | None = None,
                parents_no_role_reason: str | None = None) -> tuple[Problem, ...]:
    """The role table against the guidance: every key question answered, the pupil and parents
    involved, a service for each thread of concern, no one row idle, no duplicated assessment."""
    filled = role_rows(rows)
    problems = [*_unanswered_questions(filled)]
    # "The plan to find answers to them should involve all the appropriate parties including
    # (as appropriate): The pupil · The parent/carers". "As appropriate" allows a stated reason.
    if not any(is_pupil(r.who) for r in filled) and not (pupil_no_role_reason or "").strip():
        problems.append(error("The pupil has no role. Add a row for the pupil, or give the "
                              "reason the pupil has no role.", section=ROLE_TABLE))
    if not any(is_parent(r.who) for r in filled) and not (parents_no_role_reason or "").strip():
        problems.append(error("The parents or carers have no role. Add a row for them, or give "
                              "the reason they have no role.", section=ROLE_TABLE))
    problems.extend(_rows_without_questions(filled))
    problems.extend(_uncovered_threads(filled, concerns))
    problems.extend(_duplicated_assessments(filled))
    return tuple(problems)


def _unanswered_questions(rows: Sequence[RoleRow]) -> list[Problem]:
    # "Everyone will then be in a position to assist the SENCo in her/his responsibility to
    # ensure that the four key questions are fully answered."
    return [
        error(f"No one in the role table helps answer key question {number} ('{question}'). "
              f"Tick question {number} for at least one role.", section=ROLE_TABLE)
        for number, question in enumerate(KEY_QUESTIONS, start=1)
        if not any(row.answers[number - 1] for row in rows)
    ]


def _rows_without_questions(rows: Sequence[RoleRow]) -> list[Problem]:
    # "Everyone's planned involvement in answering the four key questions should be recorded".
    return [warning("This role helps answer none of the key questions. Tick the questions it "
                    "helps answer.", section=ROLE_TABLE, row=row.number)
            for row in rows if not any(row.answers)]


def _uncovered_threads(rows: Sequence[RoleRow], concerns: Iterable[Concern]) -> list[Problem]:
    # Contributors include "Appropriate Support Service personnel (see table above)"; Table 1 is
    # indicative, so a thread without one is a warning, not an error.
    return [
        warning(f"Thread {concern.thread.label} is a thread of concern (Band {concern.band}) but "
                "no support service for it has a role. Possible services (Table 1): "
                f"{'; '.join(concern.services)}.", section=ROLE_TABLE)
        for concern in concerns
        if not any(names_service(row.who, service)
                   for service in concern.services for row in rows)
    ]


def _duplicated_assessments(rows: Sequence[RoleRow]) -> list[Problem]:
    """'As far as possible roles should not be duplicated – for example there is no great merit
    in the SENCo, the Pupil and School Support teacher and the Educational Psychologist all
    conducting reading tests.' Each later row is compared with the first other person who
    assesses the same thing."""
    earlier: list[tuple[RoleRow, tuple[str, ...]]] = []
    out = []
    for row in rows:
        topics = assessed_topics(row.role)
        shared: dict[int, tuple[RoleRow, list[str]]] = {}
        for topic in topics:
            first = next((other for other, theirs in earlier
                          if topic in theirs and not _same_person(other.who, row.who)), None)
            if first is not None:
                shared.setdefault(first.number, (first, []))[1].append(topic)
        for other, common in shared.values():
            out.append(warning(
                f"{row.who} and {other.who} (row {other.number}) both assess {_listed(common)}. "
                "As far as possible roles should not be duplicated: agree who does it, or say "
                "how their perspectives differ.", section=ROLE_TABLE, row=row.number))
        if topics:
            earlier.append((row, topics))
    return out


def _same_person(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split()


def _listed(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
