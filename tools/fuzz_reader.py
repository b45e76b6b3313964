"""Fuzzes the form reader: mutated real forms must give a result or a documented error.

Run it for as long as you like (the test suite runs it for a few seconds,
tests/robustness/test_fuzz_and_leaks_ci.py):

    python tools/fuzz_reader.py --minutes 10

Each case takes a filled sample form, mutates it (the XML of the document part, the custom
properties, or the zip bytes themselves), and reads and validates it. Anything other than a
result or a docgen error (DocgenError: the user gets one clear message) is a crash; the
first crash is saved to fuzz-crash.docx and reported with its traceback.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.errors import DocgenError  # noqa: E402
from docgen.forms.filling import fill_form  # noqa: E402
from docgen.forms.reader import read_form  # noqa: E402
from docgen.forms.writer import write_blank_form  # noqa: E402
from docgen.inputs import load_input  # noqa: E402
from docgen.validation import validate_data  # noqa: E402

TOKENS = [b"<w:sdt>", b"</w:sdt>", b"<w:tr>", b"</w:tc>", b"<w:p>", b"w:val=\"\"", b"&amp;",
          b"<w:t>", b"\xff\xfe", b"<!DOCTYPE x>", b"&x;", b"<w:ins>", b"<w:del>", b"\x00",
          b"w:fullDate=\"2099-13-45T\"", b"w14:val=\"1\"", b"{{", b"\xe2\x80\xae"]


def seeds() -> list[bytes]:
    out = []
    for data_file in sorted((ROOT / "samples").glob("*/*.yaml")):
        form = load_input(data_file)
        out.append(fill_form(write_blank_form(form.definition), form.definition, form.raw))
    return out


def mutate(docx: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.2:  # damage the zip itself
        data = bytearray(docx)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    archive = zipfile.ZipFile(io.BytesIO(docx))
    if rng.random() < 0.1:
        return _amplify(archive, rng)
    name = rng.choice(["word/document.xml"] * 8 + ["docProps/custom.xml", "[Content_Types].xml"])
    part = bytearray(archive.read(name))
    for _ in range(rng.randint(1, 8)):
        where = rng.randrange(len(part))
        action = rng.random()
        if action < 0.4:
            part[where:where] = rng.choice(TOKENS)
        elif action < 0.7:
            del part[where:where + rng.randint(1, 200)]
        else:
            start = rng.randrange(len(part))
            part[where:where] = part[start:start + rng.randint(1, 400)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            target.writestr(info, bytes(part) if info.filename == name else archive.read(info))
    return out.getvalue()


HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"


def _amplify(archive: zipfile.ZipFile, rng: random.Random) -> bytes:
    """Parse amplification inside the size limits: a header of empty paragraphs, or one
    header named by many relationships."""
    header = (b'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              + b"<w:p/>" * rng.randint(1, 600_000) + b"</w:hdr>")
    copies = rng.choice([1, 2, 50, 101, 1000])
    extra = "".join(f'<Relationship Id="rIdF{n}" Type="{HEADER}" Target="header1.xml"/>'
                    for n in range(copies)).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "word/header1.xml":
                data = header
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", extra + b"</Relationships>")
            target.writestr(info, data)
    return out.getvalue()


@dataclass
class Report:
    cases: int = 0
    read: int = 0
    refused: int = 0
    crash: bytes | None = None  # the first input that crashed the reader
    trace: str = ""


def fuzz(seconds: float, seed: int = 1) -> Report:
    """Mutate and read forms for ``seconds``; stop at the first crash."""
    rng = random.Random(seed)
    corpus = seeds()
    deadline = time.monotonic() + seconds
    report = Report()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.docx"
        while time.monotonic() < deadline:
            data = mutate(rng.choice(corpus), rng)
            path.write_bytes(data)
            report.cases += 1
            try:
                reading = read_form(path)
                form = load_input(path)
                validate_data(form.definition, reading.data)
                report.read += 1
            except DocgenError:
                report.refused += 1
            except Exception:  # anything else is a crash: report it and keep the case
                report.crash, report.trace = data, traceback.format_exc()
                return report
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    report = fuzz(args.minutes * 60, args.seed)
    if report.crash is not None:
        Path("fuzz-crash.docx").write_bytes(report.crash)
        print(report.trace)
        print(f"CRASH after {report.cases} cases; saved fuzz-crash.docx")
        return 1
    print(f"{report.cases} cases in {args.minutes:g} min: {report.read} read, "
          f"{report.refused} refused with a clear message, 0 crashes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
