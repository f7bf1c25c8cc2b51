"""Projections of extra banen to 2026Q4 on the official measure (UWV's jaarmeting, in which the
targets are set): three candidate methods judged on a rolling-origin backtest, one published per
segment by a rule fixed in advance, bands calibrated out of time, and the chance of reaching the
final target. The method is documented in docs/methods.md (Projections); in short:

- **The series** is the official one per quarter (``official.quarterly``): the jaarmeting at each
  fourth quarter, the quarterly estimate bridged to it in between, the nowcast after the last
  jaarmeting. The published projection starts from its last quarter: the official level, or the
  nowcast.
- **Methods** (statsmodels), each fitted on the last ``WINDOW`` quarters up to its origin:
  ``ols_trend_kwartaal`` (OLS, linear trend + quarter-of-year effects), ``ets_gedempt`` (exponential
  smoothing with a damped additive trend, ETSModel) and ``lokaal_lineair`` (local linear trend
  state-space model, UnobservedComponents).
- **Rolling origins**: every quarter with at least ``MIN_HISTORY`` quarters of history before the
  last outcome. Each fit sees the series **as it was known at its origin**: only the jaarmetingen
  published by then (a year's jaarmeting counts from the second quarter of the next year on), the
  nowcast after them. Its projections 1..8 quarters ahead are compared with the official series as
  known now, up to the last jaarmeting.
- **Selection** (fixed in advance): per segment the method with the lowest MASE plus absolute scaled
  bias (the mean error divided by the same scale), over horizons 1..8, on the origins whose eighth
  horizon ends before the last ``HORIZONS`` outcomes; ties go to the earlier method in ``METHODS``.
  MASE's scale is the mean absolute one-quarter change within the fitting window.
- **Bands, out of time**: the band at origin *t* and horizon *h* is as wide as the errors (in banen)
  the method made at horizon *h* whose outcomes were known at *t* (``intervals.halfwidth``: their
  empirical quantile with enough errors, a wider Student-t band with fewer, none with fewer than
  two). Coverage is measured on the origins that had
  such a band, per segment and horizon, with its number of outcomes and standard error: a band that
  is too narrow for what came after shows as coverage below its level. The published bands use every
  error known now; beyond horizon 8, horizon 8's band widened as the method's own spread grows (the
  method's own band where there are fewer than two errors).

No fit ever sees a quarter after its origin, nor a jaarmeting published after it: each gets
``Track.histories[origin]``.
"""

from __future__ import annotations

from ..official import INPUTS as official_inputs
from ..quarters import Quarter

WINDOW = 20
"""Quarters of history each fit uses: five years, enough for a trend and four quarter effects, recent
enough to leave out the 2015-2016 start-up."""
MIN_HISTORY = 12
HORIZONS = 8
HORIZON = Quarter(2026, 4)
"""The projections reach at least the end of the banenafspraak, and always ``HORIZONS`` quarters
beyond the last known quarter (:func:`horizon_after`)."""
TARGET_QUARTERS = (Quarter(2025, 4), Quarter(2026, 4))
LEVELS = (0.80, 0.95)
Z95 = 1.959963984540054
Z80 = 1.2815515655446004
MEASURE = "officieel"
"""What the projections project: the official measure (marts.projectie.meting)."""

TARGETS = {"markt": "doel_markt", "overheid": "doel_overheid", "totaal": "doel_totaal"}
METHODS = {
    "ols_trend_kwartaal": f"OLS linear trend + quarter-of-year effects on the last {WINDOW} quarters",
    "ets_gedempt": f"exponential smoothing with a damped additive trend (ETS A,Ad,N) on the last {WINDOW} quarters",
    "lokaal_lineair": f"local linear trend state-space model on the last {WINDOW} quarters",
}
"""The candidates, in the order that breaks ties."""
TABLES = ("projectie", "projectie_backtest", "projectie_kalibratie", "projectie_doel")
"""The marts computed here (``fits.build``), each typed and documented by its SQL file."""
INPUTS = (*official_inputs, "queries/projectie_doelen")
"""The SQL the projections read: what they depend on in the asset graph."""
