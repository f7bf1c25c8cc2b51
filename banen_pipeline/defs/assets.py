"""Assets in the order the data flows: reference -> deliveries into raw/staging -> marts -> exports.

The staging tables and the marts are each one multi-asset (one step for all their tables): every
step costs Dagster a fixed overhead, and DuckDB has one writer anyway. Each table is still its own
asset in the graph and can be materialised on its own.
"""

import datetime as dt
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

import dagster as dg
import duckdb

from .. import exports, marts, microdata, projections, report, runs
from ..config import DEFAULTS, SQL_DIR
from ..db import declared_comment, declaring_file, files_digest, quote_ident, sql_text, table_columns
from ..deliveries import MICRODATA_FOLDER, SUPPLIERS, LandedFile, Supplier, scan_landing
from ..ingest import ingest, load_regions
from ..quarters import FIRST_QUARTER, latest_published_quarter, publication_due, quarter_range
from ..reference import load_reference
from ..validation import Request, validator_for
from .partitions import quarterly
from .resources import POOL, FoldersResource, WarehouseResource

REFERENTIE = dg.AssetKey(["referentie", "tabellen"])
ONE_RUN = dg.BackfillPolicy.single_run()
"""Every asset's backfill policy, also the unpartitioned ones': a range of quarters is one run (the
CLI's ``dagster asset materialize --partition-range`` requires it of every selected asset)."""


def table_metadata(con: duckdb.DuckDBPyConnection, table: str) -> dict:
    """Dagster's table conventions for a warehouse table: row count, name, and the column schema
    with each column's type and comment."""
    schema, name = table.split(".")
    rows = con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone()[0]
    columns = [
        dg.TableColumn(n, kind, description=comment or None)
        for n, kind, comment in table_columns(con, schema, name)
    ]
    return {
        "dagster/row_count": rows,
        "dagster/table_name": table,
        "dagster/column_schema": dg.TableSchema(columns=columns),
    }


MICRODATA = dg.AssetKey(["staging", "microdata_aggregaat"])


def _code_version(table: str, *sql: str, code: tuple[Path, ...] = ()) -> str:
    """A table's code version: the SQL that makes it, its suite and its suite's frame (and any Python
    that computes it). An edited file shows the asset as changed in Dagster's UI."""
    schema, name = table.split(".")
    suite = f"{schema}_{name}"
    files = [SQL_DIR / f"{f}.sql" for f in (*sql, f"frames/{suite}")] + [
        DEFAULTS["expectations"] / f"{suite}.json"
    ]
    return files_digest([*files, *code])


def _staging_spec(supplier: Supplier) -> dg.AssetSpec:
    return dg.AssetSpec(
        supplier.staging_table.split("."),
        deps=[REFERENTIE],
        group_name="staging",
        kinds={"duckdb"},
        description=declared_comment(supplier.staging_table),
        code_version=_code_version(
            supplier.staging_table,
            declaring_file(supplier.staging_table).relative_to(SQL_DIR).with_suffix("").as_posix(),
            supplier.versions_sql,
        ),
    )


STAGING = {bron: _staging_spec(supplier) for bron, supplier in SUPPLIERS.items()}
"""Each supplier's staging asset (``staging.<table>``), from its declaration."""
SUITES = {bron: supplier.suite for bron, supplier in SUPPLIERS.items()}
"""The suite every delivery of a supplier must pass before it becomes current, named after its
table like every suite (``staging_uwv_kwartaal``)."""


def _mart_key(name: str) -> dg.AssetKey:
    return dg.AssetKey(["marts", name])


STAGING_TABLES = {".".join(spec.key.path): spec.key for spec in STAGING.values()} | {
    "staging.microdata_aggregaat": MICRODATA,
    "staging.microdata_duurzaamheid": MICRODATA,
}
"""Which asset writes each staging table a mart may read."""


def _asset_of(mart: str, table: str) -> dg.AssetKey:
    schema, name = table.split(".")
    if schema == "referentie":
        return REFERENTIE
    if schema == "marts":
        return _mart_key(name)
    if table in STAGING_TABLES:
        return STAGING_TABLES[table]
    raise ValueError(f"warehouse/marts/{mart}.sql reads {table}, which no asset writes")


MART_DEPS = {
    name: sorted({_asset_of(name, table) for table in marts.reads(name)}, key=lambda k: k.to_user_string())
    for name in marts.MARTS + marts.ANALYSES
}
"""Each mart's upstream assets: the tables its SQL reads (``marts.reads``), never kept by hand."""


def _specs(names: list[str], group: str) -> dict[str, dg.AssetSpec]:
    return {
        name: dg.AssetSpec(
            _mart_key(name),
            deps=MART_DEPS[name],
            group_name=group,
            kinds={"duckdb"},
            description=declared_comment(f"marts.{name}"),
            code_version=_code_version(
                f"marts.{name}",
                *marts.sql_files(name),
                code=(Path(projections.__file__),) if name in marts.PYTHON_BUILT else (),
            ),
        )
        for name in names
    }


MARTS = _specs(marts.MARTS, "marts")
ANALYSES = _specs(marts.ANALYSES, "analyses")


@dg.asset(key=REFERENTIE, group_name="referentie", pool=POOL, kinds={"duckdb"}, backfill_policy=ONE_RUN)
def referentie_tabellen(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
) -> dg.MaterializeResult:
    """Published reference facts (targets, regions, jaarmetingen, provenance) as tables in ``referentie``."""
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        counts = load_reference(con, folders.reference_dir)
    return dg.MaterializeResult(metadata={f"rows {table}": count for table, count in counts.items()})


ACCEPTED = "levering_geaccepteerd"
"""The check that turns a supplier's staging asset red while one of its deliveries stays rejected."""


def _rejections_check(con: duckdb.DuckDBPyConnection, bron: str, run_id: str) -> dg.AssetCheckResult:
    """Failed (ERROR) while a delivery of ``bron`` is rejected and no later delivery of its quarter
    was accepted; its metadata names each file, its place (line, cell) and the rule."""
    open_rows = con.execute(sql_text("queries/open_afwijzingen"), {"bron": bron, "run_id": run_id}).fetchall()
    rows = [
        {"bestand": bestand, "kwartaal": periode, **_place_and_rule(bestand, reden)}
        for bestand, periode, reden in open_rows
    ]
    return dg.AssetCheckResult(
        asset_key=STAGING[bron].key,
        check_name=ACCEPTED,
        passed=not rows,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "afgewezen": len(rows),
            "bestanden": ", ".join(r["bestand"] for r in rows)[:4000] or "none",
            "redenen": dg.MetadataValue.md(
                "\n".join(f"- **{r['bestand']}** ({r['plaats'] or 'whole file'}): {r['regel']}" for r in rows)
                or "none"
            ),
        },
    )


ON_TIME = "levering_op_tijd"
"""The check that warns while a UWV quarter that should have been published has no delivery."""


def _overdue_check(con: duckdb.DuckDBPyConnection, today: dt.date) -> dg.AssetCheckResult:
    """WARN while a UWV quarter whose publication was due on or before ``today`` (about 3.5 months
    after it ended, ``quarters.publication_due``) has no loaded delivery; names each quarter and the
    date it was due."""
    delivered = {
        row[0] for row in con.execute(sql_text("queries/geleverde_perioden"), {"bron": "uwv"}).fetchall()
    }
    due = quarter_range(FIRST_QUARTER, latest_published_quarter(today))
    missing = [q for q in due if str(q) not in delivered]
    lines = [f"{q}: due {publication_due(q):%d-%m-%Y}" for q in missing]
    return dg.AssetCheckResult(
        asset_key=STAGING["uwv"].key,
        check_name=ON_TIME,
        passed=not missing,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "ontbrekend": len(missing),
            "kwartalen": ", ".join(str(q) for q in missing)[:4000] or "none",
            "verwacht": dg.MetadataValue.md("\n".join(f"- {line}" for line in lines) or "none"),
            "peildatum": today.isoformat(),
        },
        description=(
            f"No UWV delivery for {len(missing)} quarter(s) that were due by {today:%d-%m-%Y}: "
            + "; ".join(lines[:8])
            + (" …" if len(lines) > 8 else "")
            if missing
            else None
        ),
    )


def _place_and_rule(bestand: str, reden: str | None) -> dict[str, str | None]:
    """A reader's rejection reads ``<file> <place>: <rule>`` (``<file>: <rule>`` for the whole file);
    a failed validation names the offending rows in its rule."""
    reden = reden or ""
    if reden.startswith(bestand + " "):
        place, _, rule = reden[len(bestand) + 1 :].partition(": ")
        return {"plaats": place, "regel": rule}
    return {"plaats": None, "regel": reden.removeprefix(bestand + ": ")}


def files_for_run(landed: list[LandedFile], quarters: set[str], bronnen: set[str]) -> list[LandedFile]:
    """The files a run of ``quarters`` for the suppliers ``bronnen`` loads: theirs in those quarters,
    and every file no format knows (it has no quarter; it is recorded as rejected, once)."""
    return [f for f in landed if f.partition is None or (f.bron in bronnen and f.partition in quarters)]


@dg.multi_asset(
    specs=list(STAGING.values()),
    check_specs=[
        dg.AssetCheckSpec(
            ACCEPTED,
            asset=spec.key,
            description="Red while a delivery of this supplier is rejected and no later delivery of its "
            "quarter was accepted; the metadata names the file, the line or cell, and the rule.",
        )
        for spec in STAGING.values()
    ]
    + [
        dg.AssetCheckSpec(
            ON_TIME,
            asset=STAGING["uwv"].key,
            description="Warns while a UWV quarter whose publication was due by the run's date (about "
            "3.5 months after the quarter ended) has no delivery; names each quarter and its due date.",
        )
    ],
    partitions_def=quarterly,
    backfill_policy=ONE_RUN,
    can_subset=True,
    pool=POOL,
    name="leveringen",
)
def leveringen(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """Every supplier's files whose quarter is in this run, one transaction per delivery, validated
    before they become current. Files with a name no format knows are recorded as rejected."""
    selected = {bron for bron, spec in STAGING.items() if spec.key in context.selected_asset_keys}
    files = files_for_run(scan_landing(folders.landing_dir), set(context.partition_keys), selected)
    validator = validator_for(folders.expectations_dir)

    def validate(con, deliveries):
        bronnen = sorted({d.bron for d in deliveries})
        requests = [
            Request(SUITES[bron], {"bestanden": [d.bestand for d in deliveries if d.bron == bron]}, "bestand")
            for bron in bronnen
        ]
        reports = {}
        for outcomes in validator.validate_all(con, requests):
            reports |= outcomes
        return reports

    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        outcomes = ingest(
            con, files, load_regions(folders.reference_dir), run_id=context.run.run_id, validate=validate
        )
        tables = {bron: table_metadata(con, ".".join(STAGING[bron].key.path)) for bron in selected}
        checks = {
            bron: [_rejections_check(con, bron, context.run.run_id)]
            for bron in selected
            if dg.AssetCheckKey(STAGING[bron].key, ACCEPTED) in context.selected_asset_check_keys
        }
        if (
            "uwv" in selected
            and dg.AssetCheckKey(STAGING["uwv"].key, ON_TIME) in context.selected_asset_check_keys
        ):
            checks.setdefault("uwv", []).append(_overdue_check(con, dt.date.today()))
        for bron in selected:  # each quarter's materialization carries that quarter's own metadata
            _partition_metadata(context, con, bron)
        record = context.instance.get_run_record_by_id(context.run.run_id)
        runs.record_start(
            con,
            context.run.run_id,
            context.run.tags,
            runs.utc(record.start_time if record else None),
            Counter(o.status for o in outcomes),
        )
    rejected = sum(o.status == "afgewezen" for o in outcomes)
    if rejected:  # the run says so where the engineer looks: its tags
        context.instance.add_run_tags(context.run.run_id, {"banen/afgewezen": str(rejected)})
    # One log line per supplier and one per rejection: every Dagster log line is a stored event.
    for outcome in outcomes:
        if outcome.reden:
            context.log.warning(f"{outcome.bestand}: {outcome.status} - {outcome.reden}")
    for bron in sorted(selected):
        mine = [o for o in outcomes if o.bron == bron]
        counts = {
            s: sum(o.status == s for o in mine) for s in ("geladen", "afgewezen", "dubbel", "al gezien")
        }
        context.log.info(f"{bron}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
        # the table's own facts here; each quarter's files, status and version come per partition
        yield dg.MaterializeResult(asset_key=STAGING[bron].key, metadata=tables[bron])
        yield from checks.get(bron, [])


def _partition_metadata(context: dg.AssetExecutionContext, con: duckdb.DuckDBPyConnection, bron: str) -> None:
    """Per quarter of the run: this run's files of that quarter and their status, the current file
    and the number of loaded versions (not the whole run's list)."""
    supplier = SUPPLIERS[bron]
    periods = {key: supplier.period_of(key) for key in context.partition_keys}
    rows = con.execute(
        sql_text("queries/per_periode"),
        {"bron": bron, "perioden": sorted({p for p in periods.values() if p}), "run_id": context.run.run_id},
    ).fetchall()
    held = {periode: (deze_run, actueel, versies) for periode, deze_run, actueel, versies in rows}
    for key, period in periods.items():
        deze_run, actueel, versies = held.get(period, ([], None, 0))
        context.add_asset_metadata(
            {
                "periode": period or f"none ({bron} delivers per year, in Q4)",
                "deze run": ", ".join(deze_run) or "no file of this quarter in this run",
                "actueel": actueel or "no delivery loaded",
                "versies": versies,
            },
            asset_key=STAGING[bron].key,
            partition_key=key,
        )


@dg.asset(
    key=MICRODATA,
    partitions_def=quarterly,
    backfill_policy=ONE_RUN,
    group_name="staging",
    pool=POOL,
    kinds={"duckdb", "parquet"},
)
def microdata_aggregaat(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
) -> dg.MaterializeResult:
    """A payroll extract found in ``<landing>/microdata/`` (Parquet partitioned by quarter), aggregated
    in DuckDB over the files into ``staging.microdata_aggregaat``. Optional: without an extract the
    step does nothing."""
    folder = folders.landing_dir / MICRODATA_FOLDER
    present = microdata.extract_quarters(folder) if folder.is_dir() else []
    quarters = [q for q in present if q in set(context.partition_keys) or q == microdata.BASELINE]
    if not quarters:
        return dg.MaterializeResult(metadata={"extract": "none in the landing folder"})
    validator = validator_for(folders.expectations_dir)
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        sample = validator.validate(
            con, "microdata_steekproef", {"bestanden": microdata.parquet_glob(folder)}
        )
        sample.save(con, context.run.run_id)
        if not sample.success:
            raise dg.Failure(description=sample.reden(), metadata={"suite": sample.suite})
        rows = microdata.aggregate(con, folder, quarters)
        table = table_metadata(con, "staging.microdata_aggregaat")
    return dg.MaterializeResult(
        metadata={"quarters": len(quarters), "rows read": rows, "sample": "passed", **table}
    )


def marts_step(step: str, specs: dict[str, dg.AssetSpec], description: str) -> dg.AssetsDefinition:
    @dg.multi_asset(
        specs=list(specs.values()),
        can_subset=True,
        pool=POOL,
        name=step,
        description=description,
        backfill_policy=ONE_RUN,
    )
    def _build(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
        selected = [name for name, spec in specs.items() if spec.key in context.selected_asset_keys]
        with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
            for name in marts.build_each(con, selected):
                yield dg.MaterializeResult(
                    asset_key=specs[name].key, metadata=table_metadata(con, f"marts.{name}")
                )

    return _build


build_marts = marts_step(
    "marts", MARTS, "Marts built from staging: national and regional figures, UWV's revisions, sectors, Rijk."
)
build_analyses = marts_step(
    "analyses",
    ANALYSES,
    "Marts built from the marts (after their blocking checks): markt/overheid, jaarmeting comparison, "
    "projections and backtest, reconciliation with published figures.",
)
MART_KEYS = [spec.key for spec in (MARTS | ANALYSES).values()]


def _publish_spec(key: list[str], kind: str, description: str) -> dg.AssetSpec:
    return dg.AssetSpec(key, deps=MART_KEYS, group_name="exports", kinds={kind}, description=description)


PUBLISH = {
    "parquet": _publish_spec(
        ["exports", "parquet"],
        "parquet",
        "Every mart as Parquet under the exports folder, swapped in atomically, with manifest.json.",
    ),
    "report": _publish_spec(
        ["exports", "report"],
        "html",
        "The HTML report with charts for people: report/index.html beside the warehouse.",
    ),
    "snapshot": _publish_spec(
        ["exports", "snapshot"],
        "duckdb",
        "A read copy of the warehouse (snapshot/banen.duckdb beside it), swapped in atomically: "
        "banen query reads it while a run holds the warehouse.",
    ),
    "data_docs": _publish_spec(
        ["checks", "data_docs"],
        "html",
        "Great Expectations data docs of every validation in this run: data_docs/index.html.",
    ),
}


@dg.multi_asset(
    specs=list(PUBLISH.values()), can_subset=True, pool=POOL, name="publish", backfill_policy=ONE_RUN
)
def publish(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """What leaves the warehouse: Parquet exports for BI tools, the HTML report, a read copy for
    analysts, the data docs."""
    selected = context.selected_asset_keys
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        # the worker draws the report's slowest charts while this process exports and draws the rest
        with report.drawing(con) if PUBLISH["report"].key in selected else nullcontext() as charts:
            if PUBLISH["parquet"].key in selected:
                manifest = exports.export_schema(con, "marts", folders.exports_dir, folders.expectations_dir)
                yield dg.MaterializeResult(
                    asset_key=PUBLISH["parquet"].key,
                    metadata={t["table"]: t["rows"] for t in manifest["tables"]} | {"path": folders.exports},
                )
            if charts is not None:
                index = report.write_report(con, charts(), folders.report_dir, warehouse.warehouse.path)
                yield dg.MaterializeResult(asset_key=PUBLISH["report"].key, metadata={"index": str(index)})
        # then it writes the data docs while this process writes the read copy
        docs = (
            validator_for(folders.expectations_dir).begin_data_docs(folders.data_docs_dir)
            if PUBLISH["data_docs"].key in selected
            else None
        )
        try:
            if PUBLISH["snapshot"].key in selected:
                path = warehouse.warehouse.write_snapshot(con)
                yield dg.MaterializeResult(asset_key=PUBLISH["snapshot"].key, metadata={"path": str(path)})
        finally:  # the worker answers one call at a time: take its answer even if this step failed
            docs_index = docs() if docs is not None else None
    if docs is not None:
        yield dg.MaterializeResult(
            asset_key=PUBLISH["data_docs"].key,
            metadata={"index": str(docs_index) if docs_index else "no validations"},
        )


ASSETS = [referentie_tabellen, leveringen, microdata_aggregaat, build_marts, build_analyses, publish]
