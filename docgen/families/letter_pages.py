"""Page furniture for parent documents: the school's logo in the letterhead, the plain agenda
of the review meeting, and the rows of the record of contact attempts."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from docgen import letterhead

Data = dict[str, Any]
LOGO_HEIGHT = Cm(2)

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


def add_logo(data: bytes, context: Data) -> bytes:
    """Put the school's logo (from the settings) above the letterhead's name, with its alt
    text; a school without a logo gets the letter as it is."""
    school = letterhead.school_for(context["pupil"])
    if school.logo is None:
        return data
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
