"""Read-only views of the warehouse for the CLI: the summary of a run, queries, and status."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import polars as pl
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .config import Settings
from .db import Warehouse, sql_text, table_exists
from .deliveries import COUNTED, Status
from .files import disk_full_as, read_json, write_atomic


def query_frame(settings: Settings, sql: str, on_fallback=None) -> pl.DataFrame:
    if not settings.ducklake and not settings.warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {settings.warehouse}; run `banen run` first")
    with Warehouse.of(settings).reader(on_fallback=on_fallback) as con:
        return con.execute(sql).pl()


def as_text_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """Lists, arrays and structs as JSON text (CSV has no nested values), binary as hex."""
    converted = []
    for name, dtype in frame.schema.items():
        if dtype.is_nested():
            values = [
                None if v is None else json.dumps(v, default=str, ensure_ascii=False)
                for v in frame[name].to_list()
            ]
            converted.append(pl.Series(name, values, dtype=pl.String))
        elif dtype == pl.Binary:
            converted.append(frame[name].bin.encode("hex"))
    return frame.with_columns(converted)


def run_summary(settings: Settings, run_id: str) -> dict:
    """What a run did with the deliveries (its counts in ``meta.runs``, written by its delivery
    step; a run without that step loaded nothing), the rejections and warnings, and the marts."""
    with Warehouse.of(settings).reader() as con:
        counted = con.execute(
            f"SELECT {', '.join(s.column for s in COUNTED)} FROM meta.runs WHERE run_id = ?", [run_id]
        ).fetchone()
        rows = con.execute(
            "SELECT bestand, status, reden, waarschuwingen FROM meta.leveringen WHERE run_id = ? ORDER BY bestand",
            [run_id],
        ).fetchall()
        marts = {
            f"marts.{name}": con.execute(f'SELECT count(*) FROM marts."{name}"').fetchone()[0]
            for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() "
                "WHERE database_name = current_database() AND schema_name = 'marts' ORDER BY 1"
            ).fetchall()
        }
    summary: dict = dict(zip(COUNTED, counted or [0] * len(COUNTED), strict=True))
    summary["rejected"] = [r[2] for r in rows if r[1] == Status.AFGEWEZEN]
    summary["warnings"] = [f"{r[0]}: {w}" for r in rows for w in (r[3] or [])]
    summary["marts"] = marts
    summary["run_id"] = run_id
    return summary


def literal_table(
    columns: Iterable[str], rows: Iterable[Sequence], overflow: str = "ellipsis", **options
) -> Table:
    """A rich table that prints every cell as its text: None as empty, nothing read as markup."""
    table = Table(show_header=True, **options)
    for column in columns:
        table.add_column(column, overflow=overflow)
    for row in rows:
        table.add_row(*("" if v is None else escape(str(v)) for v in row))
    return table


def _table(con: duckdb.DuckDBPyConnection, title: str, sql: str) -> Table:
    cursor = con.execute(sql)
    columns = [column[0] for column in cursor.description]
    return literal_table(columns, cursor.fetchall(), overflow="fold", title=title, title_justify="left")


def last_run_path(settings: Settings) -> Path:
    return settings.work_dir / "last_run.json"


def warehouse_stamp(settings: Settings) -> list[int] | None:
    """Size and modification time of the warehouse file: whether anything wrote to it since."""
    if settings.ducklake or not settings.warehouse.exists():
        return None
    stat = settings.warehouse.stat()
    return [stat.st_size, stat.st_mtime_ns]


def last_run(settings: Settings) -> dict | None:
    """The last run's record, or None: none yet, or a damaged file (a crash or a full disk while it
    was written by an older version), which counts as absent with a warning."""
    return read_json(last_run_path(settings))


def record_last_run(
    settings: Settings,
    summary: dict,
    failed_steps: list[str],
    skipped: list[str],
    seconds: float,
    code: int,
    inputs: dict[str, str] | None = None,
) -> None:
    """The last ``banen run``, kept beside the warehouse (a file, so that a run that loads nothing
    new leaves every table unchanged), with the digest of each asset's inputs (``lineage.state``) and
    the warehouse file's stamp (a later run with the same inputs on an untouched warehouse has
    nothing to do, and one with some changed rebuilds what depends on them)."""
    record = {
        "run_id": summary["run_id"],
        "warehouse": warehouse_stamp(settings) if inputs else None,
        "invoer": inputs,
        "ended_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 1),
        "validation_seconds": summary.get("validation_seconds"),
        "import_wait_seconds": summary.get("import_wait_seconds"),
        "exit_code": code,
        "deliveries": {str(status): summary[status] for status in COUNTED},
        "failed_steps": failed_steps,
        "failures": summary.get("failures", []),
        "not_built": skipped,
        "marts": summary["marts"],
    }
    with disk_full_as(last_run_path(settings).parent):
        write_atomic(last_run_path(settings), json.dumps(record, indent=2) + "\n")


def _last_run(settings: Settings) -> str:
    run = last_run(settings)
    if run is None:
        return "none recorded"
    counts = ", ".join(f"{v} {k}" for k, v in run["deliveries"].items())
    problems = "".join(
        f"; {label}: {', '.join(run[key])}"
        for key, label in (("failures", "failed"), ("not_built", "not built"))
        if run.get(key)
    )
    if run.get("failed_steps") and not run.get("failures"):  # recorded by an older version
        problems = f"; failed: {', '.join(run['failed_steps'])}" + problems
    return f"{run['run_id']} ended {run['ended_utc']}, exit {run['exit_code']}, {run['seconds']} s ({counts}){problems}"


def revision_line(
    kwartaal,
    oude_versie,
    nieuwe_versie,
    oud_bestand,
    nieuw_bestand,
    oude_datum,
    nieuwe_datum,
    veranderd,
    cijfers,
    nl,
) -> str:
    """One revision of a quarter in words, e.g. ``2020Q2 v1 -> v2 (published 2020-10-13 -> 2021-01-12,
    ...): 13 of 252 figures changed; NL extra_banen_totaal 58,267 -> 58,301 (+34)``."""
    national = f"; NL extra_banen_totaal {nl[0]:,} -> {nl[1]:,} ({nl[1] - nl[0]:+,})" if nl else ""
    return (
        f"{kwartaal} v{oude_versie} -> v{nieuwe_versie} (published {oude_datum} -> {nieuwe_datum}, "
        f"{oud_bestand} -> {nieuw_bestand}): {veranderd} of {cijfers} figures changed{national}"
    )


LAST_RUNS = 5


def print_status(settings: Settings, out: Console) -> None:
    if not settings.ducklake and not settings.warehouse.exists():
        out.print(f"No warehouse at {settings.warehouse}: run `banen run` first.")
        return
    with Warehouse.of(settings).reader(on_fallback=out.print) as con:
        out.print(
            _table(
                con,
                "Loaded per source",
                """
                SELECT bron, count(DISTINCT periode) AS perioden, min(periode) AS eerste, max(periode) AS laatste,
                       count(*) AS versies,
                       array_to_string(list_sort(list(DISTINCT periode) FILTER (WHERE n > 1)), ', ')
                           AS perioden_met_meer_versies
                FROM (SELECT *, count(*) OVER (PARTITION BY bron, periode) AS n
                      FROM meta.leveringen WHERE status = 'geladen')
                GROUP BY bron ORDER BY bron
                """,
            )
        )
        out.print(
            _table(
                con,
                "Rejected deliveries",
                "SELECT bestand, gezien_op::DATE AS gezien_op, reden FROM meta.leveringen "
                "WHERE status = 'afgewezen' ORDER BY gezien_op, bestand",
            )
        )
        out.print(
            _table(
                con,
                "Deliveries with warnings",
                "SELECT bestand, unnest(waarschuwingen) AS waarschuwing FROM meta.leveringen "
                "WHERE len(waarschuwingen) > 0 ORDER BY bestand",
            )
        )
        revisions = (
            con.execute(sql_text("queries/revisies_laatste")).fetchall()
            if table_exists(con, "marts", "revisies")
            else []
        )
        if table_exists(con, "meta", "runs"):  # every run, whoever started it (CLI, sensor, schedule, UI)
            cursor = con.execute(sql_text("queries/laatste_runs"), {"aantal": LAST_RUNS})
            out.print(
                literal_table(
                    [c[0] for c in cursor.description],
                    cursor.fetchall(),
                    overflow="fold",
                    title=f"Last {LAST_RUNS} runs",
                    title_justify="left",
                )
            )
    out.print("Latest revisions by UWV:" if revisions else "Latest revisions by UWV: none")
    for row in revisions:
        out.print("  " + escape(revision_line(*row)), soft_wrap=True)
    out.print(f"Last banen run: {escape(_last_run(settings))}", soft_wrap=True)
    out.print(f"Exports: {settings.exports}")
    for name, path in (
        ("Data docs", settings.data_docs / "index.html"),
        ("Report", settings.report / "index.html"),
    ):
        if path.exists():
            out.print(f"{name}: {path}")
