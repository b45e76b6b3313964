"""Redacted copies hold nothing that identifies the pupil: names however typed, in every part
and property, the family whatever their surname, any UPN and the date of birth in free text,
and the manifest beside a pack. The leak scanner checks every part of every output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from docgen.cli import main
from docgen.redaction import Finder, Identity, identity_of
from docgen.redaction.scanner import Scanner, scan_paths
from tests.docx_helpers import all_text
from tests.redaction.builders import FATHER, MOTHER, family_case, hidden_names_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def zofia() -> Finder:
    identity = Identity(upn="N330200117012", date_of_birth=dt.date(2015, 1, 22))
    for name in ("Zofia", "Wiśniewska", "Zosia"):
        identity.add_name(name)
    identity.add_names_in(f"{MOTHER} and {FATHER}")
    return Finder(identity)


@pytest.mark.parametrize(("typed", "expected"), [
    ("Zofia Wiśniewska", "Z. W."),
    ("ZOFIA WIŚNIEWSKA", "Z. W."),
    ("zofia wisniewska", "Z. W."),
    ("Zofia Wis\u0301niewska", "Z. W."),  # NFD: s + combining acute
    ("Zofia\u00a0Wiśniewska", "Z.\u00a0W."),
    ("Zosia's mum, Mrs O’Brien", "Z.'s mum, Mrs O."),
    ("Mrs O`BRIEN and SIOBHAN", "Mrs O. and S."),
    ("Tadeusz NOWAK-Wiśniewska", "T. N.-W."),
    ("Zofiana and Nowakowski", "Zofiana and Nowakowski"),  # other names that begin alike
    ("UPN: N 3302 0011 7012.", "UPN: [UPN removed]."),
    ("upn n330-200-117-012", "upn [UPN removed]"),
    ("temporary UPN A33020011701B", "temporary UPN [UPN removed]"),
    ("born 22/01/2015", "born [date of birth removed]"),
    ("born 22.1.15, or 2015-01-22", "born [date of birth removed], or [date of birth removed]"),
    ("born on the 22nd of January, 2015", "born on the [date of birth removed]"),
    ("born January 22, 2015", "born [date of birth removed]"),
    ("ur. 22 stycznia 2015", "ur. [date of birth removed]"),
    ("ganwyd 22 Ionawr 2015", "ganwyd [date of birth removed]"),
    ("reviewed 22/01/2016 and 23/01/2015", "reviewed 22/01/2016 and 23/01/2015"),
])
def test_the_finder_reads_text_as_a_reader_does(zofia: Finder, typed: str, expected: str
                                                ) -> None:
    assert zofia.redact(typed) == expected


def test_names_in_scripts_without_capitals() -> None:
    identity = Identity()
    identity.add_name("عائشہ")
    identity.add_names_in("فاطمہ رحمان اور محمد رحمان")
    finder = Finder(identity)
    assert finder.redact("Dear فاطمہ رحمان اور محمد رحمان,") == "Dear ف. ر. اور م. ر.,"
    # typed on an Arabic keyboard (ه for ہ), and with 'and' joined to the next name
    assert finder.redact("فاطمه رحمان ومحمد") == "ف. ر. وم."
    assert finder.redact("عائشه") == "ع."


def test_make_redact_with_urdu_parents(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "aisha-rahman" / "hf_iep.yaml").read_text("utf-8"))
    data["pupil"]["parents"] = "فاطمہ رحمان اور محمد رحمان"
    path = tmp_path / "hf_iep.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    result = run("make", str(path), "-o", str(tmp_path / "out"), "--redact")
    assert result.exit_code == 0, result.output
    letter = next((tmp_path / "out").glob("*-letter-high-focus-redacted.docx")).read_bytes()
    assert "Dear ف. ر. اور م. ر.," in all_text(letter)
    identity = identity_of({"pupil": {**data["pupil"],
                                      "date_of_birth": dt.date(2013, 5, 30)}})
    assert scan_paths([tmp_path / "out"], identity, strict=True) == []
    unredacted = tmp_path / "plain"
    assert run("make", str(path), "-o", str(unredacted)).exit_code == 0
    assert len(scan_paths([unredacted], identity, strict=True)) > 5  # the scanner can fail


def test_a_redacted_pack_leaks_nothing_anywhere(tmp_path: Path) -> None:
    case = family_case(tmp_path / "case")
    out = tmp_path / "pack-redacted.docx"
    result = run("pack", str(case), "-o", str(out), "--redact")
    assert result.exit_code == 0, result.output
    from docgen.packs import check_case
    from docgen.packs.case import case_identity

    identity = case_identity(check_case(case).case)
    assert {"Tadeusz", "Nowak", "Siobhán", "O'Brien", "Zofia"} <= set(identity.names)
    manifest = out.with_suffix(".manifest.json")
    leaks = scan_paths([out, manifest], identity, strict=True)
    assert leaks == [], "\n".join(leak.describe() for leak in leaks)
    text = all_text(out.read_bytes())
    assert "Assessment of Z. W." in text
    assert "Mum (S. O.) and Dad (T. N.) came to every session with Z." in text
    assert "Date of birth: [date of birth removed] ([date of birth removed]). UPN [UPN " \
           "removed]." in text
    document = json.loads(manifest.read_text("utf-8"))
    assert "case_folder" not in document
    titles = [f.get("title") for f in document["files"]]
    assert "Views of Mrs O." in titles
    plain = tmp_path / "pack.docx"
    assert run("pack", str(case), "-o", str(plain)).exit_code == 0
    found = {(leak.part, leak.where) for leak in scan_paths([plain], identity, strict=True)}
    for where in [("word/document.xml", "attribute instr"),
                  ("word/document.xml", "attribute val"),
                  ("word/document.xml", "attribute name"),
                  ("word/document.xml", "paragraph"),
                  ("word/_rels/document.xml.rels", "attribute Target")]:
        assert where in found, where  # the scanner sees every place the redactor cleans


def test_every_part_of_a_hostile_evidence_file_is_redacted(tmp_path: Path) -> None:
    """The evidence document on its own (headers, footers, properties and settings are not
    all merged into a pack, but a redacted copy must clean them wherever they are)."""
    from docgen.redaction.package import redact_package

    identity = Identity(upn="N330200117012", date_of_birth=dt.date(2015, 1, 22))
    for name in ("Zofia", "Wiśniewska", "Zosia"):
        identity.add_name(name)
    identity.add_names_in(f"{MOTHER} and {FATHER}")
    original = hidden_names_document()
    scanner = Scanner(identity, strict=True)
    before = {leak.part for leak in scanner.scan_bytes(original, "evidence.docx")}
    assert {"word/header1.xml", "word/footer1.xml", "docProps/core.xml", "word/settings.xml",
            "word/document.xml", "word/_rels/document.xml.rels"} <= before
    redacted = redact_package(original, Finder(identity))
    assert scanner.scan_bytes(redacted, "evidence.docx") == []
    from docgen.render.checks import ooxml_problems, package_problems

    # the package holds together as well as it did: only text and names changed
    assert package_problems(redacted) == package_problems(original)
    for name, data in (("original.docx", original), ("redacted.docx", redacted)):
        (tmp_path / name).write_bytes(data)
    assert ooxml_problems(tmp_path / "redacted.docx") == ooxml_problems(
        tmp_path / "original.docx")


def test_the_copy_is_not_written_if_anything_is_left(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """If the redactor ever missed something, the scanner stops the copy being written."""
    import docgen.redaction.package

    monkeypatch.setattr(docgen.redaction.package, "redact_package", lambda data, finder: data)
    case = family_case(tmp_path / "case")
    out = tmp_path / "pack-redacted.docx"
    result = run("pack", str(case), "-o", str(out), "--redact")
    assert result.exit_code == 1
    assert "the redacted copy would still show what identifies the pupil, so docgen did not " \
           "write it:\n  - word/document.xml (paragraph): a name" in result.stderr
    assert "Nowak" not in result.output and "Zofia" not in result.output
    assert not out.exists()


def test_a_redacted_iep_with_identifiers_typed_in_free_text(tmp_path: Path) -> None:
    data = yaml.safe_load((SAMPLES / "zofia-wisniewska" / "iep.yaml").read_text("utf-8"))
    data["views"]["pupil"] = "ZOSIA says: my UPN is N330 2001 1701 2 and my birthday " \
                             "is 22-01-2015."
    data["pupil"]["parents"] = MOTHER
    path = tmp_path / "iep.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    assert run("make", str(path), "-o", str(out), "--redact").exit_code == 0
    identity = identity_of({"pupil": {**data["pupil"], "date_of_birth": dt.date(2015, 1, 22)}})
    assert scan_paths([out], identity, strict=True) == []
    text = all_text(next(out.glob("*-iep-redacted.docx")).read_bytes())
    assert "Z. says: my UPN is [UPN removed] and my birthday is [date of birth removed]." \
        in text


def test_the_leak_scan_script(tmp_path: Path) -> None:
    import subprocess
    import sys

    case = family_case(tmp_path / "case")
    redacted, plain = tmp_path / "r.docx", tmp_path / "p.docx"
    assert run("pack", str(case), "-o", str(redacted), "--redact").exit_code == 0
    assert run("pack", str(case), "-o", str(plain)).exit_code == 0
    script = Path(__file__).resolve().parents[2] / "tools" / "leak_scan.py"
    clean = subprocess.run([sys.executable, str(script), "--case", str(case), str(redacted),
                            str(redacted.with_suffix(".manifest.json"))],
                           capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.startswith("No leaks in 2 files")
    leaky = subprocess.run([sys.executable, str(script), "--case", str(case), str(plain)],
                           capture_output=True, text=True, timeout=120)
    assert leaky.returncode == 1
    assert f"{plain} word/document.xml (paragraph): name in " in leaky.stdout
