"""The worker process: calls run there, in order, with their errors brought back."""

import functools
import operator
import os
import subprocess
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


def test_calls_sent_together_are_answered_in_the_order_they_were_sent(worker):
    slow = worker.begin(time.sleep, 0.2)
    quick = worker.begin(operator.add, 1, 1)  # no need to wait for the first: it queues behind it
    assert (quick(), slow()) == (2, None)


def test_the_worker_exits_when_closed(worker):
    pid = worker.call(os.getpid)
    worker.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_the_worker_exits_when_its_caller_is_killed(tmp_path):
    script = tmp_path / "caller.py"
    script.write_text(
        "import os, time\n"
        "from banen_pipeline.worker import Worker\n"
        "if __name__ == '__main__':\n"
        "    worker = Worker()\n"
        "    print(worker.call(os.getpid), flush=True)\n"
        "    worker.begin(time.sleep, 60)  # busy when its caller is killed\n"
        "    time.sleep(0.3)\n"
        "    os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    pid = int(done.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)
    assert not _alive(pid)


def _use_the_worker_and_return(answers) -> None:
    """A run as Dagster's code server runs it: in a process started by multiprocessing."""
    from banen_pipeline.worker import shared

    answers.put(shared().call(operator.add, 20, 22))


def test_a_process_started_by_multiprocessing_that_used_the_worker_exits():
    """Such a process joins its children before its exit hooks run: a worker still alive then would
    keep it (and itself) alive for good after every Dagster run."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    answers = context.Queue()
    run = context.Process(target=_use_the_worker_and_return, args=(answers,))
    run.start()
    assert answers.get(timeout=60) == 42
    run.join(timeout=30)
    assert run.exitcode == 0


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it has exited)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_worker_whose_process_died_is_replaced_for_the_next_call(worker):
    """A call during which the process dies fails naming it; the next call gets a new process
    (the pool's documented BrokenProcessPool says so, no private attribute is read)."""
    first = worker.call(os.getpid)
    with pytest.raises(WorkerError, match="the worker process stopped during posix.kill"):
        worker.call(os.kill, first, 9)
    second = worker.call(os.getpid)
    assert second != first and worker.call(operator.add, 1, 2) == 3
