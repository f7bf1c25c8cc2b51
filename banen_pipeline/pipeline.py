"""Running the pipeline from Python: one in-process Dagster run of every asset over a range of
quarters. ``banen run`` and ``banen herstel`` call :func:`run_pipeline`, and so do the tests; what
the run shows on the way goes to a ``say`` function, which the CLI prints in colour.

Exit codes: 0 all went well, 3 some delivery was rejected and everything else loaded, 1 failure (a
step failed, or a blocking check failed: what reads the mart it checks is held back, the rest is built
and published by a run of what passed, ``defs/held_back.py``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import threading
import time
from collections.abc import Callable

from .config import Settings
from .failures import Failure, describe
from .files import DiskFull

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 3

Say = Callable[[str, str], None]
"""``say(kind, text)``: kind is ``step`` (a step starts), ``failed`` (a step failed: the step, its
exception and where it was raised, in one line), ``traceback`` (that failure's whole traceback, shown
with ``--debug``), ``info``, ``warning``, or ``note`` (the run's own lines)."""

HEAVY_IMPORTS = ("matplotlib.pyplot",)
"""A half-second import a run needs at its end (the report's charts, drawn with the Agg backend).
Great Expectations and statsmodels import in the worker process (``banen_pipeline.worker``)."""


class BadRange(ValueError):
    """--from/--to outside the partitions."""


def start_background_imports() -> threading.Thread:
    """Import the heavy libraries in the background at the start of a run, so the time they take
    overlaps with the loads (DuckDB releases the GIL while it works, and so does waiting for the
    worker)."""

    def _import() -> None:
        import matplotlib

        matplotlib.use("Agg")  # before pyplot: no GUI backend is looked for
        for module in HEAVY_IMPORTS:
            importlib.import_module(module)

    thread = threading.Thread(target=_import, name="heavy-imports", daemon=True)
    thread.start()
    return thread


def _dagster_instance(settings: Settings, isolated: bool = False):
    """Dagster's instance for a run: the one in DAGSTER_HOME when that is set (so the runs show in a
    Dagster UI on the same home), else (or for an isolated run) an ephemeral one, which costs no
    storage time."""
    import dagster as dg

    if settings.dagster_home and not isolated:
        return dg.DagsterInstance.from_config(str(settings.dagster_home))
    return dg.DagsterInstance.ephemeral()


class _ProgressHandler(logging.Handler):
    """Dagster's log records as short progress lines: each step as it starts, and our own messages."""

    def __init__(self, say: Say):
        super().__init__()
        self.say = say

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is not None:
            if event.event_type_value == "STEP_START":
                self.say("step", event.step_key)
            elif event.event_type_value == "STEP_FAILURE":
                failure = _failure(event)
                self.say("failed", failure.line)
                self.say("traceback", failure.traceback)
            return
        if record.levelno >= logging.INFO and meta.get("orig_message"):
            self.say("warning" if record.levelno >= logging.WARNING else "info", meta["orig_message"])


def _progress_logger(say: Say):
    import dagster as dg

    @dg.logger(description="Short progress lines for banen run.")
    def progress(_init_context):
        logger = logging.Logger("banen", level=logging.DEBUG)  # step events are DEBUG records
        logger.addHandler(_ProgressHandler(say))
        return logger

    return progress


def _quiet(kind: str, text: str) -> None:
    pass


def run_pipeline(
    settings: Settings,
    first: str | None = None,
    last: str | None = None,
    say: Say = _quiet,
    force: bool = False,
    isolated: bool = False,
) -> tuple[int, dict]:
    """One in-process Dagster run of every asset over the quarters ``first..last`` (default: the
    quarters that have files). Returns the exit code and the run summary (also in last_run.json).

    When nothing it depends on changed since the last successful run (``lineage.state``), it starts
    no Dagster run: no mart is rebuilt, no suite run, no export written; the summary says ``niets
    nieuw``. When some inputs changed, the run rebuilds what depends on them (``lineage.rebuild``).
    ``force`` rebuilds everything.

    ``isolated``: a warehouse of its own that only a report reads (``banen report --per``, from
    ``as_of.published_by``): the run goes to an ephemeral Dagster instance, whatever DAGSTER_HOME
    says, so the real assets' history never shows it, and it publishes nothing (no exports,
    snapshot, data docs or report)."""
    started, started_at = time.perf_counter(), time.time()
    if not settings.landing.is_dir():
        raise NotADirectoryError(
            f"The landing folder {settings.landing} does not exist (--landing, BANEN_LANDING)."
        )
    from .db import Warehouse
    from .deliveries import scan_landing
    from .quarters import quarters_to_date

    Warehouse.of(settings).check_readable()  # a damaged file: one line, before anything starts
    keys = quarters_to_date()
    # By default the quarters that have files: planning empty quarters costs Dagster time for nothing.
    landed = scan_landing(settings.landing)
    quarters = sorted(f.partition for f in landed if f.partition in keys)
    first = first or (quarters[0] if quarters else keys[0])
    last = last or (quarters[-1] if quarters else keys[-1])
    if first not in keys or last not in keys:
        raise BadRange(f"--from/--to must be quarters between {keys[0]} and {keys[-1]}")
    from . import lineage

    previous = None if force else _last_success(settings)
    # with no successful run to compare with, this run builds: its worker starts importing now
    validator = None if previous else _start_worker(settings)
    inputs = lineage.state(settings, landed, first, last)

    def nothing_new(previous: dict | None) -> tuple[int, dict] | None:
        """The same inputs as the last successful run (``previous``), on a warehouse nothing wrote
        to since."""
        if previous is None or previous.get("invoer") != inputs:
            return None
        say(
            "note",
            f"banen run: nothing new since run {previous['run_id'][:8]} ({previous['ended_utc']}): the "
            "deliveries, SQL, suites, reference facts and code are unchanged; no mart rebuilt, no suite "
            "run, no export written (--force runs anyway)",
        )
        seconds = time.perf_counter() - started
        return EXIT_OK, {"niets nieuw": True, "run_id": previous["run_id"], "seconds": seconds}

    if done := nothing_new(previous):
        return done
    validator = validator or _start_worker(settings)
    start_background_imports()
    import dagster as dg

    from . import runs
    from .definitions import build_defs
    from .defs import held_back
    from .status import record_last_run, run_summary

    defs = build_defs(settings)
    job = whole = defs.resolve_job_def("banen_job")
    changed = _changed_since(previous, inputs)
    selection = lineage.rebuild(defs.resolve_asset_graph(), changed) if changed else None
    if isolated:
        keep = set(selection[0] if selection else job.asset_layer.executable_asset_keys)
        keep -= {dg.AssetKey.from_user_string(k) for k in lineage.PUBLISHED}
        selection = (frozenset(keep), selection[1] if selection else frozenset())
        job = job.get_subset(asset_selection=set(selection[0]))
    elif selection is not None:
        assets, checks = selection
        job = job.get_subset(asset_selection=set(assets), asset_check_selection=set(checks))
        named = sorted(lineage.label(key) for key in changed)
        say("note", f"banen run: only what depends on {', '.join(named)} (--force rebuilds everything)")
    wanted = set(selection[0] if selection else job.asset_layer.executable_asset_keys)
    loggers = {"progress": _progress_logger(say)}
    say("note", f"banen run: quarters {first}..{last}, warehouse {settings.warehouse}")
    with Warehouse.of(settings).run_lock(on_wait=lambda message: say("warning", message)):
        if done := nothing_new(None if force else _last_success(settings)):  # a run we waited for did it all
            return done
        instance = _dagster_instance(settings, isolated)
        tags = runs.range_tags(first, last) | {runs.CLI_TAG: "cli"}
        results = [_execute(job.with_logger_defs(loggers), instance, tags)]
        failed, built = held_back.failed_and_built(results[0].all_events)
        # a failed check holds back only what reads what it checks: the run of what passed follows
        while not isolated and not results[-1].success and failed:
            assets, checks = held_back.what_passed(defs.resolve_asset_graph(), wanted, built, failed)
            say(
                "note",
                f"banen run: failed checks on {', '.join(sorted(k.to_user_string() for k in failed))} hold "
                "back what reads them; building and publishing the rest",
            )
            follow = whole.get_subset(asset_selection=set(assets), asset_check_selection=set(checks))
            results.append(
                _execute(
                    follow.with_logger_defs(loggers),
                    instance,
                    tags | {held_back.FOLLOWS_TAG: results[-1].run_id},
                )
            )
            more_failed, more_built = held_back.failed_and_built(results[-1].all_events)
            built |= more_built
            failed, newly = failed | more_failed, more_failed - failed
            if not newly:
                break
        failed_by_run = {
            r.run_id: [e for e in r.all_events if e.event_type_value == "STEP_FAILURE"] for r in results
        }
        failures = [e for events in failed_by_run.values() for e in events]
        if any(e.event_specific_data and _disk_full(e.event_specific_data.error) for e in failures):
            raise DiskFull(settings.warehouse.parent)  # a user's error: one line, not a failed step
        causes = [_failure(e).line for e in failures]
        # recorded before the lock is released: a run waiting for it sees what this one did
        with Warehouse.of(settings).writer() as con:
            for result in results:
                runs.record_end(
                    con,
                    result.run_id,
                    result.dagster_run.tags,
                    result.success,
                    runs.utc(started_at),
                    dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    launched=False,
                    fout=[_failure(e).line for e in failed_by_run[result.run_id]],
                )
        summary = run_summary(settings, results[0].run_id)
        failed_steps = [e.step_key for e in failures]
        skipped = sorted({key.to_user_string() for key in wanted - built})
        seconds = time.perf_counter() - started
        if not all(result.success for result in results) or failed_steps or skipped:
            code = EXIT_FAILED
        else:
            code = EXIT_REJECTED if summary["afgewezen"] else EXIT_OK
        summary.update(
            failed_steps=failed_steps,
            failures=causes,
            not_built=skipped,
            seconds=seconds,
            validation_seconds=round(validator.seconds, 2),
            import_wait_seconds=round(validator.import_seconds, 2),
        )
        record_last_run(settings, summary, failed_steps, skipped, seconds, code, inputs)
    notify_outcome(settings, summary, code, say)
    return code, summary


def _start_worker(settings: Settings):
    """Start the worker with its imports, and return the run's validator. First Great Expectations
    (while this process starts); statsmodels and matplotlib once the first validation (of the
    deliveries) is answered, while this process loads."""
    from . import report, worker
    from .projections.methods import import_libraries
    from .validation import validator_for

    validator = validator_for(settings.expectations)
    validator.seconds = 0.0
    worker.shared().start(validator.warm_up(), later=(import_libraries, report.import_libraries))
    return validator


def notify_outcome(settings: Settings, summary: dict, code: int, say: Say = _quiet) -> None:
    """The message of a ``banen run`` that failed or rejected a delivery, to the webhook or mail
    relay when one is set (the run status sensors leave these runs to it). A message that cannot be
    sent is a warning, never the run's failure."""
    from .notifications import Notifier, failure_message, rejection_message

    notifier = Notifier(webhook=settings.notify_webhook, smtp=settings.notify_smtp, to=settings.notify_to)
    if not notifier.enabled or code == EXIT_OK:
        return
    if code == EXIT_FAILED:
        message = failure_message(summary["run_id"], "cli", summary["failures"] or summary["not_built"])
    else:
        message = rejection_message(summary["run_id"], "cli", summary["rejected"])
    try:
        notifier.send(message)
    except OSError as exc:
        say("warning", f"message not sent: {exc}")


def _last_success(settings: Settings) -> dict | None:
    """The last ``banen run`` (last_run.json) if it succeeded and nothing wrote to the warehouse
    since; what it did can then be built on."""
    from .status import last_run, warehouse_stamp

    previous = last_run(settings)
    if (
        previous is None
        or previous.get("exit_code") not in (EXIT_OK, EXIT_REJECTED)
        or previous.get("warehouse") != warehouse_stamp(settings)
    ):
        return None
    return previous


def _changed_since(previous: dict | None, inputs: dict[str, str]) -> set[str] | None:
    """The assets and checks whose inputs changed since ``previous``, the last successful run on
    this untouched warehouse (:func:`_last_success`); None: no such run (everything is built)."""
    from .lineage import changed

    if previous is None or not previous.get("invoer"):
        return None
    return changed(previous["invoer"], inputs)


def _failure(event) -> Failure:
    """Why a step failed (a STEP_FAILURE event)."""
    error = event.event_specific_data.error if event.event_specific_data else None
    if error is None:
        return Failure(event.step_key, event.message or "failed", "")
    return describe(event.step_key, error)


def _disk_full(error) -> bool:
    """Whether a step's error (Dagster's serialized form, with its causes) was a full disk."""
    while error is not None:
        if error.cls_name == "DiskFull":
            return True
        error = error.cause
    return False


def _execute(job, instance, tags: dict[str, str]):
    """One in-process run of ``job``, with the progress logger."""
    return job.execute_in_process(
        instance=instance, tags=tags, run_config={"loggers": {"progress": {}}}, raise_on_error=False
    )
