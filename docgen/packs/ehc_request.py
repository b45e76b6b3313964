"""The 2015 Code's request pack: a school's request for an EHC needs assessment.

The case folder holds the request form, the SEN Support plans with their reviews, the records
of meetings with the parents and the evidence files listed in case.yaml. What it must hold is
the authority's profile (settings, default from CoP 9.14); a missing item refuses the pack
with what to add. The pack is the cover (with the statutory clock), the school's request, the
plans, the individual provision map made from them, the meeting records and the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from docgen.context import uk_date
from docgen.domain.send2015 import request_evidence as rules
from docgen.errors import InvalidInput, TemplateProblem
from docgen.families.letter_pages import add_logo
from docgen.frameworks import SEND_2015
from docgen.packs import assemble
from docgen.packs.assemble import MISSING, Section, compose, evidence_sections, render_form
from docgen.packs.case import Case, CaseForm, load_case
from docgen.packs.checklist import CaseCheck, Item
from docgen.render import render_to_bytes
from docgen.textfiles import load_settings

FILE_NAME = "ehc-needs-assessment-request-pack.docx"
PROFILES = "ehc_request_profiles.yaml"
FORM_DATES = {"ehc_request": ("request", "received"), "sen_support": ("plan", "start_date"),
              "parent_meeting": ("meeting", "date")}


@dataclass
class RequestCheck(CaseCheck):
    """A case check that also knows which authority's evidence list it used."""

    profile: rules.Profile | None = None


@cache
def _settings(path: Path) -> tuple[dict[str, str], dict[str, rules.Profile]]:
    raw = load_settings(path, "EHC request evidence profiles") or {}
    try:
        kinds = {str(k): str(v) for k, v in (raw.get("evidence_kinds") or {}).items()}
        return kinds, rules.parse_profiles(raw, list(kinds))
    except (rules.ProfileError, AttributeError) as exc:
        raise TemplateProblem(f"the EHC request evidence profiles cannot be used: {exc}",
                              file=str(path)) from None


def settings() -> tuple[dict[str, str], dict[str, rules.Profile]]:
    """(evidence kinds, profiles) from the bundled file or a maintainer's own."""
    return _settings(SEND_2015.settings_path(PROFILES))


def check_case(folder: Path) -> RequestCheck:
    kinds, profiles = settings()
    case = load_case(folder, kinds, FORM_DATES)
    requests = case.of("ehc_request")
    request = requests[-1] if requests else None
    profile = _profile(case, profiles, request)
    seen = [rules.FormSeen(f.form, bool((f.checked.data.get("review") or {}).get("held")))
            for f in case.forms]
    present = {e.kind for e in case.evidence if e.present}
    items = [_item(requirement, case, seen, present, request) for requirement in profile.items]
    items += _listed_but_absent(case)
    included = sorted(case.forms, key=lambda f: (f.date, f.form))
    return RequestCheck(case, items, request, None, included, profile)


def _profile(case: Case, profiles: dict[str, rules.Profile], request: CaseForm | None
             ) -> rules.Profile:
    authority = request.checked.data["request"]["authority"] if request else None
    try:
        return rules.choose(profiles, case.manifest.get("profile"), authority)
    except rules.ProfileError as exc:
        raise InvalidInput(f"case.yaml: {exc}", file=str(case.folder / "case.yaml")) from None


def _item(requirement: rules.Requirement, case: Case, seen: list[rules.FormSeen],
          present: set[str], request: CaseForm | None) -> Item:
    data = request.checked.data if request else None
    ok = rules.met(requirement, seen, present, data)
    if requirement.form:
        sources = [f.path for f in case.of(requirement.form)
                   if not requirement.reviewed or (f.checked.data.get("review") or {}).get("held")]
    elif requirement.kinds:
        sources = [e.file for e in case.evidence if e.kind in requirement.kinds and e.present]
    else:
        sources = [request.path] if request else []
    return Item(requirement.name, ok, sources, requirement.add)


def _listed_but_absent(case: Case) -> list[Item]:
    return [Item(f"{e.title} ({e.file.name})", False, [],
                 f"case.yaml lists {e.file.name}, which is not in the folder")
            for e in case.evidence if not e.present]


def build_pack(folder: Path, *, draft: bool = False, redacted: bool = False) -> bytes:
    check = check_case(folder)
    if check.missing and not draft:
        raise InvalidInput("the pack cannot be made; missing:\n" +
                           "\n".join(f"  - {m}" for m in check.missing), file=str(folder),
                           hint="Add each item (or use --draft to see the pack with the gaps "
                                "marked).")
    if check.review is None:
        raise InvalidInput("the case folder has no request form (ehc_request)",
                           file=str(folder), hint="Add the filled request form.")
    if redacted:
        return assemble.redacted_pack(check, lambda checked: _assemble(checked, draft))
    return _assemble(check, draft)


def _assemble(check: RequestCheck, draft: bool) -> bytes:
    from docgen.families.send2015.requests import pack_cover_context

    sections, enclosures = sections_for(check)
    context = pack_cover_context(check, sections, enclosures, draft)
    cover = add_logo(render_to_bytes(SEND_2015.template_path("ehc_pack_cover.docx"), context),
                     context)
    return compose(cover, sections)


def sections_for(check: CaseCheck) -> tuple[list[Section], list[str]]:
    """The school's request, each SEN Support plan, the provision map made from them, the
    meetings with the parents, then the evidence case.yaml lists (merged, or sent with the
    pack when it cannot be); and the evidence sent separately."""
    from docgen.families.send2015.support import render_provision_map

    assert check.review is not None
    sections = [Section("The school's request", check.review.path,
                        render_form("ehc_request", check.review), True)]
    plans = [f for f in check.included_forms if f.form == "sen_support"]
    for plan in plans:
        sections.append(Section(f"SEN Support plan {plan.checked.data['plan']['cycle']} "
                                f"from {uk_date(plan.date)}", plan.path,
                                render_form("sen_support_plan", plan), True))
    if plans:
        sections.append(Section("Individual provision map", None,
                                render_provision_map([p.checked.data for p in plans]), True))
    for meeting in (f for f in check.included_forms if f.form == "parent_meeting"):
        sections.append(Section(f"Meeting with parents on {uk_date(meeting.date)}",
                                meeting.path, render_form("parent_meeting_record", meeting),
                                True))
    evidence, enclosures = evidence_sections(check)
    return sections + evidence, enclosures


SKELETON = """# The case folder for {name}'s request for an EHC needs assessment (SEND Code of
# Practice 2015). docgen reads the filled forms in this folder itself: the request
# (ehc_request), the SEN Support plans with their reviews (sen_support) and the records of
# meetings with the parents (parent_meeting), as .docx forms or .yaml/.json data.
# List every other piece of evidence here, each its own file in this folder. kind is one of:
# attainment, health, specialist, attendance, pupil_views, parents_views, report.
# profile: the local authority's evidence list in docgen's settings (leave it out to use the
# one for the authority named in the request form, or the Code's own list, paragraph 9.14).
framework: send2015
pupil:
  name: {name}
evidence:
  - {{kind: attainment, title: Attainment and progress data, date: null, file: attainment.docx}}
  - {{kind: health, title: Letter from the paediatrician, date: null, file: health.docx}}
"""


def skeleton(name: str) -> str:
    return SKELETON.format(name=name)


__all__ = ["FILE_NAME", "MISSING", "build_pack", "check_case", "skeleton"]
