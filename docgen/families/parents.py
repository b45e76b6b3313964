"""Documents for parents and carers: the information leaflet, letters, record of contact attempts.

Parent documents are written in plain English; what they say about a pupil's plan comes from
the same rules as the staff documents, reworded here only where the guidance's words would be
hard for a parent to read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from docgen.context import form_context
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import highfocus
from docgen.families.highfocus import decide, hf_iep_context, review_context
from docgen.frameworks import BIRMINGHAM

Data = dict[str, Any]

# The four key questions, as a parent would ask them (the letter's plain version).
PLAIN_QUESTIONS = (
    "Do we have good evidence of what {name} needs?",
    "Is there more help we can give {name} in school?",
    "With that help, can {name} make good progress?",
    "If {name} needs more help, how could it be used best?",
)

PLAIN_OUTCOMES: dict[str, tuple[str, str]] = {
    "delegated": (
        "{name} will carry on getting help at School Action Plus, paid for from the school's "
        "own budget. We will write a Provision Plan that sets out this help for the year.",
        "The evidence shows that the school can meet {name}'s needs with the money it has "
        "for children with high needs.",
    ),
    "further_high_focus": (
        "{name} will have another High Focus period.",
        "We need more time to be sure about {name}'s needs, because the evidence is not yet "
        "clear or {name}'s needs are still changing.",
    ),
    "renew_for_evidence": (
        "{name} will have another High Focus period, so that we can collect the evidence "
        "we still need.",
        "Some of the checks we planned could not be done, so we cannot yet be sure about "
        "{name}'s needs.",
    ),
    "statutory_request": (
        "We will ask the local education authority to carry out a statutory assessment of "
        "{name}'s needs. We will also write a Proposed Provision Plan.",
        "The evidence shows that {name} needs more help than the school's own budget is "
        "meant to cover.",
    ),
}


@cache
def authority() -> Data:
    from docgen.textfiles import load_settings

    return load_settings(BIRMINGHAM.settings_dir() / "authority.yaml", "authority settings")


# Abbreviations a parent may meet, spelled out the first time a letter uses them.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("SENCo", "special educational needs coordinator"),
    ("IEP", "Individual Education Plan"),
    ("CRISP", "Criteria for Special Provision"),
    ("SA+", "School Action Plus"),
    ("LEA", "local education authority"),
    ("PSS", "Pupil and School Support"),
    ("EP", "educational psychologist"),
)


def glossary(texts: list[str],
             abbreviations: tuple[tuple[str, str], ...] = ABBREVIATIONS) -> list[str]:
    """'special educational needs coordinator (SENCo)' for each abbreviation the texts use, so
    a letter can spell them out before staff-typed text uses them (each framework has its
    own list)."""
    joined = " ".join(texts)
    return [f"{meaning} ({short})" for short, meaning in abbreviations
            if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", joined)]


def letter_basics(context: Data, data: Data) -> Data:
    parents = data["pupil"].get("parents")
    context["salutation"] = parents or "parent or carer"
    context["authority"] = authority()
    return context


def with_glossary(context: Data, *texts: Any) -> Data:
    flat: list[str] = []
    for item in texts:
        flat.extend(item if isinstance(item, list) else [item])
    context["glossary"] = glossary([str(t) for t in flat])
    return context


def leaflet_context(definition: FormDefinition, data: Data) -> Data:
    context = letter_basics(form_context(definition, data), data)
    pupil = context["pupil"]
    context["school"] = {"name": pupil["school"], "senco": pupil["senco"],
                         "contact": pupil["school_contact"]}
    plan = context.get("plan") or {}
    hf = context.get("high_focus") or {}
    context["child"] = {
        "first_name": pupil["first_name"],
        "stage": plan.get("stage") or "High Focus School Action Plus",
        "review_date": plan.get("review_date") or hf.get("review_date", ""),
    }
    return context


def high_focus_letter_context(definition: FormDefinition, data: Data) -> Data:
    context = letter_basics(hf_iep_context(definition, data), data)
    name = context["pupil"]["first_name"]
    context["plain_questions"] = [q.format(name=name) for q in PLAIN_QUESTIONS]
    rows = data.get("roles", [])
    context["helpers"] = [p for p in context["circulation"]
                          if not highfocus.is_parent(p) and not highfocus.is_pupil(p)]
    tasks = [row["role"] for row in rows if highfocus.is_parent(row["who"])]
    context["parent_tasks"] = [_lower_first(t) for t in tasks] or [
        f"tell us what {name} is like at home, and what helps",
        "come to the review meeting at the end",
    ]
    return with_glossary(context, context["helpers"], context["parent_tasks"],
                         [item["text"] for item in context["agenda"]])


def review_letter_context(definition: FormDefinition, data: Data) -> Data:
    context = letter_basics(review_context(definition, data), data)
    name = context["pupil"]["first_name"]
    outcome = decide(data)
    decision, why = PLAIN_OUTCOMES[outcome.key]
    context["plain_outcome"] = {
        "decision": decision.format(name=name),
        "why": why.format(name=name),
        "statutory": outcome.key == "statutory_request",
    }
    for action in context["actions"]:
        action["what_lower"] = _lower_first(action["what"])
    return with_glossary(context, [f"{a['who']} {a['what']}" for a in context["actions"]])


def contact_attempts_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    lines = (data.get("views", {}).get("contact_attempts") or "").splitlines()
    context["attempts"] = [{"number": str(n), "text": line.strip()}
                           for n, line in enumerate((x for x in lines if x.strip()), start=1)]
    return context


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _contact_failed(data: Data) -> bool:
    return bool(data.get("views", {}).get("contact_attempts"))


LEAFLET = DocumentType("leaflet", "Information leaflet for parents and carers", "leaflet.docx",
                       ("iep",), leaflet_context, audience="parents")

for _doc in (
    LEAFLET,
    DocumentType("letter_high_focus", "Letter to parents: starting a High Focus period",
                 "letter_high_focus.docx", ("hf_iep",), high_focus_letter_context,
                 audience="parents"),
    DocumentType("letter_review_invitation", "Letter to parents: invitation to the review",
                 "letter_review_invitation.docx", ("hf_iep",), high_focus_letter_context,
                 audience="parents"),
    DocumentType("letter_review_outcome", "Letter to parents: outcome of the review",
                 "letter_review_outcome.docx", ("hf_review",), review_letter_context,
                 audience="parents"),
    DocumentType("contact_attempts", "Record of attempts to contact parents or carers",
                 "contact_attempts.docx", ("iep", "hf_iep"), contact_attempts_context,
                 applies=_contact_failed),
):
    register(_doc)


def generic_leaflet_context(school: str, senco: str, contact: str = "") -> Data:
    """The leaflet for any parent: the school's details, no child's."""
    from docgen.documents import provenance

    return {"school": {"name": school, "senco": senco, "contact": contact},
            "authority": authority(), "child": None, "today": "", "provenance": provenance()}


def check_leaflet_details(school: str, senco: str, contact: str = "") -> None:
    """InvalidInput naming every detail that cannot go on the leaflet: an empty school or
    SENCo name, a control character (a Word document cannot hold most of them, and none
    belongs in a name), or text far longer than a name."""
    import unicodedata

    from docgen.errors import InvalidInput

    problems = []
    for label, value, required, limit in (("The school's name", school, True, 200),
                                          ("The SENCo's name", senco, True, 100),
                                          ("The contact", contact, False, 200)):
        if required and not value.strip():
            problems.append(f"{label} is empty.")
        elif any(unicodedata.category(ch) == "Cc" for ch in value):
            problems.append(f"{label} contains a control character; type it again without it.")
        elif len(value) > limit:
            problems.append(f"{label} is too long: at most {limit} characters.")
    if problems:
        raise InvalidInput("the leaflet was not made: " + " ".join(problems),
                           hint="Give the school's name and the SENCo's name as parents "
                                "should read them.")


def render_generic_leaflet(school: str, senco: str, contact: str = "") -> bytes:
    from docgen.render import render_to_bytes

    check_leaflet_details(school, senco, contact)
    template = BIRMINGHAM.template_path(LEAFLET.template)  # a maintainer's own, if any
    return render_to_bytes(template, generic_leaflet_context(school, senco, contact))
