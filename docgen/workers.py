"""Batch workers end when the run that started them ends, however it ends (kill -9 too).

A worker process would otherwise wait for work forever once its parent is killed outright,
holding memory and pupils' data. Two mechanisms, either of which is enough:

- on Linux, the kernel kills the worker when its parent dies (``PR_SET_PDEATHSIG``);
- everywhere, a thread in the worker waits on multiprocessing's handle for its parent (a pipe
  only the parent holds open on POSIX, the parent's process handle on Windows) and ends the
  worker when it signals; with fork or spawn alike. Where that handle is not available
  (POSIX only), the thread watches for the worker being handed to another parent.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def watch_parent(parent_pid: int, use_kernel: bool = True) -> None:
    """Initializer for each worker: end this process when ``parent_pid`` ends."""
    if use_kernel:
        _die_with_parent()
    if os.name == "posix" and os.getppid() != parent_pid:
        os._exit(1)  # the parent died before the watch began
    threading.Thread(target=_wait_for_parent, args=(parent_pid,), name="docgen-parent-watch",
                     daemon=True).start()


def _die_with_parent() -> None:
    """Linux only: prctl and SIGKILL are not there on Windows (nor prctl on macOS), where
    the watching thread alone ends the worker."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not glibc/musl: the watching thread still works
        pass


def _wait_for_parent(parent_pid: int) -> None:
    parent = multiprocessing.parent_process()
    sentinel = getattr(parent, "sentinel", None)
    if sentinel is not None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)
    if os.name != "posix":  # Windows always has the handle (os.kill there would end a process)
        return
    while os.getppid() == parent_pid:  # re-parented (to init) once the parent has gone
        time.sleep(_POLL_SECONDS)
    os._exit(1)
