"""Checks a template and reports every problem at once, located as its author sees it.

The parts checked are those ``make`` renders, read the way it reads them (the body, every
header and footer, the footnotes, the document properties). Each is read paragraph by
paragraph — where it is (part, paragraph number, or table, row and cell) and its text — and
its tags are checked as Jinja will read them: tags Word split across paragraphs, unbalanced
blocks, blocks over table rows or cells not marked ``tr``/``tc``, what docgen does not offer
(filters, rich text, ``safe``), work beyond the limits, variables the document type does not
have, names reaching into Python. Then the part is compiled exactly as ``make`` compiles it,
so whatever would stop ``make`` stops the check too. Tags in parts nobody renders (endnotes,
comments) are reported: they would stay in the document as typed.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import TemplateProblem
from docgen.forms.ns import qn
from docgen.maintenance.variables import known_paths, required_paths
from docgen.render.environment import make_environment
from docgen.render.parts import BODY, CORE, CUSTOM, PartSource, TemplatePackage, read_template
from docgen.render.tags import Located, TagChecker, paragraphs, properties, short

__all__ = ["Located", "check_template", "paragraphs", "unshown_required_fields"]

# Derived names that show form fields: a template showing full_name shows the names.
SHOWS = {"pupil.full_name": ("pupil.forename", "pupil.surname"),
         "pupil.first_name": ("pupil.forename", "pupil.known_as"),
         "answers[].answer": tuple(f"review.q{n}_answer" for n in range(1, 5)),
         **{f"plan_rows[].{k}": (f"provision_plan[].{k}",)
            for k in ("what", "who", "how_often", "adult_minutes")},
         "plan_rows[].label": ("provision_plan[].thread",),
         "outcome.title": ("review.decision",), "outcome.reason": ("review.decision_reasons",),
         "crisp_summary.agreed_by": ("crisp.agreed_by",),
         "crisp_summary.kind_sentence": ("crisp.kind",),
         "recommendation": ("recommendations.recommendation",)}


def check_template(path: Path, document_key: str | None,
                   used: set[str] | None = None) -> list[Located]:
    """Every problem in one template; ``used`` collects the variable paths it shows.
    A file that is not a Word document raises ``UnusableInput`` (docgen's exit 2)."""
    from docgen.safe_open import TEMPLATE, read_file

    package = read_template(path, read_file(path, TEMPLATE.file_bytes, TEMPLATE.what))
    problems: list[Located] = []
    used = used if used is not None else set()
    known = known_paths(document_key) if document_key else None
    for part in _all_parts(package):
        label = part_label(part.name)
        paras = list(properties(part.tree) if part.kind == "properties"
                     else paragraphs(part.tree))
        found = TagChecker(label, known, used).run(paras)
        problems += found or _as_make_compiles(path, part, label)
    problems += _unrendered_tags(package)
    problems += _footnotes_per_section(package)
    for path_used in list(used):
        used.update(SHOWS.get(path_used, ()))
    return problems


def _all_parts(package: TemplatePackage) -> list[PartSource]:
    """The parts make renders, those with tags and those without (a tag split so badly
    that docxtpl never joins it is still text with braces in it)."""
    return [part for part in package.rendered + package.plain if part.tree is not None]


def _as_make_compiles(path: Path, part: PartSource, label: str) -> list[Located]:
    """What compiling the part as make does says, when the tag by tag check found nothing:
    so the check can never pass a template make then refuses."""
    from docgen.render.engine import compile_part

    if not part.tagged:
        return []
    try:
        compile_part(make_environment(), part, path)
    except TemplateProblem as exc:
        return [Located("error", exc.message, label, "the whole part",
                        short(exc.hint or ""))]
    return []


def _unrendered_tags(package: TemplatePackage) -> list[Located]:
    problems = []
    for name, root in package.unrendered_trees().items():
        for para in paragraphs(root):
            if "{{" in para.tags_text or "{%" in para.tags_text:
                problems.append(Located(
                    "error", "tags here are never filled in (neither docgen nor docxtpl "
                             "renders this part): move them into the body, a header, a footer "
                             "or a footnote", part_label(name), para.where, short(para.text),
                    None))
                break
    return problems


def _footnotes_per_section(package: TemplatePackage) -> list[Located]:
    """docxtpl renders the footnotes once per section of the document, docgen once: the
    results differ only when a value holds {{ or {% (docxtpl would run it as a tag)."""
    footnotes = [p for p in package.rendered if p.kind == "footnotes"]
    body = next((p for p in package.rendered + package.plain if p.kind == "body"), None)
    if not footnotes or body is None or body.tree is None:
        return []
    sections = sum(1 for _ in body.tree.iter(qn("w:sectPr")))
    if sections < 2:
        return []
    return [Located("warning", f"the document has {sections} sections: docxtpl fills the "
                               "footnotes in once per section, so text in a value that looks "
                               "like a tag would be run as one there; docgen fills them in once",
                    "footnotes", "the whole part", "", None)]


def part_label(name: str) -> str:
    if name == BODY:
        return "body"
    if name == CORE:
        return "core properties"
    if name == CUSTOM:
        return "custom properties"
    return name.removeprefix("word/").removesuffix(".xml")


def unshown_required_fields(document_keys: list[str], used: dict[str, set[str]]
                            ) -> list[str]:
    """Required form fields that no template of the form shows (warnings)."""
    from docgen.documents import all_documents

    by_form: dict[str, set[str]] = {}
    for key in document_keys:
        for form in all_documents()[key].forms:
            by_form.setdefault(form, set()).update(used.get(key, set()))
    warnings = []
    for key in document_keys:
        for variable in required_paths(key):
            form_used = set().union(*(by_form[f] for f in all_documents()[key].forms))
            if variable.path not in form_used:
                warnings.append(f"the required field “{variable.label}” ({variable.path}) "
                                f"is shown by no template of its form")
    return sorted(set(warnings))
