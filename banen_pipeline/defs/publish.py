"""What leaves the warehouse: Parquet exports for BI tools, the HTML report, a read copy for
analysts, the data docs. One step: each part is its own asset."""

from contextlib import nullcontext

import dagster as dg

from .. import exports, lineage, marts, report
from ..db import table_exists
from ..validation import Request, validator_for
from .resources import POOL, FoldersResource, WarehouseResource
from .tables import OWNERS, code_version, group_of, mart_key


def _spec(key: str, kind: str, description: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        dg.AssetKey.from_user_string(key),
        deps=[mart_key(name) for name in marts.names()],
        group_name=group_of(key),
        owners=OWNERS,
        kinds={kind},
        description=description,
        code_version=code_version(key),
        skippable=True,  # the report, when a mart it reads was held back before its first build
    )


PARQUET, REPORT, SNAPSHOT, DATA_DOCS = (dg.AssetKey.from_user_string(k) for k in lineage.PUBLISHED)
SPECS = {
    PARQUET: _spec(
        lineage.PARQUET,
        "parquet",
        "Every mart as Parquet under the exports folder, swapped in atomically, with manifest.json.",
    ),
    REPORT: _spec(
        lineage.REPORT,
        "html",
        "The HTML report with charts for people: report/index.html beside the warehouse.",
    ),
    SNAPSHOT: _spec(
        lineage.SNAPSHOT,
        "duckdb",
        "A read copy of the warehouse (snapshot/banen.duckdb beside it), swapped in atomically: "
        "banen query reads it while a run holds the warehouse.",
    ),
    DATA_DOCS: _spec(
        lineage.DATA_DOCS,
        "html",
        "Great Expectations data docs of every validation in this run, and of the marts it did not "
        "rebuild as they stand: data_docs/index.html.",
    ),
}
"""By key (a dict: Dagster loads the step, not these specs on their own)."""


@dg.multi_asset(specs=list(SPECS.values()), can_subset=True, pool=POOL, name="publish")
def publish(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """What leaves the warehouse: Parquet exports for BI tools, the HTML report, a read copy for
    analysts, the data docs."""
    selected = context.selected_asset_keys
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        # what failed checks hold back: not exported again, named in the report and the data docs
        held = marts.held_back(con)
        named = {"held back": dg.MetadataValue.json(sorted(held))} if held else {}
        if held:
            context.log.warning(f"held back by failed checks: {', '.join(f'marts.{m}' for m in held)}")
        # the worker draws the report's slowest charts while this process exports and draws the rest
        drawing = report.drawing(con, report.Language(folders.taal))
        if REPORT in selected and (never := [m for m in held if not table_exists(con, "marts", m)]):
            context.log.warning(  # the report reads every mart: it waits for the first good build
                f"report not written: {', '.join(f'marts.{m}' for m in never)} held back before a first build"
            )
            selected = selected - {REPORT}
        with drawing if REPORT in selected else nullcontext() as finish:
            if PARQUET in selected:
                manifest = exports.export_schema(
                    con, "marts", folders.exports_dir, folders.expectations_dir, _reasons(held)
                )
                yield dg.MaterializeResult(
                    asset_key=PARQUET,
                    metadata={table["table"]: table["rows"] for table in manifest["tables"]}
                    | {"path": dg.MetadataValue.path(folders.exports)}
                    | named,
                )
            if finish is not None:
                index = report.write_report(finish(), folders.report_dir, warehouse.warehouse.path)
                yield dg.MaterializeResult(
                    asset_key=REPORT, metadata={"index": dg.MetadataValue.path(str(index))} | named
                )
        # then it writes the data docs while this process writes the read copy
        validator = validator_for(folders.expectations_dir)
        unbuilt = _not_rebuilt(context.job_def.asset_layer.selected_asset_keys)
        if DATA_DOCS in selected and (unbuilt := [m for m in unbuilt if table_exists(con, "marts", m)]):
            validator.validate_all(con, [Request(f"marts_{name}") for name in unbuilt])
        docs = (
            validator.begin_data_docs(folders.data_docs_dir, folders.taal, held.values())
            if DATA_DOCS in selected
            else None
        )
        try:
            if SNAPSHOT in selected:
                path = warehouse.warehouse.write_snapshot(con)
                yield dg.MaterializeResult(
                    asset_key=SNAPSHOT, metadata={"path": dg.MetadataValue.path(str(path))}
                )
        finally:  # the data docs are taken even when this step failed
            docs_index = docs() if docs is not None else None
    if docs is not None:
        yield dg.MaterializeResult(
            asset_key=DATA_DOCS,
            metadata={"index": dg.MetadataValue.path(str(docs_index)) if docs_index else "no validations"}
            | named,
        )


def _reasons(held: dict[str, marts.HeldBack]) -> dict[str, str]:
    """Why each table is held back, in the words of the export's manifest."""
    return {
        name: f"reads marts.{h.via}, which failed its check"
        if h.via
        else f"failed its check: {'; '.join(h.broke)}"
        for name, h in held.items()
    }


def _not_rebuilt(run_selection: set[dg.AssetKey]) -> list[str]:
    """The marts a run of a subset of the assets does not rebuild (a sensor's run for one supplier,
    ``banen run`` after an edit, the run of what passed): their suites are validated for the data
    docs as the tables stand, so the docs show every table that exists. ``run_selection``: the
    run's job's selected assets, which every way of starting a run sets (``dg.materialize`` leaves
    the run's own ``asset_selection`` empty)."""
    return [name for name in marts.names() if mart_key(name) not in run_selection]
