"""Batch runs lose nothing: no input written over, no edited document replaced without
--force, colliding names both kept (the same names on every run), a report that only lists
files that are there, an index that never calls a lost document unchanged."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.batch import INDEX
from docgen.cli import main
from tests.robustness.conftest import filled_form, sample

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TOMOS_IEP = "Llŷr-Evans-Tomos-iep.docx"
TOMOS_LEAFLET = "Llŷr-Evans-Tomos-leaflet.docx"


def batch(register: Path, out: Path, *extra: str):
    return CliRunner().invoke(main, ["batch", str(register), "-o", str(out), *extra])


def report(out: Path) -> dict[str, dict[str, str]]:
    with (out / "report.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {row["input"]: row for row in csv.DictReader(handle)}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_batch_into_the_register_never_writes_over_a_form(tmp_path: Path, force: list[str]
                                                          ) -> None:
    """The form is saved under the very name of the document it makes."""
    register = tmp_path / "register"
    register.mkdir()
    form = register / TOMOS_IEP
    form.write_bytes(filled_form(sample()))
    before = digest(form)
    for _ in range(2):
        result = batch(register, register, *force)
        assert result.exit_code == 0, result.output
        assert digest(form) == before
    row = report(register)[TOMOS_IEP]
    renamed = "Llŷr-Evans-Tomos-iep-from-Llŷr-Evans-Tomos-iep.docx"
    assert row["documents written"] == f"{renamed}; {TOMOS_LEAFLET}"
    assert (register / renamed).is_file()


def test_make_never_writes_over_its_form_even_with_force(tmp_path: Path) -> None:
    form = tmp_path / TOMOS_IEP
    form.write_bytes(filled_form(sample()))
    before = digest(form)
    result = CliRunner().invoke(main, ["make", str(form), "-o", str(tmp_path), "--force"])
    assert result.exit_code == 1
    assert result.stderr[result.stderr.index("Error:"):] == (
        f"Error: {form}: this is the file docgen is reading, so docgen will not write over "
        "it, even with --force\nChoose another folder (or file name) for what docgen makes.\n")
    assert digest(form) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [TOMOS_IEP]  # nothing else written


def _pupil_register(tmp_path: Path) -> Path:
    register = tmp_path / "register"
    shutil.copytree(SAMPLES / "tomos-llyr-evans", register / "tomos",
                    ignore=shutil.ignore_patterns("hf_*", "crisp*"))
    return register


def test_an_edited_document_is_not_replaced_without_force(tmp_path: Path) -> None:
    register, out = _pupil_register(tmp_path), tmp_path / "out"
    assert batch(register, out).exit_code == 0
    document = out / "tomos" / TOMOS_IEP
    document.write_bytes(b"the SENCo's own edits")
    form = register / "tomos" / "iep.yaml"
    form.write_text(form.read_text("utf-8").replace("Oakfield", "Oakfields"), "utf-8")
    result = batch(register, out)
    assert result.exit_code == 1
    row = report(out)["tomos/iep.yaml"]
    assert row["status"] == "failed" and row["documents written"] == ""
    assert row["errors"] == (f"{document}: this document was changed after docgen made it, so "
                             "docgen did not replace it. Use --force to replace it, or move "
                             "your copy elsewhere.")
    assert document.read_bytes() == b"the SENCo's own edits"
    assert not [p for p in (out / "tomos").iterdir() if p.name.endswith(".part")]
    assert batch(register, out, "--force").exit_code == 0
    assert document.read_bytes().startswith(b"PK")


def test_an_unchanged_document_of_a_changed_input_is_remade(tmp_path: Path) -> None:
    register, out = _pupil_register(tmp_path), tmp_path / "out"
    assert batch(register, out).exit_code == 0
    form = register / "tomos" / "iep.yaml"
    stat = form.stat()
    form.write_text(form.read_text("utf-8").replace("Oakfield", "Oakfielt"), "utf-8")
    os.utime(form, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # a copy that kept the old time
    result = batch(register, out)
    assert result.exit_code == 0, result.output
    assert report(out)["tomos/iep.yaml"]["status"] == "ok"


def test_a_file_docgen_did_not_make_is_not_replaced_without_force(tmp_path: Path) -> None:
    register, out = _pupil_register(tmp_path), tmp_path / "out"
    (out / "tomos").mkdir(parents=True)
    (out / "tomos" / TOMOS_LEAFLET).write_bytes(b"a leaflet made by hand")
    result = batch(register, out)
    assert result.exit_code == 1
    assert report(out)["tomos/iep.yaml"]["errors"] == (
        f"{out / 'tomos' / TOMOS_LEAFLET}: this file already exists and docgen did not make "
        "it from this input, so docgen did not replace it. Use --force to replace it, or move "
        "it elsewhere.")
    assert not (out / "tomos" / TOMOS_IEP).exists()  # an input's documents go together
    assert (out / "tomos" / TOMOS_LEAFLET).read_bytes() == b"a leaflet made by hand"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_two_terms_and_two_pupils_of_one_name_all_survive_with_stable_names(
        tmp_path: Path, jobs: str) -> None:
    """Last term's and this term's IEP for the same pupil, and another pupil of the same
    name, in one folder."""
    register = tmp_path / "register"
    register.mkdir()
    text = (SAMPLES / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8")
    (register / "iep-autumn.yaml").write_text(text, "utf-8")
    (register / "iep-spring.yaml").write_text(text.replace("Oakfield", "Oakfields"), "utf-8")
    # another pupil of the same name (another UPN, another date of birth)
    (register / "other.yaml").write_text(text.replace("K330200116007", "Z330200116008")
                                         .replace("2017-03-14", "2017-06-02"), "utf-8")
    out = tmp_path / "out"
    expected = {
        "iep-autumn.yaml": f"{TOMOS_IEP}; {TOMOS_LEAFLET}",
        "iep-spring.yaml": "Llŷr-Evans-Tomos-iep-from-iep-spring.docx; "
                           "Llŷr-Evans-Tomos-leaflet-from-iep-spring.docx",
        "other.yaml": "Llŷr-Evans-Tomos-iep-from-other.docx; "
                      "Llŷr-Evans-Tomos-leaflet-from-other.docx",
    }
    for extra in ([], ["--force"], []):
        result = batch(register, out, "--jobs", jobs, *extra)
        rows = report(out)
        for name, written in expected.items():
            assert rows[name]["documents written"] == written
        for row in rows.values():
            for name in filter(None, row["documents written"].split("; ")):
                assert (out / name).is_file()
    assert "Oakfields" in _text(out / "Llŷr-Evans-Tomos-iep-from-iep-spring.docx")
    assert "Oakfields" not in _text(out / TOMOS_IEP)
    assert "Z330200116008" in _text(out / "Llŷr-Evans-Tomos-iep-from-other.docx")
    assert result.exit_code == 0
    assert len(list(out.glob("*.docx"))) == 6


def _text(path: Path) -> str:
    from tests.docx_helpers import all_text

    return all_text(path.read_bytes())


def test_a_lost_document_is_never_called_unchanged(tmp_path: Path) -> None:
    register, out = _pupil_register(tmp_path), tmp_path / "out"
    assert batch(register, out).exit_code == 0
    (out / "tomos" / TOMOS_IEP).unlink()
    assert batch(register, out).exit_code == 0
    row = report(out)["tomos/iep.yaml"]
    assert row["status"] == "ok"
    assert (out / "tomos" / TOMOS_IEP).is_file()


def test_an_older_index_where_two_inputs_shared_a_document_remakes_both(tmp_path: Path
                                                                       ) -> None:
    """An earlier docgen let the second input's document replace the first's; both claimed
    it in the index."""
    register = tmp_path / "register"
    register.mkdir()
    text = (SAMPLES / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8")
    (register / "a.yaml").write_text(text, "utf-8")
    (register / "b.yaml").write_text(text.replace("Oakfield", "Oakfields"), "utf-8")
    out = tmp_path / "out"
    assert batch(register, out).exit_code == 0
    index = json.loads((out / INDEX).read_text("utf-8"))
    for entry in index.values():
        entry["outputs"] = [TOMOS_IEP, TOMOS_LEAFLET]
        entry.pop("made")
    (out / INDEX).write_text(json.dumps(index), "utf-8")
    for made_by_b in out.glob("*-from-b.docx"):
        made_by_b.unlink()
    assert batch(register, out).exit_code == 0
    rows = report(out)
    assert rows["a.yaml"]["status"] == rows["b.yaml"]["status"] == "ok"
    assert (out / "Llŷr-Evans-Tomos-iep-from-b.docx").is_file()


def test_report_is_excel_ready_and_cannot_be_a_formula(tmp_path: Path) -> None:
    register = tmp_path / "register"
    register.mkdir()
    (register / "=HYPERLINK(1).yaml").write_text("form: iep\n", "utf-8")
    (register / "@SUM(A1).json").write_text("{}", "utf-8")
    (register / "two\nlines  failed: forged.yaml").write_text("x: [", "utf-8")
    (register / "Wiśniewska.yaml").write_text(
        (SAMPLES / "zofia-wisniewska" / "iep.yaml").read_text("utf-8"), "utf-8")
    result = batch(register, tmp_path / "out")
    raw = (tmp_path / "out" / "report.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfinput,status,") and b"\r\n" in raw
    rows = report(tmp_path / "out")
    assert set(rows) == {"'=HYPERLINK(1).yaml", "'@SUM(A1).json",
                         "two\\nlines  failed: forged.yaml", "Wiśniewska.yaml"}
    assert rows["Wiśniewska.yaml"]["status"] == "ok"
    assert all(not row[key].startswith(("=", "+", "-", "@"))
               for row in rows.values() for key in row)
    lines = result.stderr.splitlines()
    assert "  failed: two\\nlines  failed: forged.yaml: " in result.stderr
    assert not any(line.startswith("lines") for line in lines)


@pytest.mark.parametrize("victim", ["attendance.docx", "iep.yaml", "case.yaml"])
def test_pack_never_writes_over_the_case_folders_files(tmp_path: Path, victim: str) -> None:
    case = tmp_path / "case"
    shutil.copytree(SAMPLES / "zofia-wisniewska" / "case", case)
    before = digest(case / victim)
    result = CliRunner().invoke(main, ["pack", str(case), "-o", str(case / victim), "--force"])
    assert result.exit_code == 1
    assert f"{case / victim}: this is the file docgen is reading" in result.stderr
    assert digest(case / victim) == before


def test_templates_check_never_annotates_over_the_template(tmp_path: Path) -> None:
    from docgen.resources import data_dir

    template = tmp_path / "iep.docx"
    shutil.copy(data_dir("templates") / "iep.docx", template)
    before = digest(template)
    result = CliRunner().invoke(main, ["templates", "check", str(template), "--annotate",
                                       str(template), "--force"])
    assert result.exit_code == 1
    assert f"{template}: this is the file docgen is reading" in result.stderr
    assert digest(template) == before


def test_batch_into_the_register_with_a_case_folder_twice(tmp_path: Path) -> None:
    """The pack a batch makes into the case folder itself is not read back as evidence."""
    register = tmp_path / "register"
    shutil.copytree(SAMPLES / "zofia-wisniewska" / "case", register / "case")
    for expected in ("ok", "skipped", "ok"):
        if expected == "ok" and (register / "report.csv").exists():  # the case changes
            manifest = register / "case" / "case.yaml"
            manifest.write_text(manifest.read_text("utf-8") + "# reviewed\n", "utf-8")
        result = batch(register, register)
        assert result.exit_code == 0, result.output
        assert report(register)["case"]["status"] == expected
        assert report(register)["case"]["documents written"] == (
            "case/statutory-request-pack.docx; case/statutory-request-pack.manifest.json")
    assert sorted(p.name for p in (register / "case").glob("statutory-request-pack*")) == [
        "statutory-request-pack.docx", "statutory-request-pack.manifest.json"]
