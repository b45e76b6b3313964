"""Fuzzes the form reader: mutated real forms must give a result or a documented error.

Not part of the test suite. Run it for as long as you like:

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = seeds()
    deadline = time.monotonic() + args.minutes * 60
    cases = results = refused = 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.docx"
        while time.monotonic() < deadline:
            data = mutate(rng.choice(corpus), rng)
            path.write_bytes(data)
            cases += 1
            try:
                reading = read_form(path)
                form = load_input(path)
                validate_data(form.definition, reading.data)
                results += 1
            except DocgenError:
                refused += 1
            except Exception:  # anything else is a crash: report it and keep the case
                Path("fuzz-crash.docx").write_bytes(data)
                traceback.print_exc()
                print(f"CRASH after {cases} cases; saved fuzz-crash.docx")
                return 1
    print(f"{cases} cases in {args.minutes:g} min: {results} read, {refused} refused with a "
          "clear message, 0 crashes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
