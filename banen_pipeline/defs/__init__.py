"""Dagster definitions, one module per concern. ``banen_pipeline.definitions`` assembles them.

The parameters we use that Dagster marks beta or preview (``backfill_policy``, pools) would warn on
every load; the filters are set here, before the modules that use them are imported.
"""

import warnings

import dagster as dg

warnings.filterwarnings("ignore", category=dg.BetaWarning)
warnings.filterwarnings("ignore", category=dg.PreviewWarning)
