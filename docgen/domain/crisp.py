"""CRISP: the 18 threads, bands 1–6, Table 1 (areas, services) and Table 2 (evidence)."""

from __future__ import annotations

from dataclasses import dataclass

BANDS: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
MIN_BAND, MAX_BAND = BANDS[0], BANDS[-1]

# "Action focuses on threads at Band 3/4 and above" and Table 2 applies "only where CRISP
# shows significant concern (usually Band 3/4 and higher)": Band 3 is where concern starts.
CONCERN_BAND = 3
HIGH_FOCUS_BAND = 4

POST_16_THREAD = 18

COGNITION = "Cognition and learning"
COMMUNICATION = "Communication and interaction"
BESD = "Behaviour, emotional and social development"
SENSORY = "Sensory and/or physical"
NO_DESCRIPTOR = "No specific Code of Practice descriptor"

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

# Table 2: "develop recommendations for future approaches" applies to threads 1–11 and 18.
_RECOMMENDATIONS = "Develop recommendations for future approaches"
_BEHAVIOUR_EVIDENCE = (
    "Environmental changes made and their effects",
    "Individual and group methods used",
    "Progress and effectiveness of each method, by baselining and re-testing",
)
_PHYSICAL_EVIDENCE = (
    "Approaches and resources used or tried, and their effectiveness",
    "Recommendations, and reasons for needing further resources",
)
_PARTNERSHIP_EVIDENCE = (
    "Approaches used and their effectiveness",
    "Recommendations, and reasons for needing further resources",
)


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


THREADS: tuple[Thread, ...] = (
    Thread(1, "Curriculum access", COGNITION, _LEARNING_SERVICES, (
        "Detailed National Curriculum and other measures of attainment",
        "Progress over time in key subjects",
        _RECOMMENDATIONS,
    )),
    Thread(2, "Curriculum plans", COGNITION, _LEARNING_SERVICES, (
        "Check that the step sizes in targets are appropriate",
        _RECOMMENDATIONS,
    )),
    Thread(3, "Organisation of teaching group", COGNITION, _LEARNING_SERVICES, (
        "Accounts of working in different group sizes, progress made and relationships",
        _RECOMMENDATIONS,
    )),
    Thread(4, "Learning activities", COGNITION, _LEARNING_SERVICES, (
        "Record of approaches used",
        "Progress over time related to enhanced approaches",
        "Preferred learning activities and styles",
        _RECOMMENDATIONS,
    )),
    Thread(5, "Assessment (inc. the student's contribution)", COGNITION, (
        "Specialist teachers", "Educational Psychologists",
    ), (
        "Detail of assessment approaches used and their effectiveness",
        "Try enhanced assessment approaches",
        _RECOMMENDATIONS,
    )),
    Thread(6, "Concentration skills", COGNITION, (
        "Specialist teachers", "Framework for Intervention", "Behaviour Support",
        "Educational Psychologists",
    ), (
        "Approaches used (including environmental)",
        "Time spent concentrating on various tasks and with particular approaches",
        "Comparisons with peers",
        _RECOMMENDATIONS,
    )),
    Thread(7, "Understanding language", COMMUNICATION, _LANGUAGE_SERVICES, (
        "Examples of understanding of instructions, stories and vocabulary",
        "Specific programmes or approaches used and progress made",
        _RECOMMENDATIONS,
    )),
    Thread(8, "Using language", COMMUNICATION, _LANGUAGE_SERVICES, (
        "Language used in different contexts and tasks",
        "Specific programmes or approaches used and progress made",
        _RECOMMENDATIONS,
    )),
    Thread(9, "Interpersonal skills (with students)", BESD, _INTERPERSONAL_SERVICES, (
        *_BEHAVIOUR_EVIDENCE, _RECOMMENDATIONS,
    )),
    Thread(10, "Interpersonal skills (with adults)", BESD, _INTERPERSONAL_SERVICES, (
        *_BEHAVIOUR_EVIDENCE, _RECOMMENDATIONS,
    )),
    Thread(11, "Personal, social, emotional and behavioural education", BESD, (
        "Framework for Intervention support", "Behaviour Support", "CAMHS services",
        "Educational Psychologists", "Social Services",
    ), (*_BEHAVIOUR_EVIDENCE, _RECOMMENDATIONS)),
    Thread(12, "Management of personal, health and medical care", SENSORY, (
        "Outreach Services for children with Physical Needs", "Physiotherapists",
        "Occupational therapists", "School medical services",
    ), _PHYSICAL_EVIDENCE),
    Thread(13, "Sensory development", SENSORY, (
        "Specialist teachers in hearing or vision (e.g. Visiting Teachers)",
    ), _PHYSICAL_EVIDENCE),
    Thread(14, "Fine motor / hand function", SENSORY, _MOTOR_SERVICES, _PHYSICAL_EVIDENCE),
    Thread(15, "Gross motor and mobility skills", SENSORY, _MOTOR_SERVICES, _PHYSICAL_EVIDENCE),
    Thread(16, "Partnership with parents", NO_DESCRIPTOR, (
        "Education Welfare", "CAMHS", "Social Services",
    ), _PARTNERSHIP_EVIDENCE),
    Thread(17, "Use of recreational time", NO_DESCRIPTOR, (
        "Framework for Intervention support", "Behaviour Support",
    ), _PARTNERSHIP_EVIDENCE),
    Thread(18, "Post 16 curriculum (older students)", COGNITION, (
        "Specialist teachers", "Connexions",
    ), (
        "Detail of post-16 curricular need and reasons",
        _RECOMMENDATIONS,
    )),
)

THREADS_BY_NUMBER: dict[int, Thread] = {t.number: t for t in THREADS}

# Table 2, "Needed in all cases".
EVIDENCE_ALL_CASES: tuple[str, ...] = (
    "IEPs and reviews over the last 12 months",
    "Views of the pupil (by age and understanding), with observations of likes and dislikes, "
    "favourite activities and rewards, general approach to school, class and curriculum, "
    "and relationships with peers, stating sources",
    "Record of pupil involvement",
    "Views of parents/carers (where contact was impossible or very difficult, an account "
    "of the attempts made)",
    "Record of parental involvement",
    "National Curriculum levels across the curriculum (teacher assessment and/or SATs)",
    "Attendance record",
)

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
