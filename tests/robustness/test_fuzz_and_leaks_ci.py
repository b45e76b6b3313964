"""The fuzzer and the leak scanner, run by the test suite for a bounded time (CI runs the
suite). Longer runs: python tools/fuzz_reader.py --minutes 10, python tools/leak_scan.py."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main
from docgen.frameworks import all_frameworks
from docgen.packs import check_case
from docgen.packs.case import case_identity
from docgen.pipeline import check
from docgen.redaction import Identity, identity_of
from docgen.redaction.scanner import scan_paths
from tests.redaction.builders import family_case, family_case_2015

ROOT = Path(__file__).resolve().parents[2]
FUZZ_SECONDS = 8


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_fuzzer_finds_no_crash_in_its_time() -> None:
    report = _tool("fuzz_reader").fuzz(FUZZ_SECONDS, seed=16)
    assert report.crash is None, report.trace
    assert report.cases > 20 and report.read and report.refused


def test_every_redacted_output_of_every_sample_leaks_nothing(tmp_path: Path) -> None:
    """Every form of every sample pupil of every framework made with --redact, every sample
    pack, and a pack per framework whose evidence hides the family's names everywhere: the
    strict scanner opens every part (and the manifests beside the packs)."""
    runner = CliRunner()
    scanned = 0
    pupils = [pupil for framework in all_frameworks() for pupil in framework.sample_pupils()]
    for pupil in pupils:
        out = tmp_path / pupil.name
        identity = Identity()
        for form in sorted(pupil.glob("*.yaml")):  # every form makes a document (CRISP too)
            result = runner.invoke(main, ["make", str(form), "-o", str(out), "--redact"])
            assert result.exit_code == 0, result.output
            identity = identity.merge(identity_of(check(form).result.data))
        leaks = scan_paths([out], identity, strict=True)
        assert leaks == [], "\n".join(leak.describe() for leak in leaks)
        scanned += len(list(out.rglob("*.docx")))
    cases = [pupil / "case" for pupil in pupils if (pupil / "case" / "case.yaml").is_file()]
    assert len(cases) == 2  # Birmingham's and the 2015 Code's sample case folders
    cases += [family_case(tmp_path / "family"), family_case_2015(tmp_path / "family-2015")]
    for number, case in enumerate(cases):
        pack = tmp_path / f"pack-{number}-redacted.docx"
        result = runner.invoke(main, ["pack", str(case), "-o", str(pack), "--redact"])
        assert result.exit_code == 0, result.output
        identity = case_identity(check_case(case).case)
        leaks = scan_paths([pack, pack.with_suffix(".manifest.json")], identity, strict=True)
        assert leaks == [], "\n".join(leak.describe() for leak in leaks)
    assert scanned >= 45
    shutil.rmtree(tmp_path, ignore_errors=True)
