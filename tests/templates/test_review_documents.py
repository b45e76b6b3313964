"""The review documents say what the review decided, in its words, and nothing the form does
not say: no guidance conditionals, no settings paths, no system sentences."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from docgen.pipeline import Rendered, check, render_all
from tests.conftest import sample_raw
from tests.docx_helpers import all_text, paragraphs, table_rows

PUPILS = ("tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman")
DECISIONS = {
    "tomos-llyr-evans": ("delegated", "Provision through the school's delegated resources"),
    "zofia-wisniewska": ("statutory_request", "Request statutory assessment"),
    "aisha-rahman": ("renew_for_evidence", "Renew the High Focus period to gain the evidence"),
}
# Text that was never written for the reader of a record, a plan or a note.
NOT_FOR_THE_PAGE = (
    "delegation.yaml", "schemas/", "Delegation policy", "If the CRISP assessment shows",
    "Similarly, if", "However, if", "If a request for Statutory Assessment",
    "If the pupil has made satisfactory progress", "The plan that follows",
    "No provision is recorded", "have no role because", ": None identified:",
    "Health: ", "per week for", "33.3", "63.3",
)


def _made(tmp_path: Path, form: str, raw: dict[str, Any]) -> tuple[Any, dict[str, Rendered]]:
    """Validate and make the documents of changed sample data, as `docgen make` would."""
    path = tmp_path / f"{form}.yaml"
    path.write_text(yaml.safe_dump({"form": form, **raw}, allow_unicode=True), "utf-8")
    checked = check(path)
    return checked.result, {d.key: d for d in render_all(checked)}


def _documents(rendered: dict, pupil: str) -> dict[str, bytes]:
    return {key: doc.data for (who, key), doc in rendered.items() if who == pupil}


@pytest.mark.parametrize("pupil", PUPILS)
def test_the_record_states_the_recorded_decision_and_the_meeting_s_reasons(
        rendered: dict, pupil: str) -> None:
    data = sample_raw(pupil, "hf_review")
    key, title = DECISIONS[pupil]
    assert data["review"]["decision"] == key  # the form says so; nothing computes it
    record = paragraphs(rendered[(pupil, "review_record:hf_review")].data)
    at = record.index("Outcome")
    assert record[at + 1:at + 3] == [title, data["review"]["decision_reasons"]]


@pytest.mark.parametrize("pupil", PUPILS)
def test_no_text_written_for_someone_else(rendered: dict, pupil: str) -> None:
    for key, data in _documents(rendered, pupil).items():
        if key.startswith(("letter_", "leaflet")):
            continue  # parent documents: issue 15's wording
        text = all_text(data)
        for leak in NOT_FOR_THE_PAGE:
            assert leak not in text, (pupil, key, leak)


def test_three_pupils_three_outcomes_from_their_forms(rendered: dict) -> None:
    plans = {pupil: rendered.get((pupil, "provision_plan:hf_review")) for pupil in PUPILS}
    assert paragraphs(plans["tomos-llyr-evans"].data)[0] == "Provision Plan"
    assert paragraphs(plans["zofia-wisniewska"].data)[0] == "Proposed Provision Plan"
    assert plans["aisha-rahman"] is None


def test_the_plan_follows_the_decision_not_the_bands(tmp_path: Path) -> None:
    """Tomos's bands are within the delegated bands; a review that decides on a request still
    gets a Proposed Provision Plan, with a warning on screen and its own reasons on the page."""
    raw = copy.deepcopy(sample_raw("tomos-llyr-evans", "hf_review"))
    raw["review"]["decision"] = "statutory_request"
    raw["review"]["decision_reasons"] = "The review wants the local authority's view."
    raw["review"]["interim_provision"] = "Daily precision teaching continues."
    raw["review"]["statement_factors"] = "None."
    result, made = _made(tmp_path, "hf_review", raw)
    assert result.valid
    assert [w.label for w in result.warnings] == ["Decision of the review"]
    assert "every band is within the delegated bands" in result.warnings[0].message
    assert paragraphs(made["provision_plan"].data)[0] == "Proposed Provision Plan"
    record = all_text(made["review_record"].data)
    assert "Request statutory assessment\nThe review wants the local authority's view." in record
    assert "above the delegated bands" not in record and "not delegated" not in record


def test_provision_plan_rows_in_thread_order_with_their_total(rendered: dict) -> None:
    document = rendered[("zofia-wisniewska", "provision_plan:hf_review")].data
    rows = table_rows(document, "Provision for each thread of concern")
    assert [r[0].split(".")[0] for r in rows[1:]] == ["1", "2", "4", "7", "8", "9"]
    text = "\n".join(paragraphs(document))
    assert ("Adult time in this plan: 202 minutes a week, 152 minutes more than the School "
            "Action Plus amount of 50 minutes a week.") in text
    plan = table_rows(document, "The plan")
    # a key-value table with row headers (issue 15): no "Item | Details" header row
    assert plan[0] == ["The year it covers", "19 January 2026 to 18 January 2027"]
    assert plan[2] == ["Funding", "Proposed: to be confirmed by the Statement"]
    signatures = table_rows(document, "Agreed by")
    assert [r[:2] for r in signatures[1:]] == [["Mr Kwame Asante", "SENCo"],
                                                ["Mrs Wiśniewska", "Parents or carers"],
                                                ["", "Head teacher"]]
    health = table_rows(document, "Needs normally met by Health or Social Services")
    assert health[0][0] == "Health"


def test_headings_follow_the_kind_of_crisp_assessment(rendered: dict) -> None:
    """'Pencilled CRISP assessment' only over a pencilled one."""
    pencilled = paragraphs(rendered[("tomos-llyr-evans", "hf_iep:hf_iep")].data)
    full = paragraphs(rendered[("zofia-wisniewska", "hf_iep:hf_iep")].data)
    assert "Pencilled CRISP assessment" in pencilled
    assert "Pencilled CRISP assessment" not in full and "CRISP assessment" in full
    assert "A full assessment: each band is backed by evidence. Dated 7 July 2025." in full
    assert ("A pencilled assessment: the best knowledge available, to be confirmed or changed "
            "by evidence. Dated 11 July 2025.") in pencilled


def test_hf_iep_shows_the_three_conditions_as_the_form_records_them(rendered: dict) -> None:
    rows = table_rows(rendered[("tomos-llyr-evans", "hf_iep:hf_iep")].data,
                      "The conditions for a High Focus period")
    assert rows[1] == ["The pupil is rated as being at Band 4 or higher on one or more Threads",
                       "Yes", "Band 4 on 1. Curriculum access; Band 4 on 4. Learning Activities"]
    assert rows[3][:2] == ["Progress is not satisfactory", "Yes"]
    assert "The conditions for a High Focus period are met." not in all_text(
        rendered[("tomos-llyr-evans", "hf_iep:hf_iep")].data)


def test_no_role_reasons_are_headed_not_glued(rendered: dict) -> None:
    text = paragraphs(rendered[("aisha-rahman", "hf_iep:hf_iep")].data)
    at = text.index("Why the parents or carers have no role")
    assert text[at + 1].startswith("The school has not been able to contact Aisha's parents")


def test_threads_of_concern_show_table_1_as_the_seed_prints_it(rendered: dict) -> None:
    rows = table_rows(rendered[("zofia-wisniewska", "hf_iep:hf_iep")].data,
                      "Threads of concern and possible support services")
    by_thread = {r[0]: r[2] for r in rows[1:]}
    assert by_thread["7. Understanding language"] == (
        "Specialist speech and language teachers, Speech and Language therapists, Teachers for "
        "pupils with social communication difficulties (Visiting Teachers), Educational "
        "Psychologists, PSS")
    crisp_rows = table_rows(rendered[("zofia-wisniewska", "hf_iep:hf_iep")].data,
                            "CRISP assessment")
    areas = {r[0]: r[1] for r in crisp_rows[1:]}
    assert areas["9. Interpersonal skills (with students)"] == (
        "Communication and interaction\nBehaviour, emotional and social development")


def test_record_shows_agenda_item_3_the_statement_and_more_information(rendered: dict) -> None:
    data = sample_raw("zofia-wisniewska", "hf_review")
    document = rendered[("zofia-wisniewska", "review_record:hf_review")].data
    rows = table_rows(document, "Supplementary actions")
    assert rows[0] == ["Who", "Action in the role table", "Carried out", "What it showed"]
    assert len(rows) - 1 == len(data["role_reviews"])
    text = paragraphs(document)
    at = text.index("Other factors the review would wish the authority to include on the "
                    "Statement")
    assert text[at + 1] == data["review"]["statement_factors"]
    at = text.index("Recommendation that the authority seek more information")
    assert text[at + 1] == data["review"]["more_information"]


def test_record_says_only_what_the_form_says_about_understanding(rendered: dict) -> None:
    """Aisha's parents were not reached: the record does not say they understand."""
    rows = dict(r[:2] for r in table_rows(
        rendered[("aisha-rahman", "review_record:hf_review")].data, "Views of parents and pupil"))
    assert rows["The parents or carers understand the conclusions"] == "Not yet recorded"
    assert rows["The pupil understands the conclusions"] == "Yes"
    text = paragraphs(rendered[("aisha-rahman", "review_record:hf_review")].data)
    at = text.index("Whether the CRISP assessment may be higher than it should be")
    assert text[at + 1].startswith("The review considered that Aisha's bands may be higher")


def test_absent_parents_ticked_as_understanding_are_not_said_to_on_the_page(
        tmp_path: Path) -> None:
    raw = copy.deepcopy(sample_raw("aisha-rahman", "hf_review"))
    raw["review"]["parents_understood"] = True
    result, made = _made(tmp_path, "hf_review", raw)
    assert "The parents or carers understand the conclusions" in [w.label for w in
                                                                  result.warnings]
    rows = dict(r[:2] for r in table_rows(made["review_record"].data,
                                          "Views of parents and pupil"))
    assert rows["The parents or carers understand the conclusions"] == "Not yet recorded"
    raw["review"]["how_parents_told"] = "Ms Sharma visited them at home on 10 February 2026."
    result, made = _made(tmp_path, "hf_review", raw)
    rows = dict(r[:2] for r in table_rows(made["review_record"].data,
                                          "Views of parents and pupil"))
    assert rows["The parents or carers understand the conclusions"] == (
        "Yes. Ms Sharma visited them at home on 10 February 2026.")


def test_outcome_note_is_for_the_professionals_who_were_absent(rendered: dict) -> None:
    text = paragraphs(rendered[("aisha-rahman", "outcome_note:hf_review")].data)
    assert text[1] == "To: Dr Samuel Okoye"  # not the parents, who also sent apologies
    data = sample_raw("aisha-rahman", "hf_review")
    assert data["review"]["decision_reasons"] in text


def test_crisp_record(rendered: dict) -> None:
    """'it is essential to record who was involved in agreeing a CRISP Assessment Record'."""
    data = sample_raw("tomos-llyr-evans", "crisp")
    document = rendered[("tomos-llyr-evans", "crisp_record:crisp")].data
    text = paragraphs(document)
    assert text[0] == "CRISP Assessment Record"
    for person in data["crisp"]["agreed_by"].splitlines():
        assert person in text
    assessment = dict(r[:2] for r in table_rows(document, "The assessment"))
    assert assessment["Kind of assessment"] == \
        "Pencilled (provisional, best available knowledge)"
    assert assessment["Stage now"] == "School Action Plus"
    bands = table_rows(document, "Bands by thread")
    assert len(bands) - 1 == sum(1 for r in data["crisp_threads"] if r.get("band"))
    assert "Not assessed: 18. Post 16 Curriculum (for older students)." in text
    assert "1. Curriculum access: Band 4" in text
    at = text.index("1. Curriculum access: Band 4")
    assert text[at + 1] == ("Possible support services: Specialist teachers (e.g. Pupil and "
                            "School Support, Visiting Teachers), Educational Psychologists.")
    assert text[at + 3:at + 6] == ["Get detailed NC and other measures of attainment",
                                   "Measure progress over time in key subjects",
                                   "Develop recommendations for future approaches"]


def test_iep_review_record(rendered: dict) -> None:
    data = sample_raw("tomos-llyr-evans", "iep_review")
    document = rendered[("tomos-llyr-evans", "iep_review_record:iep_review")].data
    text = paragraphs(document)
    assert "1 of 3 targets met; 1 partly met." in text
    targets = table_rows(document, "Review of IEP targets")
    assert [r[1] for r in targets[1:]] == ["Not met", "Partly met", "Met"]
    at = text.index("Decision")
    assert text[at + 1:at + 3] == ["Start a High Focus period of School Action Plus",
                                   data["review"]["decision_reasons"]]
    conditions = table_rows(document, "The conditions for a High Focus period")
    assert [r[1] for r in conditions[1:]] == ["Yes", "Yes", "Yes"]


def test_iep_review_without_a_high_focus_decision_shows_no_conditions(tmp_path: Path) -> None:
    raw = copy.deepcopy(sample_raw("tomos-llyr-evans", "iep_review"))
    raw["review"]["decision"] = "continue"
    _, made = _made(tmp_path, "iep_review", raw)
    text = all_text(made["iep_review_record"].data)
    assert "Continue at the same stage with a new IEP" in text
    assert "The conditions for a High Focus period" not in text
