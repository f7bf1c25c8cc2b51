"""banen: run the pipeline, query the warehouse, and see its status.

Exit codes of banen run: 0 all went well, 3 some delivery was rejected and everything else
loaded, 1 failure (a step failed, or a blocking check failed: what reads its mart is held back).
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .config import LANGUAGES, Settings
from .pipeline import EXIT_FAILED, BadRange, run_pipeline

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=__doc__,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: typer 0.29 with click 8.5 prints a flag as "--debug <bool>" in rich help
)
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
    from .config import SettingError
    from .db import WarehouseBusy, WarehouseDamaged
    from .files import DiskFull

    user_errors = (
        WarehouseBusy,
        WarehouseDamaged,
        SettingError,
        DiskFull,
        FileNotFoundError,
        NotADirectoryError,
    )
    try:
        app()
    except user_errors as exc:
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


Landing = Annotated[Path | None, typer.Option("--landing", help="Landing folder [env BANEN_LANDING].")]
WarehousePath = Annotated[
    Path | None, typer.Option("--warehouse", help="DuckDB warehouse file [env BANEN_WAREHOUSE].")
]
Exports = Annotated[Path | None, typer.Option("--exports", help="Parquet export folder [env BANEN_EXPORTS].")]
Taal = enum.Enum("Taal", {code: code for code in LANGUAGES}, type=str)
"""The report's languages, for Click to check."""


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
    force: Annotated[
        bool, typer.Option("--force", help="Run and rebuild everything even when nothing changed.")
    ] = False,
) -> None:
    """Load every quarter's deliveries, validate, build marts and exports, in one in-process run.
    When nothing changed since the last successful run, it says so and does nothing."""
    settings = Settings.from_env(landing=landing, warehouse=warehouse, exports=exports)
    try:
        code, summary = run_pipeline(settings, first, last, say=_say, force=force)
    except BadRange as exc:
        raise typer.BadParameter(str(exc)) from None
    if not summary.get("niets nieuw"):
        _print_summary(summary)
    exit_now(code)


def _say(kind: str, text: str) -> None:
    """The run's progress lines, as pipeline.run_pipeline reports them."""
    if kind == "step":
        console.print(f"[bold]▶ {escape(text)}[/]")
    elif kind == "failed":
        console.print(f"[red]✗ failed: {escape(text)}[/]", soft_wrap=True)
    elif kind == "traceback":
        if DEBUG:
            console.print(escape(text), soft_wrap=True, highlight=False)
    elif kind == "note":
        console.print(escape(text))
    else:
        console.print(f"  [{'yellow' if kind == 'warning' else 'dim'}]{escape(text)}[/]")


def exit_now(code: int) -> NoReturn:
    """End the process at once: tearing down the interpreter after a run (Dagster, pandas and
    matplotlib loaded) takes about a second and has nothing left to do. Everything is written and
    closed by now; only the console is flushed, and the worker process is stopped (which frees the
    pool's semaphores)."""
    from .worker import shared

    shared().close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _note(message: str) -> None:
    console.print(f"[yellow]{escape(message)}[/]")


def _print_summary(summary: dict) -> None:
    from .deliveries import COUNTED

    table = Table(title=f"banen run {summary['run_id'][:8]} — {summary['seconds']:.1f} s", show_header=True)
    table.add_column("deliveries")
    table.add_column("count", justify="right")
    for status in COUNTED:
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
    for line in summary["failures"]:
        console.print(f"[red]failed: {escape(line)}[/]", soft_wrap=True)
    for key in summary["not_built"]:
        console.print(f"[red]not built (stopped upstream): {key}[/]")


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run read-only.")],
    warehouse: WarehousePath = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or table.")] = "table",
) -> None:
    """Run SQL read-only against the warehouse; print CSV (with a header row) or a table."""
    settings = Settings.from_env(warehouse=warehouse)
    from .db import WarehouseBusy, WarehouseDamaged
    from .status import as_text_columns, literal_table, query_frame

    if fmt not in ("csv", "table"):
        console.print("[red]--format must be csv or table[/]")
        raise typer.Exit(EXIT_FAILED)
    try:
        frame = query_frame(settings, sql, on_fallback=_note)
    except (WarehouseBusy, WarehouseDamaged):
        raise  # one line from main()
    except Exception as exc:  # duckdb errors (bad SQL): show them plainly, no traceback
        console.print(f"[red]{escape(f'{type(exc).__name__}: {exc}')}[/]")
        raise typer.Exit(EXIT_FAILED) from None
    if fmt == "csv":
        sys.stdout.write(as_text_columns(frame).write_csv())
    else:
        table = literal_table(frame.columns, as_text_columns(frame).iter_rows())
        # as wide as the table needs, never cut to the terminal: a wide result scrolls, it is not lost
        natural = Console(width=100_000).measure(table).maximum
        out = Console(width=max(Console().width, natural))
        out.print(table)
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
    from rich.progress import Progress

    from .db import Warehouse
    from .microdata import generate
    from .quarters import parse_quarter, quarter_range

    settings = Settings.from_env(warehouse=warehouse)
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
def report_command(
    warehouse: WarehousePath = None,
    taal: Annotated[
        Taal | None, typer.Option("--taal", help="Language: nl (default) or en [env BANEN_TAAL].")
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print it to report/rapport.pdf (A4, headless Chromium).")
    ] = False,
    per: Annotated[
        dt.datetime | None,
        typer.Option(
            "--per",
            formats=["%Y-%m-%d"],
            help="The day the report is read (YYYY-MM-DD; default today, into report/): it says only what was "
            "published by then, from a warehouse of those deliveries and facts alone, into report/<day>/.",
        ),
    ] = None,
) -> None:
    """Rebuild the HTML report (report/index.html beside the warehouse, report/en/ in English) from the marts."""
    settings = Settings.from_env(warehouse=warehouse, taal=taal.value if taal else None)
    from .report import Language, build_report

    if per:  # from what was published by then, into report/<day>/: today's report stays
        from .as_of import EarlierBuildFailed, report_as_of

        try:
            index = report_as_of(settings, per.date(), Language(settings.taal), _say)
        except EarlierBuildFailed as exc:
            console.print(f"[red]{escape(str(exc))}[/]", soft_wrap=True)
            raise typer.Exit(EXIT_FAILED) from None
    else:
        from .db import Warehouse

        with Warehouse.of(settings).reader(on_fallback=_note) as con:
            index = build_report(con, settings.report, settings.warehouse, Language(settings.taal))
    console.print(f"report: {index}")
    if pdf:
        from .report.pdf import PrintFailed, print_pdf

        try:
            console.print(
                f"pdf: {print_pdf(index, index.parent / 'rapport.pdf', chromium=settings.chromium)}"
            )
        except PrintFailed as exc:
            console.print(f"[red]{escape(str(exc))}[/]", soft_wrap=True)
            raise typer.Exit(EXIT_FAILED) from None


@app.command()
def config(landing: Landing = None, warehouse: WarehousePath = None, exports: Exports = None) -> None:
    """Every setting: its value, where it came from (flag, environment, default) and its variable."""
    from rich.table import Table

    from .config import env_var

    flags = {"landing": landing, "warehouse": warehouse, "exports": exports}
    settings = Settings.from_env(**flags)
    sources = settings.sources({name for name, value in flags.items() if value is not None})
    table = Table("setting", "value", "from", "environment variable", "meaning")
    for column in table.columns:
        column.overflow = "fold"  # a long path wraps, never cut short
    for name, field in Settings.model_fields.items():
        table.add_row(name, escape(settings.shown(name)), sources[name], env_var(name), field.description)
    Console(width=200).print(table)


@app.command()
def status(warehouse: WarehousePath = None) -> None:
    """Per source the quarters and versions loaded, rejected deliveries with reasons, the last run."""
    from .status import print_status

    print_status(Settings.from_env(warehouse=warehouse), Console())


@app.command("herstel")
def herstel(landing: Landing = None, warehouse: WarehousePath = None) -> None:
    """Bring back a warehouse file that cannot be read: set it aside, restore the snapshot of the last
    finished run, or rebuild from the deliveries in the landing folder when there is none."""
    from .recovery import restore

    def rebuild(settings: Settings) -> int:
        return run_pipeline(settings, say=_say)[0]

    exit_now(
        restore(
            Settings.from_env(landing=landing, warehouse=warehouse),
            rebuild,
            say=lambda message: console.print(escape(message), soft_wrap=True),
        )
    )


if __name__ == "__main__":
    main()
