"""A fictional family whose names hide everywhere a Word document can hold them.

Zofia Wiśniewska (known as Zosia) lives with her mother, Mrs Siobhán O'Brien, and her father,
Mr Tadeusz Nowak: neither shares her surname, and her father is named only as an attendee of
the review whose role is 'Father'. The evidence file below names them in split runs, capitals,
without accents, decomposed (NFD), with Word's curly apostrophe, in the header and footer, a
heading, a caption, a table's alt text, field codes, a bookmark, a content control's title and
tag, a hyperlink's address, document variables and the core properties; the UPN and the date
of birth are typed into its text in other formats.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

CASE = Path(__file__).resolve().parents[2] / "samples" / "zofia-wisniewska" / "case"
MOTHER, FATHER = "Mrs Siobhán O'Brien", "Mr Tadeusz Nowak"
SECRETS = ["Zofia", "Zosia", "Wiśniewska", "Siobhán", "O'Brien", "Tadeusz", "Nowak",
           "N330200117012"]


def family_case(folder: Path) -> Path:
    """The sample case folder, the family renamed as above, and the evidence below added."""
    shutil.copytree(CASE, folder)
    for path in folder.glob("*.yaml"):
        text = path.read_text("utf-8").replace("Views of Mrs Wiśniewska",
                                               "Views of Mrs O’Brien")
        text = text.replace("Mrs Wiśniewska", MOTHER)
        if path.name == "hf_review.yaml":
            text = text.replace("attendees:\n", f"attendees:\n- name: {FATHER}\n  role: Father\n")
        path.write_text(text, "utf-8")
    (folder / "salt-report.docx").write_bytes(hidden_names_document())
    return folder


def hidden_names_document() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Report on Zofia Wiśniewska"
    document.core_properties.author = "Siobhán O’Brien"
    document.core_properties.subject = "ZOFIA"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Speech and language report: ZOFIA WISNIEWSKA"
    section.footer.paragraphs[0].text = "Copy for Mr T. Nowak and Mrs O’BRIEN"
    heading = document.add_heading("", 1)
    for piece in ("Assessment of Zo", "fia Wis", "\u0301niewska"):  # split runs, NFD ś
        heading.add_run(piece)
    document.add_paragraph("Mum (Siobhan O`Brien) and Dad (Tadeusz NOWAK) came to every "
                           "session with Zosia.")
    document.add_paragraph("Date of birth: 22nd January 2015 (22/1/15). "
                           "UPN n 3302-0011 7012.")
    document.add_paragraph("Table 1: Zofia’s scores", style="Caption")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Zofia"
    table.rows[0].cells[1].text = "Wiśniewska"
    table._tbl.tblPr.append(parse_xml(f'<w:tblCaption {nsdecls("w")} w:val="Zosia’s scores"/>'))
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblDescription {nsdecls("w")} w:val="Scores of Zofia Wiśniewska"/>'))
    body = document.element.body
    sect = body[-1]
    for xml in _HIDDEN:
        sect.addprevious(parse_xml(xml))
    out = io.BytesIO()
    document.save(out)
    return _with_settings_variables(_with_link(out.getvalue()))


_HIDDEN = [
    # a complex field: its code names her mother's address; its result names Zosia
    f'<w:p {nsdecls("w")}><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:siobhan.obrien@exam</w:instrText>'
    '</w:r><w:r><w:instrText>ple.invalid" \\o "Email Siobhán O\'Brien" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Email Zosia\'s mum</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    # a simple field, a bookmark and a link to it
    f'<w:p {nsdecls("w")}><w:fldSimple w:instr=\' AUTHOR "Zofia Wiśniewska" \'><w:r>'
    '<w:t>author</w:t></w:r></w:fldSimple><w:bookmarkStart w:id="7" w:name="Zofia_Nowak"/>'
    '<w:r><w:t>Here.</w:t></w:r><w:bookmarkEnd w:id="7"/>'
    '<w:hyperlink w:anchor="Zofia_Nowak" w:tooltip="Back to Zosia"><w:r><w:t>back</w:t></w:r>'
    '</w:hyperlink></w:p>',
    # a content control with a title and tag
    f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Zofia’s name"/><w:tag w:val="nowak"/>'
    '</w:sdtPr><w:sdtContent><w:p><w:r><w:t>Zofia</w:t></w:r><w:r><w:t>-Nowak?</w:t></w:r>'
    '</w:p></w:sdtContent></w:sdt>',
]


def _with_link(data: bytes, address: str = "mailto:tadeusz.nowak@example.invalid") -> bytes:
    """An external hyperlink whose address holds a name."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    rel = ('<Relationship Id="rIdMail" Type="http://schemas.openxmlformats.org/officeDocument/'
           f'2006/relationships/hyperlink" Target="{address}" '
           'TargetMode="External"/>')
    link = (f'<w:p {nsdecls("w", "r")}><w:hyperlink r:id="rIdMail"><w:r><w:t>Write to Dad'
            '</w:t></w:r></w:hyperlink></w:p>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            if info.filename == "word/document.xml":
                part = part.replace(b"<w:sectPr", link.encode() + b"<w:sectPr", 1)
            target.writestr(info, part)
    return out.getvalue()


def _with_settings_variables(data: bytes, pupil: str = "Zofia Wiśniewska") -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    variables = f'<w:docVars><w:docVar w:name="pupil" w:val="{pupil}"/></w:docVars>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/settings.xml":
                part = part.replace(b"</w:settings>", variables.encode() + b"</w:settings>")
            target.writestr(info, part)
    return out.getvalue()


def text_of_parts(data: bytes) -> str:
    """Every part's XML as text, for asserting what a document holds."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                     if n.endswith((".xml", ".rels")))


# The 2015 Code's sample case: Amira Haddad lives with her mother, Mrs Layla Haddad (the only
# parent in the forms' "Parents' or carers' names"), and her father, Mr Karim Nasser, who is
# named only in the parent meeting record's "Who came", as one of "Amira's parents".
CASE_2015 = (Path(__file__).resolve().parents[2] / "samples" / "send2015" / "amira-haddad"
             / "case")
MOTHER_2015, FATHER_2015 = "Mrs Layla Haddad", "Mr Karim Nasser"
SECRETS_2015 = ["Amira", "Haddad", "Layla", "Karim", "Nasser", "M330205126002"]


def family_case_2015(folder: Path) -> Path:
    """The 2015 sample case folder with the family above, and evidence hiding their names."""
    shutil.copytree(CASE_2015, folder)
    for path in folder.glob("*.yaml"):
        text = path.read_text("utf-8").replace("parents: Mr and Mrs Haddad",
                                               f"parents: {MOTHER_2015}")
        text = text.replace("attended: Mr and Mrs Haddad (Amira's parents)",
                            f"attended: {MOTHER_2015} and {FATHER_2015} (Amira’s parents)")
        text = text.replace("and Mr and Mrs Haddad agree.",
                            "and Mrs Haddad and MR NASSER agree.")
        path.write_text(text, "utf-8")
    (folder / "salt-report.docx").write_bytes(hidden_names_document_2015())
    return folder


def hidden_names_document_2015() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Speech and language report on Amira Haddad"
    document.core_properties.author = "Karim Nasser"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Report: AMIRA HADDAD"
    section.footer.paragraphs[0].text = "Copy for Mrs L. Haddad and Mr K. NASSER"
    heading = document.add_heading("", 1)
    for piece in ("Assessment of Am", "ira Had", "dad"):  # split runs
        heading.add_run(piece)
    document.add_paragraph("Mum (Layla) and Dad (Karim Nasser) came to every session; "
                           "Amira’s mother’s number is on file.")
    document.add_paragraph("Date of birth: 17th May 2016 (17/5/16). UPN m 3302-0512 6002.")
    document.add_paragraph("Table 1: Amira’s scores", style="Caption")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Amira"
    table.rows[0].cells[1].text = "Haddad"
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblDescription {nsdecls("w")} w:val="Scores of Amira Nasser-Haddad"/>'))
    document.element.body[-1].addprevious(parse_xml(
        f'<w:p {nsdecls("w")}><w:bookmarkStart w:id="3" w:name="Amira_Haddad"/>'
        '<w:r><w:t>Here.</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>'))
    out = io.BytesIO()
    document.save(out)
    linked = _with_link(out.getvalue(), "mailto:karim.nasser@example.invalid")
    return _with_settings_variables(linked, "Amira Haddad")
