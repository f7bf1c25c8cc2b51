"""``banen``: run the pipeline, query the warehouse, and see its status.

Exit codes of ``banen run``: 0 all went well, 3 some delivery was rejected and everything else
loaded, 1 failure (a step failed, or a blocking check stopped the marts).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .config import Settings, apply_overrides

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
console = Console(stderr=True)
DEBUG = False
"""Set by ``banen --debug``: an unexpected error shows its Python traceback."""


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the Python traceback of an unexpected error (a bug).")
    ] = False,
) -> None:
    global DEBUG
    DEBUG = debug


def main() -> None:
    """The ``banen`` command. A user's error (a damaged or busy warehouse, a missing file) is one line
    on stderr and exit 1; usage errors are Click's; anything else is a bug: one line, or with
    ``--debug`` its traceback."""
    from .db import WarehouseBusy, WarehouseDamaged

    try:
        app()
    except (WarehouseBusy, WarehouseDamaged, FileNotFoundError, NotADirectoryError) as exc:
        console.print(f"[red]{escape(str(exc))}[/]", soft_wrap=True)
        sys.exit(EXIT_FAILED)
    except Exception as exc:
        if DEBUG:
            raise
        console.print(
            f"[red]banen: unexpected error {escape(type(exc).__name__)}: {escape(str(exc).splitlines()[0] if str(exc) else '')} "
            "(run again with `banen --debug ...` for the traceback)[/]",
            soft_wrap=True,
        )
        sys.exit(EXIT_FAILED)


EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 3

Landing = Annotated[Path | None, typer.Option("--landing", help="Landing folder [env BANEN_LANDING].")]
WarehousePath = Annotated[
    Path | None, typer.Option("--warehouse", help="DuckDB warehouse file [env BANEN_WAREHOUSE].")
]
Exports = Annotated[Path | None, typer.Option("--exports", help="Parquet export folder [env BANEN_EXPORTS].")]


HEAVY_IMPORTS = ("matplotlib.pyplot",)
"""A half-second import a run needs at its end (the report's charts). Great Expectations and
statsmodels import in the worker process (``banen_pipeline.worker``)."""


def start_background_imports() -> threading.Thread:
    """Import the heavy libraries in the background at the start of a run, so the time they take
    overlaps with the loads (DuckDB releases the GIL while it works, and so does waiting for the
    worker)."""

    def _import() -> None:
        os.environ.setdefault("MPLBACKEND", "Agg")
        for module in HEAVY_IMPORTS:
            importlib.import_module(module)

    thread = threading.Thread(target=_import, name="heavy-imports", daemon=True)
    thread.start()
    return thread


def _dagster_instance():
    """Dagster's instance for ``banen run``: the one in DAGSTER_HOME when that is set (so the runs
    show in a Dagster UI on the same home), else an ephemeral one, which costs no storage time."""
    import dagster as dg

    return dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()


class _ProgressHandler(logging.Handler):
    """Dagster's log records as short progress lines: each step as it starts, and our own messages."""

    def emit(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is not None:
            if event.event_type_value == "STEP_START":
                console.print(f"[bold]▶ {event.step_key}[/]")
            elif event.event_type_value == "STEP_FAILURE":
                console.print(f"[red]✗ {event.step_key} failed[/]")
            return
        if record.levelno >= logging.INFO and meta.get("orig_message"):
            style = "yellow" if record.levelno >= logging.WARNING else "dim"
            console.print(f"  [{style}]{escape(meta['orig_message'])}[/]")


def _progress_logger():
    import dagster as dg

    @dg.logger(description="Short progress lines for banen run.")
    def progress(_init_context):
        logger = logging.Logger("banen", level=logging.DEBUG)  # step events are DEBUG records
        logger.addHandler(_ProgressHandler())
        return logger

    return progress


def run_pipeline(settings: Settings, first: str | None = None, last: str | None = None) -> tuple[int, dict]:
    """One in-process Dagster run of every asset over the quarters ``first..last`` (default: all).
    Returns the exit code and the run summary."""
    started = time.perf_counter()
    if not settings.landing.is_dir():
        raise NotADirectoryError(
            f"The landing folder {settings.landing} does not exist (--landing, BANEN_LANDING)."
        )
    from .db import Warehouse

    Warehouse.of(settings).check_readable()  # a damaged file: one line, before anything starts
    # One "planned" event per asset for the run's range of quarters instead of one per quarter
    # (dagster-io/dagster#29288, #32242): the per-quarter events cost over a second per run. The
    # trade-off: a failed run does not mark its quarters failed in a Dagster UI on the same
    # DAGSTER_HOME (banen status and last_run.json report it). Set the variable to false to keep it.
    os.environ.setdefault("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "true")
    from . import projections, worker
    from .checks import validator_for

    validator = validator_for(settings.expectations)
    # first: Great Expectations and statsmodels import in the worker while this process starts
    worker.shared().start(validator.warm_up(), projections.import_libraries)
    validator.seconds = 0.0
    start_background_imports()
    from .definitions import build_defs
    from .deliveries import scan_landing
    from .status import record_last_run, run_summary

    defs = build_defs(settings)
    job = defs.resolve_job_def("banen_job").with_logger_defs({"progress": _progress_logger()})
    keys = job.partitions_def.get_partition_keys()
    # By default the quarters that have files: planning empty quarters costs Dagster time for nothing.
    landed = scan_landing(settings.landing) if settings.landing.exists() else []
    quarters = sorted(f.partition for f in landed if f.partition in keys)
    first = first or (quarters[0] if quarters else keys[0])
    last = last or (quarters[-1] if quarters else keys[-1])
    if first not in keys or last not in keys:
        raise typer.BadParameter(f"--from/--to must be quarters between {keys[0]} and {keys[-1]}")
    console.print(f"banen run: quarters {first}..{last}, warehouse {settings.warehouse}")
    with Warehouse.of(settings).run_lock(on_wait=lambda m: console.print(f"[yellow]{escape(m)}[/]")):
        result = job.execute_in_process(
            instance=_dagster_instance(),
            tags={"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": last},
            run_config={"loggers": {"progress": {}}},
            raise_on_error=False,
        )
    summary = run_summary(settings, result.run_id, landed)
    failed_steps = [e.step_key for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    skipped = _not_built(defs, result)
    seconds = time.perf_counter() - started
    _print_summary(summary, failed_steps, skipped, seconds)
    if not result.success or failed_steps or skipped:
        code = EXIT_FAILED
    else:
        code = EXIT_REJECTED if summary["afgewezen"] else EXIT_OK
    summary.update(
        failed_steps=failed_steps,
        not_built=skipped,
        validation_seconds=round(validator.seconds, 2),
        gx_import_seconds=round(validator.import_seconds, 2),
    )
    record_last_run(settings, summary, failed_steps, skipped, seconds, code)
    return code, summary


@app.command()
def run(
    landing: Landing = None,
    warehouse: WarehousePath = None,
    exports: Exports = None,
    first: Annotated[
        str | None, typer.Option("--from", help="First quarter (default: the first with a delivery).")
    ] = None,
    last: Annotated[
        str | None, typer.Option("--to", help="Last quarter (default: the last with a delivery).")
    ] = None,
) -> None:
    """Load every quarter's deliveries, validate, build marts and exports, in one in-process run."""
    apply_overrides(landing=landing, warehouse=warehouse, exports=exports)
    code, _summary = run_pipeline(Settings.from_env(), first, last)
    exit_now(code)


def exit_now(code: int) -> NoReturn:
    """End the process at once: tearing down the interpreter after a run (Dagster, pandas and
    matplotlib loaded) takes about a second and has nothing left to do. Everything is written and
    closed by now; only the console is flushed. The worker process sees its input close and exits."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _note(message: str) -> None:
    console.print(f"[yellow]{escape(message)}[/]")


def _not_built(defs, result) -> list[str]:
    """Assets of the job this run did not materialise (e.g. stopped by a failed blocking check)."""
    everything = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    done = {event.asset_key.to_user_string() for event in result.get_asset_materialization_events()}
    return sorted(everything - done)


def _print_summary(summary: dict, failed_steps: list[str], skipped: list[str], seconds: float) -> None:
    table = Table(title=f"banen run {summary['run_id'][:8]} — {seconds:.1f} s", show_header=True)
    table.add_column("deliveries")
    table.add_column("count", justify="right")
    for status in ("geladen", "afgewezen", "dubbel", "al gezien"):
        table.add_row(status, str(summary[status]))
    console.print(table)
    for row in summary["rejected"]:
        console.print(f"[yellow]afgewezen[/] {escape(row)}")
    for row in summary["warnings"]:
        console.print(f"[yellow]waarschuwing[/] {escape(row)}")
    marts = Table(title="marts", show_header=True)
    marts.add_column("table")
    marts.add_column("rows", justify="right")
    for name, rows in summary["marts"].items():
        marts.add_row(name, str(rows))
    console.print(marts)
    for step in failed_steps:
        console.print(f"[red]failed step: {step}[/]")
    for key in skipped:
        console.print(f"[red]not built (stopped upstream): {key}[/]")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run read-only.")],
    warehouse: WarehousePath = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or table.")] = "table",
) -> None:
    """Run SQL read-only against the warehouse; print CSV (with a header row) or a table."""
    apply_overrides(warehouse=warehouse)
    from .db import WarehouseBusy, WarehouseDamaged
    from .status import as_text_columns, literal_table, query_frame

    if fmt not in ("csv", "table"):
        console.print("[red]--format must be csv or table[/]")
        raise typer.Exit(EXIT_FAILED)
    try:
        frame = query_frame(Settings.from_env(), sql, on_fallback=_note)
    except (WarehouseBusy, WarehouseDamaged):
        raise  # one line from main()
    except Exception as exc:  # duckdb errors (bad SQL): show them plainly, no traceback
        console.print(f"[red]{escape(f'{type(exc).__name__}: {exc}')}[/]")
        raise typer.Exit(EXIT_FAILED) from None
    if fmt == "csv":
        sys.stdout.write(as_text_columns(frame).write_csv())
    else:
        out = Console()
        out.print(literal_table(frame.columns, as_text_columns(frame).iter_rows()))
        out.print(f"{frame.height} rows")


@app.command("generate-microdata")
def generate_microdata(
    out: Annotated[
        Path, typer.Option("--out", help="Folder to write the extract to (e.g. <landing>/microdata).")
    ],
    first: Annotated[str, typer.Option("--from", help="First quarter.")] = "2015Q4",
    last: Annotated[str, typer.Option("--to", help="Last quarter.")] = "2023Q4",
    scale: Annotated[
        float, typer.Option("--scale", help="Multiplies the number of rows (1.0: about 16 M).")
    ] = 1.0,
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed: the same seed gives the same extract.")
    ] = 0,
    warehouse: WarehousePath = None,
) -> None:
    """Write a synthetic payroll extract (Parquet by quarter, plus the 2012Q4 baseline), calibrated on
    the current UWV figures in the warehouse: aggregated, it reproduces every delivered figure."""
    apply_overrides(warehouse=warehouse)
    from rich.progress import Progress

    from .db import Warehouse
    from .microdata import generate
    from .quarters import parse_quarter, quarter_range

    settings = Settings.from_env()
    quarters = quarter_range(parse_quarter(first), parse_quarter(last))
    with (
        Progress(console=console, transient=True) as progress,
        Warehouse.of(settings).reader(on_fallback=_note) as con,
    ):
        task = progress.add_task("generating", total=len(quarters) + 1)

        def advance(message: str) -> None:
            progress.update(task, advance=1, description=message)

        result = generate(con, out, first, last, scale=scale, seed=seed, progress=advance)
    console.print(
        f"{result['rows']:,} rows in {result['quarters']} quarters, {result['seconds']:.1f} s -> {out}"
    )


@app.command("report")
def report_command(warehouse: WarehousePath = None) -> None:
    """Rebuild the HTML report (report/index.html beside the warehouse) from the marts."""
    apply_overrides(warehouse=warehouse)
    settings = Settings.from_env()
    from .db import Warehouse
    from .report import build_report

    with Warehouse.of(settings).reader(on_fallback=_note) as con:
        index = build_report(con, settings.report, settings.warehouse)
    console.print(f"report: {index}")


@app.command()
def status(warehouse: WarehousePath = None) -> None:
    """Per source the quarters and versions loaded, rejected deliveries with reasons, the last run."""
    apply_overrides(warehouse=warehouse)
    from .status import print_status

    print_status(Settings.from_env(), Console())


@app.command("herstel")
def herstel(landing: Landing = None, warehouse: WarehousePath = None) -> None:
    """Bring back a warehouse file that cannot be read: set it aside, restore the snapshot of the last
    finished run, or rebuild from the deliveries in the landing folder when there is none."""
    apply_overrides(landing=landing, warehouse=warehouse)
    from .recovery import restore

    def rebuild(settings: Settings) -> int:
        return run_pipeline(settings)[0]

    exit_now(
        restore(
            Settings.from_env(), rebuild, say=lambda message: console.print(escape(message), soft_wrap=True)
        )
    )


if __name__ == "__main__":
    main()
