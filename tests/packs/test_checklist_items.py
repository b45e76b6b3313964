"""The pack's checklist item by item: each name and what to do when it is missing."""

from __future__ import annotations

from pathlib import Path

import yaml

from docgen.packs import check_case
from tests.fixtures import copy_case

ADD = "add the file to the folder and list it in case.yaml with kind:"


def test_an_empty_case_folder_says_what_to_add_for_each_item(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text("pupil:\n  name: Ellis Morgan\nevidence: []\n", "utf-8")
    assert check_case(tmp_path).missing == [
        "IEPs over the last 12 months: add the IEPs of the last 12 months (docgen forms or "
        "their data)",
        "Reviews over the last 12 months: add the review forms of the last 12 months",
        "High Focus IEP: add the filled High Focus IEP form",
        f"Views of the pupil: {ADD} pupil_views",
        f"Record of pupil involvement: {ADD} pupil_involvement",
        f"Views of parents/carers (or the account of attempts to contact them): {ADD} "
        "parents_views",
        f"Record of parental involvement (or the account of attempts to contact them): {ADD} "
        "parents_involvement",
        f"National Curriculum levels across the curriculum: {ADD} nc_levels",
        f"Attendance record: {ADD} attendance",
        "High Focus review record requesting statutory assessment: add the High Focus review "
        "form",
    ]


def rewrite_manifest(case: Path, change) -> None:
    manifest = yaml.safe_load((case / "case.yaml").read_text("utf-8"))
    change(manifest["evidence"])
    (case / "case.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), "utf-8")


def test_an_account_of_contact_attempts_stands_for_both_parents_items(tmp_path: Path) -> None:
    case = copy_case(tmp_path)

    def attempts_only(evidence: list[dict]) -> None:
        evidence[:] = [e for e in evidence
                       if e["kind"] not in ("parents_views", "parents_involvement")]
        evidence.append({"kind": "contact_attempts", "title": "Letters and calls",
                         "file": "parents-views.pdf"})

    rewrite_manifest(case, attempts_only)
    check = check_case(case)
    assert check.missing == []
    parents = [i for i in check.items if i.name.startswith(("Views of parents",
                                                            "Record of parental"))]
    assert [(i.present, i.source) for i in parents] == [(True, "parents-views.pdf")] * 2


def test_listed_files_missing_from_the_folder_are_named(tmp_path: Path) -> None:
    case = copy_case(tmp_path)

    def two_more_reports(evidence: list[dict]) -> None:
        evidence += [{"kind": "attendance", "file": "attendance-2025.pdf"},
                     {"kind": "attendance", "file": "attendance-2026.pdf"}]

    rewrite_manifest(case, two_more_reports)
    assert check_case(case).missing == [
        "Attendance record: case.yaml lists attendance-2025.pdf, attendance-2026.pdf, which are "
        "not in the folder"]


def test_a_case_without_its_review(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    for review in case.glob("hf_review-*.yaml"):
        review.unlink()
    check = check_case(case)  # the 12 months then end today, so the forms' own items vary
    assert {"Reviews over the last 12 months: add the review forms of the last 12 months",
            "High Focus review record requesting statutory assessment: add the High Focus "
            "review form"} <= set(check.missing)
    assert check.review is None and not [i for i in check.items if "Table 2" in i.name]
    (item,) = [i for i in check.items if i.name.startswith("High Focus review record")]
    assert (item.present, item.source) == (False, "")  # the page lists every item's source


def test_a_latest_review_that_does_not_request_statutory_assessment(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "hf_review-2027-01-18.yaml").unlink()  # the first period's review is now latest
    check = check_case(case)
    assert check.review is not None and check.review.path.name == "hf_review-2026-07-13.yaml"
    assert [m for m in check.missing if m.startswith(("High Focus review record",
                                                      "Proposed Provision Plan"))] == [
        "High Focus review record requesting statutory assessment: the latest review decided "
        "'A further period of High Focus School Action Plus', not a request for statutory "
        "assessment",
        "Proposed Provision Plan: fill in 'Provision for each thread of concern' in the review "
        "form"]


def test_a_statutory_request_without_its_provision_plan(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    review = case / "hf_review-2027-01-18.yaml"
    data = yaml.safe_load(review.read_text("utf-8"))
    data["provision_plan"] = []
    data["reservations"] = [{"who": "Ms Dana Whitfield (parent)", "role": "Parent",
                             "about": "Band 5 on thread 2", "sent_with_request": True}]
    review.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    check = check_case(case)
    assert check.missing == [
        "Proposed Provision Plan: fill in 'Provision for each thread of concern' in the review "
        "form"]
    (reservation,) = [i for i in check.items if i.name.startswith("Reservation")]
    assert (reservation.name, reservation.present, reservation.source) == (
        "Reservation 1 (Ms Dana Whitfield (parent))", True, "hf_review-2027-01-18.yaml")
    (plan,) = [i for i in check.items if i.name == "Proposed Provision Plan"]
    assert plan.source == "hf_review-2027-01-18.yaml"


def test_a_reservation_not_ticked_as_sent_says_how_to_send_it(tmp_path: Path) -> None:
    case = copy_case(tmp_path)
    (case / "hf_review-2027-01-18.yaml").unlink()
    review = case / "hf_review-2026-07-13.yaml"
    data = yaml.safe_load(review.read_text("utf-8"))
    data["reservations"] = [{"who": "Dr Kofi Mensah", "role": "Educational psychologist",
                             "about": "Band 4 on thread 1"}]
    review.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert ("Reservation 1 (Dr Kofi Mensah): all reservations must be sent with the request: "
            "tick 'Sent with the request' in the review form") in check_case(case).missing


def test_a_thread_of_concern_without_its_evidence(tmp_path: Path) -> None:
    from docgen.domain import crisp

    case = copy_case(tmp_path)
    rewrite_manifest(case, lambda evidence: evidence.pop())  # the PSS report: threads 1, 2, 5
    missing = check_case(case).missing
    assert missing == [
        f"Table 2 evidence for {crisp.thread(2).label} (Band 5): "
        f"{'; '.join(crisp.thread(2).evidence)}: add a report covering thread 2 and list it "
        "in case.yaml with threads: [2]",
        f"Table 2 evidence for {crisp.thread(5).label} (Band 3): "
        f"{'; '.join(crisp.thread(5).evidence)}: add a report covering thread 5 and list it "
        "in case.yaml with threads: [5]"]


def test_listed_files_missing_and_files_that_cannot_be_used_are_named_apart(
        tmp_path: Path) -> None:
    case = copy_case(tmp_path)

    def three_more(evidence: list[dict]) -> None:
        evidence += [{"kind": "attendance", "file": "attendance-2025.pdf"},
                     {"kind": "attendance", "file": "att-a.docx"},
                     {"kind": "attendance", "file": "att-b.docx"}]

    rewrite_manifest(case, three_more)
    (case / "att-a.docx").write_bytes(b"not a Word document")
    (case / "att-b.docx").write_bytes(b"not a Word document")
    assert [m for m in check_case(case).missing if m.startswith("Attendance")] == [
        "Attendance record: case.yaml lists attendance-2025.pdf, which is not in the folder; "
        "att-a.docx, att-b.docx cannot be used (see below)"]


def test_an_iep_review_of_the_year_is_one_of_the_reviews(tmp_path: Path) -> None:
    import datetime as dt

    from tests.conftest import SAMPLES

    case = copy_case(tmp_path)
    data = yaml.safe_load((SAMPLES / "zofia-wisniewska" / "iep_review.yaml").read_text("utf-8"))
    data["review"].update(date=dt.date(2026, 11, 2), next_review_date=dt.date(2027, 2, 1))
    (case / "iep_review.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (item,) = [i for i in check_case(case).items if i.name == "Reviews over the last 12 months"]
    assert [p.name for p in item.sources] == [
        "hf_review-2026-07-13.yaml", "hf_review-2027-01-18.yaml", "iep_review.yaml"]


def test_a_threads_report_listed_but_not_in_the_folder_is_named(tmp_path: Path) -> None:
    from docgen.domain import crisp

    case = copy_case(tmp_path)
    (case / "pss-report.pdf").unlink()  # the only report for threads 2 and 5
    missing = check_case(case).missing
    assert missing == [
        f"Table 2 evidence for {crisp.thread(2).label} (Band 5): "
        f"{'; '.join(crisp.thread(2).evidence)}: case.yaml lists pss-report.pdf, which is not "
        "in the folder",
        f"Table 2 evidence for {crisp.thread(5).label} (Band 3): "
        f"{'; '.join(crisp.thread(5).evidence)}: case.yaml lists pss-report.pdf, which is not "
        "in the folder"]
    (thread_1,) = [i for i in check_case(case).items if i.name.startswith(
        f"Table 2 evidence for {crisp.thread(1).label}")]
    assert thread_1.present  # its other reports are there
