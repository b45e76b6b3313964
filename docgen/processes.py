"""Worker processes and the final flush to disk, chosen for the platform rather than left to
Python's defaults (which differ between Windows, macOS, Linux and Python versions)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

WINDOWS_MAX_WORKERS = 61  # ProcessPoolExecutor refuses more on Windows (WaitForMultipleObjects)


def start_method() -> str:
    """fork on Linux, so workers begin with what the parent imported; spawn elsewhere: Windows
    has no fork, and macOS's system libraries are not safe to use in a forked child. (Python
    3.14 makes forkserver Linux's default; naming the method keeps the measured behaviour.)"""
    return "fork" if sys.platform.startswith("linux") and hasattr(os, "fork") else "spawn"


def worker_count(jobs: int | None) -> int:
    workers = max(1, jobs or os.cpu_count() or 1)
    return min(workers, WINDOWS_MAX_WORKERS) if sys.platform == "win32" else workers


def worker_pool(workers: int, initializer: Callable[..., object] | None = None,
                initargs: tuple[object, ...] = ()) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context(start_method()),
                               initializer=initializer, initargs=initargs)


def flush_to_disk(paths: Iterable[Path]) -> None:
    """Make files written without a flush each durable at once: os.sync where it exists
    (POSIX); Windows has none, so there each file is flushed on its own (os.fsync calls
    FlushFileBuffers, which needs the file open for writing)."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        with contextlib.suppress(OSError), open(path, "rb+") as handle:
            os.fsync(handle.fileno())
