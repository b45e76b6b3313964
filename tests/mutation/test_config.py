"""The mutation-testing configuration stays consistent with the code it describes.

The run itself is long and not part of the suite (tools/mutation.py); these checks are fast:
every module mutmut may mutate has its tests named, every named test exists, every listed
equivalent mutant points at a function that exists, and every hand-made mutant still finds
the line it changes.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tests" / "mutation"


def modules() -> dict[str, dict]:
    return tomllib.loads((HERE / "modules.toml").read_text("utf-8"))["modules"]


def mutmut_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]


def functions(path: Path) -> set[str]:
    """Top-level functions and Class.method names defined in a module."""
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.update(f"{node.name}.{item.name}" for item in node.body
                         if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef))
    return names


def test_every_mutated_module_with_functions_has_its_tests_named() -> None:
    globs = mutmut_config()["only_mutate"]
    matched = {str(p.relative_to(ROOT)) for p in (ROOT / "docgen").rglob("*.py")
               if any(fnmatch.fnmatch(str(p.relative_to(ROOT)), g) for g in globs)}
    with_code = {m for m in matched if functions(ROOT / m)}
    assert with_code - set(modules()) == set(), "add these to tests/mutation/modules.toml"
    assert set(modules()) - matched == set(), "pyproject's only_mutate does not cover these"


def test_every_named_test_exists() -> None:
    for module, entry in modules().items():
        assert entry["tests"], module
        for test in entry["tests"]:
            assert (ROOT / test.split("::")[0]).exists(), (module, test)
        assert 0 < entry.get("minutes", 10) <= 30, module


def test_every_equivalent_mutant_names_a_function_that_exists() -> None:
    text = (HERE / "EQUIVALENT.md").read_text("utf-8")
    rows = [line for line in text.splitlines()
            if line.startswith("| docgen/")]
    pattern = re.compile(r"^\| (\S+) \| (\S+) \| `(.+)` \| (.+) \|$")
    for row in rows:
        match = pattern.match(row)
        assert match, f"EQUIVALENT.md row not in the table's form: {row}"
        module, function, _line, why = match.groups()
        assert module in modules(), row
        assert function in functions(ROOT / module), f"{function} is not in {module}: {row}"
        assert len(why.split()) >= 5, f"say why it cannot change behaviour: {row}"


def test_every_hand_made_mutant_still_finds_its_line() -> None:
    mutants = tomllib.loads((HERE / "hand_mutants.toml").read_text("utf-8"))["mutant"]
    assert len(mutants) >= 10
    for mutant in mutants:
        source = (ROOT / mutant["file"]).read_text("utf-8")
        assert source.count(mutant["old"]) == 1, (
            f"{mutant['file']} no longer holds {mutant['old']!r} once: update "
            "tests/mutation/hand_mutants.toml to the code as it is now")
        assert mutant["new"] != mutant["old"] and mutant["what"]
        for test in mutant["tests"]:
            assert (ROOT / test.split("::")[0]).exists(), test


def _mutation_tool():
    import importlib.util
    spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while defined
    spec.loader.exec_module(module)
    return module


def test_a_mutated_default_value_is_described_by_its_def_line(tmp_path: Path) -> None:
    mutants = tmp_path / "mutants" / "pkg"
    mutants.mkdir(parents=True)
    (mutants / "mod.py").write_text(
        "def x_limit__mutmut_orig(size, most=10):\n    return min(size, most)\n"
        "def x_limit__mutmut_1(size, most=11):\n    return min(size, most)\n"
        "def x_limit__mutmut_2(size, most=10):\n    return max(size, most)\n", "utf-8")
    tool = _mutation_tool()
    assert tool.describe(tmp_path, "pkg.mod.x_limit__mutmut_1") == (
        "limit", "def x_limit(size, most=11):")
    assert tool.describe(tmp_path, "pkg.mod.x_limit__mutmut_2") == (
        "limit", "return max(size, most)")
