"""The README's Monday morning: three lines, and the command in them works as shown."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def test_monday_morning_is_three_lines_and_runs(demo_register: Path, tmp_path: Path) -> None:
    section = README.read_text("utf-8").split("### Monday morning", 1)[1]
    lines = re.search(r"```sh\n(.+?)\n```", section, flags=re.S).group(1).splitlines()
    assert len(lines) == 3
    command = shlex.split(lines[0].split("#", 1)[0])
    assert command[:2] == ["docgen", "caseload"]
    args = [str(demo_register) if a == "register/" else str(tmp_path / a) if a == "caseload/"
            else a for a in command[1:]]
    result = CliRunner().invoke(main, [*args, "--today", "2027-04-01"])
    assert result.exit_code == 0, result.output
    for name in ("caseload.docx", "deadlines.ics", "provision-map.docx"):
        assert name in lines[1] + lines[2]
        assert (tmp_path / "caseload" / name).is_file()
