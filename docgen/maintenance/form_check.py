"""Checks a blank input form a maintainer restyled in Word: every control still right."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from docgen.definitions import Field, load_definition
from docgen.forms.ns import NSMAP, qn, w14
from docgen.forms.package import open_docx
from docgen.forms.reader import identify


def check_form_file(path: Path) -> list[str]:
    """Problems with the form's controls, one sentence each (empty when all is well)."""
    package = open_docx(path)
    name, version = identify(package)
    definition = load_definition(name)
    problems = []
    if version != definition.version:
        problems.append(f"the form says version {version}; the definition is version "
                        f"{definition.version}")
    controls: dict[str, list[etree._Element]] = {}
    for sdt in package.document.iter(qn("w:sdt")):
        tag = sdt.find("w:sdtPr/w:tag", NSMAP)
        if tag is not None:
            controls.setdefault(tag.get(qn("w:val"), ""), []).append(sdt)
    expected = definition.tags()
    repeated = {f"{s.key}.{f.key}" for s in definition.sections if s.kind == "table"
                for f in s.fields}
    for tag, (section, field) in expected.items():
        found = controls.get(tag, [])
        if not found:
            problems.append(f"no control for “{field.label}” ({section.heading}): add a "
                            f"content control tagged {tag}")
            continue
        if len(found) > 1 and tag not in repeated:
            problems.append(f"{len(found)} controls are tagged {tag} (“{field.label}”); "
                            "keep one")
        for sdt in found[:1]:
            problems += [f"“{field.label}” ({tag}): {p}" for p in _type_problems(sdt, field)]
    for tag, count in Counter({t: len(c) for t, c in controls.items()}).items():
        if tag not in expected:
            problems.append(f"{count} control(s) tagged {tag!r}, which the form does not have: "
                            "remove the tag or correct its spelling")
    return problems


def _type_problems(sdt: etree._Element, field: Field) -> list[str]:
    pr = sdt.find(qn("w:sdtPr"))
    kinds = {"date": pr.find(qn("w:date")) is not None,
             "choice": pr.find(qn("w:dropDownList")) is not None,
             "bool": pr.find(w14("checkbox")) is not None}
    wanted = {"date": "a date picker", "choice": "a drop-down list", "bool": "a check box"}
    problems = []
    if field.type in wanted and not kinds[field.type]:
        problems.append(f"should be {wanted[field.type]}")
    for kind, present in kinds.items():
        if present and kind != field.type:
            problems.append(f"is {wanted[kind]} but should be a text box")
    if field.type == "choice" and kinds["choice"]:
        items = [(i.get(qn("w:value")), i.get(qn("w:displayText")))
                 for i in pr.find(qn("w:dropDownList")).findall(qn("w:listItem"))]
        if items != list(field.choices):
            problems.append("its drop-down choices differ from the form definition ("
                            + "; ".join(t for _, t in field.choices) + ")")
    return problems
