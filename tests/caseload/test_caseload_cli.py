"""`docgen caseload` as a user meets it: layouts, unreadable files, outputs, messages."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from openxml_audit import OpenXmlValidator

from docgen.cli import main
from tests.caseload.registers import ANN, BEN, CRISP, iep, row, school_register, write
from tests.docx_helpers import open_doc, table_rows


def caseload(register: Path, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["caseload", str(register), "-o", str(out),
                                       "--today", "2026-11-30", *extra])
    return result.exit_code, result.output


def pupils_csv(out: Path) -> list[dict[str, str]]:
    text = (out / "caseload.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), dialect="excel"))


def test_a_pupils_forms_are_grouped_however_the_folders_are_laid_out(tmp_path: Path) -> None:
    register = school_register(tmp_path / "register")
    # Ben's CRISP record in a folder of CRISP records, his UPN typed in lower case with spaces
    crisp = {**CRISP, "pupil": {**BEN, "upn": f"{BEN['upn'][:4].lower()} {BEN['upn'][4:]}"}}
    write(register / "crisp records" / "b-brook.yaml", crisp)
    code, output = caseload(register, tmp_path / "out", "--jobs", "2")
    assert code == 0, output
    rows = {row["Surname"]: row for row in pupils_csv(tmp_path / "out")}
    assert sorted(rows) == ["Able", "Brook", "Cole", "Dale"]
    assert rows["Brook"]["Need"] == \
        "Band 4: 1. Curriculum access, 4. Learning Activities"  # from the CRISP record
    assert rows["Brook"]["UPN"] == BEN["upn"]


def test_unreadable_files_are_listed_and_never_stop_the_report(tmp_path: Path) -> None:
    register = school_register(tmp_path / "register")
    (register / "damaged.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (register / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (register / "letter.json").write_text('{"to": "someone"}', "utf-8")
    broken = iep(ANN, "sa", [row("Phonics", "TA", 4, 20, 4)])
    broken["plan"]["review_date"] = "2026-08-01"  # before the start: an error on the form
    write(register / "ann-second-iep.yaml", {"form": "iep", **broken})
    code, output = caseload(register, tmp_path / "out")
    assert code == 0, output
    assert output.splitlines()[-1] == \
        "4 pupils; 0 reviews overdue; 4 due in the next 14 days; 4 forms could not be used"
    data = (tmp_path / "out" / "caseload.docx").read_bytes()
    listed = {source: reason for source, reason in
              table_rows(data, "Files in the register that could not be used")[1:]}
    assert sorted(listed) == ["ann-second-iep.yaml", "damaged.docx", "letter.json", "old.doc"]
    assert listed["damaged.docx"].startswith("the file is damaged or incomplete")
    assert listed["ann-second-iep.yaml"] == \
        'the form has 1 problem to put right (The plan, "Review date")'
    ann = next(r for r in pupils_csv(tmp_path / "out") if r["Surname"] == "Able")
    assert 'ann-second-iep.yaml not used: the form has 1 problem to put right' in ann["Checks"]
    assert "  not used: damaged.docx: the file is damaged" in output


def test_nothing_is_overwritten_without_force_and_nothing_is_read_first(tmp_path: Path) -> None:
    register = school_register(tmp_path / "register")
    out = tmp_path / "out"
    out.mkdir()
    (out / "deadlines.ics").write_bytes(b"the SENCo's own calendar")
    (register / "damaged.docx").write_bytes(b"not a zip")
    code, output = caseload(register, out)
    assert code == 1
    assert "deadlines.ics" in output and "Use --force to replace them" in output
    assert "damaged" not in output  # refused before the register was read
    assert sorted(p.name for p in out.iterdir()) == ["deadlines.ics"]
    assert (out / "deadlines.ics").read_bytes() == b"the SENCo's own calendar"
    code, output = caseload(register, out, "--force")
    assert code == 0, output
    assert (out / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_output_inside_the_register_is_not_read_back(tmp_path: Path) -> None:
    register = school_register(tmp_path / "register")
    for _ in range(2):
        code, output = caseload(register, register / "caseload", "--force")
        assert code == 0, output
        assert output.splitlines()[-1] == "4 pupils; 0 reviews overdue; 4 due in the next 14 days"


def test_a_bad_settings_file_is_one_clear_message(tmp_path: Path) -> None:
    register = school_register(tmp_path / "register")
    settings = tmp_path / "settings.yaml"
    settings.write_text("staff:\n  - name: Mrs Hale\n    hourly_rate: lots\n", "utf-8")
    code, output = caseload(register, tmp_path / "out", "--settings", str(settings))
    assert code == 2
    assert output.strip() == (
        f"Error: {settings}: 'staff, entry 1, hourly_rate' must be a number, for example "
        "14.50\nSee docs/caseload.md for the settings file's format.")
    assert not (tmp_path / "out").exists()


def test_an_empty_register_still_reports(tmp_path: Path) -> None:
    (tmp_path / "register").mkdir()
    code, output = caseload(tmp_path / "register", tmp_path / "out")
    assert code == 0, output
    assert output.splitlines()[-1] == "0 pupils; 0 reviews overdue; 0 due in the next 14 days"


def test_formula_looking_text_is_neutralised_in_the_csv(tmp_path: Path) -> None:
    register = tmp_path / "register"
    sneaky = {**ANN, "forename": "=HYPERLINK(\"http://x\")", "surname": "+Able"}
    write(register / "x.yaml", {"form": "iep", **iep(sneaky, "sa", [
        row("@SUM(A1)", "-TA", 1, 30, 1)])})
    code, output = caseload(register, tmp_path / "out")
    assert code == 0, output
    pupil = pupils_csv(tmp_path / "out")[0]
    assert (pupil["Forename"], pupil["Surname"]) == ("'=HYPERLINK(\"http://x\")", "'+Able")
    assert pupil["Days until due"] == "11"  # a number stays a number
    text = (tmp_path / "out" / "provision-map.csv").read_bytes().decode("utf-8-sig")
    group = next(csv.DictReader(io.StringIO(text, newline="")))
    assert (group["Provision"], group["Who"]) == ("'@SUM(A1)", "'-TA")


@pytest.mark.parametrize("name", ["caseload.docx", "provision-map.docx"])
def test_word_outputs_are_valid_landscape_en_gb_with_real_styles(tmp_path: Path,
                                                                 name: str) -> None:
    register = school_register(tmp_path / "register")
    code, output = caseload(register, tmp_path / "out")
    assert code == 0, output
    path = tmp_path / "out" / name
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, result.errors
    document = open_doc(path.read_bytes())
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape A4
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    assert document.core_properties.language == "en-GB"
    assert document.paragraphs[0].style.name == "Title"
    for table in document.tables:
        tr_pr = table.rows[0]._tr.trPr
        assert tr_pr is not None and tr_pr.xpath("./w:tblHeader")
        assert {p.style.name for r in table.rows[1:] for c in r.cells
                for p in c.paragraphs} == {"Table Text"}
    assert "Confidential" in section.header.paragraphs[0].text
