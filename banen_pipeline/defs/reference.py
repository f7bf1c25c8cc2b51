"""The reference facts: published targets, regions, jaarmetingen and provenance, as tables."""

import dagster as dg

from .. import lineage
from ..lineage import reference_digest
from ..reference import load_reference
from .resources import POOL, FoldersResource, WarehouseResource
from .tables import OWNERS, REFERENTIE, code_version, group_of


@dg.asset(
    key=REFERENTIE,
    group_name=group_of(REFERENTIE),
    owners=OWNERS,
    pool=POOL,
    kinds={"duckdb"},
    code_version=code_version(lineage.REFERENTIE),
)
def referentie_tabellen(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
) -> dg.MaterializeResult:
    """Published reference facts (targets, regions, jaarmetingen, provenance) as tables in ``referentie``.
    Its data version is the files' content, so a run can tell whether they changed since the last."""
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        counts = load_reference(con, folders.reference_dir)
    return dg.MaterializeResult(
        metadata={f"rows {table}": count for table, count in counts.items()},
        data_version=dg.DataVersion(reference_digest(folders.reference_dir)),
    )
