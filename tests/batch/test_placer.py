"""Where each document of a batch run goes: its own name, a name from its input when another
input owns that one, never an input, never a file someone else made or changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from docgen.batch_outputs import Placer, Planned, remove_leftovers
from docgen.render.write import write_temporary


def planned(out: Path, name: str, data: bytes = b"new") -> Planned:
    temporary = write_temporary(out / name, data)
    return Planned(name, str(temporary), hashlib.sha256(data).hexdigest())


def test_a_name_another_input_owns_is_taken_from_the_input_s_file_name(tmp_path: Path) -> None:
    previous = {"a/iep.yaml": {"outputs": ["Evans-Tom-iep.docx"]}}
    placer = Placer(tmp_path, False, ["a/iep.yaml", "b/iep.yaml"], previous)
    final, why = placer.place("b/iep.yaml", [planned(tmp_path, "Evans-Tom-iep.docx")])
    assert (why, [name for _, name in final]) == ("", ["Evans-Tom-iep-from-iep.docx"])
    assert (tmp_path / "Evans-Tom-iep-from-iep.docx").read_bytes() == b"new"
    # the names compare as Windows and macOS compare them
    final, _ = placer.place("c.yaml", [planned(tmp_path, "EVANS-TOM-IEP.docx")])
    assert [name for _, name in final] == ["EVANS-TOM-IEP-from-c.docx"]


def test_a_pack_manifest_keeps_its_double_suffix(tmp_path: Path) -> None:
    previous = {"ellis": {"outputs": ["pack.manifest.json"]}}
    placer = Placer(tmp_path, False, ["ellis", "mia"], previous)
    final, _ = placer.place("mia", [planned(tmp_path, "pack.manifest.json")])
    assert [name for _, name in final] == ["pack-from-mia.manifest.json"]


def test_the_third_name_uses_the_whole_file_name_and_then_it_gives_up(tmp_path: Path) -> None:
    previous = {"x/iep.yaml": {"outputs": ["d.docx", "d-from-iep.docx"]}}
    placer = Placer(tmp_path, False, ["x/iep.yaml", "y/iep.yaml"], previous)
    final, _ = placer.place("y/iep.yaml", [planned(tmp_path, "d.docx")])
    assert [name for _, name in final] == ["d-from-iep-yaml.docx"]
    previous["x/iep.yaml"]["outputs"].append("d-from-iep-yaml.docx")
    placer = Placer(tmp_path, False, ["x/iep.yaml", "y/iep.yaml"], previous)
    document = planned(tmp_path, "d.docx")
    assert placer.place("y/iep.yaml", [document]) == (
        [], "d.docx: another input's document, or an input, already has this name")
    assert not Path(document.temporary).exists()


def test_an_index_entry_of_an_input_no_longer_there_owns_nothing(tmp_path: Path) -> None:
    placer = Placer(tmp_path, True, ["b.yaml"], {"gone.yaml": {"outputs": ["d.docx"]}})
    final, why = placer.place("b.yaml", [planned(tmp_path, "d.docx")])
    assert (why, [name for _, name in final]) == ("", ["d.docx"])


def test_two_documents_of_one_input_never_share_a_name(tmp_path: Path) -> None:
    placer = Placer(tmp_path, False, ["b.yaml"], {})
    final, _ = placer.place("b.yaml", [planned(tmp_path, "d.docx", b"1"),
                                       planned(tmp_path, "d.docx", b"2")])
    assert [name for _, name in final] == ["d.docx", "d-from-b.docx"]


def test_an_input_is_never_a_document_s_name(tmp_path: Path) -> None:
    (tmp_path / "d.docx").write_bytes(b"the SENCo's form")
    placer = Placer(tmp_path, True, ["b.yaml"], {})
    placer.reserve([tmp_path / "d.docx", tmp_path / "missing.yaml"])
    final, _ = placer.place("b.yaml", [planned(tmp_path, "d.docx")])
    assert [name for _, name in final] == ["d-from-b.docx"]
    assert (tmp_path / "d.docx").read_bytes() == b"the SENCo's form"


def test_what_may_be_replaced(tmp_path: Path) -> None:
    made = tmp_path / "d.docx"
    made.write_bytes(b"as docgen made it")
    digest = hashlib.sha256(b"as docgen made it").hexdigest()
    previous = {"b.yaml": {"outputs": ["d.docx"], "made": {"d.docx": digest}}}
    _, why = Placer(tmp_path, False, ["b.yaml"], previous).place(
        "b.yaml", [planned(tmp_path, "d.docx")])
    assert (why, made.read_bytes()) == ("", b"new")

    made.write_bytes(b"edited by the SENCo")
    document = planned(tmp_path, "d.docx", b"newer")
    assert Placer(tmp_path, False, ["b.yaml"], previous).place("b.yaml", [document]) == (
        [], f"{made}: this document was changed after docgen made it, so docgen did not "
            "replace it. Use --force to replace it, or move your copy elsewhere.")
    assert made.read_bytes() == b"edited by the SENCo"
    assert not Path(document.temporary).exists()

    _final, why = Placer(tmp_path, True, ["b.yaml"], previous).place(
        "b.yaml", [planned(tmp_path, "d.docx", b"forced")])
    assert (why, made.read_bytes()) == ("", b"forced")


def test_a_file_docgen_did_not_make_is_never_replaced(tmp_path: Path) -> None:
    other = tmp_path / "d.docx"
    other.write_bytes(b"someone's own")
    assert Placer(tmp_path, False, ["b.yaml"], {}).place(
        "b.yaml", [planned(tmp_path, "d.docx")]) == (
        [], f"{other}: this file already exists and docgen did not make it from this input, "
            "so docgen did not replace it. Use --force to replace it, or move it elsewhere.")
    # an older docgen recorded only the names it wrote: those it may replace
    _final, why = Placer(tmp_path, False, ["b.yaml"], {"b.yaml": {"outputs": ["d.docx"]}}).place(
        "b.yaml", [planned(tmp_path, "d.docx")])
    assert (why, other.read_bytes()) == ("", b"new")


def test_only_docgen_s_own_leftovers_are_removed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    leftover = tmp_path / "sub" / ".d.docx.abcd1234.part"
    leftover.write_bytes(b"")
    keep = [tmp_path / ".d.docx.abc.part", tmp_path / "d.part", tmp_path / ".hidden"]
    for path in keep:
        path.write_bytes(b"")
    remove_leftovers(tmp_path)
    assert not leftover.exists() and all(path.exists() for path in keep)


def test_names_written_with_backslashes_are_the_same_names(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    previous = {"x.yaml": {"outputs": ["a\\d.docx"]}}  # an index written on Windows
    placer = Placer(tmp_path, False, ["x.yaml", "y.yaml"], previous)
    final, _ = placer.place("y.yaml", [planned(tmp_path, "a/d.docx")])
    assert [name for _, name in final] == ["a/d-from-y.docx"]


def test_an_index_entry_without_outputs_owns_nothing(tmp_path: Path) -> None:
    placer = Placer(tmp_path, False, ["b.yaml"], {"b.yaml": {"sha256": "0" * 64}})
    final, _ = placer.place("b.yaml", [planned(tmp_path, "d.docx")])
    assert [name for _, name in final] == ["d.docx"]


def test_an_input_keeps_its_names_for_itself(tmp_path: Path) -> None:
    placer = Placer(tmp_path, True, ["a.yaml", "b.yaml"], {})
    placer.keep("a.yaml", ["d.docx"])
    assert [n for _, n in placer.place("b.yaml", [planned(tmp_path, "d.docx")])[0]] == [
        "d-from-b.docx"]
    assert [n for _, n in placer.place("a.yaml", [planned(tmp_path, "d.docx")])[0]] == [
        "d.docx"]
    assert [n for _, n in placer.place("a.yaml", [planned(tmp_path, "d.docx")])[0]] == [
        "d.docx"]  # placing again: still its own name


def test_giving_up_when_a_temporary_file_is_already_gone(tmp_path: Path) -> None:
    (tmp_path / "d.docx").write_bytes(b"someone's own")
    document = planned(tmp_path, "d.docx")
    Path(document.temporary).unlink()
    final, why = Placer(tmp_path, False, ["b.yaml"], {}).place("b.yaml", [document])
    assert final == [] and why.endswith("Use --force to replace it, or move it elsewhere.")


def test_a_file_on_another_drive_with_an_input_s_inode_number_is_not_an_input() -> None:
    from docgen.batch_outputs import _identity

    def stat(device: int, inode: int) -> os.stat_result:
        return os.stat_result((0o100644, inode, device, 1, 0, 0, 10, 0, 0, 0))

    assert _identity(stat(1, 5)) != _identity(stat(2, 5))
    assert _identity(stat(1, 5)) != _identity(stat(1, 6))
    assert _identity(stat(1, 5)) == _identity(stat(1, 5))


def test_a_leftover_another_program_holds_is_left_and_the_others_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a virus scanner may hold a file a killed run left: the next run carries on."""
    held, other = tmp_path / ".a.docx.abcd1234.part", tmp_path / ".b.docx.abcd1234.part"
    held.write_bytes(b"")
    other.write_bytes(b"")
    real = os.unlink

    def unlink(path, *args, **kwargs):
        if Path(path) == held:
            raise PermissionError(13, "The process cannot access the file")
        real(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    remove_leftovers(tmp_path)
    assert held.exists() and not other.exists()


def test_an_input_whose_name_holds_a_surrogate_escape_owns_its_documents(
        tmp_path: Path) -> None:
    """A file name Python could not decode (Linux bytes) comes as surrogate escapes; its
    input still owns its names, and another input's document goes beside them."""
    odd = "Wi\udcb6niewska/iep.yaml"
    previous = {odd: {"outputs": ["Wisniewska-iep.docx"]}}
    placer = Placer(tmp_path, False, [odd, "other/iep\udcb7.yaml"], previous)
    final, why = placer.place(odd, [planned(tmp_path, "Wisniewska-iep.docx")])
    assert (why, [name for _, name in final]) == ("", ["Wisniewska-iep.docx"])
    final, why = placer.place("other/iep\udcb7.yaml", [planned(tmp_path, "Wisniewska-iep.docx")])
    assert (why, [name for _, name in final]) == ("", ["Wisniewska-iep-from-iep.docx"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "Wisniewska-iep-from-iep.docx", "Wisniewska-iep.docx"]
