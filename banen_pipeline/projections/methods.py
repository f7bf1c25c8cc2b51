"""The three candidate methods (statsmodels), each fitted on the last ``WINDOW`` quarters up to its
origin and projecting with its own 80% and 95% bands."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..quarters import Quarter, quarter_range
from . import LEVELS, WINDOW, Z95


@dataclass
class Forecast:
    """A projection from one origin: the central value and the 80% and 95% bands per step."""

    verwacht: np.ndarray
    bands: dict[float, tuple[np.ndarray, np.ndarray]]
    params: np.ndarray | None = None

    @property
    def spread(self) -> np.ndarray:
        """The method's own standard deviation of a future value, read off its 95% band."""
        low, high = self.bands[0.95]
        return (high - low) / (2 * Z95)


def _design(quarters: list[Quarter], origin: Quarter) -> np.ndarray:
    t = np.array([q.index - origin.index for q in quarters], dtype=float)
    dummies = np.array([[float(q.q == k) for k in (2, 3, 4)] for q in quarters])
    return np.column_stack([np.ones_like(t), t, dummies])


def import_libraries() -> None:
    """Import the statsmodels parts the fits use (the worker does it while it waits for work)."""
    import statsmodels.regression.linear_model  # noqa: F401
    import statsmodels.tsa.exponential_smoothing.ets  # noqa: F401
    import statsmodels.tsa.statespace.structural  # noqa: F401


def _bands(mean: np.ndarray, se: np.ndarray, prediction=None) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """Each level's band, mean -/+ q * se, with q the quantile of the prediction's distribution
    (normal unless it says otherwise, as OLS's t): what statsmodels' summary_frame computes, without
    building its frames."""
    from scipy.stats import norm

    dist, dist_args = (prediction.dist, prediction.dist_args) if prediction is not None else (norm, ())
    bands = {}
    for level in LEVELS:
        q = dist.ppf(1 - (1 - level) / 2.0, *dist_args)
        bands[level] = (np.asarray(mean - q * se), np.asarray(mean + q * se))
    return bands


def fit_forecast(method: str, train: pd.Series, steps: int, start: np.ndarray | None = None) -> Forecast:
    """Fit ``method`` on ``train`` (indexed by Quarter, the last ``WINDOW`` values are used) and
    project ``steps`` quarters ahead. ``start``: parameters of a fit on a neighbouring window, which
    the maximum-likelihood methods start from (it saves two thirds of their time)."""
    window = train.iloc[-WINDOW:]
    y = window.to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter of short series; the backtest judges the fits
        if method == "ols_trend_kwartaal":
            from statsmodels.regression.linear_model import OLS

            quarters = list(window.index)
            result = OLS(y, _design(quarters, quarters[0])).fit()
            future = quarter_range(quarters[-1].shift(1), quarters[-1].shift(steps))
            prediction = result.get_prediction(_design(future, quarters[0]))
            return Forecast(
                prediction.predicted_mean, _bands(prediction.predicted_mean, prediction.se_obs, prediction)
            )
        if method == "ets_gedempt":
            from statsmodels.tsa.exponential_smoothing.ets import ETSModel

            # a Series: ETS's get_prediction needs an index (statsmodels fails on an array)
            model = ETSModel(pd.Series(y), error="add", trend="add", damped_trend=True)
            result = model.fit(disp=False, **({"start_params": start} if start is not None else {}))
            prediction = result.get_prediction(start=len(y), end=len(y) + steps - 1)
            mean = prediction.predicted_mean.to_numpy()
            return Forecast(
                mean, _bands(mean, np.sqrt(prediction.forecast_variance)), params=np.asarray(result.params)
            )
        if method == "lokaal_lineair":
            from statsmodels.tsa.statespace.structural import UnobservedComponents

            model = UnobservedComponents(y, level="lltrend")
            result = model.fit(disp=False, **({"start_params": start} if start is not None else {}))
            prediction = result.get_forecast(steps)
            mean = prediction.predicted_mean
            return Forecast(
                mean, _bands(mean, prediction.se_mean, prediction), params=np.asarray(result.params)
            )
    raise ValueError(f"no projection method {method}")
