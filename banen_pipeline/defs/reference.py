"""The reference facts: published targets, regions, jaarmetingen and provenance, as tables."""

import dagster as dg

from .. import lineage
from ..reference import load_reference
from .resources import POOL, FoldersResource, WarehouseResource
from .tables import REFERENTIE, code_version


@dg.asset(
    key=REFERENTIE,
    group_name="referentie",
    pool=POOL,
    kinds={"duckdb"},
    code_version=code_version(lineage.REFERENTIE),
)
def referentie_tabellen(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
) -> dg.MaterializeResult:
    """Published reference facts (targets, regions, jaarmetingen, provenance) as tables in ``referentie``."""
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        counts = load_reference(con, folders.reference_dir)
    return dg.MaterializeResult(metadata={f"rows {table}": count for table, count in counts.items()})
