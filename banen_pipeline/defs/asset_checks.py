"""Asset checks. The marts' are blocking: each runs a Great Expectations suite on its mart. A failed
critical expectation fails the check with severity ERROR, and Dagster then skips everything
downstream of that mart in the run; failed warnings report with severity WARN and block nothing.

The checks of the marts are one step, and those of the analyses another (every step costs Dagster
a fixed overhead); each check is still its own check in the UI. The staging tables' checks are
evaluated by the delivery step itself (a critical failure fails that step); ``staging_checks``
declares them and runs them on their own from the UI."""

import datetime as dt
import json

import dagster as dg

from ..validation import Request, validator_for
from .assets import ANALYSES, MARTS, STAGING_CHECKS, evaluate_staging
from .check_results import to_check_result
from .resources import POOL, FoldersResource, WarehouseResource

__all__ = ["CHECKS", "RUN_CHECKS", "to_check_result"]


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
            validator.build_data_docs(folders.data_docs_dir, folders.taal)

    return _checks


@dg.multi_asset_check(specs=STAGING_CHECKS, can_subset=True, name="staging_checks", pool=POOL)
def staging_checks(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, folders: FoldersResource
):
    """The staging tables' checks on their own (from the UI). A run does not execute this step: its
    delivery step evaluates the same checks (``assets.evaluate_staging``)."""
    validator = validator_for(folders.expectations_dir)
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        results, _critical = evaluate_staging(con, validator, context.run.run_id, dt.date.today())
    for result in results:
        if dg.AssetCheckKey(result.asset_key, result.check_name) in context.selected_asset_check_keys:
            yield result


mart_checks = gx_checks("mart_checks", {spec.key: f"marts_{name}" for name, spec in MARTS.items()}, None)
analysis_checks = gx_checks(
    "analysis_checks", {spec.key: f"marts_{name}" for name, spec in ANALYSES.items()}, None
)
RUN_CHECKS = [mart_checks, analysis_checks]
"""The checks a run executes as steps."""
CHECKS = [staging_checks, *RUN_CHECKS]
