"""The provision map's groups and totals against figures worked by hand."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.caseload.settings import parse_settings
from docgen.cli import main
from docgen.errors import UnusableInput
from tests.caseload.registers import SETTINGS, school_register
from tests.docx_helpers import open_doc, table_rows


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("school")
    register = school_register(root / "register")
    (root / "settings.yaml").write_text(SETTINGS, "utf-8")
    target = root / "out"
    result = CliRunner().invoke(main, ["caseload", str(register), "-o", str(target),
                                       "--today", "2026-11-30", "--settings",
                                       str(root / "settings.yaml")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == \
        "4 pupils; 0 reviews overdue; 4 due in the next 14 days"
    return target


def groups_csv(out: Path) -> list[dict[str, str]]:
    text = (out / "provision-map.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_groups_by_what_who_and_time(out: Path) -> None:
    rows = {row["Provision"]: row for row in groups_csv(out)}
    assert sorted(rows) == ["Maths club", "Small-group phonics",
                            "Speech and language programme"]
    phonics = rows["Small-group phonics"]
    # three pupils on the register, in a group of 4 on their plans; Mrs Hale is named three
    # ways, one adult. 20 minutes × 4 a week = 80 adult minutes; 80 ÷ 4 = 20 per pupil.
    assert (phonics["Adult"], phonics["Group size"], phonics["Pupils (initials)"]) == \
        ("Mrs Joy Hale", "4", "AA (Y3), BB (Y3), CC (Y5)")
    assert (phonics["Adult minutes a week"], phonics["Adult minutes per pupil"]) == ("80", "20")
    # £15 an hour: 80 ÷ 60 × 15 = £20.00 a week; ÷ 4 = £5.00 a pupil; × 38 weeks = £760.00
    assert (phonics["Hourly rate"], phonics["Cost a week"], phonics["Cost a week per pupil"],
            phonics["Cost a year"]) == ("15.00", "20.00", "5.00", "760.00")
    speech = rows["Speech and language programme"]
    assert (speech["Adult minutes a week"], speech["Cost a week"], speech["Cost a year"]) == \
        ("30", "7.50", "285.00")
    maths = rows["Maths club"]  # the role's rate: 60 minutes at £36 = £36.00; ÷ 6 = £6.00
    assert (maths["Adult"], maths["Adult minutes per pupil"], maths["Cost a week"],
            maths["Cost a week per pupil"]) == ("Class teacher", "10", "36.00", "6.00")


def test_totals_per_adult_stage_and_area(out: Path) -> None:
    data = (out / "provision-map.docx").read_bytes()
    adults = table_rows(data, "Adult time by adult")
    assert adults[0] == ["Adult", "Groups", "Pupils", "Hours a week", "Contract hours",
                         "Hours left in the contract", "Cost a week"]
    # Mrs Hale: 80 + 30 = 110 minutes = 1.8 hours of her 25; £20.00 + £7.50
    assert adults[1:] == [["Class teacher", "1", "1", "1", "", "", "£36.00"],
                          ["Mrs Joy Hale", "2", "3", "1.8", "25", "23.2", "£27.50"]]
    stages = table_rows(data, "Adult time by stage")
    # School Action: Ann 20 + Cara 20; School Action Plus: Ben 20 + 30, Dev 10
    assert stages[1:] == [["School Action", "2", "40", "20", "£10.00"],
                          ["School Action Plus", "2", "60", "30", "£18.50"]]
    areas = table_rows(data, "Adult time by area of need")
    assert areas[1:] == [["Not recorded", "4", "100", "25", "£28.50"]]


def test_pupils_below_their_stages_minimum(out: Path) -> None:
    data = (out / "provision-map.docx").read_bytes()
    below = table_rows(data, "Pupils below the indicative minimum")
    # School Action's indicative minimum is 30 minutes a week; Dev's 10 minutes at School
    # Action Plus are not listed: his plan records provision of equivalent value.
    assert below[1:] == [["AA (Y3)", "School Action", "20", "30"],
                         ["CC (Y5)", "School Action", "20", "30"]]


def test_no_names_in_the_provision_map(out: Path) -> None:
    text = (out / "provision-map.docx").read_bytes() + (out / "provision-map.csv").read_bytes()
    for name in (b"Ann", b"Able", b"Brook", b"Cole", b"Dale"):
        assert name not in text


def test_without_rates_the_map_is_not_costed(tmp_path: Path) -> None:
    register = school_register(tmp_path / "register")
    result = CliRunner().invoke(main, ["caseload", str(register), "-o", str(tmp_path / "o"),
                                       "--today", "2026-11-30"])
    assert result.exit_code == 0, result.output
    data = (tmp_path / "o" / "provision-map.docx").read_bytes()
    assert table_rows(data, "Adult time by adult")[0] == [
        "Adult", "Groups", "Pupils", "Hours a week", "Contract hours",
        "Hours left in the contract"]
    assert "Ben" not in result.output


def test_settings_are_read_strictly() -> None:
    settings = parse_settings({"staff": [{"name": "Mr A", "hourly_rate": "14.5"}],
                               "roles": {"Teaching Assistant": 12}}, "s.yaml")
    assert settings.rate_for("Teaching assistant (Mr A)") == Decimal("14.5")
    assert settings.rate_for("teaching assistant") == Decimal(12)
    assert settings.rate_for("Mrs B") is None
    for bad, message in (
        ({"staf": []}, "'staf' is not a caseload setting"),
        ({"weeks_per_year": 60}, "'weeks_per_year' must be a whole number of weeks from 1 "
                                 "to 52"),
        ({"staff": [{"hourly_rate": 3}]}, "'staff, entry 1' needs a 'name'"),
        ({"staff": [{"name": "X", "hourly_rate": "lots"}]},
         "'staff, entry 1, hourly_rate' must be a number, for example 14.50"),
        ({"roles": {"ta": -1}}, "'roles, 'ta'' must be a number from 0 to 10000"),
    ):
        with pytest.raises(UnusableInput) as caught:
            parse_settings(bad, "s.yaml")
        assert message in caught.value.format_message()
        assert caught.value.format_message().startswith("s.yaml: ")


def test_two_adults_with_a_group(tmp_path: Path) -> None:
    from tests.caseload.registers import iep, pupil, row, write

    eve = pupil("Eve", "Eden", 105, "6", "2015-05-09")
    nurture = {**row("Nurture group", "Mrs Joy Hale", 6, 30, 5), "adults": 2}
    write(tmp_path / "register" / "eve.yaml", {"form": "iep", **iep(eve, "sa_plus", [nurture])})
    (tmp_path / "settings.yaml").write_text(SETTINGS, "utf-8")
    result = CliRunner().invoke(main, ["caseload", str(tmp_path / "register"), "-o",
                                       str(tmp_path / "o"), "--today", "2026-11-30",
                                       "--settings", str(tmp_path / "settings.yaml")])
    assert result.exit_code == 0, result.output
    [group] = groups_csv(tmp_path / "o")
    # 30 minutes × 5 a week × 2 adults = 300 adult minutes; ÷ 6 = 50 per pupil, which reaches
    # School Action Plus's 50 (one adult would give 25). £15 an hour: 300 ÷ 60 × 15 = £75.00
    # a week; ÷ 6 = £12.50 a pupil.
    assert (group["Adult minutes a week"], group["Adult minutes per pupil"],
            group["Cost a week"], group["Cost a week per pupil"]) == ("300", "50", "75.00",
                                                                      "12.50")
    assert group["Notes"] == ("2 adults in each session: the adult named counts one adult's "
                              "time, the cost counts each at the same rate")
    data = (tmp_path / "o" / "provision-map.docx").read_bytes()
    # Mrs Hale's own time: 150 minutes = 2.5 hours of her 25; 150 ÷ 60 × 15 = £37.50
    assert table_rows(data, "Adult time by adult")[1:] == [
        ["Mrs Joy Hale", "1", "1", "2.5", "25", "22.5", "£37.50"]]
    paragraphs = [p.text for p in open_doc(data).paragraphs]
    assert "No pupil's adult time is below the indicative minimum for their stage." in paragraphs
