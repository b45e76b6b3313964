"""Per-document rendering: plain docxtpl vs docgen's compiled renderer vs the floor.

Run: python bench/bench_render.py [--n 200] [--rounds 7]
Prints ms per document and ratios for the IEP, High Focus IEP and leaflet templates with
sample data: plain docxtpl (Jinja's ordinary environment), docxtpl in docgen's sandboxed
environment, docgen (warm: the template compiled), and two floors. All four take turns in
every round (docxtpl with fewer documents a round), and each figure is the median round.

- **floor (like for like)**: what docgen's output costs to write once its parts are rendered:
  the template's unchanged parts copied from the cached layout, the rendered parts (made
  once, before timing) deflated as docgen deflates them. ``docgen ÷ floor`` is then what
  rendering itself (Jinja, docxtpl's finishing steps) adds.
- **copy**: the template's zip copied entry by entry with nothing deflated (the earlier
  floor: it re-reads the template each time, which docgen does not).

Sizes: each document's bytes from docgen and from plain docxtpl, and their ratio.
"""

from __future__ import annotations

import argparse
import io
import os
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
from docgen.render.engine import prepare  # noqa: E402
from docgen.render.zipcopy import PackageLayout, write_package  # noqa: E402
from docgen.validation import validate_data  # noqa: E402

CASES = (("iep", "samples/tomos-llyr-evans/iep.yaml"),
         ("hf_iep", "samples/tomos-llyr-evans/hf_iep.yaml"),
         ("leaflet", "samples/tomos-llyr-evans/iep.yaml"))


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


def interleaved_medians(fns: dict[str, tuple[Callable[[], object], int]], rounds: int
                        ) -> dict[str, float]:
    """Median ms per document of each function (called its own number of times a round)
    over ``rounds`` rounds, the functions taking turns so that a burst of load on a shared
    machine hits them alike."""
    for fn, _ in fns.values():
        fn()  # warm up (and, for docgen, compile once)
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, (fn, n) in fns.items():
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


def copy_once(template: Path) -> bytes:
    """Copy the template's zip unchanged, entry by entry, without recompressing."""
    return write_package(zipfile.ZipFile(io.BytesIO(template.read_bytes())), {})


def rendered_parts(template: Path, context: dict) -> tuple[PackageLayout, dict[str, bytes]]:
    """The compiled template's layout, and its parts as docgen renders them for ``context``
    (rendered once, outside the timing)."""
    compiled = prepare(template)
    changed = dict(compiled.static)
    for name, part in compiled.parts.items():
        changed[name] = compiled._render_part(part, context)
    return compiled.layout, changed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200, help="documents per round")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print(f"{'template':<8} {'docxtpl':>8} {'sandbox':>8} {'docgen':>7} {'floor':>7} "
          f"{'copy':>6} {'speed-up':>9} {'÷ floor':>8} {'÷ copy':>7}  sizes docgen / docxtpl")
    for key, data_file in CASES:
        template = ROOT / "templates" / all_documents()[key].template
        context = context_for(key, data_file)
        layout, changed = rendered_parts(template, context)
        few = max(args.n // 40, 3)
        times = interleaved_medians({
            "plain": (lambda t=template, c=context: plain_docxtpl_once(t, c), few),
            "sandboxed": (lambda t=template, c=context: docxtpl_once(t, c), few),
            "docgen": (lambda t=template, c=context: render_to_bytes(t, c), args.n),
            "floor": (lambda lay=layout, ch=changed: lay.write(ch), args.n),
            "copy": (lambda t=template: copy_once(t), args.n),
        }, args.rounds)
        ours, floor = times["docgen"], times["floor"]
        size_ours = len(render_to_bytes(template, context))
        size_theirs = len(plain_docxtpl_once(template, context))
        print(f"{key:<8} {times['plain']:>8.2f} {times['sandboxed']:>8.2f} {ours:>7.3f} "
              f"{floor:>7.3f} {times['copy']:>6.3f} {times['plain'] / ours:>8.0f}x "
              f"{ours / floor:>7.2f}x {ours / times['copy']:>6.2f}x  "
              f"{size_ours:,} / {size_theirs:,} B = {size_ours / size_theirs:.3f}")
    print("(ms per document, medians of the rounds)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
