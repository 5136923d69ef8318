"""How an experiment stops: SIGTERM like Ctrl-C in the main process, and workers that die with it.

The main process turns SIGTERM into :class:`~sim.experiment.errors.Terminated`, a kind of
KeyboardInterrupt, so that ``kill PID``, a batch system's time limit or ``systemctl stop`` end an
experiment the way Ctrl-C does: the runs in flight are dropped, the session is recorded in the
manifest as interrupted, and the same command resumes it.

Local worker processes must not outlive the main process, even when it is killed with SIGKILL
and can clean up nothing. On Linux each worker asks the kernel, as it starts, to send it SIGKILL
when its parent dies (``prctl(PR_SET_PDEATHSIG)``). This was chosen over a watchdog thread that
polls ``os.getppid()``: the kernel acts the instant the parent dies, needs no thread and no GIL
(a worker deep in a long NumPy or pandas call that holds the GIL would keep a watchdog waiting),
and costs nothing while the worker runs. Two conditions make it exact:

- The worker's parent must be the main process. Under the forkserver start method it is the
  forkserver, which outlives a killed main process (every worker holds the pipe whose closing
  would tell the forkserver to go), so workers are started by spawn.
- The signal comes when the *thread* that started the worker ends. Workers are started by the
  thread that submits the runs, which is the one that runs the experiment and closes its pool.

The parent may die between the worker's start and its request; the worker then sees that its
parent is no longer the process that started it, and exits. Other POSIX systems, which have no
PR_SET_PDEATHSIG, get the watchdog thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from collections.abc import Iterator

from sim.allocator import keep_freed_memory
from sim.experiment.errors import Terminated

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCHDOG_SECONDS = 1.0  # how often a worker without PR_SET_PDEATHSIG looks for its parent


def _raise_terminated(signum, frame) -> None:
    # a second SIGTERM must not cut short the clean-up the first one started
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Terminated("SIGTERM")


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` in the main thread. A program that
    handles SIGTERM itself keeps its handler; outside the main thread nothing changes (Python
    lets only the main thread set handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:  # ours already, or the program's
        yield
        return
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def alive(pid: int) -> bool:
    """Whether a process runs on this machine (POSIX; never call os.kill(pid, 0) on Windows,
    where it terminates the process)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def worker_started(main_pid: int) -> None:
    """A local worker's initializer: die with the parent, and leave Ctrl-C to the main process
    (which stops its workers itself and records the session). Also tunes the allocator as the
    command line does (``sim.allocator``)."""
    keep_freed_memory()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.name != "posix":  # Windows: no parent signal; the pool's own shutdown must do
        return
    requested = False
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        requested = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    if os.getppid() != main_pid:  # the parent died before the request was made
        os._exit(1)
    if not requested:
        _watch_parent(main_pid)


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(WATCHDOG_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="orgsim-parent-watchdog", daemon=True).start()


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while the block runs (they arrive when it ends), so that
    recording a session in the manifest is not itself cut short. Main thread, POSIX only."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
