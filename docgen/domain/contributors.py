"""Reading role-table text: is it the pupil, the parents, a Table 1 service; what it assesses."""

from __future__ import annotations

import re

# Matching works on normalised text: lower case, every run of non-letters one space, '&' read
# as 'and'. Patterns below are whole words over that text, so they stay short and readable.


def normalise(text: str) -> str:
    """'Pupil & School Support (PSS)' -> 'pupil and school support pss'."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold().replace("&", " and ")).split())


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


_PUPIL = _words("pupil", "child", "student", "learner", "young person")
# Staff and services whose names contain a pupil word are not the pupil.
_NOT_THE_PUPIL = _words("pupil and school support", r"pupils? with", "child and adolescent",
                        r"student teachers?", "child protection")
_PARENT = _words(r"parents?", r"carers?", r"(?:step|grand|foster )?(?:mother|father|mum|dad)",
                 r"grandparents?", r"guardians?")
# "Parent Partnership" is a service for parents, not a parent.
_NOT_A_PARENT = _words("parent partnership")


def is_parent(who: str) -> bool:
    """True when 'who' names the pupil's parents or carers ('Mrs Khan (mother)')."""
    return bool(_PARENT.search(_NOT_A_PARENT.sub(" ", normalise(who))))


def is_pupil(who: str) -> bool:
    """True when 'who' names the pupil ('Tom (pupil)'), not staff or the parents."""
    return bool(_PUPIL.search(_NOT_THE_PUPIL.sub(" ", normalise(who)))) and not is_parent(who)


_SPECIALIST_TEACHERS = (r"specialist teachers?", "pupil and school support", "pss",
                        r"visiting teachers?", r"advisory teachers?")
_SOCIAL_COMMUNICATION = ("social communication", r"autis\w*")
_FRAMEWORK = ("framework for intervention", "ffi", "framework agency")
_CAMHS = ("camhs", "child and adolescent mental health", "mental health")
_PHYSICAL_OUTREACH = ("physical needs", r"physical (?:and medical )?(?:difficult|disabilit)\w*")

# How a role-table "who" shows each service Table 1 names: its own name, short forms, and the
# job titles of the people it sends. One entry per service text in crisp.THREADS (a unit test
# checks that none is missing), so a thread's services are matched exactly as Table 1 lists them.
SERVICE_WORDS: dict[str, tuple[str, ...]] = {
    "Specialist teachers (e.g. Pupil and School Support, Visiting Teachers)": _SPECIALIST_TEACHERS,
    "Specialist teachers": _SPECIALIST_TEACHERS,
    "Educational Psychologists": (r"educational psych\w*", "ep", "eps"),
    "Specialist speech and language teachers": (r"speech and language teachers?",
                                                r"specialist language teachers?",
                                                r"language support teachers?"),
    "Speech and Language therapists": (r"speech and language therap\w*", r"speech therap\w*",
                                       "salt", "slt"),
    "Teachers for pupils with social communication difficulties (Visiting Teachers)":
        _SOCIAL_COMMUNICATION,
    "Teachers for pupils with social communication difficulties": _SOCIAL_COMMUNICATION,
    "PSS": ("pupil and school support", "pss"),
    "Framework for Intervention support": _FRAMEWORK,
    "Framework for Intervention": _FRAMEWORK,
    "Behaviour Support": (r"behaviou?r support",),
    "CAMHS services": _CAMHS,
    "CAMHS": _CAMHS,
    "Social Services": (r"social services?", r"social workers?", "social care",
                        "children s services"),
    "Outreach Services for children with Physical Needs": _PHYSICAL_OUTREACH,
    "Outreach for children with Physical Needs": _PHYSICAL_OUTREACH,
    "Physiotherapists": (r"physio\w*",),
    "Occupational therapists": (r"occupational therap\w*", "ot"),
    "School medical services": (r"school (?:nurse|doctor|medical)\w*", r"paediatrician\w*"),
    "Specialist teachers in hearing or vision (e.g. Visiting Teachers)": (
        "hearing", "vision", r"visual\w*", r"deaf\w*", r"blind\w*", "sensory support",
        r"sensory (?:impair|service)\w*", "qtod", "qtvi"),
    "Education Welfare": ("education welfare", "ewo", "ews"),
    "Connexions": ("connexions",),
}
_SERVICE_PATTERNS = {service: _words(*words) for service, words in SERVICE_WORDS.items()}


def names_service(who: str, service: str) -> bool:
    """True when 'who' names someone from this Table 1 service.

    'Educational Psychologist' matches 'Educational Psychologists'; 'Pupil and School Support
    teacher' matches the specialist teachers and PSS; 'Speech and Language Therapist' matches
    'Speech and Language therapists'. KeyError for a service Table 1 does not list.
    """
    return bool(_SERVICE_PATTERNS[service].search(normalise(who)))


# Words that name an external support service beyond Table 1's list, for the School Action
# Plus check: services a school may involve that Table 1 does not print.
_OTHER_SERVICES = _words("specialist", "outreach", r"therap\w*", "advisory", "service",
                         "visiting", "psychologist", "nhs")


def names_any_service(text: str) -> bool:
    """True when the text names any external support service (Table 1's or another)."""
    plain = normalise(text)
    return any(pattern.search(plain) for pattern in _SERVICE_PATTERNS.values()) or bool(
        _OTHER_SERVICES.search(plain))


# What makes a clause an assessment: a verb of assessing, or a measure that is one by itself.
_ASSESSING = _words(r"assess\w*", r"test\w*", r"re test\w*", r"screen\w*", r"measur\w*",
                    r"baselin\w*", r"(?:reading|spelling|language) ages?")
# The things two people might both assess; named as the warning names them.
ASSESSMENT_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reading", _words("reading", r"key words?", "word recognition")),
    ("spelling", _words(r"spell\w*")),
    ("phonics", _words(r"phonic\w*", r"phonological\w*")),
    ("number skills", _words(r"computation\w*", "number", "numeracy", "maths",
                             r"mathematic\w*", "arithmetic")),
    ("language", _words("language", "vocabulary", "receptive", "expressive")),
    ("hearing", _words("hearing", r"audiolog\w*")),
    ("vision", _words("vision", "eyesight", "visual acuity")),
    ("cognitive ability", _words("cognitive", "iq", r"(?:non )?verbal reasoning")),
)


def assessed_topics(role: str) -> tuple[str, ...]:
    """The topics a role assesses: those named in a clause that assesses something.

    'Assesses levels of phonic skills, key word reading, spelling' -> reading, spelling,
    phonics. 'Practises key words at home' assesses nothing. Clauses end at '.', ';', ':' or a
    new line, so 'Tests spelling. Reads with him daily' assesses spelling only.
    """
    found: set[str] = set()
    for clause in re.split(r"[.;:\n]", role):
        text = normalise(clause)
        if _ASSESSING.search(text):
            found.update(topic for topic, pattern in ASSESSMENT_TOPICS if pattern.search(text))
    return tuple(topic for topic, _ in ASSESSMENT_TOPICS if topic in found)
