"""Time and peak memory of docgen on each hostile input, each in a fresh process.

Run: python bench/bench_hostile.py [--only NAME] [--timeout 120] [--code DIR]
Each case is built by the test suite's builders (tests/robustness/hostile.py), then the
docgen command a user would run on it is started in its own process; the figures are its wall
time, its own peak resident memory (VmHWM, read as it exits: Linux carries a parent's peak
into a child's ru_maxrss), its exit code and the first line of its message. --code measures
another checkout of docgen (an older commit unpacked with git archive) on the same inputs.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.robustness import hostile  # noqa: E402
from tests.unit.forms.builders import zip_bomb  # noqa: E402

Case = Callable[[Path], list[str]]


def _docgen(*args: str) -> list[str]:
    return ["docgen", *args]


# Runs docgen's command line (or a script) in this process and writes its own peak memory
# (VmHWM, kB) to the file named first, however it exits.
_WRAPPER = """
import atexit, sys
out, code_dir, kind = sys.argv[1:4]
sys.path.insert(0, code_dir)
def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                open(out, "w").write(line.split()[1])
atexit.register(peak)
if kind == "docgen":
    sys.argv = ["docgen", *sys.argv[4:]]
    from docgen.cli import main
    main()
else:
    exec(sys.argv[4])
"""


def form_case(build: Callable[[], bytes], command: str = "check") -> Case:
    def prepare(folder: Path) -> list[str]:
        path = folder / "form.docx"
        path.write_bytes(build())
        return _docgen(command, str(path)) if command == "check" else \
            _docgen("make", str(path), "-o", str(folder / "out"))
    return prepare


def evidence_case(kind: str) -> Case:
    def prepare(folder: Path) -> list[str]:
        case = hostile.case_with_evidence(folder / "case", "attendance.docx",
                                          hostile.HOSTILE_EVIDENCE[kind]())
        return _docgen("pack", str(case), "-o", str(folder / "pack.docx"))
    return prepare


def data_case(name: str, text: Callable[[], str]) -> Case:
    def prepare(folder: Path) -> list[str]:
        path = folder / name
        path.write_text(text(), encoding="utf-8")
        return _docgen("check", str(path))
    return prepare


def web_zip_case(folder: Path) -> list[str]:
    upload = folder / "case.zip"
    upload.write_bytes(hostile.zip_upload_bomb(1000))
    script = textwrap.dedent(f"""
        import sys
        from docgen.web.app import create_app
        from docgen.web.security import csrf_token
        app = create_app("t", max_upload_mb=20)
        client = app.test_client()
        client.get("/?token=t")
        with open({str(upload)!r}, "rb") as handle:
            response = client.post("/pack", data={{"csrf": csrf_token("t"),
                                   "files": [(handle, "case.zip")]}},
                                   content_type="multipart/form-data")
        print(response.status_code, file=sys.stderr)
        import re
        found = re.search(r'class="problem"[^>]*>(.*?)<', response.text, re.S)
        print(found.group(1).strip() if found else response.text[:200], file=sys.stderr)
    """)
    return ["script", script]


CASES: dict[str, Case] = {
    "form: zip bomb 300 MB": form_case(lambda: zip_bomb(300)),
    "form: 4 headers of 42 MB empty paragraphs": form_case(hostile.amplified_headers),
    "form: 1 header x 1,000 relationships": form_case(hostile.shared_header),
    "form: 45 MB body of empty paragraphs": form_case(hostile.amplified_body),
    **{f"pack: evidence {kind}": evidence_case(kind) for kind in hostile.HOSTILE_EVIDENCE},
    "web: /pack zip of 1 MB inflating to 1 GB": web_zip_case,
    "data: JSON nested 100,000 deep": data_case("deep.json", hostile.nested_json),
    "data: impossible date 2015-02-30": data_case("iep.yaml", hostile.impossible_date_yaml),
}


def measure(command: list[str], timeout: float, code: Path
            ) -> tuple[float, float, int | None, str]:
    kind, *args = command
    with tempfile.TemporaryFile() as errors, tempfile.NamedTemporaryFile() as peak_file:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", _WRAPPER, peak_file.name,
                                    str(code), kind, *args],
                                   stdout=subprocess.DEVNULL, stderr=errors, cwd=code)
        try:
            code_returned: int | None = process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            code_returned = None
        elapsed = time.perf_counter() - started
        errors.seek(0)
        lines = [line for line in errors.read().decode("utf-8", "replace").splitlines()
                 if line.strip()]
        text = Path(peak_file.name).read_text()
    peak_mb = int(text) / 1024 if text.strip() else float("nan")
    return elapsed, peak_mb, code_returned, " / ".join(lines[:2])[:220]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose name contains this text")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the docgen checkout to measure (default: this one)")
    args = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    print("| input | time s | peak MB | exit | message |\n|---|---|---|---|---|")
    for name, prepare in CASES.items():
        if args.only and args.only not in name:
            continue
        with tempfile.TemporaryDirectory() as folder:
            command = prepare(Path(folder))
            elapsed, peak, code, message = measure(command, args.timeout, args.code.resolve())
        shown = "timeout" if code is None else str(code)
        print(f"| {name} | {elapsed:.2f} | {peak:.0f} | {shown} | {message} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
