"""Blocking asset checks: each runs a Great Expectations suite on its asset's table. A failed
critical expectation fails the check with severity ERROR, and Dagster then skips everything
downstream of that asset in the run; failed warnings report with severity WARN and block nothing.

The checks of the staging tables are one step, and those of the marts another (every step costs
Dagster a fixed overhead); each check is still its own check in the UI."""

import json

import dagster as dg

from ..validation import Request, SuiteOutcome, validator_for
from .assets import ANALYSES, MARTS, MICRODATA, STAGING, SUITES
from .resources import POOL, FoldersResource, WarehouseResource


def to_check_result(key: dg.AssetKey, name: str, outcome: SuiteOutcome) -> dg.AssetCheckResult:
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
        asset_key=key,
        check_name=name,
        passed=not outcome.failed,
        severity=dg.AssetCheckSeverity.ERROR if outcome.critical_failed else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
        description="; ".join(e.describe() for e in outcome.failed)[:2000] or None,
    )


def gx_checks(name: str, suites: dict[dg.AssetKey, str], params: dict | None) -> dg.AssetChecksDefinition:
    specs = [
        dg.AssetCheckSpec(f"gx_{suite}", asset=key, blocking=True, description=f"expectations/{suite}.json")
        for key, suite in suites.items()
    ]

    @dg.multi_asset_check(specs=specs, can_subset=True, name=name, pool=POOL)
    def _checks(
        context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
    ):
        validator = validator_for(folders.expectations_dir)
        failed = False
        selected = {
            key: suite
            for key, suite in suites.items()
            if dg.AssetCheckKey(key, f"gx_{suite}") in context.selected_asset_check_keys
        }
        with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
            # all suites of the step in one call: they run side by side over the cores
            results = validator.validate_all(con, [Request(suite, params) for suite in selected.values()])
            for (key, suite), outcomes in zip(selected.items(), results, strict=True):
                outcome = outcomes[None]
                outcome.save(con, context.run.run_id)
                if outcome.critical_failed:
                    failed = True
                    context.log.error(json.dumps([e.describe() for e in outcome.critical_failed])[:4000])
                yield to_check_result(key, f"gx_{suite}", outcome)
        if failed:
            # The run stops downstream of here; write the data docs now so the failure is visible.
            validator.build_data_docs(folders.data_docs_dir)

    return _checks


staging_checks = gx_checks(
    "staging_checks",
    {STAGING[bron].key: suite for bron, suite in SUITES.items()} | {MICRODATA: "staging_microdata_aggregaat"},
    {"bestanden": None},
)
mart_checks = gx_checks("mart_checks", {spec.key: f"marts_{name}" for name, spec in MARTS.items()}, None)
analysis_checks = gx_checks(
    "analysis_checks", {spec.key: f"marts_{name}" for name, spec in ANALYSES.items()}, None
)
CHECKS = [staging_checks, mart_checks, analysis_checks]
