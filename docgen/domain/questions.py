"""The High Focus period's key questions, the review questions and agenda, and Table 3."""

from __future__ import annotations

from dataclasses import dataclass

# "the result of the review can be to carry out a period of School Action Plus which will
# focus on a four key questions" (the seed's words; its stray spaces before '?' dropped).
KEY_QUESTIONS: tuple[str, ...] = (
    "Is the CRISP Assessment fully supported by all possible evidence?",
    "Is there more appropriate provision that can be made at School Action Plus?",
    "Can the pupil as a consequence progress satisfactorily?",
    "If more resource is indicated how might it be used to improve progress?",
)

# "the focus of the review will be a modification of those same questions"
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

# "The plan to find answers to them should involve all the appropriate parties"
CONTRIBUTORS_TO_CONSIDER: tuple[str, ...] = (
    "The pupil",
    "The parent/carers",
    "The class teacher and any assistant(s)",
    "The SENCo",
    "Appropriate Support Service personnel",
    "The school's Educational Psychologist",
    "External Agencies",
)


@dataclass(frozen=True)
class ExampleRole:
    who: str
    what: str
    questions: tuple[int, ...]


# Table 3: possible roles for a pupil with some learning difficulties but no other known
# significant problems.
TABLE_3: tuple[ExampleRole, ...] = (
    ExampleRole("Pupil", "With help keeps a record of what part of school work (s)he likes "
                "best, what is most helpful, where (s)he feels most progress is made, what is "
                "most difficult", (2, 4)),
    ExampleRole("Pupil", "Fills in own histograms based on precision teaching scores", (1, 3)),
    ExampleRole("Parents/carers", "Agrees to practise key words to supplement one of the "
                "targets", (2,)),
    ExampleRole("Parents/carers", "Discusses school work with their child once a week and keep "
                "a note of important issues / successes etc", (2, 4)),
    ExampleRole("Class teacher", "Looks for any areas of improvement in the learning "
                "environment to help the pupil", (2, 4)),
    ExampleRole("Class teacher", "Gains examples of the pupil's written work with a note of the "
                "date and context in which it was produced", (1, 3)),
    ExampleRole("Class teacher", "Assesses and keeps a record of the pupil's performance in the "
                "wider curriculum over the High Focus period", (1, 3, 4)),
    ExampleRole("Classroom assistant/ LSA", "Carries out small group daily testing and direct "
                "instruction under guidance of Class Teacher and Pupil and School Support "
                "Teacher", (1, 2, 3, 4)),
    ExampleRole("SENCo", "Ensures that any other area of possible concern is checked (e.g. "
                "hearing/vision)", (1,)),
    ExampleRole("SENCo", "Monitors the pupil's targets", (1, 2, 3, 4)),
    ExampleRole("Pupil and School Support Teacher", "Assesses levels of phonic skills, key word "
                "reading, spelling, sequencing of words in sentences, basic computational "
                "skills", (1,)),
    ExampleRole("Pupil and School Support Teacher", "Works on developing phonic skills through "
                "daily programme for pupil (and 3 others) of precision teaching and direct "
                "instruction - carried out directly once a week with the classroom assistant and "
                "by the CA on other days.", (1, 2, 3, 4)),
    ExampleRole("Educational Psychologist", "Observes the pupil in class to look at learning "
                "behaviour, relationships with teacher and other pupils and to offer any view "
                "on modification to the learning environment.", (1, 2, 4)),
    ExampleRole("Educational Psychologist", "Interviews the pupil to assess use and "
                "understanding of language and explore preferred learning styles and contexts",
                (2, 4)),
)
