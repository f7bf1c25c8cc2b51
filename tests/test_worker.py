"""The worker process: calls run there, in order, with their errors brought back."""

import functools
import operator
import os
import sys
import threading
import time

import pytest

from banen_pipeline.worker import Worker, WorkerError


@pytest.fixture
def worker():
    worker = Worker()
    yield worker
    worker.close()


def test_a_call_runs_in_the_worker_process(worker):
    assert worker.call(os.getpid) != os.getpid()
    assert worker.call(operator.add, 2, 3) == 5


def test_the_warm_ups_run_first_in_order_and_the_first_call_waits_for_them(worker):
    worker.start(functools.partial(time.sleep, 0.3), functools.partial(sys.setswitchinterval, 0.007))
    assert worker.call(operator.mul, 6, 7) == 42
    assert worker.warm_up_wait > 0.1
    assert worker.call(sys.getswitchinterval) == pytest.approx(0.007)


def test_an_error_in_the_worker_names_the_call_and_keeps_the_traceback(worker):
    with pytest.raises(WorkerError, match=r"(?s)operator.truediv failed.*ZeroDivisionError"):
        worker.call(operator.truediv, 1, 0)
    assert worker.call(operator.sub, 5, 2) == 3  # the worker survives its errors


def test_a_value_that_cannot_be_pickled_is_an_error_not_a_broken_worker(worker):
    with pytest.raises(WorkerError, match="pickle"):
        worker.call(threading.Lock)
    assert worker.call(operator.neg, 1) == -1


def test_begin_lets_this_process_work_while_the_worker_does(worker):
    pending = worker.begin(operator.pow, 2, 10)
    local = sum(range(1000))
    assert (pending(), local) == (1024, 499500)


def test_the_worker_exits_when_its_input_closes(worker):
    worker.call(operator.add, 1, 1)
    process = worker._process
    worker.close()
    assert process.returncode == 0


def test_the_worker_exits_quietly_when_its_caller_is_gone(worker):
    worker.begin(time.sleep, 0.3)
    process = worker._process
    process.stdout.close()  # as if this process had been killed while the worker was busy
    process.stdin.close()
    assert process.wait(timeout=10) == 0
