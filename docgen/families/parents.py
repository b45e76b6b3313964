"""Documents for parents and carers: the information leaflet, letters, record of contact attempts.

Parent documents are written in plain English and addressed to the parents ("you"); what they
say about a pupil's plan comes from the form and the same rules as the staff documents,
reworded here only where the guidance's words would be hard for a parent to read. Letters
are school letters: letterhead, address block, reference, date of writing, sign-off.
"""

from __future__ import annotations

from typing import Any

from docgen import letterhead
from docgen.context import form_context, uk_date, writing_date
from docgen.definitions import FormDefinition
from docgen.documents import DocumentType, register
from docgen.domain import crisp, highfocus
from docgen.domain.contributors import is_parent
from docgen.families import wording
from docgen.families.highfocus import bands_of, hf_iep_context, review_context
from docgen.families.letter_pages import add_logo, contact_log_rows, letter_parts, plain_agenda
from docgen.frameworks import BIRMINGHAM

Data = dict[str, Any]
ABBREVIATIONS = wording.ABBREVIATIONS

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
        "We will ask the local authority to carry out a statutory assessment of {name}'s "
        "needs. We will also write a Proposed Provision Plan.",
        "The evidence shows that {name} needs more help than the school's own budget is "
        "meant to cover.",
    ),
}


def authority() -> Data:
    return letterhead.authority(BIRMINGHAM)


def _letter(context: Data, data: Data, code: str, *, reached: bool = True) -> Data:
    return letter_parts(context, data, code, BIRMINGHAM, reached=reached)


def leaflet_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["authority"] = authority()
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


def _parents_not_reached_hf(data: Data) -> bool:
    return bool((data.get("views") or {}).get("contact_attempts")) or bool(
        (data.get("letters") or {}).get("parents_not_reached"))


def high_focus_letter_context(definition: FormDefinition, data: Data) -> Data:
    reached = not _parents_not_reached_hf(data)
    context = _letter(hf_iep_context(definition, data), data, "HF", reached=reached)
    name = context["pupil"]["first_name"]
    context["plain_questions"] = [q.format(name=name) for q in PLAIN_QUESTIONS]
    context["plain_agenda"] = [item.format(name=name) for item in plain_agenda()]
    context["helpers"] = [p for p in context["circulation"]
                          if not is_parent(p) and not highfocus.is_pupil(p)]
    tasks = [wording.for_parents(row["role"]) for row in data.get("roles", [])
             if is_parent(row["who"])]
    context["parent_tasks"] = tasks or [
        f"tell us what {name} is like at home, and what helps",
        "come to the review meeting at the end",
    ]
    context["why"] = why_high_focus(data, name)
    return context


def why_high_focus(data: Data, name: str) -> list[str]:
    """Why a High Focus period, from the three conditions as the form records them: a
    condition the form says does not hold is never claimed."""
    hf = data["high_focus"]
    lines = []
    if hf.get("progress_satisfactory"):
        lines.append(f"{name} has made some progress with the help so far, and we want to "
                     "be sure it is the right help.")
    else:
        lines.append(f"{name} has had extra help for some time, but progress has not been "
                     "as good as we hoped.")
    if hf.get("provision_made"):
        lines.append("We have already given the help we can plan at School Action and "
                     "School Action Plus.")
    else:
        lines.append("Some of the help we can plan at School Action and School Action Plus "
                     "is still being put in place.")
    concerns = [c for c in highfocus.threads_of_concern(bands_of(data))
                if c.band >= crisp.HIGH_FOCUS_BAND]
    if concerns:
        areas = wording.joined([c.thread.name.lower() for c in concerns])
        lines.append(f"Our check of {name}'s needs shows a high level of need in {areas}.")
    else:
        lines.append(f"Our check of {name}'s needs does not show a high level of need in "
                     "any area yet.")
    return lines


def parents_at_review(data: Data) -> str:
    """'attended', 'sent_views', 'absent' or 'not_reached' (the school could not contact them)."""
    if (data.get("letters") or {}).get("parents_not_reached"):
        return "not_reached"
    if any(is_parent(f"{a['name']} ({a['role']})") for a in data.get("attendees", [])):
        return "attended"
    apologies = [a for a in data.get("apologies", [])
                 if is_parent(f"{a['name']} ({a['role']})")]
    if any(a.get("contribution_received") for a in apologies):
        return "sent_views"
    return "absent"


def review_letter_context(definition: FormDefinition, data: Data) -> Data:
    status = parents_at_review(data)
    context = _letter(review_context(definition, data), data, "HFR",
                      reached=status != "not_reached")
    name = context["pupil"]["first_name"]
    key = context["outcome"]["key"]
    decision, why = PLAIN_OUTCOMES[key]
    context["plain_outcome"] = {
        "decision": decision.format(name=name),
        "why": why.format(name=name),
        "statutory": key == "statutory_request",
    }
    context["opening"] = _opening(status, name, context["review"]["date"])
    context["reservation_lines"] = _reservations(data, context["plain_outcome"]["statutory"])
    context["next_steps"] = _next_steps(context, data)
    return context


def _opening(status: str, name: str, when: str) -> str:
    return {
        "attended": f"Thank you for coming to {name}'s review on {when}. This letter tells "
                    "you what we decided, and what happens next.",
        "sent_views": f"Thank you for sending us your views before {name}'s review on "
                      f"{when}. We are sorry you could not come. This letter tells you what "
                      "we decided, and what happens next.",
        "absent": f"You were not able to come to {name}'s review on {when}, so we are "
                  "writing to tell you what we decided, and what happens next.",
        "not_reached": f"We have tried to contact you, but we have not been able to talk "
                       f"with you yet. We held {name}'s review on {when}, and we are "
                       "writing to tell you what we decided, and what happens next.",
    }[status]


def _reservations(data: Data, statutory: bool) -> list[str]:
    """Each reservation said as whose it is: "you" only for the parents' own."""
    lines = []
    for row in data.get("reservations", []):
        who, about = row.get("who", ""), str(row.get("about", "")).strip().rstrip(".")
        role = str(row.get("role") or "").strip()
        who_role = f"{who}, the {wording.lower_first(role)}," if role else who
        if is_parent(f"{who} ({role})"):
            lines.append(f"You {wording.for_parents(about)}." if wording.starts_with_verb(about)
                         else f"You told us about a concern: {wording.lower_first(about)}.")
        elif wording.starts_with_verb(about):
            lines.append(f"{who_role} {wording.lower_first(about)}.".replace(",,", ","))
        else:
            lines.append(f"{who_role} has a reservation about this: "
                         f"{wording.lower_first(about)}.".replace(",,", ","))
    if lines:
        lines.append("Every reservation is written down. We will send them all with the "
                     "request." if statutory else
                     "Every reservation is written down and kept with our records.")
    return lines


def _next_steps(context: Data, data: Data) -> list[str]:
    """The review's actions, told to the parents: other people's as what they will do, the
    parents' own as what we ask of them, a home visit as an offer; the letter itself (the
    action of telling the parents) is not listed."""
    steps = []
    parents = str(data["pupil"].get("parents") or "").strip().lower()
    for action in data.get("actions", []):
        who, by_when = action["who"], action.get("by_when", "")
        for part in (p.strip() for p in str(action["what"]).split(";") if p.strip()):
            low = part.lower()
            if is_parent(who):
                steps.append(f"We would like you to {wording.for_parents(part)} by {by_when}.")
            elif "home visit" in low or ("visit" in low and "at home" in low):
                steps.append(f"We would like to visit you at home to talk about "
                             f"{context['pupil']['first_name']}. {_name_only(who)} will "
                             f"contact you by {by_when} to arrange a time that suits you.")
            elif "parent" in low or (parents and parents in low):
                continue  # telling the parents: this letter does
            else:
                steps.append(f"{who} will {wording.lower_first(part)} by {by_when}.")
    return steps


def _name_only(who: str) -> str:
    return who.split(" (")[0]


def contact_attempts_context(definition: FormDefinition, data: Data) -> Data:
    context = form_context(definition, data)
    context["contact_log"] = contact_log_rows(context, data)
    # the record is never dated before the attempts it records
    last = max((row["date"] for row in data.get("contact_log") or []), default=None)
    written = writing_date(data)
    context["today"] = uk_date(max(written, last) if last else written)
    context["pupil"]["latin_name"] = letterhead.pupil_display_name(data["pupil"])
    return context


def _has_contact_log(data: Data) -> bool:
    return bool(data.get("contact_log"))


LEAFLET = DocumentType("leaflet", "Information leaflet for parents and carers", "leaflet.docx",
                       ("iep",), leaflet_context, audience="parents",
                       post=wording.explain_abbreviations,
                       warnings=lambda data: letterhead.settings_warnings(framework=BIRMINGHAM,
                                                                          leaflet=True))


def _letter_warnings(data: Data) -> list[str]:
    return letterhead.settings_warnings(data["pupil"], framework=BIRMINGHAM)


def _letter_post(data: bytes, context: Data) -> bytes:
    return add_logo(wording.explain_abbreviations(data), context)


for _doc in (
    LEAFLET,
    DocumentType("letter_high_focus", "Letter to parents: starting a High Focus period",
                 "letter_high_focus.docx", ("hf_iep",), high_focus_letter_context,
                 audience="parents", post=_letter_post, warnings=_letter_warnings),
    DocumentType("letter_review_invitation", "Letter to parents: invitation to the review",
                 "letter_review_invitation.docx", ("hf_iep",), high_focus_letter_context,
                 audience="parents", post=_letter_post, warnings=_letter_warnings),
    DocumentType("letter_review_outcome", "Letter to parents: outcome of the review",
                 "letter_review_outcome.docx", ("hf_review",), review_letter_context,
                 audience="parents", post=_letter_post, warnings=_letter_warnings),
    DocumentType("contact_attempts", "Record of attempts to contact parents or carers",
                 "contact_attempts.docx", ("iep", "hf_iep"), contact_attempts_context,
                 applies=_has_contact_log),
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
    context = generic_leaflet_context(school, senco, contact)
    return wording.explain_abbreviations(render_to_bytes(template, context))
