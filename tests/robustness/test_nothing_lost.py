"""Nothing the user wrote is lost: atomic writes, no overwriting, input never changed."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import main
from docgen.errors import DocgenError, OutputExists
from docgen.render.write import write_atomic


def test_existing_output_is_never_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"the SENCo's own edits")
    with pytest.raises(OutputExists):
        write_atomic(target, b"new", force=False)
    assert target.read_bytes() == b"the SENCo's own edits"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_make_refuses_before_writing_anything(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["make", "samples/aisha-rahman/iep.yaml", "-o", str(tmp_path)]
    assert runner.invoke(main, args).exit_code == 0
    leaflet = next(tmp_path.glob("*-leaflet.docx"))
    leaflet.unlink()
    iep = next(tmp_path.glob("*-iep.docx"))
    before = iep.read_bytes()
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert "already exist, so docgen wrote nothing" in result.stderr
    assert not list(tmp_path.glob("*-leaflet.docx"))  # nothing written, not even new files
    assert iep.read_bytes() == before
    assert runner.invoke(main, [*args, "--force"]).exit_code == 0


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError(errno.ENOSPC, "full")])
def test_interrupted_write_leaves_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interruption: BaseException) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")

    def fail(*args: object) -> None:
        raise interruption

    monkeypatch.setattr(os, "fsync", fail)
    expected = KeyboardInterrupt if interruption is KeyboardInterrupt else DocgenError
    with pytest.raises(expected) as caught:
        write_atomic(target, b"new" * 1000, force=True)
    if expected is DocgenError:
        assert "the disk is full" in caught.value.format_message()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(DocgenError) as caught:
            write_atomic(folder / "plan.docx", b"x", force=False)
        assert "may not write in this folder" in caught.value.format_message()
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as above, for a root user (who can write anywhere)."""
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(DocgenError) as caught:
        write_atomic(tmp_path / "plan.docx", b"x", force=False)
    assert "may not write in this folder" in caught.value.format_message()


def test_input_form_is_never_modified(good_form: Path, tmp_path: Path) -> None:
    digest = hashlib.sha256(good_form.read_bytes()).hexdigest()
    mtime = good_form.stat().st_mtime_ns
    runner = CliRunner()
    assert runner.invoke(main, ["check", str(good_form)]).exit_code == 0
    assert runner.invoke(main, ["make", str(good_form), "-o", str(tmp_path / "o")]).exit_code == 0
    assert hashlib.sha256(good_form.read_bytes()).hexdigest() == digest
    assert good_form.stat().st_mtime_ns == mtime


def test_a_killed_runs_leftover_is_removed_by_the_next_write(tmp_path: Path) -> None:
    leftover = tmp_path / ".plan.docx.abc123.part"
    leftover.write_bytes(b"half")
    other = tmp_path / ".other.docx.x.part"
    other.write_bytes(b"not ours to touch")
    write_atomic(tmp_path / "plan.docx", b"new", force=False)
    assert not leftover.exists() and other.exists()


def test_kill_during_a_run_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM unwinds like Ctrl-C (the temporary file is removed, the old file stays)."""
    import signal
    import subprocess
    import sys
    import textwrap

    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from pathlib import Path
        import docgen.render.write as w
        from docgen.cli import _stop_cleanly_on_sigterm
        _stop_cleanly_on_sigterm()
        real = os.fsync
        def slow(fd):
            print("writing", flush=True)
            time.sleep(30)
            real(fd)
        os.fsync = slow
        try:
            w.write_atomic(Path({str(target)!r}), b"new" * 1000, force=True)
        except KeyboardInterrupt:
            sys.exit(130)
    """)
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                          text=True) as process:
        assert process.stdout.readline().strip() == "writing"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 130
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx"]
