"""The IEP shows what the form holds: names, every target row, provision and adult time."""

from __future__ import annotations

from tests.conftest import sample_raw
from tests.docx_helpers import paragraphs, table_rows


def test_iep_holds_pupil_targets_and_stage_minimum(rendered: dict) -> None:
    for pupil in ("tomos-llyr-evans", "zofia-wisniewska", "aisha-rahman"):
        data = sample_raw(pupil, "iep")
        document = rendered[(pupil, "iep:iep")].data
        text = "\n".join(paragraphs(document))
        pupil = data["pupil"]
        latin = f" ({pupil['forename_latin']})" if pupil.get("forename_latin") else ""
        full_name = f"{pupil['forename']}{latin} {pupil['surname']}"
        assert full_name in text
        rows = table_rows(document, "Targets")
        assert rows[0] == ["No.", "What will be taught", "How it will be taught", "How often",
                           "How progress will be assessed", "Success criteria"]
        assert [r[1] for r in rows[1:]] == [t["what"] for t in data["targets"]]
        assert [r[5] for r in rows[1:]] == [t["success"] for t in data["targets"]]
        assert "The indicative minimum at School Action Plus is 50 minutes a week." in text


def test_user_text_is_printed_literally(rendered: dict) -> None:
    rows = table_rows(rendered[("tomos-llyr-evans", "iep:iep")].data, "Targets")
    assert 'Small-group phonics with "Smith & Jones <Y5>" letter tiles' in rows[2][2]


def test_adult_time_is_the_group_arithmetic(rendered: dict) -> None:
    document = rendered[("aisha-rahman", "iep:iep")].data
    rows = table_rows(document, "Provision")
    assert rows[0][3] == "Adults"
    # 30 x 1 x 1 / 1 = 30; the lunchtime club has two adults for six pupils: 40 x 5 x 2 / 6 =
    # 66.7 minutes per pupil per week, shown to the whole minute
    assert [r[3] for r in rows[1:]] == ["1", "2"]
    assert [r[6] for r in rows[1:]] == ["30", "about 67"]
    assert "Additional adult time for Aisha: about 97 minutes a week." in "\n".join(
        paragraphs(document))


def test_multiline_text_keeps_its_lines(rendered: dict) -> None:
    document = rendered[("tomos-llyr-evans", "iep:iep")].data
    assert ("I like it when I can see my chart going up.\nReading out loud in class is the "
            "hardest part.") in paragraphs(document)


def test_contact_attempts_replace_parents_views(rendered: dict) -> None:
    text = "\n".join(paragraphs(rendered[("aisha-rahman", "iep:iep")].data))
    assert "The school could not gain their views. Attempts made to contact them:\nLetter " \
           "sent home on 24 April 2025" in text
