"""A suite's outcome as a Dagster check result."""

import dagster as dg

from ..validation import SuiteOutcome


def to_check_result(
    key: dg.AssetKey, name: str, outcome: SuiteOutcome, version: dict[str, str] | None = None
) -> dg.AssetCheckResult:
    """``version``: the check's own code version as a metadata entry (``lineage.CODE_VERSION``)."""
    metadata: dict = {
        **(version or {}),
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
