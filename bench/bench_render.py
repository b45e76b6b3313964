"""Per-document rendering: plain docxtpl vs docgen's compiled renderer vs the floor.

Run: python bench/bench_render.py [--n 200] [--rounds 7]
Prints ms per document and ratios for the IEP and High Focus IEP templates with sample data:
plain docxtpl (Jinja's ordinary environment), docxtpl in docgen's sandboxed environment,
docgen, and the floor. The speed-up is against plain docxtpl. docgen and the floor take
turns, round by round, and each figure is the median round.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
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
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) * 1000 / n


def interleaved_medians(fns: dict[str, Callable[[], object]], n: int, rounds: int
                        ) -> dict[str, float]:
    """Median ms per document of each function over ``rounds`` rounds of ``n`` calls, the
    functions taking turns so that a burst of load on a shared machine hits them alike."""
    for fn in fns.values():
        fn()  # warm up (and, for docgen, compile once)
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            times[name].append(per_doc_ms(fn, n))
    return {name: statistics.median(values) for name, values in times.items()}


def docxtpl_once(template: Path, context: dict) -> bytes:
    """docxtpl with docgen's sandboxed environment: the same rules as docgen renders by."""
    return render_with_docxtpl(str(template), context)


def plain_docxtpl_once(template: Path, context: dict) -> bytes:
    """The issue's baseline: DocxTemplate(path).render(ctx, autoescape=True); save(), in
    Jinja's ordinary environment (plus the two filters docgen's templates use)."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment

    from docgen.render.environment import date_uk, join_lines

    env = Environment(autoescape=True)
    env.filters.update(date_uk=date_uk, join_lines=join_lines)
    document = DocxTemplate(str(template))
    document.render(context, jinja_env=env, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def floor_once(template: Path) -> bytes:
    """Copy the template's zip unchanged, entry by entry, without recompressing: the least
    any renderer that writes a new package must do."""
    return write_package(zipfile.ZipFile(io.BytesIO(template.read_bytes())), {})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200, help="documents per round")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    print(f"{'template':<10} {'docxtpl ms':>11} {'sandboxed':>10} {'docgen ms':>10} "
          f"{'floor ms':>9} {'speed-up':>9} {'vs floor':>9}")
    for key, data_file in CASES:
        template = ROOT / "templates" / all_documents()[key].template
        context = context_for(key, data_file)
        baseline = interleaved_medians(
            {"plain": lambda t=template, c=context: plain_docxtpl_once(t, c),
             "sandboxed": lambda t=template, c=context: docxtpl_once(t, c)},
            max(args.n // 20, 5), 3)
        plain, sandboxed = baseline["plain"], baseline["sandboxed"]
        times = interleaved_medians(
            {"docgen": lambda t=template, c=context: render_to_bytes(t, c),
             "floor": lambda t=template: floor_once(t)}, args.n, args.rounds)
        ours, floor = times["docgen"], times["floor"]
        print(f"{key:<10} {plain:>11.2f} {sandboxed:>10.2f} {ours:>10.2f} {floor:>9.2f} "
              f"{plain / ours:>8.1f}x {ours / floor:>8.2f}x")


if __name__ == "__main__":
    main()
