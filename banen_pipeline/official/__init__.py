"""The official measure: UWV's jaarmeting, in which agency work (inleen) counts for the hiring
employer and every target is set. The quarterly trend figures do not split inleen; the warehouse's
quarterly estimate (``marts.kwartaalschatting``, inleen split by SEO's key) differs from the
jaarmeting every year. This module gives three things on the jaarmeting's measure:

- **The official yearly series** (``queries/officieel_jaar``): as printed, or as the printed figures
  imply (2023 overheid = totaal - markt).
- **A nowcast** of what the jaarmeting will say, for every quarter after the last one: the quarterly
  estimate plus a correction (a bridge) learned from the years before. Candidates, in the order that
  breaks ties (``BRIDGES``):

  - ``gemiddeld_verschil``: the mean difference jaarmeting - Q4 estimate over all earlier years;
  - ``vorig_verschil``: last year's difference, carried forward (how additive Denton benchmarking
    extrapolates beyond its last benchmark);
  - ``geen_correctie``: the quarterly estimate as it is.

  **The rule, fixed in advance:** per segment (markt, overheid) the candidate with the lowest mean
  absolute error over the backtest years before the year being nowcast, once there are at least
  ``MIN_YEARS`` of them (before that, the first candidate). totaal = markt + overheid, as in the
  jaarmeting. The **backtest** nowcasts every year from what existed before its jaarmeting came out
  (the earlier jaarmetingen and the Q4 estimate as published before July of the next year), rule
  included, so its errors are those of the whole procedure. The **80% interval** of a nowcast comes
  from the rule's own errors in the years before (``intervals.halfwidth``).
- **The official series per quarter** (:func:`quarterly`), which the projections fit on: the
  jaarmeting at every fourth quarter, the quarterly estimate plus a correction that moves linearly
  from one year's difference to the next in between (additive Denton benchmarking of a stock), and
  the nowcast after the last jaarmeting. ``known`` limits it to the jaarmetingen known at a moment,
  so a backtest origin never sees a jaarmeting published after it.
"""

SEGMENTS = ("markt", "overheid", "totaal")
PARTS = ("markt", "overheid")
"""The segments the bridge is learned for; totaal is their sum."""
TABLES = ("officiele_meting", "nowcast_backtest")
"""The marts computed here (``measure.build``), each typed and documented by its SQL file."""
INPUTS = (
    "queries/officieel_jaar",
    "queries/officieel_indicator",
    "queries/officieel_indicator_bij_jaarmeting",
)
"""The SQL the official series reads: what it depends on in the asset graph."""
