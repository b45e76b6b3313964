"""Named lists of choices that forms offer as drop-downs, all derived from the domain."""

from __future__ import annotations

from docgen.domain.crisp import ASSESSMENT_KINDS, BANDS, THREADS
from docgen.domain.iep_review import DECISIONS, TARGET_OUTCOMES
from docgen.domain.questions import CONTRIBUTORS_TO_CONSIDER, KEY_QUESTIONS, REVIEW_QUESTIONS
from docgen.domain.review import OUTCOMES
from docgen.domain.stages import IEP_STAGES, REVIEW_STAGES, STAGES_BY_KEY

Choice = tuple[str, str]  # (stored value, text shown in the form)

YEAR_GROUPS: tuple[Choice, ...] = (
    ("N", "Nursery"),
    ("R", "Reception"),
    *((str(y), f"Year {y}") for y in range(1, 15)),
)

_CONTRIBUTOR_KEYS = ("pupil", "parents", "class_staff", "senco", "support_services",
                     "educational_psychologist", "external_agencies")

CHOICES: dict[str, tuple[Choice, ...]] = {
    "bands": tuple((str(b), f"Band {b}") for b in BANDS),
    "stages": tuple((k, STAGES_BY_KEY[k].name) for k in IEP_STAGES),
    "review_stages": tuple((k, STAGES_BY_KEY[k].name) for k in REVIEW_STAGES),
    "year_groups": YEAR_GROUPS,
    "assessment_kinds": ASSESSMENT_KINDS,
    "threads": tuple((str(t.number), t.label) for t in THREADS),
    "key_questions": tuple((str(n), f"{n}. {q}") for n, q in enumerate(KEY_QUESTIONS, start=1)),
    "review_questions": tuple((str(n), f"{n}. {q}")
                              for n, q in enumerate(REVIEW_QUESTIONS, start=1)),
    # The High Focus review's decision, as the meeting records it.
    "review_decisions": tuple((key, title) for key, (title, _) in OUTCOMES.items()),
    "iep_review_decisions": tuple(DECISIONS.items()),
    "target_outcomes": TARGET_OUTCOMES,
    # The guidance's list of parties to involve, for suggesting who goes in the role table.
    "contributors": tuple(zip(_CONTRIBUTOR_KEYS, CONTRIBUTORS_TO_CONSIDER, strict=True)),
}


def choices(name: str) -> tuple[Choice, ...]:
    """A list above, or one another framework registers (see docgen.frameworks)."""
    if name in CHOICES:
        return CHOICES[name]
    from docgen.frameworks import choices as framework_choices

    return framework_choices(name)
