"""Builders for the form tests: definitions, realistic raw data, editing document.xml."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from docgen.definitions import load_definition
from docgen.forms.ns import NSMAP, W, qn
from docgen.forms.writer import write_blank_form

IEP = load_definition("iep")
CRISP = load_definition("crisp")
IEP_BLANK = write_blank_form(IEP)
CRISP_BLANK = write_blank_form(CRISP)

# Raw data as the reader returns it: text as typed, ISO dates, choice values, ticks as bools.
IEP_DATA: dict[str, Any] = {
    "pupil": {
        "forename": "عائشہ",
        "surname": "Llŷr-Zażółć",
        "known_as": "Siân",
        "date_of_birth": "2016-02-29",
        "year_group": "5",
        "upn": "K330200116007",
        "school": "Ysgol Gymraeg Smith & Jones <Y5>",
        "dfe_number": "330/2001",
        "senco": "Mrs Bethan Llŷr",
        "parents": "Mr and Mrs Zażółć",
    },
    "plan": {
        "stage": "sa_plus",
        "start_date": "2026-09-07",
        "review_date": "2026-12-14",
        "concerns": "Reading well below age-related expectations.\nSlow recall of number facts.",
        "school_action_first": True,
    },
    "targets": [
        {"what": "Read the first 100 high-frequency words", "how": "Flash cards\twith a TA",
         "how_often": "10 minutes daily", "assessment": "One-minute probe each Friday",
         "success": "90 of 100 words read correctly"},
        {"what": "Blend CVC words", "how": "Phonics with letter tiles\nand whiteboards",
         "how_often": "4 times a week", "assessment": "Half-termly phonics check",
         "success": "Reads 18 of 20 decodable words"},
        {"what": "Spell {{ 7*7 }} key words", "how": "Look, say, cover, write, check",
         "how_often": "Daily", "assessment": "Weekly spelling check",
         "success": "Spells 15 of 20"},
        {"what": "Use a number line to add within 20", "how": "Small group with Mr Llŷr",
         "how_often": "3 times a week", "assessment": "Teacher assessment",
         "success": "Adds within 20 without help\nin 4 of 5 lessons"},
    ],
    "provision": [
        {"what": "Small-group phonics", "who": "Classroom assistant (Mr Dafydd Price)",
         "group_size": "4", "session_minutes": "20", "sessions_per_week": "4"},
        {"what": "Precision teaching", "who": "Siân Llŷr", "group_size": "1",
         "session_minutes": "10", "sessions_per_week": "5"},
        {"what": "Maths intervention\n(Numicon)", "who": "Mrs Zażółć", "group_size": "6",
         "session_minutes": "30", "sessions_per_week": "2"},
    ],
    "views": {
        "pupil": "مجھے اپنا چارٹ دیکھنا پسند ہے\nI like it when my chart goes up.",
        "parents": "We will practise the key words at bedtime.",
    },
    "contact_log": [],
}

CRISP_DATA: dict[str, Any] = {
    "pupil": {"forename": "Zofia", "surname": "Wiśniewska", "date_of_birth": "2014-11-03",
              "year_group": "7", "upn": "A330200214011", "school": "Kingsmead Academy",
              "dfe_number": "330/4102", "senco": "Ms Priya Sharma"},
    "support": {"stage": "sa_plus"},
    "crisp": {"date": "2025-07-15", "kind": "pencilled",
              "agreed_by": "Ms Priya Sharma (SENCo)\nMr Omar Siddiqui"},
    "crisp_threads": [
        {"thread": "1", "band": "2"},
        {"thread": "6", "band": "3", "evidence": "Concentration poor in lessons."},
        {"thread": "9", "evidence": "Conflict with peers (behaviour log)."},
    ],
}


def document_xml(docx: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))


def replace_part(docx: bytes, name: str, data: bytes | None) -> bytes:
    """The package with one part replaced (or left out, with ``data=None``)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
            elif data is not None:
                target.writestr(info, data)
    return out.getvalue()


def with_document(docx: bytes, change: Callable[[etree._Element], None]) -> bytes:
    root = document_xml(docx)
    change(root)
    return replace_part(docx, "word/document.xml",
                        etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def control(root: etree._Element, tag: str) -> etree._Element:
    (found,) = root.xpath("//w:sdt[w:sdtPr/w:tag/@w:val=$tag]", namespaces=NSMAP, tag=tag)
    return found


def fragment(inner: str) -> list[etree._Element]:
    """Elements from a compact inline WordprocessingML string (w: and w14: prefixes)."""
    holder = etree.fromstring(
        f'<holder xmlns:w="{W}" xmlns:w14="{NSMAP["w14"]}">{inner}</holder>')
    return list(holder)


def type_into(docx: bytes, tag: str, inner: str) -> bytes:
    """A form whose control ``tag`` holds ``inner`` and no longer shows its placeholder."""
    def change(root: etree._Element) -> None:
        sdt = control(root, tag)
        for flag in sdt.iterfind("w:sdtPr/w:showingPlcHdr", NSMAP):
            flag.getparent().remove(flag)
        content = sdt.find(qn("w:sdtContent"))
        for child in list(content):
            content.remove(child)
        content.extend(fragment(inner))

    return with_document(docx, change)


def save(tmp_path: Path, docx: bytes, name: str = "form.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(docx)
    return path


def zip_bomb(megabytes: int) -> bytes:
    """A .docx-shaped zip whose document part inflates to ``megabytes`` MB of zeros (about a
    thousandth of that compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\x00" * (1 << 20)
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()
