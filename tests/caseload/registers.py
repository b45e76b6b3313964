"""Small registers of data files for the caseload tests: fictional pupils, valid UPNs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from stdnum.gb import upn as stdnum_upn

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
IEP = yaml.safe_load((SAMPLES / "tomos-llyr-evans" / "iep.yaml").read_text("utf-8"))
CRISP = yaml.safe_load((SAMPLES / "tomos-llyr-evans" / "crisp.yaml").read_text("utf-8"))


def upn(serial: int) -> str:
    """A valid UPN for a fictional pupil at LA 330, school 2001."""
    rest = f"3302001{serial:05d}"
    return stdnum_upn.calc_check_digit(rest) + rest


def pupil(forename: str, surname: str, serial: int, year: str, born: str) -> dict[str, Any]:
    details = copy.deepcopy(IEP["pupil"])
    details.update(forename=forename, surname=surname, upn=upn(serial), year_group=year,
                   date_of_birth=born)
    details.pop("known_as")
    return details


def row(what: str, who: str, size: int, minutes: int, sessions: int) -> dict[str, Any]:
    return {"what": what, "who": who, "group_size": size, "session_minutes": minutes,
            "sessions_per_week": sessions}


def iep(who: dict[str, Any], stage: str, provision: list[dict[str, Any]], *,
        start: str = "2026-09-07", review: str = "2026-12-11", **plan: Any) -> dict[str, Any]:
    data = copy.deepcopy(IEP)
    data["pupil"] = who
    data["plan"] = {"stage": stage, "start_date": start, "review_date": review,
                    "school_action_first": True, **plan}
    data["provision"] = provision
    return data


def write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


# Tom's sample IEP ran in the summer term 2025; moved to the autumn term 2026 beside the
# register's IEPs (their reviews on 11 December 2026), with its review on 14 December 2026.
TOM_AUTUMN_IEP = {"plan": {"start_date": "2026-09-07", "review_date": "2026-12-14"}}

PHONICS = "Small-group phonics"
ANN = pupil("Ann", "Able", 101, "3", "2018-01-05")
BEN = pupil("Ben", "Brook", 102, "3", "2018-02-06")
CARA = pupil("Cara", "Cole", 103, "5", "2016-03-07")
DEV = pupil("Dev", "Dale", 104, "5", "2016-04-08")

SETTINGS = """\
weeks_per_year: 38
staff:
  - name: Mrs Joy Hale
    other_names: [Mrs J Hale]
    hourly_rate: 15.00
    contract_hours: 25
roles:
  class teacher: 36.00
"""


def school_register(root: Path) -> Path:
    """Four pupils, laid out three ways: a folder per year, loose files, a folder per form.

    Ann, Ben and Cara share one phonics group (a group of 4 on their plans) with Mrs Hale,
    whom Ben's plan names differently; Ben also has Mrs Hale one to one; Dev is in the class
    teacher's maths club, and his plan records provision of equivalent value."""
    hale = "Teaching assistant (Mrs Joy Hale)"
    write(root / "Year 3" / "ann-iep.yaml", {"form": "iep", **iep(ANN, "sa", [
        row(PHONICS, hale, 4, 20, 4)])})
    write(root / "ben.yaml", {"form": "iep", **iep(BEN, "sa_plus", [
        row(PHONICS, "Mrs J Hale", 4, 20, 4),
        row("Speech and language programme", "Mrs Joy Hale", 1, 15, 2)])})
    write(root / "Year 5" / "cara" / "iep.yaml", {"form": "iep", **iep(CARA, "sa", [
        row(PHONICS, hale, 4, 20, 4)])})
    write(root / "ieps" / "dev.yaml", {"form": "iep", **iep(
        DEV, "sa_plus", [row("Maths club", "Class teacher", 6, 30, 2)],
        equivalent_provision="Daily in-class support from the class teacher's plan")})
    return root
