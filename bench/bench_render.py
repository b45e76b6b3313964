"""Per-document rendering: plain docxtpl vs docgen's compiled renderer vs the floor.

Run: python bench/bench_render.py [--n 200]
Prints ms per document and ratios for the IEP and High Focus IEP templates with sample data.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.documents import all_documents, provenance  # noqa: E402
from docgen.inputs import load_input  # noqa: E402
from docgen.render import render_to_bytes  # noqa: E402
from docgen.render.docxtpl_steps import render_with_docxtpl  # noqa: E402
from docgen.render.zipcopy import write_package  # noqa: E402
from docgen.validation import validate_data  # noqa: E402

CASES = (("iep", "samples/tomos-llyr-evans/iep.yaml"),
         ("hf_iep", "samples/tomos-llyr-evans/hf_iep.yaml"))


def context_for(key: str, data_file: str) -> dict:
    form = load_input(ROOT / data_file)
    data = validate_data(form.definition, form.raw).data
    return {**all_documents()[key].build(form.definition, data),
            "provenance": provenance(form.definition.name, form.definition.version)}


def per_doc_ms(fn, n: int) -> float:
    fn()  # warm up (and, for docgen, compile once)
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) * 1000 / n


def docxtpl_once(template: Path, context: dict) -> bytes:
    return render_with_docxtpl(str(template), context)


def floor_once(template: Path) -> bytes:
    """Copy the template's zip unchanged, entry by entry, without recompressing: the least
    any renderer that writes a new package must do."""
    return write_package(zipfile.ZipFile(io.BytesIO(template.read_bytes())), {})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    print(f"{'template':<10} {'docxtpl ms':>11} {'docgen ms':>10} {'floor ms':>9} "
          f"{'speed-up':>9} {'vs floor':>9}")
    for key, data_file in CASES:
        template = ROOT / "templates" / all_documents()[key].template
        context = context_for(key, data_file)
        plain = per_doc_ms(lambda t=template, c=context: docxtpl_once(t, c), max(args.n // 10, 5))
        ours = per_doc_ms(lambda t=template, c=context: render_to_bytes(t, c), args.n)
        floor = per_doc_ms(lambda t=template: floor_once(t), args.n)
        print(f"{key:<10} {plain:>11.2f} {ours:>10.2f} {floor:>9.2f} {plain / ours:>8.1f}x "
              f"{ours / floor:>8.2f}x")


if __name__ == "__main__":
    main()
