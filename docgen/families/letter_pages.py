"""What every framework's letters share around their body (the letterhead, address block,
reference, date of writing and signatory, an interpreter booked, the school's logo), and page
furniture for Birmingham's parent documents (the plain agenda of the review meeting, the rows
of the record of contact attempts)."""

from __future__ import annotations

import io
from typing import Any

from docgen import letterhead
from docgen.frameworks import Framework

Data = dict[str, Any]
LOGO_HEIGHT = 720_000  # 2 cm in EMU (python-docx is imported only when a logo is added)

# The review meeting's agenda, said plainly for parents (the professional agenda, with its
# ten items, is in the review agenda document).
PLAIN_AGENDA = (
    "how {name} has got on with the targets in the plan",
    "what we now know about {name}'s needs, and the evidence for it",
    "whether there is more help we can give {name} in school",
    "your views, and {name}'s views",
    "whether the help can come from the school's own budget, or whether we should ask the "
    "local authority to assess {name}'s needs",
    "who will do what next, and the date of the next review",
)


def plain_agenda() -> tuple[str, ...]:
    return PLAIN_AGENDA


def letter_parts(context: Data, data: Data, code: str, framework: Framework, *,
                 reached: bool = True, **letter: Any) -> Data:
    """Add to a letter's context what surrounds its body (``letter``; ``letter`` keywords go
    to letterhead.letter: another recipient, address or date), the authority's settings
    (``authority``), whether the parents were reached, and the interpreter booked when the
    form names the parents' language."""
    context["letter"] = letterhead.letter(data, subject_code=code, framework=framework,
                                          **letter)
    context["authority"] = letterhead.authority(framework)
    context["framework"] = framework.key  # the logo comes from this framework's settings
    name = context["pupil"]["first_name"]
    language = (data["pupil"].get("interpreter") or "").strip()
    context["interpreter"] = {
        "language": language,
        "a_language": f"{_a(language)} {language}" if language else "",
        "booked": (f"We will book {_a(language)} {language} interpreter for every meeting "
                   f"about {name}, and we can give you this letter in {language}."
                   if language else ""),
    }
    context["parents_reached"] = reached
    return context


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def add_logo(data: bytes, context: Data) -> bytes:
    """Put the school's logo (from the settings) above the letterhead's name, with its alt
    text; a school without a logo gets the letter as it is."""
    from docgen.frameworks import default, get

    framework = get(context["framework"]) if context.get("framework") else default()
    school = letterhead.school_for(context["pupil"], framework)
    if school.logo is None:
        return data
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = Document(io.BytesIO(data))
    heading = next((p for p in document.paragraphs if p.style.name == "Letterhead"), None)
    if heading is None:
        return data
    holder = heading.insert_paragraph_before()
    holder.paragraph_format.space_after = Cm(0.2)
    holder.add_run().add_picture(str(school.logo), height=LOGO_HEIGHT)
    for doc_pr in holder._p.iter(qn("wp:docPr")):
        doc_pr.set("descr", school.logo_alt)
        doc_pr.set("title", school.logo_alt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def contact_log_rows(context: Data, data: Data) -> list[Data]:
    """The attempts as displayed (Date | Method | By whom | Outcome), in date order."""
    order = sorted(range(len(data.get("contact_log") or [])),
                   key=lambda n: data["contact_log"][n]["date"])
    return [context["contact_log"][n] for n in order]
