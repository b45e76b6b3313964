"""The High Focus period's key questions, the review questions and agenda, and Table 3."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# "the result of the review can be to carry out a period of School Action Plus which will
# focus on a four key questions". Worded as the seed has them; only the stray space the seed
# prints before each '?' is dropped.
KEY_QUESTIONS: tuple[str, ...] = (
    "Is the CRISP Assessment fully supported by all possible evidence?",
    "Is there more appropriate provision that can be made at School Action Plus?",
    "Can the pupil as a consequence progress satisfactorily?",
    "If more resource is indicated how might it be used to improve progress?",
)

# "the focus of the review will be a modification of those same questions". The seed prints
# "What Is the current..." (a stray capital, not a wording) and a space before each '?'.
REVIEW_QUESTIONS: tuple[str, ...] = (
    "What is the current CRISP Assessment and supporting evidence?",
    "Has all appropriate provision that could be made at School Action Plus been made?",
    "Has the pupil as a consequence progressed satisfactorily?",
    "How might extra resource (based on CRISP assessment) be used to improve progress?",
)

# "it makes sense to use them as a logical sequence for an agenda. An example of this might be"
REVIEW_AGENDA: tuple[str, ...] = (
    "Welcome and introductions",
    "Purpose of the review / explanations",
    "Review of IEP Targets and supplementary actions",
    "Current CRISP Assessment",
    "Progress made against current provision",
    "Changes / enhancements needed for provision",
    "Views of parents and pupils",
    "Arrangements for formulating a Proposed Provision Plan (if needed)",
    "Any other matters (e.g. non-educational provision)",
    "New review date",
)

# "The plan to find answers to them should involve all the appropriate parties including (as
# appropriate):". The seed's "(see table above)" after the support services points at Table 1,
# which documents do not reproduce next to this list, so it is left out.
CONTRIBUTORS_TO_CONSIDER: tuple[str, ...] = (
    "The pupil",
    "The parent/carers",
    "The class teacher and any assistant(s)",
    "The SENCo",
    "Appropriate Support Service personnel",
    "The school’s Educational Psychologist",
    "External Agencies",
)


@dataclass(frozen=True)
class ExampleActivity:
    """One thing a contributor does in Table 3, and the key questions it helps answer."""

    what: str
    questions: tuple[int, ...]


@dataclass(frozen=True)
class ExampleRole:
    """One contributor of Table 3 with their activities."""

    who: str
    activities: tuple[ExampleActivity, ...]


def _role(who: str, *activities: tuple[str, tuple[int, ...]]) -> ExampleRole:
    return ExampleRole(who, tuple(ExampleActivity(what, qs) for what, qs in activities))


# "Table 3: Possible roles at High Focus School Action Plus working with a pupil with some
# learning difficulties but no other known significant problems". The seed's text, with its
# double spaces collapsed.
TABLE_3: tuple[ExampleRole, ...] = (
    _role("Pupil",
          ("With help keeps a record of what part of school work (s)he likes best, what is most "
           "helpful, where (s)he feels most progress is made, what is most difficult", (2, 4)),
          ("Fills in own histograms based on precision teaching scores", (1, 3))),
    _role("Parents/carers",
          ("Agrees to practise key words to supplement one of the targets", (2,)),
          ("Discusses school work with their child once a week and keep a note of important "
           "issues / successes etc", (2, 4))),
    _role("Class teacher",
          ("Looks for any areas of improvement in the learning environment to help the pupil",
           (2, 4)),
          ("Gains examples of the pupil’s written work with a note of the date and context in "
           "which it was produced", (1, 3)),
          ("Assesses and keeps a record of the pupil’s performance in the wider curriculum over "
           "the High Focus period", (1, 3, 4))),
    _role("Classroom assistant/ LSA",
          ("Carries out small group daily testing and direct instruction under guidance of "
           "Class Teacher and Pupil and School Support Teacher", (1, 2, 3, 4))),
    _role("SENCo",
          ("Ensures that any other area of possible concern is checked (e.g. hearing/vision)",
           (1,)),
          ("Monitors the pupil’s targets", (1, 2, 3, 4))),
    _role("Pupil and School Support Teacher",
          ("Assesses levels of phonic skills, key word reading, spelling, sequencing of words in "
           "sentences, basic computational skills", (1,)),
          ("Works on developing phonic skills through daily programme for pupil (and 3 others) "
           "of precision teaching and direct instruction – carried out directly once a week "
           "with the classroom assistant and by the CA on other days.", (1, 2, 3, 4))),
    _role("Educational Psychologist",
          ("Observes the pupil in class to look at learning behaviour, relationships with "
           "teacher and other pupils and to offer any view on modification to the learning "
           "environment.", (1, 2, 4)),
          ("Interviews the pupil to assess use and understanding of language and explore "
           "preferred learning styles and contexts", (2, 4))),
)


def table_3_rows() -> list[dict[str, Any]]:
    """Table 3 as role-table rows (one per activity), the shape a filled High Focus IEP has."""
    return [
        {"who": role.who, "role": activity.what,
         **{f"q{n}": n in activity.questions for n in range(1, 5)}}
        for role in TABLE_3 for activity in role.activities
    ]
