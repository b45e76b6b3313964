"""One XML part redacted: attributes that are identifiers, links, text split across runs and
tabs, field codes, and what must never change."""

from __future__ import annotations

from lxml import etree

from docgen.redaction.finder import Finder
from docgen.redaction.identity import Identity
from docgen.redaction.package import free_text, redact_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FINDER = Finder(Identity({"Zofia Maria": "Z. M.", "Zofia": "Z.", "Maria": "M."}))


def redacted(xml: str) -> etree._Element:
    return etree.fromstring(redact_xml(xml.encode(), FINDER))


def test_identifiers_are_redacted_without_dots() -> None:
    root = redacted(f'<w:document xmlns:w="{W}"><w:body><w:p><w:bookmarkStart w:id="0" '
                    f'w:name="Zofia_notes"/><w:r><w:t>x</w:t></w:r></w:p>'
                    f'<w:sdt><w:sdtPr><w:tag w:val="Zofia"/><w:alias w:val="Zofia"/>'
                    f'</w:sdtPr></w:sdt></w:body></w:document>')
    assert root.find(f".//{{{W}}}bookmarkStart").get(f"{{{W}}}name") == "Z_notes"
    assert root.find(f".//{{{W}}}tag").get(f"{{{W}}}val") == "Z"
    assert root.find(f".//{{{W}}}alias").get(f"{{{W}}}val") == "Z."  # text a person reads


def test_an_external_link_is_redacted_and_a_part_s_own_target_never() -> None:
    root = redacted(f'<Relationships xmlns="{RELS}">'
                    f'<Relationship Id="r1" Type="image" Target="media/Zofia.png"/>'
                    f'<Relationship Id="r2" Type="hyperlink" TargetMode="External" '
                    f'Target="https://example.org/Zofia"/></Relationships>')
    first, second = root
    assert first.get("Target") == "media/Zofia.png"  # renaming it would break the package
    assert second.get("Target") == "https://example.org/Z"


def test_a_name_split_across_runs_and_a_tab_goes_into_the_first_run() -> None:
    root = redacted(f'<w:document xmlns:w="{W}"><w:body><w:p>'
                    f'<w:r><w:t>Dear Zof</w:t></w:r><w:r><w:t>ia</w:t></w:r>'
                    f'<w:r><w:t xml:space="preserve"> Maria,</w:t></w:r>'
                    f'<w:r><w:tab/><w:t>Maria</w:t></w:r>'
                    f'<w:r><w:instrText> REF Zofia </w:instrText></w:r></w:p></w:body>'
                    f'</w:document>')
    texts = [t.text or "" for t in root.iter(f"{{{W}}}t")]
    assert texts == ["Dear Z. M.", "", ",", "M."]
    assert all(t.get(XML_SPACE) == "preserve" for t in root.iter(f"{{{W}}}t"))
    (field,) = root.iter(f"{{{W}}}instrText")
    assert field.text == " REF Z. "


def test_which_attributes_hold_typed_text() -> None:
    assert free_text("docPr", "descr") and free_text("docPr", "name")
    assert free_text("alias", "val") and not free_text("alias", "id")
    assert not free_text("pStyle", "val") and not free_text("rFonts", "ascii")


def test_a_copy_that_would_still_name_the_pupil_is_refused_whole() -> None:
    """A part's own file name cannot be changed without breaking the package: the scanner
    finds it, and nothing is written."""
    import io
    import zipfile

    import pytest

    from docgen.errors import InvalidInput
    from docgen.redaction import identity_of, redacted_copy

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body><w:p><w:r>'
                                              "<w:t>Dear Zofia</w:t></w:r></w:p></w:body>"
                                              "</w:document>")
        archive.writestr("word/_rels/document.xml.rels",
                         f'<Relationships xmlns="{RELS}"><Relationship Id="r1" Type="image" '
                         'Target="media/Zofia.png"/></Relationships>')
        archive.writestr("word/_rels/header1.xml.rels",
                         f'<Relationships xmlns="{RELS}"><Relationship Id="r1" Type="image" '
                         'Target="media/Zofia-2.png"/></Relationships>')
    with pytest.raises(InvalidInput) as caught:
        redacted_copy(buffer.getvalue(), identity_of({"pupil": {"forename": "Zofia"}}),
                      "report.docx")
    assert caught.value.format_message() == (
        "report.docx: the redacted copy would still show what identifies the pupil, so docgen "
        "did not write it:\n  - word/_rels/document.xml.rels (attribute Target): a name\n"
        "  - word/_rels/header1.xml.rels (attribute Target): a name\n"
        "Remove it from the evidence file it comes from, or make the copy without --redact and "
        "remove it by hand.")
