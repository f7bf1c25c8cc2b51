"""Prediction intervals from past errors. The caller passes only the errors whose outcomes were known
at the moment the interval is for (out of time): an interval is then as wide as the errors made
before it, and its coverage, measured on what came after, can fall short when the future surprises
more than the past did.

With ``n`` past errors, the empirical (split-conformal) quantile of level ``p`` is the
``ceil((n + 1) p)``-th smallest; it exists only when that is at most ``n``: from 4 errors for 80%,
from 19 for 95%. With fewer (but at least 2) the interval is a Student-t prediction interval from
the errors' root mean square: wider, and honest about how little is known. With fewer than 2 there
is no interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

EMPIRICAL = "empirisch"
"""The interval is the empirical quantile of the past errors."""
T_APPROXIMATION = "t_benadering"
"""Too few past errors for the empirical quantile: a Student-t interval from their root mean square."""
TOO_FEW = "te_weinig"
"""Fewer than two past errors: no interval can be made from them."""
MIN_FOR_T = 2


def min_for_empirical(level: float) -> int:
    """The fewest errors whose empirical ``level`` quantile exists: ceil((n + 1) level) <= n."""
    n = 1
    while math.ceil(round((n + 1) * level, 9)) > n:
        n += 1
    return n


def conformal_quantile(scores: Sequence[float], level: float) -> float:
    """The ceil((n + 1) * level)-th smallest score (the largest when that exceeds n)."""
    ordered = sorted(float(s) for s in scores)
    k = math.ceil(round((len(ordered) + 1) * level, 9))
    return ordered[min(k, len(ordered)) - 1]


def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom."""
    from scipy.special import stdtrit  # 0.15 s to import, and only when an interval needs it

    return float(stdtrit(df, p))


def halfwidth(errors: Sequence[float], level: float) -> tuple[float | None, str]:
    """Half the width of a ``level`` interval around a new value, from past ``errors`` (or scaled
    errors: the result is in their unit), and how it was made (EMPIRICAL, T_APPROXIMATION, TOO_FEW)."""
    sizes = [abs(float(e)) for e in errors]
    n = len(sizes)
    if n >= min_for_empirical(level):
        return conformal_quantile(sizes, level), EMPIRICAL
    if n >= MIN_FOR_T:
        rms = math.sqrt(sum(s * s for s in sizes) / n)
        return t_quantile((1 + level) / 2, n - 1) * rms * math.sqrt(1 + 1 / n), T_APPROXIMATION
    return None, TOO_FEW


def coverage_standard_error(level: float, n: int) -> float | None:
    """How uncertain a coverage measured on ``n`` outcomes is when the band holds its level: the
    binomial standard error sqrt(p (1 - p) / n) (10 outcomes, 80%: 0.13). Overlapping horizons make
    the outcomes dependent, so the real uncertainty is larger."""
    return math.sqrt(level * (1 - level) / n) if n else None
