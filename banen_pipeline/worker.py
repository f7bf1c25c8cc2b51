"""One worker process per run for the heavy scientific libraries: Great Expectations and statsmodels.

Importing Great Expectations costs about 4 s of CPU, and scipy.stats (under statsmodels) about 1 s
more. ``banen run`` starts the worker before anything else, so these imports happen on the second
core while the main process imports Dagster and loads deliveries; they happen once, as both share
scipy and pandas; and the Dagster code location never imports them.

Protocol: ``python -m banen_pipeline.worker`` reads ``(function, args)`` pickles on stdin (pickle
names a module-level function by its module and name; the worker imports it), calls the function and
answers ``(status, value)`` pickles on stdout, one request at a time; anything the libraries print
goes to stderr. Callers pass the function itself, so every call can be found with grep. State a module keeps (the GX
context, its results for the data docs) lives in the worker for the rest of the run. The worker exits
when its stdin closes.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

ENVIRONMENT = {"GX_ANALYTICS_ENABLED": "false", "MPLBACKEND": "Agg"}
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
"""Numerical libraries in the worker use one thread unless the environment says otherwise: the fits
are small (on the samples multi-threaded BLAS took 2.7 s of CPU for the 1.1 s one thread needs),
and the other core belongs to the main process."""


class WorkerError(RuntimeError):
    """The worker's function raised; the message holds its traceback."""


class Worker:
    """The client side: starts the worker process and sends it calls, one at a time, in order."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()  # held from sending a call until its answer is read
        self._starting = threading.Lock()
        self._warm_up: Callable[[], Any] | None = None
        self._later: tuple[Callable[[], Any], ...] = ()
        self.warm_up_wait = 0.0
        """How long calls waited for the warm-ups (the imports) to finish."""

    def start(self, *warm_ups: Callable[[], Any], later: tuple[Callable[[], Any], ...] = ()) -> None:
        """Start the worker if it is not running, and send it ``warm_ups`` at once (functions, or
        partials of them, that import libraries), to call in order: the next call waits for them,
        and :attr:`warm_up_wait` says how long. ``later``: warm-ups sent once the first call is
        answered, for libraries needed only after it (the first call need not wait for them)."""
        with self._starting:
            if self._process is not None and self._process.poll() is None:
                if self._warm_up is None:
                    self.warm_up_wait = 0.0  # warm since an earlier run in this process
                return
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env={**ONE_THREAD, **os.environ, **ENVIRONMENT},
            )
            self._warm_up = None
            self._later = tuple(later)
            self.warm_up_wait = 0.0
        if warm_ups:
            self._warm_up = self._send(_call_each, (warm_ups,))

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Run ``function`` (a module-level function) with ``args`` in the worker; return its value."""
        return self.begin(function, *args)()

    def begin(self, function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
        """Send a call; the returned function waits for its value. Meanwhile this process can do
        other work, but must wait for the value before it sends the next call."""
        if self._process is None or self._process.poll() is not None:
            self.start()
        if self._warm_up is not None:
            pending, self._warm_up = self._warm_up, None
            started = time.perf_counter()
            pending()
            self.warm_up_wait += time.perf_counter() - started
        answer = self._send(function, args)

        def value() -> Any:
            result = answer()
            if self._later:  # the first call is answered: now the libraries it did not need
                later, self._later = self._later, ()
                self._warm_up = self._send(_call_each, (later,))
            return result

        return value

    def _send(self, function: Callable[..., Any], args: tuple) -> Callable[[], Any]:
        self._lock.acquire()
        process = self._process  # the answer comes from this process, even if another is started
        try:
            pickle.dump((function, args), process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            process.stdin.flush()
        except BaseException:
            self._lock.release()
            raise

        def value() -> Any:
            try:
                status, answer = pickle.load(process.stdout)
            except EOFError:
                raise WorkerError("the worker process stopped; see its messages above") from None
            finally:
                self._lock.release()
            if status == "error":
                raise WorkerError(
                    f"{function.__module__}.{function.__qualname__} failed in the worker process:\n{answer}"
                )
            return answer

        return value

    def close(self) -> None:
        """Close the worker's input: it exits."""
        if self._process is not None and self._process.poll() is None:
            self._process.stdin.close()
            self._process.wait(timeout=30)


FORKED_TIMEOUT_S = 600
"""How long :func:`forked_map` waits for its processes: a fork that hangs fails the step instead."""


def forked_map(function: Callable[..., Any], tasks: list[tuple], processes: int) -> list:
    """``function(*task)`` for each task, in order; over ``processes`` processes forked from this
    one when more than one (they inherit the imported libraries, so starting them costs
    milliseconds). Used in the worker process, whose only Python thread is the one that forks."""
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


def main() -> None:
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever the libraries print must not end up in the answers
    while True:
        try:
            function, args = pickle.load(requests)  # imports the function's module
        except EOFError:  # the run is over: skip the interpreter's teardown (about a second)
            sys.stderr.flush()
            os._exit(0)
        try:
            answer = pickle.dumps(("ok", function(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # also a value that cannot be pickled
            answer = pickle.dumps(("error", traceback.format_exc()), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            answers.write(answer)
            answers.flush()
        except BrokenPipeError:  # the caller is gone (killed mid-run): nobody is left to answer
            os._exit(0)


if __name__ == "__main__":
    main()
