"""A whole Word package redacted: which parts are rewritten and which are copied as they are,
embedded Office files, custom XML data, text boxes, deleted text, field codes, separators
between runs, the XML declaration, and the quick test that leaves most parts untouched."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from docgen.redaction.finder import Finder
from docgen.redaction.fold import fold_only
from docgen.redaction.identity import Identity
from docgen.redaction.package import RAW_SEARCH_BYTES, mentions, redact_package, redact_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
ZOFIA = Identity({"Zofia Maria": "Z. M.", "Zofia": "Z.", "Maria": "M."}, upn="A123456789012")
FINDER = Finder(ZOFIA)


def document(body: str) -> bytes:
    return f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()


def package(*parts: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return buffer.getvalue()


def parts_of(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def texts(xml: bytes, tag: str = "t") -> list[str]:
    return [t.text or "" for t in etree.fromstring(xml).iter(f"{{{W}}}{tag}")]


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r><w:t>{text}</w:t></w:r>" for text in runs) + "</w:p>"


def test_every_xml_part_is_redacted_and_every_other_part_copied_as_it_was() -> None:
    picture = b"\x89PNG Zofia Maria"  # the scanner reports what such parts hold
    inner = package(("word/document.xml", document(paragraph("Dear Maria"))))
    source = package(("[Content_Types].xml", b'<Types xmlns="urn:t"/>'),
                     ("word/Document.XML", document(paragraph("Dear Zofia"))),
                     ("word/_rels/document.xml.rels",
                      f'<Relationships xmlns="{RELS}"><Relationship Id="r1" Type="h" '
                      'TargetMode="External" Target="mailto:zofia@example.invalid"/>'
                      '</Relationships>'.encode()),
                     ("word/vmlDrawing1.vml", b'<xml><v:shape xmlns:v="urn:v" alt="Zofia"/>'
                                              b'</xml>'),
                     ("word/media/image1.png", picture),
                     ("word/embeddings/Report.DOCX", inner),
                     ("word/embeddings/old.docx", b"not a zip: Zofia"))
    out = redact_package(source, FINDER)
    parts = parts_of(out)
    assert list(parts) == list(parts_of(source))  # every part, in its order
    assert texts(parts["word/Document.XML"]) == ["Dear Z."]
    assert b'Target="mailto:Z@example.invalid"' in parts["word/_rels/document.xml.rels"]
    assert b'alt="Z."' in parts["word/vmlDrawing1.vml"]
    assert parts["word/media/image1.png"] == picture
    assert parts["word/embeddings/old.docx"] == b"not a zip: Zofia"
    assert parts["[Content_Types].xml"] == b'<Types xmlns="urn:t"/>'
    assert texts(parts_of(parts["word/embeddings/Report.DOCX"])["word/document.xml"]) == [
        "Dear M."]


def test_custom_xml_data_has_every_attribute_redacted_and_its_properties_do_not() -> None:
    data = b'<pupil xmlns="urn:school" name="Zofia Maria" ref="Zofia"/>'
    props = (b'<ds:datastoreItem xmlns:ds="urn:ds" ds:itemID="Zofia">'
             b'<ds:note>Zofia</ds:note></ds:datastoreItem>')
    parts = parts_of(redact_package(package(("customXml/item1.xml", data),
                                            ("customXml/itemProps1.xml", props)), FINDER))
    assert etree.fromstring(parts["customXml/item1.xml"]).attrib == {"name": "Z. M.",
                                                                    "ref": "Z."}
    redacted_props = etree.fromstring(parts["customXml/itemProps1.xml"])
    assert redacted_props.get("{urn:ds}itemID") == "Zofia"  # an identifier Word matches
    assert redacted_props[0].text == "Z."


def test_a_part_that_names_no_one_is_left_byte_for_byte() -> None:
    xml = b'<?xml version="1.0"?>\n<w:styles xmlns:w="urn:w"  >\n  <w:style w:x="Ann"/>\n' \
          b'</w:styles>'
    assert redact_xml(xml, FINDER) is xml


def test_a_redacted_part_keeps_its_declaration_and_standalone_flag() -> None:
    declared = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + document(
        paragraph("Zofia"))
    out = redact_xml(declared, FINDER)
    assert out.startswith(b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n")
    assert texts(out) == ["Z."]
    plain = redact_xml(document(paragraph("Zofia")), FINDER)
    assert plain.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<w:document")
    assert redact_xml(document(paragraph("Zofia \u015a")), FINDER).endswith(
        "Z. \u015a</w:t></w:r></w:p></w:body></w:document>".encode())


def test_a_text_box_inside_a_paragraph_is_redacted_as_its_own_paragraph() -> None:
    xml = document('<w:p><w:r><w:t>Dear Zo</w:t></w:r><w:r><w:pict>'
                   f'<w:txbxContent>{paragraph("Maria")}</w:txbxContent></w:pict></w:r>'
                   '<w:r><w:t>fia</w:t></w:r></w:p>')
    assert texts(redact_xml(xml, FINDER)) == ["Dear Z.", "M.", ""]


def test_deleted_text_and_field_codes_are_redacted_each_on_their_own() -> None:
    """A tracked change that replaced one name with another leaves them in adjacent runs,
    where no word joins them: each run is redacted on its own as well."""
    xml = document('<w:p><w:del><w:r><w:delText>Zofia</w:delText></w:r></w:del>'
                   '<w:r><w:instrText> REF Zo</w:instrText></w:r><w:r><w:t>Maria</w:t></w:r>'
                   '<w:r><w:delInstrText>fia </w:delInstrText></w:r></w:p>')
    out = redact_xml(xml, FINDER)
    assert texts(out, "delText") == ["Z."]
    assert texts(out) == ["M."]
    assert texts(out, "instrText") + texts(out, "delInstrText") == [" REF Z.", " "]


def test_separators_between_runs_are_read_as_a_reader_sees_them() -> None:
    """A tab or a line break is a space, a non-breaking hyphen a hyphen, an empty run
    nothing: the name they join or end is found."""
    xml = document('<w:p><w:r><w:t>Zofia</w:t><w:noBreakHyphen/><w:t>Maria</w:t></w:r></w:p>'
                   '<w:p><w:r><w:t>Dear</w:t><w:tab/><w:t>Zo</w:t><w:t/><w:t>fia</w:t>'
                   '<w:br/><w:t>Maria</w:t></w:r></w:p>'
                   '<w:p><w:r><w:instrText>REF Zo</w:instrText><w:instrText/>'
                   '<w:instrText>fia</w:instrText></w:r></w:p>')
    out = redact_xml(xml, FINDER)
    assert texts(out) == ["Z. M.", "", "Dear", "Z. M.", "", "", ""]
    assert texts(out, "instrText") == ["REF Z.", "", ""]


def test_a_upn_split_across_runs_goes_into_the_first_run() -> None:
    xml = document(paragraph("UPN A1234", "5678 9012", " on file"))
    assert texts(redact_xml(xml, FINDER)) == ["UPN [UPN removed]", "", " on file"]


def test_text_outside_paragraphs_and_tails_are_redacted_and_blank_tails_kept() -> None:
    xml = (b'<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="urn:dc"><!-- saved by hand -->'
           b'<dc:title>Report on Zofia</dc:title>\n  <dc:subject/>Maria\n</cp:coreProperties>')
    out = etree.fromstring(redact_xml(xml, FINDER))
    assert out[1].text == "Report on Z."
    assert out[1].tail == "\n  "
    assert out[2].tail == "M.\n"


def test_attributes_by_what_they_hold() -> None:
    """Identifiers become initials without dots (Word matches them; a bookmark name cannot
    hold a dot), text a person reads gets dots, an external link's address loses the name,
    and attributes that are neither are left as they are."""
    xml = (f'<w:document xmlns:w="{W}" xmlns:r="urn:r"><w:body>'
           '<w:bookmarkStart w:id="1" w:name="Zofia_Maria"/>'
           '<w:hyperlink w:anchor="Zofia_Maria" w:tooltip="Back to Zofia"/>'
           '<w:docVar w:name="Zofia" w:val="Zofia Maria"/><w:alias w:val="Zofia"/>'
           '<w:pStyle w:val="Zofia"/><w:rFonts w:ascii="Maria"/></w:body></w:document>')
    out = etree.fromstring(redact_xml(xml.encode(), FINDER))
    attributes = [dict(element.attrib) for element in out[0]]
    w = f"{{{W}}}"
    assert attributes == [{f"{w}id": "1", f"{w}name": "Z_M"},
                          {f"{w}anchor": "Z_M", f"{w}tooltip": "Back to Z."},
                          {f"{w}name": "Z", f"{w}val": "Z. M."}, {f"{w}val": "Z."},
                          {f"{w}val": "Zofia"}, {f"{w}ascii": "Maria"}]
    rels = (f'<Relationships xmlns="{RELS}"><Relationship Id="r1" Type="h" '
            'Target="mailto:Zofia.Maria@example.invalid" TargetMode="External"/>'
            '<Relationship Id="r2" Type="i" Target="media/Zofia.png"/></Relationships>')
    first, second = etree.fromstring(redact_xml(rels.encode(), FINDER))
    assert first.get("Target") == "mailto:Z.M@example.invalid"
    assert second.get("Target") == "media/Zofia.png"


def test_the_quick_test_reads_text_run_together_and_raw_xml() -> None:
    def mentioned(xml: bytes, *, thorough: bool = False) -> bool:
        return mentions(etree.fromstring(xml), xml, FINDER, thorough=thorough)

    assert mentioned(b"<a><b>Zo</b><b>fia</b></a>")  # split across runs
    assert mentioned(b"<a>&#90;OFIA</a>")  # in the text only once it is read as text
    assert mentioned(b'<a descr="ZOFIA"/>')  # in an attribute
    assert mentioned(b'<a descr="A123456789012"/>')
    assert not mentioned(b'<a descr="Ann">Ann</a>')
    # a part as large as RAW_SEARCH_BYTES is still searched raw for everything
    tag = b'<a descr="A123456789012">'
    edge = tag + b" " * (RAW_SEARCH_BYTES - len(tag) - 4) + b"</a>"
    assert len(edge) == RAW_SEARCH_BYTES and mentioned(edge)
    # a larger one for the names only, unless the search must be thorough (a strict scan)
    large = tag + b" " * (RAW_SEARCH_BYTES - len(tag) - 3) + b"</a>"
    assert not mentioned(large)
    assert not mentions(etree.fromstring(large), large, FINDER)  # not thorough by default
    assert mentioned(large, thorough=True)
    assert mentioned(b'<a descr="Zofia">' + b" " * RAW_SEARCH_BYTES + b"</a>")
    assert fold_only("ZOFIA") == "zofia"


def test_a_tracked_change_of_the_pupil_s_name_makes_a_redacted_copy_not_a_refusal() -> None:
    """'Zofia' deleted and 'Zosia' inserted with track changes on: the copy is written with
    both as initials (it was refused as still naming her)."""
    from docgen.redaction import identity_of, redacted_copy

    xml = document('<w:p><w:r><w:t xml:space="preserve">Dear </w:t></w:r>'
                   '<w:del w:id="1" w:author="SENCo"><w:r><w:delText>Zofia</w:delText></w:r>'
                   '</w:del><w:ins w:id="2" w:author="SENCo"><w:r><w:t>Zosia</w:t></w:r>'
                   '</w:ins></w:p>')
    identity = identity_of({"pupil": {"forename": "Zofia", "known_as": "Zosia"}})
    out = parts_of(redacted_copy(package(("word/document.xml", xml)), identity, "report.docx"))
    assert texts(out["word/document.xml"]) == ["Dear ", "Z."]
    assert texts(out["word/document.xml"], "delText") == ["Z."]


def test_a_part_in_another_encoding_is_redacted_text_and_attributes() -> None:
    declaration = '<?xml version="1.0" encoding="windows-1252"?>'
    xml = f"{declaration}<a>Zofia's café</a>".encode("cp1252")
    assert etree.fromstring(redact_xml(xml, FINDER)).text == "Z.'s café"
    xml = f'{declaration}<a descr="Photo of Zofia at the café"/>'.encode("cp1252")
    assert etree.fromstring(redact_xml(xml, FINDER)).get("descr") == "Photo of Z. at the café"


def test_entities_are_never_expanded() -> None:
    """A part whose nested entities would grow into a thousand names (the safe parser; such
    parts never come this far from a form or an evidence file) stays as small as it came."""
    tens = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 4))
    xml = f'<!DOCTYPE a [<!ENTITY e0 "Zofia ">{tens}]><a>&e3;</a>'.encode()
    assert redact_xml(xml, FINDER) == b"<?xml version='1.0' encoding='UTF-8'?>\n<a>&e3;</a>"
