"""CRISP: the 18 threads, bands 1–6, Table 1 (areas, services) and Table 2 (evidence).

Thread names, areas, services and evidence are the seed's words ("Following the Code",
Tables 1 and 2); the few slips corrected are listed in ``SEED_CORRECTIONS`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

BANDS: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
MIN_BAND, MAX_BAND = BANDS[0], BANDS[-1]

# "Action focuses on threads at Band 3/4 and above" and Table 2 applies "only where CRISP
# shows significant concern (usually Band 3/4 and higher)": Band 3 is where concern starts.
CONCERN_BAND = 3
HIGH_FOCUS_BAND = 4

POST_16_THREAD = 18

# Table 1's first column. Threads 7 to 11 share one cell naming two areas, one per line.
COGNITION = "Cognition and learning"
COMMUNICATION_AND_BEHAVIOUR = ("Communication and interaction\n"
                               "Behaviour, emotional and social development")
SENSORY = "Sensory and/or physical"
NO_DESCRIPTOR = "No specific Code of Practice descriptor"

# (what the seed prints, what docgen prints, why). Besides these, runs of spaces are one space
# and cells lose trailing spaces and full stops, as every other cell of the tables has them.
SEED_CORRECTIONS: tuple[tuple[str, str, str], ...] = (
    ("1 Curriculum access", "1. Curriculum access",
     "Table 1 drops the full stop after the number that every other thread has (Table 2 has "
     "it)."),
    ("18.Post 16 Curriculum (for older students)", "18. Post 16 Curriculum (for older students)",
     "the space after the number is missing."),
    ("Educational Psychologists. PSS", "Educational Psychologists, PSS",
     "a full stop in the middle of thread 7's list of services."),
    ("Check steps sizes in Targets are appropriate", "Check step sizes in Targets are appropriate",
     "'steps sizes' is a slip for 'step sizes'."),
    ("group sizes/ progress made /relationships", "group sizes/ progress made/ relationships",
     "the space is on the wrong side of the second slash; the table writes 'a/ b' elsewhere."),
    ("Detail post 18 curricular need and reasons", "Detail post 16 curricular need and reasons",
     "thread 18 is the Post 16 Curriculum: 'post 18' is a slip."),
    ("No specific CoP Practice descriptor", "No specific Code of Practice descriptor",
     "Table 2 writes 'CoP Practice' (Practice twice); Table 1 has the full words."),
)

_LEARNING_SERVICES = (
    "Specialist teachers (e.g. Pupil and School Support, Visiting Teachers)",
    "Educational Psychologists",
)
_LANGUAGE_SERVICES = (
    "Specialist speech and language teachers",
    "Speech and Language therapists",
    "Teachers for pupils with social communication difficulties (Visiting Teachers)",
    "Educational Psychologists",
    "PSS",
)
_INTERPERSONAL_SERVICES = (
    "Framework for Intervention support",
    "Behaviour Support",
    "Educational Psychologists",
    "Teachers for pupils with social communication difficulties",
)
_MOTOR_SERVICES = (
    "Outreach for children with Physical Needs",
    "Physiotherapists",
    "Occupational therapists",
)

# Table 2: one cell beside threads 1–11 and 18 reads "All these Threads: Develop
# recommendations for future approaches".
_RECOMMENDATIONS = "Develop recommendations for future approaches"
_LANGUAGE_PROGRAMMES = "Record specific programmes/ approaches used and progress made"
_BEHAVIOUR_EVIDENCE = (
    "Record environmental changes made and effects",
    "Record individual/group methods used to improve skills",
    "Record progress and effectiveness related to each method through baselining and "
    "re-testing",
    _RECOMMENDATIONS,
)
_FURTHER_RESOURCES = "Develop recommendations and reasons for needing further resources"
_PHYSICAL_EVIDENCE = (
    "Describe approaches and resources used/tried and effectiveness",
    _FURTHER_RESOURCES,
)
_PARTNERSHIP_EVIDENCE = ("Describe approaches used and effectiveness", _FURTHER_RESOURCES)


@dataclass(frozen=True)
class Thread:
    """One CRISP thread with what Tables 1 and 2 say about it."""

    number: int
    name: str
    area: str
    services: tuple[str, ...]
    evidence: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def services_text(self) -> str:
        """Table 1's cell of possible support services, as the seed prints it."""
        return ", ".join(self.services)


THREADS: tuple[Thread, ...] = (
    Thread(1, "Curriculum access", COGNITION, _LEARNING_SERVICES, (
        "Get detailed NC and other measures of attainment",
        "Measure progress over time in key subjects",
        _RECOMMENDATIONS,
    )),
    Thread(2, "Curriculum Plans", COGNITION, _LEARNING_SERVICES, (
        "Check step sizes in Targets are appropriate",
        _RECOMMENDATIONS,
    )),
    Thread(3, "Organisation of teaching group", COGNITION, _LEARNING_SERVICES, (
        "Get accounts of working in different group sizes/ progress made/ relationships",
        _RECOMMENDATIONS,
    )),
    Thread(4, "Learning Activities", COGNITION, _LEARNING_SERVICES, (
        "Record of approaches used",
        "Progress over time related to enhanced approaches",
        "Record preferred learning activities/ styles",
        _RECOMMENDATIONS,
    )),
    Thread(5, "Assessment (inc. the student’s contribution)", COGNITION, (
        "Specialist teachers", "Educational Psychologists",
    ), (
        "Record detail of assessment approaches used and effectiveness",
        "Try enhanced approaches",
        _RECOMMENDATIONS,
    )),
    Thread(6, "Concentration skills", COGNITION, (
        "Specialist teachers", "Framework for Intervention", "Behaviour Support",
        "Educational Psychologists",
    ), (
        "Record approaches used (including environmental)",
        "Measure of time concentrating on various tasks/ in response to particular approaches",
        "Record comparisons with peers",
        _RECOMMENDATIONS,
    )),
    Thread(7, "Understanding language", COMMUNICATION_AND_BEHAVIOUR, _LANGUAGE_SERVICES, (
        "Get examples of levels of understanding of instructions, stories, vocabulary",
        _LANGUAGE_PROGRAMMES,
        _RECOMMENDATIONS,
    )),
    Thread(8, "Using language", COMMUNICATION_AND_BEHAVIOUR, _LANGUAGE_SERVICES, (
        "Measure language used in different contexts / on different tasks",
        _LANGUAGE_PROGRAMMES,
        _RECOMMENDATIONS,
    )),
    Thread(9, "Interpersonal skills (with students)", COMMUNICATION_AND_BEHAVIOUR,
           _INTERPERSONAL_SERVICES, _BEHAVIOUR_EVIDENCE),
    Thread(10, "Interpersonal skills (with adults)", COMMUNICATION_AND_BEHAVIOUR,
           _INTERPERSONAL_SERVICES, _BEHAVIOUR_EVIDENCE),
    Thread(11, "Personal, social, emotional and behavioural education",
           COMMUNICATION_AND_BEHAVIOUR, (
               "Framework for Intervention support", "Behaviour Support", "CAMHS services",
               "Educational Psychologists", "Social Services",
           ), _BEHAVIOUR_EVIDENCE),
    Thread(12, "Management of personal, health and medical care", SENSORY, (
        "Outreach Services for children with Physical Needs", "Physiotherapists",
        "Occupational therapists", "School medical services",
    ), _PHYSICAL_EVIDENCE),
    Thread(13, "Sensory development", SENSORY, (
        "Specialist teachers in hearing or vision (e.g. Visiting Teachers)",
    ), _PHYSICAL_EVIDENCE),
    Thread(14, "Fine Motor / hand function", SENSORY, _MOTOR_SERVICES, _PHYSICAL_EVIDENCE),
    Thread(15, "Gross Motor and mobility skills", SENSORY, _MOTOR_SERVICES, _PHYSICAL_EVIDENCE),
    Thread(16, "Partnership with parents", NO_DESCRIPTOR, (
        "Education Welfare", "CAMHS", "Social Services",
    ), _PARTNERSHIP_EVIDENCE),
    Thread(17, "Use of recreational time", NO_DESCRIPTOR, (
        "Framework for Intervention support", "Behaviour Support",
    ), _PARTNERSHIP_EVIDENCE),
    Thread(18, "Post 16 Curriculum (for older students)", COGNITION, (
        "Specialist teachers", "Connexions",
    ), (
        "Detail post 16 curricular need and reasons",
        _RECOMMENDATIONS,
    )),
)

THREADS_BY_NUMBER: dict[int, Thread] = {t.number: t for t in THREADS}

# Table 2, "Needed in all cases", in the seed's words.
EVIDENCE_ALL_CASES: tuple[str, ...] = (
    "IEPs and reviews over last 12 months",
    "Views of pupil",
    "Record of pupil involvement",
    "Views of parents (carers)",
    "Record of parental (carer) involvement",
    "NC levels across the curriculum (TA and/or SATs)",
    "Attendance record",
)
# Table 2's notes 2 and 3 on those items, shortened to what a plan needs to say.
EVIDENCE_NOTES: dict[str, str] = {
    "Views of pupil": "according to the pupil's age and understanding: the pupil's own account, "
                      "and observations of likes and dislikes, favourite activities and rewards, "
                      "general approach to school, class and curriculum, and relationships with "
                      "peers, stating their sources",
    "Views of parents (carers)": "where contact has been impossible or very difficult, an "
                                 "account of the attempts made to gain their views",
}

ASSESSMENT_KINDS: tuple[tuple[str, str], ...] = (
    ("pencilled", "Pencilled (provisional, best available knowledge)"),
    ("full", "Full (each band backed by evidence)"),
)


def thread(number: int) -> Thread:
    """The thread with this number; KeyError for anything outside 1–18."""
    return THREADS_BY_NUMBER[number]


def is_concern(band: int | None) -> bool:
    """A band at which the guidance expects action and Table 2 evidence."""
    return band is not None and band >= CONCERN_BAND
