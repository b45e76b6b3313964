"""Writing the caseload's five files: all made in memory first, then each written atomically.

Nothing is written if any of them already exists (without ``force``): a folder never holds a
caseload of one day beside a provision map of another.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from docgen.caseload.build import Caseload
from docgen.caseload.settings import Settings


@dataclass(frozen=True)
class Outputs:
    """The files' contents, by file name."""

    files: dict[str, bytes]


FILE_NAMES = ("caseload.docx", "caseload.csv", "deadlines.ics", "provision-map.docx",
              "provision-map.csv")


def render_outputs(caseload: Caseload, settings: Settings) -> Outputs:
    from docgen.caseload.docx_map import provision_docx
    from docgen.caseload.docx_report import caseload_docx, school_names
    from docgen.caseload.ics import deadlines_ics
    from docgen.caseload.provision_map import build_map
    from docgen.caseload.tables import caseload_csv, provision_csv

    provision = build_map(caseload.pupils, settings)
    files = {"caseload.docx": caseload_docx(caseload)}
    # A Word document's tree holds reference cycles: free the first before the second is
    # built, or both stay in memory at once (the peak for 2,000 pupils).
    gc.collect()
    files["caseload.csv"] = caseload_csv(caseload)
    files["deadlines.ics"] = deadlines_ics(caseload)
    files["provision-map.docx"] = provision_docx(provision, school=school_names(caseload),
                                                 today=caseload.today)
    gc.collect()
    files["provision-map.csv"] = provision_csv(provision)
    return Outputs(files)


def refuse_existing(out_dir: Path, names: tuple[str, ...] | list[str] = FILE_NAMES, *,
                    force: bool = False) -> None:
    """Before any work: OutputExists when one of the files is there already (no --force)."""
    from docgen.errors import OutputExists

    existing = [out_dir / name for name in names if (out_dir / name).exists()]
    if existing and not force:
        raise OutputExists(
            "these files already exist, so docgen wrote nothing: "
            + ", ".join(p.name for p in existing), file=str(out_dir),
            hint="Use --force to replace them, or choose another folder with -o.")


def write_outputs(outputs: Outputs, out_dir: Path, *, force: bool = False) -> list[Path]:
    from docgen.render import write_atomic

    refuse_existing(out_dir, list(outputs.files), force=force)
    targets = [out_dir / name for name in outputs.files]
    for target in targets:
        write_atomic(target, outputs.files[target.name], force=force)
    return targets
