"""The framework registry: which guidance docgen follows, and where each one's files live.

A framework is data plus rules: form definitions, settings, templates, samples, and the
modules that register its documents, checks and drop-down lists. The pipeline, packs, batch
and the web page ask this registry where things are and never name a framework themselves
(as Sphinx's ``registry.py`` keeps builders and domains out of its core).

Form types are unique across frameworks, so a form's name says which framework it belongs to.
A maintainer's folder (``--templates DIR``) overrides any framework from ``DIR/<key>/``; the
default framework's files may also sit at the top of ``DIR``, as they always have.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docgen.resources import data_dir, override_dir

if TYPE_CHECKING:
    from docgen.definitions import FormDefinition
    from docgen.problems import Problem


@dataclass(frozen=True)
class Framework:
    """One body of guidance docgen can follow."""

    key: str  # short and stable: a folder name in a maintainer's override folder
    title: str  # plain words for a SENCo
    summary: str
    schemas: str  # folders relative to docgen's data (the repository's top level)
    templates: str
    samples: str
    settings: str
    modules: tuple[str, ...] = ()  # imported to register its documents (and choices)
    rules: str = ""  # "module:function(definition, data, today=None)" checking a valid form
    choices: str = ""  # "module:NAME" of a dict of its drop-down lists
    packs: str = ""  # "module" whose check_case/build_pack make its request packs
    deadlines: str = ""  # "module:NAME" of its caseload provider (docgen.caseload.providers)
    default: bool = False

    # --- where things are -----------------------------------------------------------------
    def schemas_dir(self) -> Path:
        return data_dir(self.schemas)

    def templates_dir(self) -> Path:
        return data_dir(self.templates)

    def samples_dir(self) -> Path:
        return data_dir(self.samples)

    def settings_dir(self) -> Path:
        return data_dir(self.settings)

    def override_dirs(self) -> list[Path]:
        """A maintainer's folders for this framework, most specific first."""
        own = override_dir()
        if own is None:
            return []
        return [own / self.key, own] if self.default else [own / self.key]

    def template_path(self, file_name: str) -> Path:
        """A template by file name: the maintainer's own copy wins over the bundled one."""
        for folder in self.override_dirs():
            if (folder / file_name).is_file():
                return folder / file_name
        return self.templates_dir() / file_name

    def settings_path(self, file_name: str) -> Path:
        """A settings file: ``DIR/<key>/settings/NAME`` from a maintainer wins (for the default
        framework, ``DIR/settings/NAME`` too, as its templates may sit at the top of DIR)."""
        for folder in self.override_dirs():
            if (folder / "settings" / file_name).is_file():
                return folder / "settings" / file_name
        return self.settings_dir() / file_name

    def definition_dir(self, name: str) -> Path | None:
        """The maintainer's folder holding NAME.yaml for this framework, if any."""
        for folder in self.override_dirs():
            if (folder / f"{name}.yaml").is_file():
                return folder
        return None

    def forms(self) -> list[str]:
        """Form types defined in this framework's folder (not its sub-folders)."""
        names = {p.stem for p in self.schemas_dir().glob("*.yaml")}
        for folder in self.override_dirs():
            if folder.is_dir():
                names |= {p.stem for p in folder.glob("*.yaml")} - _other_forms(self)
        return sorted(names)

    def sample_pupils(self) -> list[Path]:
        """One folder per fictional pupil, leaving out other frameworks' sample folders
        (while Birmingham's samples sit at the top, the 2015 Code's are a folder inside)."""
        root = self.samples_dir()
        if not root.is_dir():
            return []
        others = {f.samples_dir().resolve() for f in all_frameworks() if f.key != self.key}
        return sorted(p for p in root.iterdir() if p.is_dir() and p.resolve() not in others)

    # --- what it registers ------------------------------------------------------------------
    def load(self) -> None:
        """Import the modules that register this framework's documents (once: cached)."""
        for module in self.modules:
            importlib.import_module(module)

    def check_form(self, definition: FormDefinition, data: dict[str, Any],
                   today: dt.date | None = None) -> list[Problem]:
        """The framework's checks on a valid form, as of ``today`` (None: the real date)."""
        if not self.rules:
            return []
        rules: Callable[..., list[Problem]] = _attribute(self.rules)
        return rules(definition, data, today=today)

    def choice_lists(self) -> dict[str, Any]:
        return _attribute(self.choices) if self.choices else {}


def _attribute(dotted: str) -> Any:
    module, _, name = dotted.partition(":")
    return getattr(importlib.import_module(module), name)


BIRMINGHAM = Framework(
    key="birmingham",
    title="Following the Code (Birmingham)",
    summary="The Birmingham handbook: IEPs, CRISP, High Focus plans and reviews, Provision "
            "Plans and statutory assessment request packs.",
    schemas="schemas", templates="templates", samples="samples", settings="schemas/settings",
    modules=("docgen.families.crisp", "docgen.families.iep", "docgen.families.highfocus",
             "docgen.families.parents"),
    rules="docgen.form_rules:check_form",
    packs="docgen.packs.birmingham",
    deadlines="docgen.caseload.birmingham:PROVIDER",
    default=True,
)

SEND_2015 = Framework(
    key="send2015",
    title="SEND Code of Practice 2015",
    summary="The law today: SEN Support plans, parent meetings, EHC needs assessment "
            "requests and EHC plan annual reviews.",
    schemas="schemas/send2015", templates="templates/send2015", samples="samples/send2015",
    settings="schemas/send2015/settings",
    modules=("docgen.families.send2015.support", "docgen.families.send2015.requests",
             "docgen.families.send2015.reviews"),
    rules="docgen.domain.send2015.rules:check_form",
    choices="docgen.domain.send2015.choices:CHOICES",
    packs="docgen.packs.ehc_request",
    deadlines="docgen.caseload.send2015:PROVIDER",
)

_REGISTRY: dict[str, Framework] = {}


def register(framework: Framework) -> Framework:
    if framework.key in _REGISTRY:
        raise ValueError(f"a framework called '{framework.key}' is already registered")
    _REGISTRY[framework.key] = framework
    _framework_of.cache_clear()
    return framework


def all_frameworks() -> list[Framework]:
    """The default framework first, then the others in the order they were registered."""
    return sorted(_REGISTRY.values(), key=lambda f: not f.default)


def get(key: str) -> Framework:
    return _REGISTRY[key]


def default() -> Framework:
    return next(f for f in _REGISTRY.values() if f.default)


def _other_forms(framework: Framework) -> set[str]:
    return {p.stem for f in _REGISTRY.values() if f is not framework
            for p in f.schemas_dir().glob("*.yaml")}


def framework_of(form: str) -> Framework:
    """The framework a form type belongs to (the default one for a maintainer's own form)."""
    return _framework_of(form, str(override_dir()))


@cache
def _framework_of(form: str, _override: str) -> Framework:
    for framework in all_frameworks():
        if (framework.schemas_dir() / f"{form}.yaml").is_file():
            return framework
    for framework in all_frameworks():
        if not framework.default and framework.definition_dir(form) is not None:
            return framework
    return default()


def all_forms() -> list[str]:
    return sorted({name for f in all_frameworks() for name in f.forms()})


def choices(name: str) -> Any:
    """A drop-down list registered by a framework (KeyError if none has it)."""
    for framework in all_frameworks():
        lists = framework.choice_lists()
        if name in lists:
            return lists[name]
    raise KeyError(name)


def load_all() -> None:
    for framework in all_frameworks():
        framework.load()


def module_rank(module: str) -> tuple[int, int]:
    """Where a registering module stands: its framework's place, then its place in the
    framework's list (a module of no framework last), so listings keep one order."""
    for number, framework in enumerate(all_frameworks()):
        if module in framework.modules:
            return number, framework.modules.index(module)
    return len(all_frameworks()), 0


for _framework in (BIRMINGHAM, SEND_2015):
    register(_framework)
