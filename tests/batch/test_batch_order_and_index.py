"""A batch run's bookkeeping on its own: outcomes back in the inputs' order, names two index
entries share, and what an index entry needs for an input to be skipped."""

from __future__ import annotations

from pathlib import Path

from docgen.batch import Outcome, _in_order, _shared_names, up_to_date
from docgen.batch_inputs import digest_of


def test_outcomes_come_back_in_the_order_of_the_inputs() -> None:
    todo = ["a", "b", "c", "d"]
    finished = [Outcome(name, "ok") for name in ("c", "a", "d", "b")]
    seen: list[str] = []
    for outcome in _in_order(todo, iter(finished)):
        seen.append(outcome.input)
    assert seen == ["a", "b", "c", "d"]
    # one that was never asked for still comes back, last
    extra = [Outcome("b", "ok"), Outcome("zz", "ok"), Outcome("a", "ok")]
    assert [o.input for o in _in_order(["a", "b"], iter(extra))] == ["a", "b", "zz"]
    # each as soon as those before it are back: b lets c and d (waiting) follow it
    finished = [Outcome(name, "ok") for name in ("a", "d", "c", "b")]
    assert [o.input for o in _in_order(todo, iter(finished))] == ["a", "b", "c", "d"]


def test_names_two_entries_claim_and_entries_without_outputs() -> None:
    index = {"a.yaml": {"outputs": ["x.docx", "y.docx"]}, "b.yaml": {"outputs": ["x.docx"]},
             "c.yaml": {"sha256": "0" * 64}}
    assert _shared_names(index) == frozenset({"x.docx"})


def test_what_an_index_entry_needs_for_its_input_to_be_up_to_date(tmp_path: Path) -> None:
    form = tmp_path / "iep.yaml"
    form.write_text("form: iep\n", "utf-8")
    entry = {"sha256": digest_of(form), "templates": "t", "outputs": []}
    assert up_to_date(form, entry, tmp_path, "t")
    assert not up_to_date(form, {**entry, "templates": "other"}, tmp_path, "t")
    assert not up_to_date(form, {"templates": "t", "outputs": []}, tmp_path, "t")
    assert not up_to_date(form, None, tmp_path, "t")
    # an edited index whose entry no longer says what the input made: made again
    assert not up_to_date(form, {"sha256": digest_of(form), "templates": "t"}, tmp_path, "t")
    entry["outputs"] = ["iep.docx"]
    assert not up_to_date(form, entry, tmp_path, "t")  # its document is gone
    (tmp_path / "iep.docx").write_bytes(b"made")
    assert up_to_date(form, entry, tmp_path, "t")
    assert not up_to_date(form, entry, tmp_path, "t", frozenset({"iep.docx"}))
