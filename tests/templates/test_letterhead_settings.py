"""Letterheads and the authority's details come from each framework's settings, found through
the framework registry: a maintainer's --templates folder replaces schools.yaml and
authority.yaml (DIR/<framework>/settings/, or DIR/settings/ for the default framework), and
a logo named there is found beside their schools.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen import letterhead
from docgen.cli import main
from docgen.frameworks import BIRMINGHAM, SEND_2015
from tests.docx_helpers import all_text, open_doc, paragraphs
from tests.templates.letter_helpers import render

ROOT = Path(__file__).resolve().parents[2]
GREENHILL = """schools:
  "330/2017":
    name: Greenhill Federation
    address: [1 Hill Road, Birmingham, B12 9ZZ]
    telephone: 0121 496 0999
    email: office@federation.example.sch.uk
    head_teacher: Ms Ada Lovell
    logo: art/federation.png
    logo_alt: The federation's crest
"""
BROOK_LANE = """schools:
  "330/2044":
    name: Brook Lane Primary Academy
    address: [Brook Lane, Northmoor, NM4 2BL]
    telephone: 0121 496 0888
    email: admin@brooklane.example.sch.uk
    head_teacher: Mrs Jo Marsh
"""
NORTHMOOR = """name: Northmoor Borough Council
parent_advice: Northmoor SENDIASS
parent_advice_telephone: 0121 496 0777
statutory_team: The SEND Assessment Team
statutory_team_address: [Town Hall, Moor Street, Northmoor, NM1 1AA]
"""


def _settings(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("where", ["birmingham/settings", "settings"])
def test_a_maintainers_schools_yaml_heads_birminghams_letters(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    own = _settings(tmp_path / "own" / where, {"schools.yaml": GREENHILL})
    (own / "art").mkdir()
    shutil.copy(ROOT / "schemas" / "settings" / "logos" / "greenhill.png",
                own / "art" / "federation.png")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    assert letterhead.settings_file("schools.yaml", BIRMINGHAM) == own / "schools.yaml"
    data = render("zofia-wisniewska", "hf_iep", "letter_high_focus")
    lines = [t for t in paragraphs(data) if t]
    assert lines[:4] == ["Greenhill Federation", "1 Hill Road, Birmingham, B12 9ZZ",
                         "Telephone 0121 496 0999 · office@federation.example.sch.uk",
                         "Head teacher: Ms Ada Lovell"]
    (logo,) = open_doc(data).inline_shapes
    assert logo._inline.docPr.get("descr") == "The federation's crest"


def test_the_2015_framework_reads_its_own_settings_and_nothing_at_the_top(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settings(tmp_path / "own" / "send2015" / "settings",
              {"schools.yaml": BROOK_LANE, "authority.yaml": NORTHMOOR})
    # Birmingham's settings at the top of the folder never reach the 2015 letters
    _settings(tmp_path / "own" / "settings", {"schools.yaml": GREENHILL.replace(
        '"330/2017"', '"330/2044"').replace("logo: art/federation.png\n", "").replace(
        "    logo_alt: The federation's crest\n", "")})
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    text = all_text(render("leo-brennan", "sen_support", "letter_sen_support"))
    assert text.startswith("Brook Lane Primary Academy\nBrook Lane, Northmoor, NM4 2BL\n"
                           "Telephone 0121 496 0888 · admin@brooklane.example.sch.uk\n"
                           "Head teacher: Mrs Jo Marsh")
    assert ("from Northmoor SEND Information, Advice and Support Service (SENDIASS). "
            "Telephone: 0121 496 0777.") in text  # the abbreviation explained where first used
    assert letterhead.authority(SEND_2015)["name"] == "Northmoor Borough Council"
    assert letterhead.authority(BIRMINGHAM)["name"] == "the local authority"  # bundled


def test_the_ehc_pack_is_addressed_from_the_maintainers_authority_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settings(tmp_path / "own" / "send2015" / "settings", {"authority.yaml": NORTHMOOR})
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "own"))
    out = tmp_path / "pack.docx"
    result = CliRunner().invoke(main, ["pack", str(ROOT / "samples" / "send2015" /
                                                   "amira-haddad" / "case"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "has no address" not in result.output  # the maintainer gave one
    text = all_text(out.read_bytes())
    assert ("The SEND Assessment Team\nNorthmoor Borough Council\nTown Hall\nMoor Street\n"
            "Northmoor\nNM1 1AA\nOur reference: SEN/AH/EHCR/2026-12") in text


def test_the_bundled_placeholder_address_is_warned_per_framework(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCGEN_TEMPLATES", raising=False)
    (warning,) = letterhead.settings_warnings(framework=SEND_2015, pack=True)
    assert warning.startswith("The pack's covering letter has no address for The SEND "
                              "Assessment Team: set statutory_team_address in ")
    assert warning.endswith(str(Path("schemas") / "send2015" / "settings" / "authority.yaml")
                            + ".")


def test_the_templates_option_reaches_the_letterhead(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_TEMPLATES", "")  # the option, not the environment
    _settings(tmp_path / "own" / "send2015" / "settings", {"schools.yaml": BROOK_LANE})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "--templates", str(tmp_path / "own"), "make",
        str(ROOT / "samples" / "send2015" / "leo-brennan" / "sen_support.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    letter = all_text((out / "Brennan-Leo-letter-sen-support.docx").read_bytes())
    assert letter.startswith("Brook Lane Primary Academy\n")
