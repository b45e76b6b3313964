"""Which framework's request pack a case folder makes: ``framework:`` in its case.yaml.

A folder without the key is the default framework's (every case folder made before the
registry was one). Each framework's pack module offers ``check_case``, ``build_pack`` and
``skeleton``; the commands, batch and the web page call these functions and never name one.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from docgen.errors import UnusableInput
from docgen.frameworks import Framework, all_frameworks, default, framework_of

if TYPE_CHECKING:
    from docgen.packs.checklist import CaseCheck

MANIFEST = "case.yaml"


def case_framework(folder: Path) -> Framework:
    """The framework a case folder names (UnusableInput for an unknown one)."""
    from docgen.inputs import load_data

    manifest = folder / MANIFEST
    if not manifest.is_file():
        return default()
    try:
        raw = load_data(manifest, "case.yaml")
    except UnusableInput:
        return default()  # load_case reports the problem with the file's own message
    key = raw.get("framework") if isinstance(raw, dict) else None
    if key is None:
        return default()
    known = {f.key: f for f in all_frameworks() if f.packs}
    if key not in known:
        raise UnusableInput(f"case.yaml names the framework '{key}', which makes no packs",
                            file=str(manifest),
                            hint=f"Use one of: {', '.join(known)} (or leave the line out for "
                                 f"{default().title}).")
    return known[key]


def pack_module(framework: Framework) -> ModuleType:
    return importlib.import_module(framework.packs)


def check_case(folder: Path) -> CaseCheck:
    """Every item the folder's framework asks a request to hold, present or not."""
    return pack_module(case_framework(folder)).check_case(folder)


def build_pack(folder: Path, *, draft: bool = False, redacted: bool = False) -> bytes:
    """The pack's .docx bytes; InvalidInput listing what is missing unless ``draft``."""
    return pack_module(case_framework(folder)).build_pack(folder, draft=draft,
                                                          redacted=redacted)


def skeleton_for(form: str, name: str) -> str:
    """The case.yaml a new case folder starts from, for a pupil whose form is ``form``."""
    framework = framework_of(form)
    if not framework.packs:
        framework = default()
    return pack_module(framework).skeleton(name)
