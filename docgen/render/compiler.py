"""Compiles a template's tagged parts: docxtpl's preprocessing, docgen's refusals, Jinja.

Only a template not yet in the compiled-template cache comes here (docgen.render.engine), so
a run that finds its templates compiled never imports this module, python-docx or docxtpl.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, nodes

from docgen.errors import TemplateProblem
from docgen.render.engine import CHECK_HINT, CompiledPart, lined_source, part_label, problem
from docgen.render.environment import make_environment
from docgen.render.features import RICH_TAGS, findings, prepare_for_render, rich_tag_message
from docgen.render.grids import grid_may_change
from docgen.render.parts import PartSource, read_template
from docgen.render.tags import TagChecker, paragraphs, properties
from docgen.render.zipcopy import PackageLayout

_P = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"
_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def compile_template(path: Path, data: bytes
                     ) -> tuple[dict[str, CompiledPart], dict[str, bytes], PackageLayout]:
    """Every tagged part of the template compiled, the untagged parts docxtpl's finishing
    changes, and the layout to copy the others from: refused (TemplateProblem,
    UnusableInput) with the place when docgen cannot render it."""
    package = read_template(path, data)
    env = make_environment()
    parts = [compile_part(env, part, path) for part in package.rendered]
    layout = PackageLayout(package.archive, [part.name for part in parts]
                           + list(package.untagged))
    return {part.name: part for part in parts}, package.untagged, layout


def parse_part(env: Any, part: PartSource, path: Path) -> tuple[nodes.Template, str]:
    """The part's parsed source (docxtpl's), refused with the place when Jinja cannot read
    it, when it uses a tag docgen does not render as docxtpl does, or asks for too much."""
    _refuse_rich_tags(part, path)
    _refuse_misplaced_tags(part, path)
    lined = lined_source(part.source)
    try:
        tree = env.parse(lined)
    except TemplateSyntaxError as exc:
        raise problem(path, part.name, lined, exc.lineno,
                      f"cannot be read: {exc.message}") from None
    found = findings(tree, env)
    if found:
        raise problem(path, part.name, lined, found[0].lineno,
                      f"cannot be rendered: {found[0].message}")
    return tree, lined


def _refuse_rich_tags(part: PartSource, path: Path) -> None:
    if part.tree is None or "{{" not in part.source:
        return
    for paragraph in part.tree.iter(_P):
        text = "".join(t.text or "" for t in paragraph.iter(_T))  # runs joined, as docxtpl
        for opener in RICH_TAGS:
            if opener in text:
                raise TemplateProblem(
                    f"a tag in {part_label(part.name)} cannot be rendered: "
                    f"{rich_tag_message(opener)}", file=str(path),
                    hint=f"Near the text: {' '.join(text.split())[:120]!r}. {CHECK_HINT}")


def _refuse_misplaced_tags(part: PartSource, path: Path) -> None:
    """The rules of tags and blocks ``templates check`` applies (a tag split over paragraphs,
    a block over table rows not marked tr...), so make never renders what the check refuses."""
    if part.tree is None:
        return
    paras = properties(part.tree) if part.kind == "properties" else paragraphs(part.tree)
    errors = [found for found in TagChecker(part_label(part.name)).run(list(paras))
              if found.severity == "error"]
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise TemplateProblem(
            f"a tag in {part_label(part.name)} cannot be rendered: {errors[0].message}{more}",
            file=str(path),
            hint=f"Near the text: {errors[0].text!r} ({errors[0].where}). {CHECK_HINT}")


def compile_part(env: Any, part: PartSource, path: Path) -> CompiledPart:
    """One part compiled for rendering, or refused (TemplateProblem) with the place."""
    tree, lined = parse_part(env, part, path)
    counts_output = prepare_for_render(tree)
    try:
        code = env.compile(tree)
    except TemplateError as exc:
        raise problem(path, part.name, lined, getattr(exc, "lineno", None),
                      f"cannot be rendered: {exc.message}") from None
    is_body = part.kind == "body"
    return CompiledPart.from_code(
        env, part.name, code, lined, counts_output=counts_output,
        fix_grid=is_body and part.tree is not None
        and grid_may_change(part.tree, part.source, str(path)),
        drawings=is_body and "wp:docPr" in part.source)
