"""Quarterly partitions: Dagster has none, so the keys are the quarters themselves (``2019Q3``).

The keys run from the first quarter in the regional trend reports (2015Q4) to the quarter we are in,
computed when the code location loads. That always includes the latest published quarter, which is
what the schedule targets; quarters without deliveries simply load nothing.
"""

import datetime as dt

import dagster as dg

from ..quarters import partition_keys


def quarterly_partitions(today: dt.date | None = None) -> dg.StaticPartitionsDefinition:
    return dg.StaticPartitionsDefinition(partition_keys(today))


quarterly = quarterly_partitions()
