"""The pack at its boundaries: the 12 months' exact edges, and two High Focus periods."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main
from docgen.packs import check_case
from tests.docx_helpers import all_text
from tests.fixtures import ELLIS_CASE, copy_case, drop_high_focus_ieps

# Ellis Morgan's latest review is on 2027-01-18: the 12 months run from 2026-01-18.
INSIDE = {"iep-2026-01-18.yaml", "hf_iep-2026-04-27.yaml", "hf_review-2026-07-13.yaml",
          "hf_iep-2026-09-14.yaml", "hf_review-2027-01-18.yaml"}
OUTSIDE = {"crisp-2026-01-17.yaml", "iep-2025-09-08.yaml"}


def sources(check, name: str) -> list[str]:
    (item,) = [i for i in check.items if i.name == name]
    return item.source.split(", ")


def test_the_window_is_the_twelve_months_to_the_latest_review() -> None:
    check = check_case(ELLIS_CASE)
    assert check.review is not None and check.review.path.name == "hf_review-2027-01-18.yaml"
    assert check.window_start == dt.date(2026, 1, 18)
    names = {f.path.name for f in check.case.forms}
    assert names == INSIDE | OUTSIDE
    assert [f.path.name for f in check.included_forms] == [
        "iep-2026-01-18.yaml", "hf_iep-2026-04-27.yaml", "hf_review-2026-07-13.yaml",
        "hf_iep-2026-09-14.yaml", "hf_review-2027-01-18.yaml"]
    assert check.missing == []


def test_a_form_on_the_first_day_counts_and_one_the_day_before_does_not() -> None:
    check = check_case(ELLIS_CASE)
    assert sources(check, "IEPs over the last 12 months") == [
        "hf_iep-2026-04-27.yaml", "hf_iep-2026-09-14.yaml", "iep-2026-01-18.yaml"]
    assert sources(check, "Reviews over the last 12 months") == [
        "hf_review-2026-07-13.yaml", "hf_review-2027-01-18.yaml"]


def test_the_only_iep_on_the_first_day_keeps_the_item_present(tmp_path: Path) -> None:
    """Without the High Focus IEPs, the IEP dated exactly 12 months before is the only one."""
    case = copy_case(tmp_path)
    drop_high_focus_ieps(case)
    check = check_case(case)
    assert sources(check, "IEPs over the last 12 months") == ["iep-2026-01-18.yaml"]
    assert [m.split(":")[0] for m in check.missing] == ["High Focus IEP"]


def test_the_only_review_the_day_before_is_outside(tmp_path: Path) -> None:
    """An earlier review dated one day before the 12 months is not one of the reviews."""
    case = copy_case(tmp_path)
    earlier = case / "hf_review-2026-07-13.yaml"
    earlier.write_text(earlier.read_text("utf-8").replace("date: 2026-07-13",
                                                          "date: 2026-01-17"), "utf-8")
    check = check_case(case)
    assert sources(check, "Reviews over the last 12 months") == ["hf_review-2027-01-18.yaml"]
    assert "hf_review-2026-07-13.yaml" not in {f.path.name for f in check.included_forms}


def test_the_pack_holds_the_latest_high_focus_iep_first_and_every_other(tmp_path: Path
                                                                         ) -> None:
    out = tmp_path / "pack.docx"
    result = CliRunner().invoke(main, ["pack", str(copy_case(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = all_text(out.read_bytes())
    lines = text.splitlines()
    # the latest period's plan is section 1, followed by its review
    latest = lines.index("1. High Focus IEP")
    assert lines.index("Second High Focus period: the educational psychologist's full "
                       "assessment of cognitive ability.", latest) \
        < lines.index("2. High Focus review record")
    # the earlier period's plan and review are IEPs and reviews of the last 12 months too
    for heading in ("4. Individual Education Plan from 18 January 2026",
                    "5. High Focus IEP from 27 April 2026",
                    "6. High Focus review record from 13 July 2026"):
        assert heading in lines, heading
    earlier = lines.index("5. High Focus IEP from 27 April 2026")
    first_goal = [n for n, line in enumerate(lines)
                  if line.startswith("First High Focus period: find out whether")]
    assert first_goal and earlier < first_goal[0] \
        < lines.index("6. High Focus review record from 13 July 2026")
    assert not [line for line in lines[:earlier] if line.startswith("First High Focus period")]
    # forms outside the 12 months are neither in the pack nor in its manifest
    manifest = json.loads(out.with_suffix(".manifest.json").read_text("utf-8"))
    assert {f["file"] for f in manifest["files"] if f["kind"].endswith(" form")} == INSIDE
    assert "crisp-2026-01-17.yaml" not in text and "iep-2025-09-08.yaml" not in text
