"""The landing sensor: one run for everything new in the landing folder, over the quarters of
those files, of the assets that read those files' suppliers (``lineage.for_suppliers``, as
``banen run`` picks them).

The warehouse, not the sensor's cursor, remembers what arrived: a file whose sha256 is in
``meta.leveringen`` (loaded, rejected or a double) is not new, so turning the sensor on over a folder
that was loaded already starts no run, whatever the cursor. Files that land together (before one
tick) start one run for the range of their quarters (the tags ``banen/kwartaal_van`` and ``_tot``);
its run key is a digest of their hashes, so the same bytes never start a second run while the first
is queued. The cursor holds only that key.

Its interval is a setting (``BANEN_SENSOR_INTERVAL``, 60 seconds), so ``definitions.py`` builds it
with the resources, from the settings.
"""

import hashlib

import dagster as dg
import duckdb

from .. import lineage, runs
from ..db import WarehouseBusy, WarehouseDamaged
from ..deliveries import LandedFile, scan_landing
from .jobs import banen_job
from .resources import FoldersResource, WarehouseResource


def _seen(warehouse: WarehouseResource) -> set[str] | None:
    """The sha256 of every delivery the warehouse recorded; None when it cannot say now (a run is
    writing to it, or the file is damaged). It reads under the writer lock (``brief_reader``), so
    a step never finds the file held by the sensor."""
    store = warehouse.warehouse
    if not store.ducklake and not store.path.exists():
        return set()
    try:
        with store.brief_reader() as con:
            return {sha for (sha,) in con.execute("SELECT sha256 FROM meta.leveringen").fetchall()}
    except (WarehouseBusy, WarehouseDamaged, duckdb.CatalogException):
        return None


def new_files(folders: FoldersResource, warehouse: WarehouseResource) -> list[LandedFile] | None:
    """The files in the landing folder the warehouse has not seen; None when it cannot say now."""
    seen = _seen(warehouse)
    if seen is None:
        return None
    return [landed for landed in scan_landing(folders.landing_dir) if landed.sha256 not in seen]


def landing_sensor_every(seconds: int) -> dg.SensorDefinition:
    """The landing sensor, ticking every ``seconds``."""

    @dg.sensor(
        name="landing_sensor",
        job=banen_job,
        minimum_interval_seconds=seconds,
        default_status=dg.DefaultSensorStatus.STOPPED,
        description="Starts one run for the files in the landing folder that the warehouse has not seen "
        "(by sha256 in meta.leveringen), over the range of their quarters. A folder that was loaded "
        "already starts nothing.",
    )
    def landing_sensor(
        context: dg.SensorEvaluationContext, folders: FoldersResource, warehouse: WarehouseResource
    ) -> dg.SensorResult | dg.SkipReason:
        return _tick(context, folders, warehouse)

    return landing_sensor


def _tick(
    context: dg.SensorEvaluationContext, folders: FoldersResource, warehouse: WarehouseResource
) -> dg.SensorResult | dg.SkipReason:
    new = new_files(folders, warehouse)
    if new is None:
        return dg.SkipReason(
            "The warehouse cannot be read now (a run is writing to it, or it is damaged); the next tick "
            "looks again."
        )
    quarters = sorted({landed.partition for landed in new if landed.partition})
    unplaced = [landed.bestand for landed in new if not landed.partition]
    if unplaced:
        context.log.warning(
            f"No quarter for {', '.join(unplaced)}: not a known delivery name. "
            "The next run records unknown names as afgewezen."
        )
    if not quarters:
        return dg.SkipReason("Nothing new in the landing folder.")
    run_key = hashlib.sha256("\n".join(sorted({f.sha256 for f in new})).encode()).hexdigest()
    if run_key == context.cursor:
        return dg.SkipReason("The new files were requested already; their run has not loaded them yet.")
    request = dg.RunRequest(
        run_key=run_key,
        asset_selection=sorted(
            lineage.for_suppliers(context.repository_def.asset_graph, {f.bron for f in new})
        ),
        tags=runs.range_tags(quarters[0], quarters[-1])
        | {"banen/nieuwe_bestanden": str(len(new)), "banen/bestanden": _names(f.bestand for f in new)},
    )
    return dg.SensorResult(run_requests=[request], cursor=run_key)


def _names(names, limit: int = 250) -> str:
    """The new files' names for a run tag, cut at ``limit`` characters with how many more there are."""
    names = sorted(names)
    shown = ", ".join(names)
    if len(shown) <= limit:
        return shown
    kept = []
    for name in names:
        if len(", ".join([*kept, name])) > limit - 12:
            break
        kept.append(name)
    return f"{', '.join(kept)} (+{len(names) - len(kept)} more)"
