"""One worker process per run for the heavy scientific libraries: Great Expectations and statsmodels.

Importing Great Expectations costs about 4 s of CPU, and scipy.stats (under statsmodels) about 1 s
more. ``banen run`` starts the worker before anything else, so these imports happen on the second
core while the main process imports Dagster and loads deliveries; they happen once, as both share
scipy and pandas; and the Dagster code location never imports them.

The worker is the standard library's process pool with one process
(``concurrent.futures.ProcessPoolExecutor``): a call is a future, and calls run in the order they
were sent, so a caller may send one while another call is still running. Callers pass module-level
functions, so every call can be found with grep. State a module keeps (the GX context, its results
for the data docs) lives in the worker for the rest of the process. The worker exits with the
process that started it, also when that process is killed.
"""

from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.connection
import multiprocessing.util
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .failures import first_line, last_place

ENVIRONMENT = {"GX_ANALYTICS_ENABLED": "false", "MPLBACKEND": "Agg"}
"""Switches the libraries read when they import: Great Expectations sends no usage statistics
(GX_ANALYTICS_ENABLED), matplotlib draws without a display (MPLBACKEND)."""
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""Numerical libraries in the worker use one thread unless the environment says otherwise: the fits
are small (on the samples multi-threaded BLAS took 2.7 s of CPU for the 1.1 s one thread needs),
and the other core belongs to the main process."""


def switch_libraries() -> None:
    """Set the libraries' switches (:data:`ENVIRONMENT`, :data:`ONE_THREAD`) in this process's
    environment, before they import: the only writes to the environment, and no setting of ours."""
    for name, value in ONE_THREAD.items():
        os.environ.setdefault(name, value)
    os.environ.update(ENVIRONMENT)


class WorkerError(RuntimeError):
    """The worker's function raised, or the worker process stopped; the message says which, with
    the function's traceback."""


class Worker:
    """The client side: starts the worker process and sends it calls."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._starting = threading.Lock()
        self._warm_up: Future | None = None
        self._later: tuple[Callable[[], Any], ...] = ()
        self.warm_up_wait = 0.0
        """How long calls waited for the warm-ups (the imports) to finish."""

    def start(self, *warm_ups: Callable[[], Any], later: tuple[Callable[[], Any], ...] = ()) -> None:
        """Start the worker if it is not running, and send it ``warm_ups`` at once (functions, or
        partials of them, that import libraries), to run in order before any call; :attr:`warm_up_wait`
        says how long calls waited for them. ``later``: warm-ups sent after the first call, for
        libraries it does not need."""
        with self._starting:
            if self._pool is not None:
                if self._warm_up is None:
                    self.warm_up_wait = 0.0  # warm since an earlier run in this process
                return
            self._pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_initialize
            )
            # A process started by multiprocessing (Dagster runs each run so) joins its children
            # before its own exit hooks run. This finalizer runs before that join and stops the
            # worker; its priority is above 10, at which the pool's queues close their feeders.
            multiprocessing.util.Finalize(self._pool, self._pool.shutdown, exitpriority=100)
            self._later = tuple(later)
            self.warm_up_wait = 0.0
            self._warm_up = self._pool.submit(_call_each, warm_ups) if warm_ups else None

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run ``function`` (a module-level function) with ``args`` in the worker; return its value."""
        return self.begin(function, *args)()

    def begin(self, function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        """Send a call; the returned function waits for its value. Meanwhile this process can do
        other work, and send other calls (they run after this one)."""
        if self._pool is None:
            self.start()
        try:
            future = self._pool.submit(function, *args)
        except BrokenProcessPool:  # its process died (killed, out of memory): a new one takes the call
            self._pool = None
            self.start()
            future = self._pool.submit(function, *args)
        warm_up = self._warm_up
        if self._later:
            later, self._later = self._later, ()
            self._warm_up = self._pool.submit(_call_each, later)

        def value() -> Any:
            if warm_up is not None and not warm_up.done():
                started = time.perf_counter()
                _result(warm_up, _call_each)
                self.warm_up_wait += time.perf_counter() - started
            return _result(future, function)

        return value

    def close(self) -> None:
        """Stop the worker process (after the calls sent)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None


def _result(future: Future, function: Callable[..., Any]) -> Any:
    name = f"{function.__module__}.{function.__qualname__}"
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerError(f"the worker process stopped during {name}; see its messages above") from None
    except Exception as exc:
        trace = str(exc.__cause__ or "")  # the pool's _RemoteTraceback holds the worker's traceback
        where = last_place(trace)
        cause = f"{type(exc).__name__}: {first_line(str(exc))}" + (f" ({where})" if where else "")
        raise WorkerError(f"{name} failed in the worker process: {cause}\n{trace}") from exc


def _initialize() -> None:
    """In the worker, before any call: its environment, an exit when its parent is gone, and an exit
    without the interpreter's teardown (with Great Expectations loaded it takes most of a second;
    by then the pool has taken every answer)."""
    switch_libraries()
    atexit.register(os._exit, 0)
    parent = multiprocessing.parent_process()
    threading.Thread(target=_exit_with, args=(parent.sentinel,), name="exit-with-parent", daemon=True).start()


def _exit_with(sentinel: int) -> None:
    """Wait for the parent process to end (killed mid-run: its pool cannot tell the worker), then
    exit at once."""
    multiprocessing.connection.wait([sentinel])
    os._exit(0)


FORKED_TIMEOUT_S = 600
"""How long :func:`forked_map` waits for its processes: a fork that hangs fails the step instead."""


def forked_map(function: Callable[..., Any], tasks: list[tuple], processes: int) -> list:
    """``function(*task)`` for each task, in order; over ``processes`` processes forked from this
    one when more than one (they inherit the imported libraries, so starting them costs
    milliseconds). Used in the worker process, where the call runs in its main thread."""
    if processes <= 1 or len(tasks) <= 1:
        return [function(*task) for task in tasks]
    with multiprocessing.get_context("fork").Pool(min(processes, len(tasks))) as pool:
        return pool.starmap_async(function, tasks, chunksize=1).get(timeout=FORKED_TIMEOUT_S)


def _call_each(functions: tuple[Callable[[], Any], ...]) -> list:
    return [function() for function in functions]


_shared = Worker()


def shared() -> Worker:
    """The process-wide worker."""
    return _shared
