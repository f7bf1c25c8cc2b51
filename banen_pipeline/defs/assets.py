"""Assets in the order the data flows: reference -> deliveries into raw/staging -> marts -> exports.

Every step is unpartitioned: a run rebuilds the marts from everything the warehouse holds, and
"Materialize all" in the UI is one run. Quarters are data only where data arrives: the staging
tables are partitioned by quarter, and the delivery step marks a quarter of a supplier's staging
table materialized when it loaded a delivery of that quarter (``_period_materializations``). The
staging tables are external assets for that reason: no step "materializes" a range of quarters of
them, so a quarter without a delivery is never shown as materialized.

The marts are each one multi-asset (one step for all their tables): every step costs Dagster a
fixed overhead, and DuckDB has one writer anyway. Each table is still its own asset in the graph
and can be materialised on its own.
"""

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

import dagster as dg
import duckdb

from .. import exports, marts, microdata, report, runs
from ..config import DEFAULTS, SQL_DIR
from ..db import declared_comment, declaring_file, files_digest, quote_ident, sql_text, table_columns
from ..deliveries import MICRODATA_FOLDER, SUPPLIERS, LandedFile, scan_landing
from ..ingest import Outcome, ingest, load_regions
from ..quarters import FIRST_QUARTER, latest_published_quarter, parse_quarter, publication_due, quarter_range
from ..reference import load_reference
from ..validation import Request, Validator, validator_for
from .check_results import as_evaluation, to_check_result
from .partitions import quarterly
from .resources import POOL, FoldersResource, WarehouseResource

REFERENTIE = dg.AssetKey(["referentie", "tabellen"])
LEVERINGEN = dg.AssetKey(["meta", "leveringen"])
"""The delivery step's own asset: the register of every delivered file."""
MICRODATA = dg.AssetKey(["staging", "microdata_aggregaat"])


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


def _code_version(table: str, *sql: str, code: tuple[Path, ...] = ()) -> str:
    """A table's code version: the SQL that makes it, its suite and its suite's frame (and any Python
    that computes it). An edited file shows the asset as changed in Dagster's UI."""
    schema, name = table.split(".")
    suite = f"{schema}_{name}"
    files = [SQL_DIR / f"{f}.sql" for f in (*sql, f"frames/{suite}")] + [
        DEFAULTS["expectations"] / f"{suite}.json"
    ]
    return files_digest([*files, *code])


def _declaring(table: str) -> str:
    """The SQL file that creates ``table``, as ``<schema>/<file>`` under ``warehouse/``."""
    return declaring_file(table).relative_to(SQL_DIR).with_suffix("").as_posix()


def _staging_spec(table: str, *sql: str, code: tuple[Path, ...] = ()) -> dg.AssetSpec:
    """A staging table: partitioned by quarter, marked per quarter by the delivery step."""
    return dg.AssetSpec(
        table.split("."),
        deps=[LEVERINGEN],
        group_name="staging",
        kinds={"duckdb"},
        partitions_def=quarterly,
        description=declared_comment(table),
        code_version=_code_version(table, _declaring(table), *sql, code=code),
    )


STAGING = {
    bron: _staging_spec(supplier.staging_table, supplier.versions_sql) for bron, supplier in SUPPLIERS.items()
}
"""Each supplier's staging asset (``staging.<table>``), from its declaration."""
MICRODATA_SPEC = _staging_spec("staging.microdata_aggregaat", code=(Path(microdata.__file__),))
SUITES = {bron: supplier.suite for bron, supplier in SUPPLIERS.items()}
"""The suite every delivery of a supplier must pass before it becomes current, named after its
table like every suite (``staging_uwv_kwartaal``)."""
STAGING_SUITES = {STAGING[bron].key: suite for bron, suite in SUITES.items()} | {
    MICRODATA: "staging_microdata_aggregaat"
}
"""The suite each staging table must pass as a whole once the run's deliveries are in."""


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


def _step_deps(name: str) -> list[dg.AssetKey]:
    """The tables a mart reads, and the delivery step when it reads a staging table: the staging
    assets are marked by that step, so the step is what a mart must wait for."""
    reads_staging = set(MART_DEPS[name]) & set(STAGING_TABLES.values())
    return MART_DEPS[name] + ([LEVERINGEN] if reads_staging else [])


def _specs(names: list[str], group: str) -> dict[str, dg.AssetSpec]:
    return {
        name: dg.AssetSpec(
            _mart_key(name),
            deps=_step_deps(name),
            group_name=group,
            kinds={"duckdb"},
            description=declared_comment(f"marts.{name}"),
            code_version=_code_version(
                f"marts.{name}",
                *marts.sql_files(name),
                code=marts.code_files(name),
            ),
        )
        for name in names
    }


MARTS = _specs(marts.MARTS, "marts")
ANALYSES = _specs(marts.ANALYSES, "analyses")


@dg.asset(key=REFERENTIE, group_name="referentie", pool=POOL, kinds={"duckdb"})
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


STAGING_CHECKS = (
    [
        dg.AssetCheckSpec(
            ACCEPTED,
            asset=spec.key,
            additional_deps=[LEVERINGEN],
            description="Red while a delivery of this supplier is rejected and no later delivery of its "
            "quarter was accepted; the metadata names the file, the line or cell, and the rule.",
        )
        for spec in STAGING.values()
    ]
    + [
        dg.AssetCheckSpec(
            ON_TIME,
            asset=STAGING["uwv"].key,
            additional_deps=[LEVERINGEN],
            description="Warns while a UWV quarter whose publication was due by the run's date (about "
            "3.5 months after the quarter ended) has no delivery; names each quarter and its due date.",
        )
    ]
    + [
        dg.AssetCheckSpec(
            f"gx_{suite}",
            asset=key,
            additional_deps=[LEVERINGEN],
            description=f"expectations/{suite}.json on the whole table. A critical failure fails the "
            "delivery step, so nothing downstream is built.",
        )
        for key, suite in STAGING_SUITES.items()
    ]
)
"""The staging tables' checks. The delivery step evaluates them itself (``evaluate_staging``) in
every run, the UI's included; they can also be executed on their own from the UI."""


def evaluate_staging(
    con: duckdb.DuckDBPyConnection, validator: Validator, run_id: str, today: dt.date
) -> tuple[list[dg.AssetCheckResult], list[str]]:
    """Every staging check: the rejections per supplier, the overdue UWV quarters, and each staging
    suite on its whole table (saved in ``meta.validaties``). Also returns the suites that failed a
    critical expectation."""
    results = [_rejections_check(con, bron, run_id) for bron in STAGING] + [_overdue_check(con, today)]
    outcomes = validator.validate_all(
        con, [Request(suite, {"bestanden": None}) for suite in STAGING_SUITES.values()]
    )
    critical = []
    for (key, suite), per_split in zip(STAGING_SUITES.items(), outcomes, strict=True):
        outcome = per_split[None]
        outcome.save(con, run_id)
        results.append(to_check_result(key, f"gx_{suite}", outcome))
        if outcome.critical_failed:
            critical.append(suite)
    return results, critical


def run_quarters(tags: dict[str, str]) -> set[str] | None:
    """The quarters whose deliveries a run loads (its tags ``banen/kwartaal_van``/``_tot``); None:
    every quarter (a run started without them, such as the UI's *Materialize all*)."""
    found = runs.quarter_range(tags)
    if found is None:
        return None
    try:
        first, last = (parse_quarter(q) for q in found)
    except ValueError as exc:
        raise dg.Failure(
            description=f"The run's tags {runs.FIRST_TAG}/{runs.LAST_TAG} must be quarters like 2019Q3: {exc}"
        ) from exc
    return {str(q) for q in quarter_range(first, last)}


def files_for_run(landed: list[LandedFile], quarters: set[str] | None) -> list[LandedFile]:
    """The files a run of ``quarters`` (None: all) loads: those of its quarters, and every file no
    format knows (it has no quarter; it is recorded as rejected, once)."""
    return [f for f in landed if quarters is None or f.partition is None or f.partition in quarters]


def _aggregate_extract(
    con: duckdb.DuckDBPyConnection, folder: Path, quarters: set[str] | None, validator: Validator, run_id: str
) -> tuple[list[str], str | None]:
    """A payroll extract found in ``<landing>/microdata/`` (Parquet partitioned by quarter),
    aggregated in DuckDB over the files into ``staging.microdata_aggregaat`` once a sample of it
    passed its suite: the quarters of the run (and the baseline) whose files changed since they were
    last aggregated. Returns the quarters aggregated, and the sample's failure (None: passed, or
    nothing to aggregate)."""
    present = microdata.extract_quarters(folder) if folder.is_dir() else []
    wanted = [q for q in present if quarters is None or q in quarters or q == microdata.BASELINE]
    wanted = microdata.changed_quarters(con, folder, wanted) if wanted else []
    if not wanted:
        return [], None
    sample = validator.validate(
        con, "microdata_steekproef", {"bestanden": microdata.parquet_glob(folder)}, scope="steekproef"
    )
    sample.save(con, run_id)
    if not sample.success:
        return [], f"microdata_steekproef: {sample.reden()}"
    microdata.aggregate(con, folder, wanted, run_id)
    return [q for q in wanted if q != microdata.BASELINE], None


def _to_mark(
    context: dg.AssetExecutionContext,
    key: dg.AssetKey,
    held: set[str],
    loaded: set[str],
    partition_for: Callable[[str], str] = str,
) -> list[str]:
    """Of the periods the warehouse holds of a staging table, those to mark materialized: loaded in
    this run, or not shown yet by this Dagster instance (a new DAGSTER_HOME over a loaded warehouse);
    only those within the partitions."""
    keys = set(quarterly.get_partition_keys())
    shown = context.instance.get_materialized_partitions(key)
    return sorted(
        p for p in held if partition_for(p) in keys and (p in loaded or partition_for(p) not in shown)
    )


def _period_materializations(
    context: dg.AssetExecutionContext,
    con: duckdb.DuckDBPyConnection,
    outcomes: list[Outcome],
    aggregated: list[str],
) -> list[dg.AssetMaterialization]:
    """Per staging table, a materialization of each quarter to mark (:func:`_to_mark`), with that
    quarter's own metadata: this run's files of it and their status, the current file, the number of
    loaded versions."""
    events = []
    for bron, supplier in SUPPLIERS.items():
        key = STAGING[bron].key
        held = {p for (p,) in con.execute(sql_text("queries/geleverde_perioden"), {"bron": bron}).fetchall()}
        loaded = {o.periode for o in outcomes if o.bron == bron and o.status == "geladen"}
        periods = _to_mark(context, key, held, loaded, supplier.partition_for)
        if not periods:
            continue
        table = table_metadata(con, supplier.staging_table)
        rows = con.execute(
            sql_text("queries/per_periode"), {"bron": bron, "perioden": periods, "run_id": context.run.run_id}
        ).fetchall()
        for periode, deze_run, actueel, versies in rows:
            metadata = {
                "periode": periode,
                "deze run": ", ".join(deze_run) or "no file of this period in this run",
                "actueel": actueel,
                "versies": versies,
            }
            events.append(
                dg.AssetMaterialization(
                    asset_key=key, partition=supplier.partition_for(periode), metadata=metadata | table
                )
            )
    held = {q for (q,) in con.execute(sql_text("queries/microdata_kwartalen")).fetchall()}
    quarters = _to_mark(context, MICRODATA, held, set(aggregated))
    if quarters:
        table = table_metadata(con, "staging.microdata_aggregaat")
        for quarter in quarters:
            source = "aggregated from the extract in this run" if quarter in aggregated else "an earlier run"
            events.append(
                dg.AssetMaterialization(
                    asset_key=MICRODATA,
                    partition=quarter,
                    metadata={"kwartaal": quarter, "uit": source} | table,
                )
            )
    return events


def _leveringen_code_version() -> str:
    """The delivery step's code version: its register's SQL and every staging table's version."""
    parts = [files_digest([declaring_file("meta.leveringen")])]
    parts += [spec.code_version or "" for spec in (*STAGING.values(), MICRODATA_SPEC)]
    return hashlib.sha256("".join(parts).encode()).hexdigest()[:16]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            LEVERINGEN,
            deps=[REFERENTIE],
            group_name="staging",
            kinds={"duckdb"},
            description=declared_comment("meta.leveringen"),
            code_version=_leveringen_code_version(),
        )
    ],
    pool=POOL,
    name="leveringen",
)
def leveringen(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """Every supplier's files whose quarter is in this run, one transaction per delivery, validated
    before they become current; files with a name no format knows are recorded as rejected. Then a
    payroll extract, if one landed. Then every staging check, and a materialization of each staging
    table's quarters that got a delivery."""
    quarters = run_quarters(context.run.tags)
    files = files_for_run(scan_landing(folders.landing_dir), quarters)
    validator = validator_for(folders.expectations_dir)

    def validate(con, deliveries):
        bronnen = sorted({d.bron for d in deliveries})
        requests = [
            Request(
                SUITES[bron],
                {"bestanden": [d.bestand for d in deliveries if d.bron == bron]},
                "bestand",
                "proef",
            )
            for bron in bronnen
        ]
        reports = {}
        for outcomes in validator.validate_all(con, requests):
            reports |= outcomes
        return reports

    run_id = context.run.run_id
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        outcomes = ingest(con, files, load_regions(folders.reference_dir), run_id=run_id, validate=validate)
        aggregated, extract_failure = _aggregate_extract(
            con, folders.landing_dir / MICRODATA_FOLDER, quarters, validator, run_id
        )
        checks, critical = evaluate_staging(con, validator, run_id, dt.date.today())
        periods = _period_materializations(context, con, outcomes, aggregated)
        register = table_metadata(con, "meta.leveringen")
        record = context.instance.get_run_record_by_id(run_id)
        counts = Counter(o.status for o in outcomes)
        runs.record_start(
            con,
            run_id,
            context.run.tags,
            runs.utc(record.start_time if record else None),
            counts,
            launched=runs.launched(context.run),
        )
    if counts["afgewezen"]:  # the run says so where the engineer looks: its tags
        context.instance.add_run_tags(run_id, {"banen/afgewezen": str(counts["afgewezen"])})
    # One log line per supplier and one per rejection: every Dagster log line is a stored event.
    for outcome in outcomes:
        if outcome.reden:
            context.log.warning(f"{outcome.bestand}: {outcome.status} - {outcome.reden}")
    counted = ("geladen", "afgewezen", "dubbel", "al gezien")
    for bron in sorted(SUPPLIERS):
        mine = Counter(o.status for o in outcomes if o.bron == bron)
        context.log.info(f"{bron}: " + ", ".join(f"{mine[s]} {s}" for s in counted))
    for event in periods:
        context.log_event(event)
    for result in checks:
        context.log_event(as_evaluation(result))
    yield dg.MaterializeResult(
        asset_key=LEVERINGEN,
        metadata={
            "kwartalen": runs.quarters(context.run.tags) or "all",
            **{s: counts[s] for s in counted},
            "microdata": ", ".join(aggregated) if aggregated else "no extract in this run",
            **register,
        },
    )
    failures = [f"suite {suite} failed a critical expectation" for suite in critical]
    failures += [extract_failure] if extract_failure else []
    if failures:  # after the events above, so the checks that say why are stored
        validator.build_data_docs(folders.data_docs_dir, folders.taal)
        raise dg.Failure(description="; ".join(failures), metadata={"suites": ", ".join(critical) or "none"})


def marts_step(step: str, specs: dict[str, dg.AssetSpec], description: str) -> dg.AssetsDefinition:
    @dg.multi_asset(
        specs=list(specs.values()),
        can_subset=True,
        pool=POOL,
        name=step,
        description=description,
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


@dg.multi_asset(specs=list(PUBLISH.values()), can_subset=True, pool=POOL, name="publish")
def publish(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """What leaves the warehouse: Parquet exports for BI tools, the HTML report, a read copy for
    analysts, the data docs."""
    selected = context.selected_asset_keys
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        # the worker draws the report's slowest charts while this process exports and draws the rest
        drawing = report.drawing(con, report.Language(folders.taal))
        with drawing if PUBLISH["report"].key in selected else nullcontext() as finish:
            if PUBLISH["parquet"].key in selected:
                manifest = exports.export_schema(con, "marts", folders.exports_dir, folders.expectations_dir)
                yield dg.MaterializeResult(
                    asset_key=PUBLISH["parquet"].key,
                    metadata={t["table"]: t["rows"] for t in manifest["tables"]} | {"path": folders.exports},
                )
            if finish is not None:
                index = report.write_report(finish(), folders.report_dir, warehouse.warehouse.path)
                yield dg.MaterializeResult(asset_key=PUBLISH["report"].key, metadata={"index": str(index)})
        # then it writes the data docs while this process writes the read copy
        docs = (
            validator_for(folders.expectations_dir).begin_data_docs(folders.data_docs_dir, folders.taal)
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


ASSETS = [
    referentie_tabellen,
    leveringen,
    *STAGING.values(),
    MICRODATA_SPEC,
    build_marts,
    build_analyses,
    publish,
]
