"""Scans redacted outputs for anything that identifies the pupil, part by part.

    python tools/leak_scan.py --from samples/zofia-wisniewska/hf_review.yaml OUT/
    python tools/leak_scan.py --case CASE_FOLDER pack-redacted.docx pack-redacted.manifest.json
    python tools/leak_scan.py --name "Zofia Wiśniewska" --upn N330200117012 --dob 2015-01-22 F

Who to look for comes from a filled form or data file (--from, repeatable), every form of a
case folder (--case), or is given (--name, repeatable; --upn; --dob YYYY-MM-DD). Every file
given, and every file in every folder given, is opened: every part of a Word package and of
the Office files inside it, JSON manifests, any text. The scan is strict (docgen.redaction.
scanner): every attribute, each part's whole text, and the bytes of pictures and objects.
Prints each place something was found; exits 1 if anything was, 0 if not, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docgen.errors import DocgenError  # noqa: E402
from docgen.redaction import Identity, identity_of  # noqa: E402
from docgen.redaction.scanner import scan_paths  # noqa: E402


def identity_from(args: argparse.Namespace) -> Identity:
    from docgen.pipeline import check

    identity = Identity()
    for form in args.source:
        identity = identity.merge(identity_of(check(Path(form)).result.data))
    if args.case:
        from docgen.packs import check_case  # the case folder's own framework
        from docgen.packs.case import case_identity

        identity = identity.merge(case_identity(check_case(Path(args.case)).case))
    for name in args.name:
        identity.add_name(name)
    identity.upn = identity.upn or args.upn
    identity.date_of_birth = identity.date_of_birth or args.dob
    return identity


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="files or folders to scan")
    parser.add_argument("--from", dest="source", action="append", default=[],
                        help="a filled form or data file naming the pupil")
    parser.add_argument("--case", help="a case folder: everyone its forms name")
    parser.add_argument("--name", action="append", default=[])
    parser.add_argument("--upn")
    parser.add_argument("--dob", type=dt.date.fromisoformat)
    args = parser.parse_args()
    try:
        identity = identity_from(args)
    except DocgenError as exc:
        print(f"Error: {exc.format_message()}", file=sys.stderr)
        return 2
    if not identity:
        parser.error("say who to look for: --from, --case or --name")
    missing = [path for path in args.paths if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(map(str, missing))}")
    try:
        leaks = scan_paths(args.paths, identity, strict=True)
    except DocgenError as exc:  # a file too large for the hardened reader, say
        print(f"Error: {exc.format_message()}", file=sys.stderr)
        return 2
    files = sum(len([p for p in path.rglob("*") if p.is_file()]) if path.is_dir() else 1
                for path in args.paths)
    if not leaks:
        print(f"No leaks in {files} files ({len(identity.names)} names"
              f"{', the UPN' if identity.upn else ''}"
              f"{', the date of birth' if identity.date_of_birth else ''} looked for).")
        return 0
    for leak in leaks:
        print(leak.describe())
    print(f"{len(leaks)} leaks found.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
