"""Custom document properties (docProps/custom.xml): which form or template made a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

CUSTOM_PROPS_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties_xml(values: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CP_NS}}}Properties", nsmap={None: CP_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(root, f"{{{CP_NS}}}property", fmtid=_FMTID, pid=str(pid),
                                name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_custom_properties(document: DocxDocument, values: dict[str, str]) -> None:
    """Add docProps/custom.xml with these string properties to a python-docx document."""
    # python-docx is imported here only: reading a form's properties must not import it.
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPS_CT,
                custom_properties_xml(values), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_custom_properties(root: etree._Element) -> dict[str, str]:
    """Name → text of every property in a parsed docProps/custom.xml."""
    values = {}
    for prop in root.findall(f"{{{CP_NS}}}property"):
        name = prop.get("name")
        if name is not None and len(prop):
            values[name] = prop[0].text or ""
    return values
