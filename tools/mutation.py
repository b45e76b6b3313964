"""Mutation testing, one module at a time, each judged only by the fast tests named for it.

    pip install -e '.[test,mutation]'
    python tools/mutation.py                      # every module in tests/mutation/modules.toml
    python tools/mutation.py docgen/privacy.py    # one module (or several)
    python tools/mutation.py --hand               # the hand-made mutants (constants and more)
    python tools/mutation.py --list               # modules, their tests and time limits
    python tools/mutation.py --report [MODULE]    # the last run's results again

Each module runs mutmut 3 in a scratch copy of the project (``.mutation/<module>/``, ignored
by git) whose pyproject.toml is the project's with ``[tool.mutmut]`` narrowed to that module
and its tests. A run costs one pass of those tests (to learn which test reaches which
function) and then, per mutant, only the tests that reach the mutated function, stopping at
the first failure; each module has a time limit in modules.toml. mutmut mutates inside
functions only, so module constants (the 12-month window, the post-16 years) are covered by
tests/mutation/hand_mutants.toml, run with ``--hand``.

A surviving mutant must be killed by a new test or listed, with the reason it cannot change
behaviour, in tests/mutation/EQUIVALENT.md (matched by module, function and the mutated line,
so renumbering does not matter). Exit 1 on an unexplained survivor or a module under 95%.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tests" / "mutation"
WORK = ROOT / ".mutation"
TARGET = 95.0
COPIED = ("docgen", "tests", "templates", "schemas", "samples", "tools")
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "mutants")
# mutmut's exit codes per mutant (mutmut.stats.status_by_exit_code), grouped for the score
KILLED = {1, 3, 36, 24, -24, 152, 255, 37}  # a failing test, or a timeout / type error
SURVIVED = {0}
NO_TESTS = {5, 33}


@dataclass
class Module:
    path: str
    tests: list[str]
    minutes: float


@dataclass
class Result:
    module: str
    seconds: float = 0.0
    killed: int = 0
    equivalent: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # not checked, interrupted, skipped
    note: str = ""

    @property
    def total(self) -> int:
        return self.killed + len(self.equivalent) + len(self.unexplained) + len(self.other)

    @property
    def raw(self) -> float:
        """Killed, of every mutant made."""
        return 100.0 * self.killed / self.total if self.total else 100.0

    @property
    def score(self) -> float:
        """Killed, of the mutants that can be killed (EQUIVALENT.md's are left out)."""
        judged = self.total - len(self.equivalent)
        return 100.0 * self.killed / judged if judged else 100.0


def load_modules() -> dict[str, Module]:
    data = tomllib.loads((CONFIG / "modules.toml").read_text("utf-8"))
    return {path: Module(path, entry["tests"], entry.get("minutes", 10))
            for path, entry in data["modules"].items()}


def base_mutmut_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]


def equivalents() -> set[tuple[str, str, str]]:
    """(module, function, mutated line) of every mutant EQUIVALENT.md explains."""
    rows = re.finditer(r"^\| (\S+) \| (\S+) \| `(.*)` \| .+ \|$",
                       (CONFIG / "EQUIVALENT.md").read_text("utf-8"), re.MULTILINE)
    return {(m[1], m[2], m[3].strip().replace("\\|", "|")) for m in rows}


def prepare(work: Path, module: Module) -> None:
    """A fresh scratch copy whose [tool.mutmut] mutates only ``module`` with its tests."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in COPIED:
        shutil.copytree(ROOT / name, work / name, ignore=IGNORED)
    base = base_mutmut_config()
    options = [arg for arg in base["pytest_add_cli_args_test_selection"] if arg != "tests"]
    settings = {**base, "only_mutate": [module.path],
                "pytest_add_cli_args_test_selection": module.tests + options,
                "use_git_change_detection": False}
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    text = re.sub(r"^\[tool\.mutmut\]\n(?:(?!\[).*\n|\n)*", "", text, flags=re.MULTILINE)
    text += "\n[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n"
                                          for key, value in settings.items())
    (work / "pyproject.toml").write_text(text, "utf-8")


def work_dir(module: Module) -> Path:
    return WORK / module.path.replace("/", "-").removesuffix(".py")


def run_module(module: Module, jobs: int) -> Result:
    work = work_dir(module)
    prepare(work, module)
    started = time.monotonic()
    note = ""
    with (work / "mutmut.log").open("w", encoding="utf-8") as log:
        # mutmut in a process group of its own: at the time limit the mutant it is testing
        # is stopped with it (killed alone, mutmut left it running: one looping mutant of
        # batch_inputs.py grew to 19 GB on its own after its run had stopped)
        run = subprocess.Popen([sys.executable, "-m", "mutmut", "run", "--max-children",
                                str(jobs)], cwd=work, stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
        try:
            run.wait(timeout=module.minutes * 60)
        except subprocess.TimeoutExpired:
            note = f"stopped at its {module.minutes:g}-minute limit"
        finally:  # at the limit, on Ctrl-C, or a child left over: the whole group goes
            with contextlib.suppress(ProcessLookupError):
                os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    (work / "run.json").write_text(json.dumps({"seconds": time.monotonic() - started,
                                               "note": note}), "utf-8")
    return collect(module)


def collect(module: Module) -> Result:
    """The results of the module's last run, survivors matched against EQUIVALENT.md."""
    work = work_dir(module)
    result = Result(module.path)
    if (work / "run.json").is_file():
        run = json.loads((work / "run.json").read_text("utf-8"))
        result.seconds, result.note = run["seconds"], run["note"]
    meta = work / "mutants" / (module.path + ".meta")
    if not meta.is_file():
        result.note = result.note or f"no results: see {work / 'mutmut.log'}"
        return result
    known = equivalents()
    codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    for name, code in sorted(codes.items()):
        if code in KILLED:
            result.killed += 1
        elif code in SURVIVED or code in NO_TESTS:
            function, line = describe(work, name)
            key = f"{function}: `{line}`" + (" (no test reaches it)" if code in NO_TESTS else "")
            (result.equivalent if (module.path, function, line) in known
             else result.unexplained).append(key)
        else:
            result.other.append(f"{name} (exit code {code})")
    return result


def describe(work: Path, name: str) -> tuple[str, str]:
    """The function a mutant is in ('_Reader.read') and its mutated line, as in EQUIVALENT.md:
    the lines where mutmut's copy of the function differs from the original (what
    ``mutmut show`` prints as added), read from the mutated module without a process each."""
    local = name.rsplit(".", 1)[1].split("__mutmut_")[0]  # x_name, or xǁClassǁmethod
    function = (".".join(local.removeprefix("xǁ").split("ǁ")) if local.startswith("xǁ")
                else local.removeprefix("x_"))
    module = name.rsplit(".", 1)[0].replace(".", "/")
    path = work / "mutants" / (module + ".py")
    if not path.is_file():  # a package's __init__.py
        path = work / "mutants" / module / "__init__.py"
    bodies = _function_bodies(path)
    original = bodies.get(f"{local}__mutmut_orig", [])
    mutated = bodies.get(name.rsplit(".", 1)[1], [])
    added = [line[2:].strip() for line in difflib.ndiff(original, mutated)
             if line.startswith("+ ")]
    return function, " ⏎ ".join(added)


@cache
def _function_bodies(path: Path) -> dict[str, list[str]]:
    """Each function's lines by name (methods too), its def line(s) included with mutmut's
    suffix taken off the name, so a mutated default value shows as its changed def line."""
    text = path.read_text("utf-8")
    lines = text.splitlines()
    bodies = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
            signature = lines[node.lineno - 1:node.body[0].lineno - 1]
            plain = node.name.split("__mutmut_")[0]
            bodies[node.name] = ([line.replace(node.name, plain) for line in signature]
                                 + lines[node.body[0].lineno - 1:node.end_lineno])
    return bodies


def report(results: list[Result]) -> int:
    print(f"\n{'module':34} {'mutants':>7} {'killed':>6} {'equiv.':>6} {'unexpl.':>7} "
          f"{'killed%':>7} {'score':>6} {'time':>6}")
    rows = [(r.module, r.total, r.killed, len(r.equivalent), len(r.unexplained), r.raw,
             r.score, r.seconds, r.note) for r in results]
    if len(results) > 1:
        total = Result("all", seconds=sum(r.seconds for r in results),
                       killed=sum(r.killed for r in results),
                       equivalent=[e for r in results for e in r.equivalent],
                       unexplained=[u for r in results for u in r.unexplained],
                       other=[o for r in results for o in r.other])
        rows.append((total.module, total.total, total.killed, len(total.equivalent),
                     len(total.unexplained), total.raw, total.score, total.seconds, ""))
    for module, count, killed, equivalent, unexplained, raw, score, seconds, note in rows:
        print(f"{module:34} {count:7} {killed:6} {equivalent:6} {unexplained:7} {raw:6.1f}% "
              f"{score:5.1f}% {seconds:5.0f}s  {note}")
    failed = False
    for r in results:
        for survivor in r.unexplained:
            print(f"SURVIVED {r.module} · {survivor}")
        for other in r.other:
            print(f"NOT JUDGED {r.module} · {other}")
        failed |= bool(r.unexplained or r.other or r.note) or r.score < TARGET
    (WORK / "results.json").write_text(json.dumps([r.__dict__ for r in results], indent=1,
                                                  ensure_ascii=False), "utf-8")
    return 1 if failed else 0


def run_hand_mutants() -> int:
    """Each hand-made mutant applied in a scratch copy; its tests must fail."""
    work = WORK / "hand"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in COPIED:
        shutil.copytree(ROOT / name, work / name, ignore=IGNORED)
    shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
    mutants = tomllib.loads((CONFIG / "hand_mutants.toml").read_text("utf-8"))["mutant"]
    failures = 0
    for mutant in mutants:
        path = work / mutant["file"]
        original = path.read_text("utf-8")
        if original.count(mutant["old"]) != 1:
            print(f"STALE    {mutant['file']}: {mutant['old']!r} is not there once")
            failures += 1
            continue
        path.write_text(original.replace(mutant["old"], mutant["new"]), "utf-8")
        try:
            run = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p",
                                  "no:cacheprovider", *mutant["tests"]], cwd=work,
                                 capture_output=True, text=True, check=False)
        finally:
            path.write_text(original, "utf-8")
        verdict = "KILLED  " if run.returncode == 1 else "SURVIVED"
        failures += run.returncode != 1
        print(f"{verdict} {mutant['file']}: {mutant['old'].strip()!r} -> "
              f"{mutant['new'].strip()!r} ({mutant['what']})")
    print(f"{len(mutants) - failures} of {len(mutants)} hand-made mutants killed")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="module paths (default: all)")
    parser.add_argument("--hand", action="store_true", help="run the hand-made mutants")
    parser.add_argument("--list", action="store_true", help="list modules and their tests")
    parser.add_argument("--report", action="store_true",
                        help="report the last run again (after editing EQUIVALENT.md)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once")
    args = parser.parse_args(argv)
    modules = load_modules()
    if args.list:
        for m in modules.values():
            print(f"{m.path} (at most {m.minutes:g} min): {' '.join(m.tests)}")
        return 0
    if args.hand:
        return run_hand_mutants()
    unknown = [name for name in args.modules if name not in modules]
    if unknown:
        parser.error(f"not in tests/mutation/modules.toml: {', '.join(unknown)}")
    WORK.mkdir(exist_ok=True)
    results = []
    for name in args.modules or list(modules):
        if args.report:
            results.append(collect(modules[name]))
            continue
        print(f"mutating {name} ...", flush=True)
        results.append(run_module(modules[name], args.jobs))
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
