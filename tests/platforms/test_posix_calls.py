"""No POSIX-only call on a path a Windows user takes, unless it is guarded: every use of one
in docgen is listed here with its guard, and the guards are tested by simulating Windows
(tests/platforms, tests/desktop). A new use fails this test until it is guarded and listed."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POSIX_ONLY = {
    "os": {"sync", "fork", "forkpty", "killpg", "setsid", "setpgrp", "getuid", "geteuid",
           "getgid", "chown", "lchown", "mkfifo", "getpgid", "wait3", "wait4", "sched_getaffinity",
           "O_NOFOLLOW", "O_CLOEXEC", "statvfs", "getloadavg"},
    "signal": {"SIGKILL", "SIGPIPE", "SIGHUP", "SIGALRM", "SIGCHLD", "SIGUSR1", "SIGUSR2",
               "SIGTERM", "alarm", "setitimer", "pthread_kill", "pthread_sigmask"},
}
POSIX_MODULES = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "pty", "posix"}
# (file, function) -> the guard that keeps Windows off it
GUARDED = {
    ("docgen/processes.py", "flush_to_disk"): "hasattr(os, 'sync'); fsync each file otherwise",
    ("docgen/cli.py", "_stop_cleanly_on_sigterm"): "hasattr(signal, 'SIGTERM')",
    ("docgen/desktop/shortcut.py", "_make_runnable"): "os.name == 'posix'",
    ("docgen/workers.py", "_die_with_parent"): "sys.platform starts with 'linux'; the "
                                               "watching thread alone elsewhere",
    ("docgen/web/scratch.py", "_root"): "hasattr(os, 'getuid'); %USERNAME% otherwise",
    ("docgen/web/scratch.py", "_lock"): "os.name == 'nt' locks with msvcrt",
    ("docgen/web/scratch.py", "_unlock"): "os.name == 'nt' unlocks with msvcrt",
}


class _Finder(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path, self.function, self.found = path, "<module>", []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Name) and node.attr in POSIX_ONLY.get(node.value.id, ()):
            self._add(node, f"{node.value.id}.{node.attr}")
        if node.attr == "chmod":  # permissions mean little on Windows
            self._add(node, "chmod")
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._add(node, f"import {alias.name}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if (node.module or "").split(".")[0] in POSIX_MODULES:
            self._add(node, f"from {node.module} import")

    def _add(self, node: ast.AST, what: str) -> None:
        self.found.append((self.path, self.function, what, node.lineno))


def posix_only_uses() -> list[tuple[str, str, str, int]]:
    found = []
    for path in sorted((ROOT / "docgen").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        finder = _Finder(relative)
        finder.visit(ast.parse(path.read_text("utf-8")))
        found += finder.found
    return found


def test_every_posix_only_call_is_guarded() -> None:
    unguarded = [f"{path}:{line} {what} in {function}()"
                 for path, function, what, line in posix_only_uses()
                 if (path, function) not in GUARDED]
    assert not unguarded, ("POSIX-only calls on paths Windows users take; guard each one "
                           "and list it in GUARDED: " + "; ".join(unguarded))


def test_the_list_has_no_stale_entries() -> None:
    used = {(path, function) for path, function, _what, _line in posix_only_uses()}
    assert set(GUARDED) <= used
