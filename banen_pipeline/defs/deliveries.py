"""The delivery step: the run's files into raw and staging (``ingest.deliver``), then what Dagster
should show of it: the register and the staging tables (its outputs), the staging checks, what each
supplier delivered per period, the run's counts in ``meta.runs`` and its tags."""

import datetime as dt

import dagster as dg

from .. import lineage, runs
from ..db import declared_comment
from ..deliveries import COUNTED, SUPPLIERS, Status
from ..ingest import counts, deliver, load_regions
from ..quarters import parse_quarter, quarter_range
from ..validation import validator_for
from .resources import POOL, FoldersResource, WarehouseResource
from .staging import STAGING_SPECS, period_materializations, staging_results
from .staging_checks import STAGING_CHECKS, check_results, checks_alone
from .tables import LEVERINGEN, OWNERS, REFERENTIE, code_version, group_of, table_metadata


def run_quarters(tags: dict[str, str]) -> set[str] | None:
    """The quarters whose deliveries a run loads (its tags ``banen/kwartaal_van``/``_tot``); None:
    every quarter (a run started without them, such as the UI's *Materialize all*)."""
    found = runs.range_of(tags)
    if found is None:
        return None
    try:
        first, last = (parse_quarter(q) for q in found)
    except ValueError as exc:
        raise dg.Failure(
            description=f"The run's tags {runs.FIRST_TAG}/{runs.LAST_TAG} must be quarters like 2019Q3: {exc}"
        ) from exc
    return {str(q) for q in quarter_range(first, last)}


NIETS_NIEUW_TAG = "banen/niets_nieuw"
"""Set on a run the sensor or the schedule started that found nothing new: it built nothing."""
GEWIJZIGD_TAG = "banen/gewijzigd"
"""Set by the schedule on a run for changed code, suites or reference facts: it builds what they
feed even when no delivery is new."""


def nothing_new(context: dg.AssetExecutionContext, counted: dict, extract: list[str]) -> str | None:
    """Why a run the landing sensor or the schedule started stops after the delivery step, or None:
    it loaded no delivery (every file was rejected, seen before, or there was none), aggregated no
    quarter of a payroll extract, the reference facts have the data version of their previous
    materialization, and the schedule found no changed code or suite (the tag ``banen/gewijzigd``
    says which it found). A run someone starts (the UI's *Materialize all*, ``banen run --force``) builds
    what it was asked to."""
    tags = context.run.tags
    started_by_dagster = {"dagster/sensor_name", "dagster/schedule_name"} & set(tags)
    if not started_by_dagster or GEWIJZIGD_TAG in tags or counted[Status.GELADEN] or extract:
        return None
    found = context.instance.fetch_materializations(REFERENTIE, limit=2).records
    versions = [
        r.asset_materialization.tags.get(lineage.DATA_VERSION_TAG) for r in found if r.asset_materialization
    ]
    if len(versions) < 2 or versions[0] != versions[1]:  # changed, or no earlier materialization to tell
        return None
    return (
        "Nothing new: no delivery loaded ("
        + ", ".join(f"{counted[s]} {s}" for s in COUNTED)
        + "), no payroll "
        "extract aggregated, the reference facts unchanged; no mart is rebuilt and nothing is published"
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            LEVERINGEN,
            deps=[REFERENTIE],
            group_name=group_of(LEVERINGEN),
            owners=OWNERS,
            kinds={"duckdb"},
            description=declared_comment("meta.leveringen"),
            code_version=code_version(lineage.LEVERINGEN),
            skippable=True,  # a sensor's or the schedule's run with nothing new stops here
        ),
        *STAGING_SPECS,
    ],
    check_specs=list(STAGING_CHECKS),
    can_subset=True,
    pool=POOL,
    name="leveringen",
)
def leveringen(context: dg.AssetExecutionContext, warehouse: WarehouseResource, folders: FoldersResource):
    """Every supplier's files whose quarter is in this run, one transaction per delivery, validated
    before they become current; files with a name no format knows are recorded as rejected. Then a
    payroll extract, if one landed. Then every staging check, a materialization of each period a
    supplier delivered, and the register and the staging tables."""
    validator = validator_for(folders.expectations_dir)
    run_id = context.run.run_id
    if not context.selected_asset_keys:  # the UI executes the checks alone: nothing is loaded
        with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
            yield from checks_alone(con, validator, run_id, context.selected_asset_check_keys)
        return
    quarters = run_quarters(context.run.tags)
    with warehouse.warehouse.writer(on_wait=context.log.warning) as con:
        warehouse.warehouse.init_schema(con)
        regions = load_regions(folders.reference_dir)
        batch = deliver(con, folders.landing_dir, regions, quarters, validator, run_id)
        checks = check_results(con, batch.tables, run_id, dt.date.today())
        # banen run's own Dagster instance is thrown away at its end: nobody would see these events
        thrown_away = context.instance.is_ephemeral and context.run.tags.get(runs.CLI_TAG)
        periods = [] if thrown_away else period_materializations(context, con, batch.outcomes, batch.extract)
        register = table_metadata(con, "meta.leveringen")
        tables = staging_results(con, context.selected_asset_keys)
        record = context.instance.get_run_record_by_id(run_id)
        counted = counts(batch.outcomes)
        start = runs.utc(record.start_time if record else None)
        runs.record_start(con, run_id, context.run.tags, start, counted, launched=runs.launched(context.run))
    if counted[Status.AFGEWEZEN]:  # the run says so where the engineer looks: its tags
        context.instance.add_run_tags(run_id, {"banen/afgewezen": str(counted[Status.AFGEWEZEN])})
    # One log line per supplier and one per rejection: every Dagster log line is a stored event.
    for outcome in batch.outcomes:
        if outcome.reden:
            context.log.warning(f"{outcome.bestand}: {outcome.status} - {outcome.reden}")
    for bron in sorted(SUPPLIERS):
        mine = counts(o for o in batch.outcomes if o.bron == bron)
        context.log.info(f"{bron}: " + ", ".join(f"{mine[s]} {s}" for s in COUNTED))
    for event in periods:
        context.log_event(event)
    idle = nothing_new(context, counted, batch.extract)
    if idle:  # no materialization: Dagster skips every step after this one
        context.log.info(idle)
        context.instance.add_run_tags(run_id, {NIETS_NIEUW_TAG: "true"})
    elif LEVERINGEN in context.selected_asset_keys:
        yield dg.MaterializeResult(
            asset_key=LEVERINGEN,
            metadata={
                "kwartalen": runs.quarters(context.run.tags) or "all",
                **{str(s): counted[s] for s in COUNTED},
                "microdata": ", ".join(batch.extract) if batch.extract else "no extract in this run",
                **register,
            },
        )
    if not idle:
        yield from tables
    yield from (
        c for c in checks if dg.AssetCheckKey(c.asset_key, c.check_name) in context.selected_asset_check_keys
    )
    failures = [f"suite {suite} failed a critical expectation" for suite in batch.failed_suites]
    failures += [batch.extract_failure] if batch.extract_failure else []
    if failures:  # after the events above, so the checks that say why are stored
        validator.build_data_docs(folders.data_docs_dir, folders.taal)
        raise dg.Failure(
            description="; ".join(failures), metadata={"suites": ", ".join(batch.failed_suites) or "none"}
        )
