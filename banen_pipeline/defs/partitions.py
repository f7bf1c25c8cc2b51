"""Partitions that mean data, and freshness: each supplier's periods that a delivery brought or that
are due (the partitions of ``landing/<bron>``, what the supplier delivered), and when a new delivery
is expected.

Each supplier has dynamic partitions of its own periods: quarters (``2019Q3``), and years for the
yearly sector report (``2019``). The delivery step adds the periods due by the day of the run and
every period the warehouse holds (:func:`add_periods`), so the partitions grow with time, a delivery
that arrives before its due day gets its partition, and a period not yet due is not shown missing.
A partition is materialized only when the warehouse holds data of it
(``defs/staging.period_materializations``). The steps themselves are unpartitioned.

When a period is due: UWV's quarter about 3.5 months after it ends (``quarters.publication_due``);
the sector report on 30 November of the next year (``quarters.sector_report_due``); the Rijk
monitor and the payroll extract once the quarter has ended (the delivery agreement sets no day).
Each supplier's freshness policy (:data:`FRESHNESS`) says the same in Dagster's terms: the UI shows
what a supplier delivered as late when no delivery was loaded in the window before a due day.
"""

import datetime as dt

import dagster as dg

from ..quarters import (
    FIRST_QUARTER,
    PUBLICATION_DAY,
    PUBLICATION_LAG_MONTHS,
    Quarter,
    latest_published_quarter,
    quarter_range,
    sector_report_due,
)

FIRST_RIJK = Quarter(2019, 1)
"""The first quarter of the Rijk monitor (delivery agreement, section 3)."""

PARTITIONS = {
    "uwv": dg.DynamicPartitionsDefinition(name="uwv_kwartalen"),
    "rijk": dg.DynamicPartitionsDefinition(name="rijk_kwartalen"),
    "sectoren": dg.DynamicPartitionsDefinition(name="sectoren_jaren"),
    "microdata": dg.DynamicPartitionsDefinition(name="microdata_kwartalen"),
}
"""Each supplier's partitions (``microdata``: the quarters of the payroll extract)."""


QUARTER_WINDOW = dt.timedelta(days=90)
"""The window before a quarterly due day (Dagster allows no more than the shortest quarter)."""
_UWV_MONTHS = sorted((3 * q - 1 + PUBLICATION_LAG_MONTHS) % 12 + 1 for q in range(1, 5))
_SECTOR_DUE = sector_report_due(2000)
FRESHNESS = {
    # a trend report in the quarter before each due day (15 January, April, July, October)
    "uwv": dg.FreshnessPolicy.cron(
        deadline_cron=f"0 0 {PUBLICATION_DAY} {','.join(map(str, _UWV_MONTHS))} *",
        lower_bound_delta=QUARTER_WINDOW,
    ),
    # the monitor of a quarter within the quarter after it
    "rijk": dg.FreshnessPolicy.cron(deadline_cron="0 0 1 1,4,7,10 *", lower_bound_delta=QUARTER_WINDOW),
    # the report on the public sectors once a year, by 30 November
    "sectoren": dg.FreshnessPolicy.cron(
        deadline_cron=f"0 0 {_SECTOR_DUE.day} {_SECTOR_DUE.month} *", lower_bound_delta=dt.timedelta(days=365)
    ),
}
"""When each supplier should have delivered (the payroll extract comes when it
is asked for: no policy). Dagster evaluates them when the instance has ``freshness: enabled``
(``deploy/dagster.yaml``)."""


def due_periods(bron: str, today: dt.date) -> list[str]:
    """A supplier's periods due on or before ``today``."""
    ended = Quarter.containing(today).shift(-1)
    if bron == "uwv":
        return [str(q) for q in quarter_range(FIRST_QUARTER, latest_published_quarter(today))]
    if bron == "sectoren":
        return [str(y) for y in range(FIRST_QUARTER.year, today.year) if sector_report_due(y) <= today]
    return [str(q) for q in quarter_range(FIRST_RIJK if bron == "rijk" else FIRST_QUARTER, ended)]


def add_periods(instance: dg.DagsterInstance, bron: str, held: set[str], today: dt.date) -> None:
    """Give a supplier's partitions every period due by ``today`` and every period the warehouse
    holds, in order (the UI lists dynamic partitions in the order they were added)."""
    partitions = PARTITIONS[bron]
    known = set(instance.get_dynamic_partitions(partitions.name))
    new = sorted((set(due_periods(bron, today)) | held) - known, key=_order)
    if new:
        instance.add_dynamic_partitions(partitions.name, new)


def _order(period: str) -> tuple[int, int]:
    return (int(period[:4]), int(period[5:] or 4))
