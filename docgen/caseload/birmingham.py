"""The caseload of Birmingham's forms: IEPs and their reviews, CRISP records, High Focus IEPs
and High Focus reviews.

``extract`` reads what each form says about dates, stage, bands and provision; ``assess``
decides, for one pupil, which plan is current, when its review is due, the last review and
its outcome, the High Focus period and the highest CRISP band. The rules themselves are in
docgen.domain.review_dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from docgen.caseload.checks import form_checks, future_forms
from docgen.caseload.model import Deadline, FormFacts, ProvisionRow, PupilStatus
from docgen.context import uk_date
from docgen.domain import crisp, iep_review, stages
from docgen.domain.review_dates import (
    HIGH_FOCUS_RULE,
    IEP_NEXT_REVIEW_RULE,
    NEW_REVIEW_RULE,
    REVIEWS_RULE,
    ReviewDue,
    capped,
    high_focus_period,
    iep_review_due,
    latest_review,
    review_after_review,
)

Data = Mapping[str, Any]
TITLE = "Following the Code (Birmingham)"


# --- extract: one form → facts (in the workers) ---------------------------------------------
def _iep(data: Data) -> dict[str, Any]:
    plan = data["plan"]
    return {"kind": "plan", "plan": "IEP", "start": plan["start_date"],
            "review": plan["review_date"], "stage": plan["stage"],
            "equivalent": bool(plan.get("equivalent_provision")),
            "provision": [_session_row(row) for row in data.get("provision", [])]}


def _session_row(row: Data) -> ProvisionRow:
    return ProvisionRow(what=row["what"], who=row["who"], session_minutes=row["session_minutes"],
                        sessions_per_week=row["sessions_per_week"], group_size=row["group_size"],
                        adults=row.get("adults") or 1)


def _bands(data: Data, crisp_date: dt.date | None = None) -> dict[str, Any]:
    """The CRISP bands a form records, with the date of the assessment they come from."""
    bands = {int(row["thread"]): row["band"] for row in data.get("crisp_threads", [])
             if row.get("band")}
    when = crisp_date or (data["crisp"]["date"] if "crisp" in data else None)
    return {"bands": bands, "crisp_date": when} if bands and when else {}


def _hf_iep(data: Data) -> dict[str, Any]:
    hf = data["high_focus"]
    return {"kind": "plan", "plan": "High Focus IEP", "start": hf["start_date"],
            "review": hf["review_date"], **_bands(data)}


def _hf_review(data: Data) -> dict[str, Any]:
    from docgen.domain import review

    meeting = data["review"]
    key = meeting["decision"]  # the meeting's own decision (required on the form)
    title, plan_name = review.OUTCOMES[key]
    rows = [ProvisionRow(what=row["what"], who=row["who"], how_often=row["how_often"],
                         minutes_per_pupil=Fraction(row["adult_minutes"])
                         if row.get("adult_minutes") is not None else None)
            for row in data.get("provision_plan", [])]
    return {"kind": "review", "review": "High Focus review", "date": meeting["date"],
            "next": meeting["next_review_date"], "outcome": key, "outcome_title": title,
            "plan_name": plan_name or "", "provision": rows, **_bands(data)}


def _iep_review(data: Data) -> dict[str, Any]:
    """An ordinary School Action or School Action Plus review: its date, its decision, the
    stage it leaves the pupil at, and the next review date it sets (none once SA ends)."""
    meeting = data["review"]
    key = meeting["decision"]
    return {"kind": "review", "review": "IEP review", "date": meeting["date"],
            "next": meeting.get("next_review_date"), "outcome": key,
            "outcome_title": iep_review.DECISIONS[key], "plan_name": "",
            "stage": iep_review.stage_after(key, meeting["stage"]), "provision": [],
            **_bands(data, meeting.get("crisp_date") or meeting["date"])}


def _crisp(data: Data) -> dict[str, Any]:
    return {"kind": "crisp", **_bands(data)}


EXTRACTORS: dict[str, Callable[[Data], dict[str, Any]]] = {
    "iep": _iep, "iep_review": _iep_review, "hf_iep": _hf_iep, "hf_review": _hf_review,
    "crisp": _crisp,
}


# --- assess: one pupil's forms → status -------------------------------------------------------
def _dated(forms: Sequence[FormFacts], kind: str, when: str, today: dt.date
           ) -> list[FormFacts]:
    """This kind of form dated on or before ``today``, oldest first."""
    found = [f for f in forms if f.facts.get("kind") == kind and f.facts[when] <= today]
    return sorted(found, key=lambda f: (f.facts[when], f.source))


def _latest(forms: list[FormFacts], plan: str) -> FormFacts | None:
    matching = [f for f in forms if f.facts.get("plan") == plan]
    return matching[-1] if matching else None


class BirminghamDeadlines:
    """The provider registered for the Birmingham framework."""

    def extract(self, form: str, data: Data) -> dict[str, Any] | None:
        extractor = EXTRACTORS.get(form)
        return extractor(data) if extractor else None

    def assess(self, forms: Sequence[FormFacts], today: dt.date) -> PupilStatus:
        plans = _dated(forms, "plan", "start", today)
        reviews = _dated(forms, "review", "date", today)
        status = PupilStatus(framework=TITLE, stage="")
        iep, hf = _latest(plans, "IEP"), _latest(plans, "High Focus IEP")
        last = reviews[-1] if reviews else None
        if last is not None:
            status.last_review = last.facts["date"]
            status.last_outcome = last.facts["outcome_title"]
        if hf is not None:
            status.high_focus = high_focus_period(hf.facts["start"], hf.facts["review"])
        current = _current(plans, last)
        _stage(status, plans, reviews, hf, current)
        _need(status, forms, today)
        if current is not None:
            status.plan = _plan_label(current)
        if current is not None and not _ended(current):
            status.review, due = _review_deadline(current)
            status.deadlines.append(status.review)
            if due.later_than_allowed:
                status.checks.append(_later_than_allowed(current, due))
        _provision(status, current, iep)
        status.checks += future_forms(forms, today) + form_checks(forms)
        return status


def _current(plans: list[FormFacts], last: FormFacts | None) -> FormFacts | None:
    """The plan or review the pupil's next review follows from: the most recent of them (a
    plan written on the day of a review follows from it)."""
    newest = plans[-1] if plans else None
    if last is None:
        return newest
    if newest is None or last.facts["date"] > newest.facts["start"]:
        return last
    return newest


def _is_iep_review(facts: FormFacts) -> bool:
    return facts.facts.get("review") == "IEP review"


def _ended(current: FormFacts) -> bool:
    """An IEP review that ended School Action: no plan, no review to come."""
    return _is_iep_review(current) and current.facts["outcome"] == "end"


def _stage(status: PupilStatus, plans: list[FormFacts], reviews: list[FormFacts],
           hf: FormFacts | None, current: FormFacts | None) -> None:
    """The stage the latest IEP or IEP review set, or High Focus during a High Focus period
    (from the High Focus IEP, or a High Focus review that renews or extends it)."""
    setting = [(f.facts["start"], f) for f in plans if f.facts.get("plan") == "IEP"]
    setting += [(f.facts["date"], f) for f in reviews if _is_iep_review(f)]
    latest = max(setting, key=lambda pair: (pair[0], pair[1].source))[1] if setting else None
    key = latest.facts["stage"] if latest is not None else ""
    high_focus = current is not None and (
        current is hf or (current.facts["kind"] == "review" and current.facts["outcome"] in
                          ("renew_for_evidence", "further_high_focus")))
    if high_focus:
        key = "high_focus"
    status.stage_key = key
    stage = stages.STAGES_BY_KEY.get(key)
    status.stage = stage.name if stage else key
    status.minimum_minutes = stage.minimum_minutes if stage else None


def _need(status: PupilStatus, forms: Sequence[FormFacts], today: dt.date) -> None:
    """The highest band of the most recent CRISP record (on any form that holds one)."""
    records = sorted((f for f in forms if f.facts.get("bands")
                      and f.facts["crisp_date"] <= today),
                     key=lambda f: (f.facts["crisp_date"], f.source))
    if not records:
        return
    bands: dict[int, int] = records[-1].facts["bands"]
    top = max(bands.values())
    threads = sorted(n for n, band in bands.items() if band == top)
    status.need = f"Band {top}: " + ", ".join(crisp.thread(n).label for n in threads)
    areas = [crisp.thread(n).area for n in threads]
    status.area = max(areas, key=areas.count)


def _review_deadline(current: FormFacts) -> tuple[Deadline, ReviewDue]:
    facts = current.facts
    if _is_iep_review(current):
        # the next review date the meeting set, capped at six months; six months on when
        # the form leaves it empty (the form's own check asks for it). After a decision to
        # start a High Focus period the next review is the High Focus review, which counts
        # from the High Focus IEP's start (often after the summer): until that IEP is in the
        # register, the date the meeting set.
        latest = latest_review(facts["date"])
        high_focus = facts["outcome"] == "high_focus"
        due = capped(facts["next"], facts["next"]) if high_focus and facts["next"] \
            else capped(facts["next"] or latest, latest)
        title = "High Focus review" if high_focus else "IEP review"
        rule, anchor = f"{IEP_NEXT_REVIEW_RULE}; {REVIEWS_RULE}", facts["date"]
    elif facts["kind"] == "review":
        due = review_after_review(facts["date"], facts["next"])
        title = f"{facts['plan_name']} review" if facts["plan_name"] else "High Focus review"
        rule, anchor = f"{NEW_REVIEW_RULE}; {REVIEWS_RULE}", facts["date"]
    elif facts["plan"] == "High Focus IEP":
        due = capped(facts["review"], latest_review(facts["start"]))
        title, rule, anchor = "High Focus review", f"{HIGH_FOCUS_RULE}; {REVIEWS_RULE}", \
            facts["start"]
    else:
        due = iep_review_due(facts["start"], facts["review"])
        title, rule, anchor = "IEP review", REVIEWS_RULE, facts["start"]
    return Deadline("review", title, due.due, rule, anchor=anchor.isoformat(), review=True), due


def _plan_label(current: FormFacts) -> str:
    facts = current.facts
    if _is_iep_review(current):
        return f"{facts['outcome_title']} (IEP review, {uk_date(facts['date'])})"
    if facts["kind"] == "review":
        if facts["plan_name"]:
            return f"{facts['plan_name']} from {uk_date(facts['date'])}"
        return f"High Focus period: {facts['outcome_title']} ({uk_date(facts['date'])})"
    return f"{facts['plan']} from {uk_date(facts['start'])}"


def _later_than_allowed(current: FormFacts, due: ReviewDue) -> str:
    return (f"Review date set for {uk_date(due.set_for)}, more than six months on: the "
            f"guidance asks for {REVIEWS_RULE}, so it is due by {uk_date(due.latest)}")


def _provision(status: PupilStatus, current: FormFacts | None, iep: FormFacts | None) -> None:
    """The current plan's provision: a Provision Plan's own rows, else the latest IEP's
    (none once a review has ended School Action)."""
    if current is not None and _ended(current):
        return
    if current is not None and current.facts.get("provision"):
        status.provision = list(current.facts["provision"])
    elif iep is not None:
        status.provision = list(iep.facts["provision"])
    status.equivalent_provision = bool(iep is not None and iep.facts["equivalent"])


PROVIDER = BirminghamDeadlines()
