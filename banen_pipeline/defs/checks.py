"""Blocking asset checks: each runs a Great Expectations suite on its asset's table. A failed
critical expectation fails the check with severity ERROR, and Dagster then skips everything
downstream in that run; failed warnings report with severity WARN and block nothing."""

import json
from pathlib import Path

import dagster as dg

from ..checks import SuiteOutcome, validator_for
from .resources import FoldersResource, WarehouseResource


def to_check_result(outcome: SuiteOutcome) -> dg.AssetCheckResult:
    metadata: dict = {
        "suite": outcome.suite,
        "evaluated": outcome.evaluated,
        "failed": len(outcome.failed),
        "failed critical": len(outcome.critical_failed),
    }
    for e in outcome.failed:
        label = f"{e.severity}: {e.type}({', '.join(e.columns)})"
        metadata[label] = dg.MetadataValue.json(
            {"beschrijving": e.beschrijving, "unexpected_count": e.unexpected_count, "samples": e.samples}
        )
    return dg.AssetCheckResult(
        passed=not outcome.failed,
        severity=dg.AssetCheckSeverity.ERROR if outcome.critical_failed else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
        description="; ".join(e.describe() for e in outcome.failed)[:2000] or None,
    )


def gx_check(asset: dg.AssetKey, suite: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=asset, name=f"gx_{suite}", blocking=True, description=f"expectations/{suite}.json")
    def _check(context, warehouse: WarehouseResource, folders: FoldersResource) -> dg.AssetCheckResult:
        validator = validator_for(Path(folders.expectations))
        with warehouse.warehouse.writer() as con:
            outcome = validator.validate(
                con, suite, {"bestanden": None} if suite.startswith("staging_") else None
            )
            outcome.save(con, context.run.run_id)
        if outcome.critical_failed:
            # The run stops downstream here; write the data docs now so the failure is visible.
            validator.build_data_docs(folders.data_docs)
            context.log.error(json.dumps([e.describe() for e in outcome.critical_failed])[:4000])
        return to_check_result(outcome)

    return _check
