"""Quarterly partitions: Dagster has none, so the keys are the quarters themselves (``2019Q3``).

They partition the staging tables (a yearly report: its fourth quarter), from the first quarter in
the regional trend reports (2015Q4) to the quarter we are in, computed when the code location loads.
A quarter of a staging table is materialized only when a delivery of it was loaded; the others stay
unmaterialized (``defs/staging.period_materializations``). The steps themselves are unpartitioned.
"""

import datetime as dt

import dagster as dg

from ..quarters import partition_keys


def quarterly_partitions(today: dt.date | None = None) -> dg.StaticPartitionsDefinition:
    return dg.StaticPartitionsDefinition(partition_keys(today))


quarterly = quarterly_partitions()
