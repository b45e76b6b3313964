"""An ordinary School Action or School Action Plus IEP review: its decisions and checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docgen.domain import highfocus, stages
from docgen.domain.contributors import names_any_service
from docgen.problems import Problem, warning

# key -> what the drop-down and the record say.
DECISIONS: dict[str, str] = {
    "continue": "Continue at the same stage with a new IEP",
    "to_sa_plus": "Move to School Action Plus",
    "to_sa": "Move back to School Action",
    "end": "End School Action: progress is now adequate",
    "high_focus": "Start a High Focus period of School Action Plus",
}
# The stage each decision leaves the pupil at ("" once School Action has ended). A decision to
# start a High Focus period leaves the pupil at the stage reviewed until the High Focus IEP
# begins: the period runs from that IEP to its review.
_STAGE_AFTER: dict[str, str | None] = {
    "continue": None, "high_focus": None,  # None: the stage reviewed
    "to_sa_plus": "sa_plus", "to_sa": "sa", "end": "",
}
TARGET_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("met", "Met"), ("partly", "Partly met"), ("not_met", "Not met"),
)

# The guidance's words.
HIGH_FOCUS_FROM = "A School Action plus review may conclude that"
SA_PLUS_TRIGGER = ("The Code’s guidance on triggering School Action Plus (5:56 and 6:64) is "
                   "about the lack of progress under School Action.")
SUPPORT_SERVICES = ("The key difference is the expectation of the involvement of external "
                    "Support Services at School Action Plus.")

MEETING = "The review"


def decision_problems(review: Mapping[str, Any], bands: Mapping[int, int | None]
                      ) -> list[Problem]:
    """The decision against the stage and the guidance (warnings: the review decides)."""
    decision, stage = review["decision"], review["stage"]
    where = {"section": MEETING, "label": "Decision of the review"}
    out = []
    if decision == "high_focus":
        if stage == "sa":
            out.append(warning(f"“{HIGH_FOCUS_FROM}” a High Focus period should follow; this "
                               "pupil is at School Action. Move to School Action Plus first, "
                               "or check the stage.", **where))
        for reason in highfocus.eligibility(bands, bool(review.get("provision_made")),
                                            bool(review.get("progress_satisfactory"))).reasons:
            out.append(warning("A High Focus period may start only when all three conditions "
                               f"hold. {reason}", **where))
    elif decision == "to_sa_plus":
        if stage != "sa":
            out.append(warning("The pupil is already at School Action Plus.", **where))
        if review.get("progress_satisfactory"):
            out.append(warning(f"“{SA_PLUS_TRIGGER}” The review records satisfactory "
                               "progress: say in the reasons why School Action Plus is "
                               "needed.", **where))
    elif decision == "to_sa" and stage == "sa":
        out.append(warning("The pupil is already at School Action.", **where))
    return out


def stage_after(decision: str, reviewed: str) -> str:
    """The stage key after a review of an IEP at stage ``reviewed`` ("" when it ends)."""
    after = _STAGE_AFTER[decision]
    return reviewed if after is None else after


def support_service_message(stage_key: str, texts: list[str]) -> str | None:
    """At School Action Plus some external support service should be involved: a warning's
    text when none of ``texts`` (who provides each part, the services named) names one."""
    if stage_key not in stages.SUPPORT_SERVICE_STAGES:
        return None
    if any(names_any_service(text) for text in texts):
        return None
    return (f"“{SUPPORT_SERVICES}” No external support service is named: name the services "
            "involved, or consult one about whom to involve.")
