"""The marts' checks, blocking: each runs the mart's Great Expectations suite
(``expectations/marts_<name>.json``) on its mart. A failed critical expectation fails the check with
severity ERROR, and Dagster then stops the run after this step; the run of what passed follows
(``held_back.py``): it builds and publishes everything that does not read the failed mart. Failed
warnings report with severity WARN and block nothing.

The checks of the marts are one step, those of the official measure another (the analyses read it),
and those of the analyses and projections a third (every step costs Dagster a fixed overhead); each
check is still its own check in the UI.
"""

import json

import dagster as dg

from .. import lineage, marts
from ..config import DEFAULTS
from ..validation import Request, load_suite_json, validator_for
from . import official, projections
from .check_results import to_check_result
from .marts import FROM_MARTS, FROM_STAGING
from .resources import POOL, FoldersResource, WarehouseResource
from .tables import code_version


def _described(suite: str) -> str:
    """A check's description in words: its suite's own (``meta.beschrijving``), then where it lives.
    Read as JSON: Great Expectations is never imported when the definitions load."""
    said = load_suite_json(DEFAULTS["expectations"], suite).get("meta", {}).get("beschrijving", "")
    return f"{said} A critical failure blocks what reads this mart (expectations/{suite}.json).".strip()


def _checks(step: str, specs: dict[str, dg.AssetSpec]) -> dg.AssetChecksDefinition:
    suites = {spec.key: f"marts_{name}" for name, spec in specs.items()}
    versions = {
        spec.key: {lineage.CODE_VERSION: code_version(lineage.check_key(name))}
        for name, spec in specs.items()
    }
    check_specs = [
        dg.AssetCheckSpec(f"gx_{suite}", asset=key, blocking=True, description=_described(suite))
        for key, suite in suites.items()
    ]

    @dg.multi_asset_check(specs=check_specs, can_subset=True, name=step, pool=POOL)
    def _run(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
        validator = validator_for(folders.expectations_dir)
        failed = False
        selected = {
            key: suite
            for key, suite in suites.items()
            if dg.AssetCheckKey(key, f"gx_{suite}") in context.selected_asset_check_keys
        }
        with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
            # all suites of the step in one call: they run side by side over the cores
            results = validator.validate_all(con, [Request(suite) for suite in selected.values()])
            for (key, suite), outcomes in zip(selected.items(), results, strict=True):
                outcome = outcomes[None]
                outcome.save(con, context.run.run_id)
                if outcome.critical_failed:
                    failed = True
                    context.log.error(json.dumps([e.describe() for e in outcome.critical_failed])[:4000])
                yield to_check_result(key, f"gx_{suite}", outcome, versions[key])
            held = marts.held_back(con) if failed else {}
        if failed:
            # The run stops downstream of here; write the data docs now so the failure is visible
            # (a run of what passed then publishes the rest: defs/held_back.py).
            validator.build_data_docs(folders.data_docs_dir, folders.taal, held.values())

    return _run


mart_checks = _checks("mart_checks", FROM_STAGING)
official_checks = _checks("official_checks", official.SPECS)  # before the analyses that read it
analysis_checks = _checks("analysis_checks", FROM_MARTS | projections.SPECS)
