"""Executors: where the runs of an experiment go.

Any :class:`concurrent.futures.Executor` will do. By default the runs go to this process; with
``workers=N`` to local worker processes; with ``dask=ADDRESS`` to a Dask cluster, through
``Client.get_executor()``. A run's numbers depend only on its task, so every executor gives the
same tables. An experiment that stops early (Ctrl-C, SIGTERM, a full disk) stops the local
worker processes it started at once, instead of waiting for their runs, which would be lost anyway.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future

from sim.experiment.errors import ExperimentError
from sim.experiment.settings import RunSettings
from sim.experiment.signals import worker_started


class SequentialExecutor(Executor):
    """Runs each task in this process when it is submitted (the default: notebooks, debugging)."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            future.set_exception(exc)
        return future


def process_pool(workers: int) -> Executor:
    """Local worker processes, started by spawn (a fresh interpreter), never fork: forking a
    process that runs threads (Mesa, BLAS, Dask) can deadlock. Each worker is a child of this
    process and dies with it, even when it is killed with SIGKILL (:mod:`sim.experiment.signals`
    says why spawn, and not forkserver, makes that possible)."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=worker_started,
        initargs=(os.getpid(),),
    )


def stop_workers(pool: Executor) -> None:
    """Kill a local pool's worker processes now: their runs in flight are dropped (the pool's
    own shutdown would wait for them to finish)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError, AttributeError):
            process.join(timeout=10)


@dataclasses.dataclass
class Execution:
    """An open executor, how many runs to keep in flight on it, and how to describe it."""

    executor: Executor
    window: int  # runs in flight at once: what a killed experiment can lose
    description: str
    renew: Callable[[], Executor] | None = None  # to replace a broken local pool


@contextlib.contextmanager
def open_execution(settings: RunSettings) -> Iterator[Execution]:
    """The executor the settings ask for, open for the length of the experiment (a pool or a
    Dask client made here is closed at the end; an executor or client of the caller's is not)."""
    executor, workers, dask = settings.executor, settings.workers, settings.dask
    if executor is not None:
        width = getattr(executor, "_max_workers", None) or os.cpu_count() or 1
        window = 1 if isinstance(executor, SequentialExecutor) else 2 * width
        yield Execution(executor, window, type(executor).__name__)
        return
    if dask is not None:
        try:
            from distributed import Client
        except ImportError:  # an optional extra
            raise ExperimentError(
                "running on a Dask cluster needs the dask extra: pip install 'orgsim[dask]'"
            ) from None
        client = dask if isinstance(dask, Client) else Client(dask)
        try:
            threads = sum(client.nthreads().values()) or 1
            address = client.scheduler.address
            yield Execution(
                client.get_executor(), 2 * threads, f"dask {address} ({threads} threads)"
            )
        finally:
            if not isinstance(dask, Client):
                client.close()
        return
    if workers is not None and workers > 1:
        pool = process_pool(workers)
        holder = {"pool": pool}

        def renew() -> Executor:
            holder["pool"].shutdown(wait=False, cancel_futures=True)
            holder["pool"] = process_pool(workers)
            return holder["pool"]

        try:
            yield Execution(pool, 2 * workers, f"{workers} local processes", renew)
        except BaseException:
            stop_workers(holder["pool"])
            raise
        finally:
            holder["pool"].shutdown(wait=True, cancel_futures=True)
        return
    yield Execution(SequentialExecutor(), 1, "this process")
