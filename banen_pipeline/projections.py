"""Trend projections of extra banen to 2026Q4: three candidate methods judged on a rolling-origin
backtest, one published per segment by a rule fixed in advance, bands calibrated on the backtest, and
the chance of reaching the final target. The method is documented in the README (section
Projections); in short:

- **Methods** (statsmodels), each fitted on the last ``WINDOW`` quarters up to its origin:
  ``ols_trend_kwartaal`` (OLS, linear trend + quarter-of-year effects), ``ets_gedempt`` (exponential
  smoothing with a damped additive trend, ETSModel) and ``lokaal_lineair`` (local linear trend
  state-space model, UnobservedComponents).
- **Rolling origins**: every quarter with at least ``MIN_HISTORY`` quarters of history, up to
  ``HORIZONS`` quarters before the last; from each, horizons 1..8 are projected and compared with
  what happened.
- **Selection**: per segment the method with the lowest MASE (mean absolute scaled error, scale: the
  mean absolute one-quarter change within the fitting window) over horizons 1..8, using only origins
  whose eighth horizon ends before the last ``HORIZONS`` quarters; ties go to the earlier method in
  ``METHODS``.
- **Calibration**: if the chosen method's own 80% and 95% bands cover within 10 points of their
  level on the backtest (averaged over horizons), they are published; otherwise they are widened by
  split-conformal calibration per horizon: the errors divided by the method's own spread give a
  quantile that multiplies that spread. Coverage of the widened bands is measured leaving each
  origin out of its own calibration.

Segments: ``markt`` and ``overheid`` include inleen attributed by SEO's key (as the targets and the
jaarmeting count it), ``totaal`` is UWV's extra_banen_totaal. No fit ever sees a quarter after its
origin: :func:`rolling_backtest` hands each fit the history up to the origin only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from . import worker
from .db import run_sql, sql_text, table_exists
from .quarters import Quarter, parse_quarter, quarter_range

WINDOW = 20
"""Quarters of history each fit uses: five years, enough for a trend and four quarter effects, recent
enough to leave out the 2015-2016 start-up (government below zero)."""
MIN_HISTORY = 12
HORIZONS = 8
HORIZON = Quarter(2026, 4)
TARGET_QUARTERS = (Quarter(2025, 4), Quarter(2026, 4))
LEVELS = (0.80, 0.95)
TOLERANCE = 0.10
"""Bands whose backtest coverage (averaged over horizons) is within 10 points of their level are
published as they are; others are widened."""
Z95 = 1.959963984540054
Z80 = 1.2815515655446004

SEGMENTS = {
    "markt": ("extra_banen_markt_incl_inleen", "doel_markt"),
    "overheid": ("extra_banen_overheid_incl_inleen", "doel_overheid"),
    "totaal": ("extra_banen_totaal", "doel_totaal"),
}
METHODS = {
    "ols_trend_kwartaal": f"OLS linear trend + quarter-of-year effects on the last {WINDOW} quarters",
    "ets_gedempt": f"exponential smoothing with a damped additive trend (ETS A,Ad,N) on the last {WINDOW} quarters",
    "lokaal_lineair": f"local linear trend state-space model on the last {WINDOW} quarters",
}
"""The candidates, in the order that breaks ties."""
MARTS = ("projectie", "projectie_backtest", "projectie_kalibratie", "projectie_doel")
COLUMNS = {
    "projectie": (
        "segment",
        "kwartaal",
        "is_prognose",
        "gerealiseerd",
        "verwacht",
        "ondergrens_80",
        "bovengrens_80",
        "ondergrens_95",
        "bovengrens_95",
        "doel",
        "laatste_kwartaal",
        "trend_per_kwartaal",
        "benodigd_tempo_per_kwartaal_2025",
        "benodigd_tempo_per_kwartaal_2026",
        "kwartaal_doel_bereikt",
        "methode",
    ),
    "projectie_backtest": (
        "segment",
        "methode",
        "oorsprong",
        "horizon",
        "kwartaal",
        "voorspeld",
        "gerealiseerd",
        "fout",
        "absolute_procentuele_fout",
        "geschaalde_fout",
        "spreiding",
        "ondergrens_80",
        "bovengrens_80",
        "ondergrens_95",
        "bovengrens_95",
        "voor_keuze",
        "binnen_80",
        "binnen_95",
    ),
    "projectie_kalibratie": (
        "segment",
        "methode",
        "banden",
        "horizon",
        "n",
        "dekking_80",
        "dekking_95",
        "mape",
        "bias",
        "mase",
        "gepubliceerd",
    ),
    "projectie_doel": (
        "segment",
        "kwartaal",
        "doel",
        "verwacht",
        "spreiding",
        "kans_doel_bereikt",
        "methode",
    ),
}
"""The columns of each frame ``compute`` returns, in the order its SQL file reads them."""


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


def origins(series: pd.Series) -> list[int]:
    """Positions of the rolling origins: at least MIN_HISTORY quarters of history, at most the
    quarter HORIZONS before the last (so every origin has all horizons observed)."""
    return list(range(MIN_HISTORY - 1, len(series) - HORIZONS))


def selection_origins(series: pd.Series) -> list[int]:
    """The origins the selection rule may use: their eighth horizon ends before the last HORIZONS
    quarters, so the final evaluation window is never used to choose."""
    return [o for o in origins(series) if o + HORIZONS < len(series) - HORIZONS]


def rolling_backtest(
    series: pd.Series, segment: str, fit=fit_forecast, processes: int = 1
) -> tuple[pd.DataFrame, dict[str, np.ndarray | None]]:
    """Every method from every origin, horizons 1..HORIZONS, against what happened. Each fit gets
    ``series.iloc[:origin + 1]``: the history up to its origin and nothing after it. Also returns
    the parameters of each method's last fit (a warm start for the next one)."""
    done = worker.forked_map(method_backtest, [(series, segment, m, fit) for m in METHODS], processes)
    frames = [frame for frame, _params in done]
    return pd.concat(frames, ignore_index=True), {m: p for m, (_f, p) in zip(METHODS, done, strict=True)}


def method_backtest(
    series: pd.Series, segment: str, method: str, fit=fit_forecast
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """One method of :func:`rolling_backtest`: its origins in order, each fit warm-started from the
    one before. Returns the rows and the last fit's parameters."""
    rows = []
    start = None
    chosen_from = set(selection_origins(series))
    for o in origins(series):
        history = series.iloc[: o + 1]
        forecast = fit(method, history, HORIZONS, start)
        start = forecast.params
        window = history.iloc[-WINDOW:].to_numpy(dtype=float)
        scale = float(np.mean(np.abs(np.diff(window)))) or 1.0
        for h in range(1, HORIZONS + 1):
            real = float(series.iloc[o + h])
            mean = float(forecast.verwacht[h - 1])
            rows.append(
                {
                    "segment": segment,
                    "methode": method,
                    "oorsprong": str(series.index[o]),
                    "horizon": h,
                    "kwartaal": str(series.index[o + h]),
                    "voorspeld": mean,
                    "gerealiseerd": real,
                    "fout": mean - real,
                    "absolute_procentuele_fout": abs(mean - real) / abs(real) * 100 if real else None,
                    "geschaalde_fout": abs(mean - real) / scale,
                    "spreiding": float(forecast.spread[h - 1]),
                    "ondergrens_80": float(forecast.bands[0.80][0][h - 1]),
                    "bovengrens_80": float(forecast.bands[0.80][1][h - 1]),
                    "ondergrens_95": float(forecast.bands[0.95][0][h - 1]),
                    "bovengrens_95": float(forecast.bands[0.95][1][h - 1]),
                    "voor_keuze": o in chosen_from,
                }
            )
    return _mark_inside(pd.DataFrame(rows)), start


def _mark_inside(frame: pd.DataFrame) -> pd.DataFrame:
    """Set ``binnen_80`` and ``binnen_95``: whether the outcome fell inside each band."""
    for level in LEVELS:
        pct = round(level * 100)
        frame[f"binnen_{pct}"] = (frame[f"ondergrens_{pct}"] <= frame["gerealiseerd"]) & (
            frame["gerealiseerd"] <= frame[f"bovengrens_{pct}"]
        )
    return frame


def choose_method(backtest: pd.DataFrame) -> tuple[str, dict[str, float]]:
    """The rule (README, Projections): lowest MASE over the selection origins; ties to the earlier
    method in METHODS. Returns the method and every candidate's MASE."""
    used = backtest[backtest["voor_keuze"]]
    mase = {
        method: float(used.loc[used["methode"] == method, "geschaalde_fout"].mean()) for method in METHODS
    }
    best = min(METHODS, key=lambda m: (round(mase[m], 9), list(METHODS).index(m)))
    return best, mase


def conformal_quantile(scores: np.ndarray, level: float) -> float:
    """Split-conformal quantile: the ceil((n + 1) * level)-th smallest score (the largest when that
    exceeds n, as with few origins for the 95% band)."""
    ordered = np.sort(np.asarray(scores, dtype=float))
    k = math.ceil((len(ordered) + 1) * level)
    return float(ordered[min(k, len(ordered)) - 1])


def coverage(frame: pd.DataFrame) -> dict[float, float]:
    return {level: float(frame[f"binnen_{round(level * 100)}"].mean()) for level in LEVELS}


def needs_widening(own: dict[float, float]) -> bool:
    return any(abs(own[level] - level) > TOLERANCE + 1e-12 for level in LEVELS)


def calibrate(chosen: pd.DataFrame) -> tuple[dict[int, dict[float, float]], pd.DataFrame]:
    """Split-conformal multipliers per horizon from the chosen method's backtest (all origins), and
    the backtest rows with widened bands whose quantile leaves that row's own origin out."""
    scores = (chosen["fout"].abs() / chosen["spreiding"]).to_numpy()
    horizons = chosen["horizon"].to_numpy()
    multipliers: dict[int, dict[float, float]] = {}
    left_out = {level: np.empty(len(scores)) for level in LEVELS}
    for h in range(1, HORIZONS + 1):
        mine = np.flatnonzero(horizons == h)
        multipliers[h] = {level: conformal_quantile(scores[mine], level) for level in LEVELS}
        for i in mine:
            others = scores[mine[mine != i]]
            for level in LEVELS:
                left_out[level][i] = conformal_quantile(others, level)
    rows = chosen.copy()
    for level in LEVELS:
        pct = round(level * 100)
        half = left_out[level] * rows["spreiding"].to_numpy()
        rows[f"ondergrens_{pct}"] = rows["voorspeld"] - half
        rows[f"bovengrens_{pct}"] = rows["voorspeld"] + half
    return multipliers, _mark_inside(rows)


def _summary(frame: pd.DataFrame, segment: str, method: str, banden: str, published: bool) -> list[dict]:
    out = []
    for h, part in frame.groupby("horizon"):
        out.append(
            {
                "segment": segment,
                "methode": method,
                "banden": banden,
                "horizon": int(h),
                "n": len(part),
                "dekking_80": float(part["binnen_80"].mean()),
                "dekking_95": float(part["binnen_95"].mean()),
                "mape": float(part["absolute_procentuele_fout"].mean()),
                "bias": float(part["fout"].mean()),
                "mase": float(part["geschaalde_fout"].mean()),
                "gepubliceerd": published,
            }
        )
    return out


def segment_projection(
    series: pd.Series,
    segment: str,
    fit=fit_forecast,
    backtest: tuple[pd.DataFrame, dict[str, np.ndarray | None]] | None = None,
) -> dict:
    """Backtest, selection, calibration and the published projection of one segment. ``backtest``:
    the segment's :func:`rolling_backtest`, when it was computed already."""
    backtest, last_params = backtest or rolling_backtest(series, segment, fit)
    method, mase = choose_method(backtest)
    chosen = backtest[backtest["methode"] == method].reset_index(drop=True)
    own = coverage(chosen)
    widen = needs_widening(own)
    multipliers, calibrated = calibrate(chosen)
    summary = []
    for m in METHODS:
        summary += _summary(
            backtest[backtest["methode"] == m], segment, m, "eigen", m == method and not widen
        )
    if widen:
        summary += _summary(calibrated, segment, method, "gekalibreerd", True)
    # the published projection: the chosen method from the last quarter, warm-started from its
    # last backtest fit
    steps = HORIZON.index - series.index[-1].index
    forecast = fit(method, series, steps, last_params[method])
    if widen:
        for level in LEVELS:
            factor = np.array([multipliers[min(h, HORIZONS)][level] for h in range(1, steps + 1)])
            half = factor * forecast.spread
            forecast.bands[level] = (forecast.verwacht - half, forecast.verwacht + half)
    words = METHODS[method] + (
        f"; bands widened by split-conformal calibration on the rolling-origin errors per horizon "
        f"(horizons beyond {HORIZONS} use horizon {HORIZONS})"
        if widen
        else "; the method's own prediction intervals (they cover within 10 points on the backtest)"
    )
    return {
        "methode": method,
        "methode_tekst": f"{method}: {words}",
        "mase": mase,
        "backtest": backtest,
        "kalibratie": summary,
        "forecast": forecast,
        "gekalibreerd": widen,
    }


INPUTS = ("queries/projectie_historie", "queries/projectie_doelen")
"""The SQL the projections read: what they depend on in the asset graph."""


def _history(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, dict[int, dict[str, int]]]:
    history, doelen = INPUTS
    frame = con.execute(sql_text(history)).df()
    frame.index = [parse_quarter(k) for k in frame.pop("kwartaal")]
    targets = {
        int(row[0]): {"doel_markt": row[1], "doel_overheid": row[2], "doel_totaal": row[3]}
        for row in con.execute(sql_text(doelen)).fetchall()
    }
    return frame, targets


def compute(
    history: pd.DataFrame, targets: dict[int, dict[str, int]], processes: int = 1
) -> dict[str, pd.DataFrame]:
    """All four projection marts as frames (run in the worker). The backtests of every segment and
    method, nearly all the work, run over ``processes`` processes."""
    series_of = {
        segment: history[column].astype(float)
        for segment, (column, _target) in SEGMENTS.items()
        if len(history) >= MIN_HISTORY + HORIZONS
    }
    # the costly (maximum-likelihood) methods first, so that the processes finish together
    tasks = [(series_of[s], s, m) for m in reversed(METHODS) for s in series_of]
    done = dict(
        zip([(s, m) for _x, s, m in tasks], worker.forked_map(method_backtest, tasks, processes), strict=True)
    )
    rows, backtests, calibration, goals = [], [], [], []
    for segment, series in series_of.items():
        target_column = SEGMENTS[segment][1]
        backtest = (
            pd.concat([done[segment, m][0] for m in METHODS], ignore_index=True),
            {m: done[segment, m][1] for m in METHODS},
        )
        result = segment_projection(series, segment, backtest=backtest)
        backtests.append(result["backtest"])
        calibration += result["kalibratie"]
        forecast = result["forecast"]
        last_quarter, last_value = series.index[-1], float(series.iloc[-1])
        future = quarter_range(last_quarter.shift(1), HORIZON)
        final_target = targets.get(HORIZON.year, {}).get(target_column)
        needed = {
            q.year: (targets[q.year][target_column] - last_value) / (q.index - last_quarter.index)
            if q.year in targets and q.index > last_quarter.index
            else None
            for q in TARGET_QUARTERS
        }
        reached = next(
            (
                str(q)
                for q, v in zip(future, forecast.verwacht, strict=True)
                if final_target and v >= final_target
            ),
            None,
        )
        trend = np.diff(np.concatenate([[last_value], forecast.verwacht]))[:4].mean()
        common = {
            "segment": segment,
            "laatste_kwartaal": str(last_quarter),
            "trend_per_kwartaal": round(float(trend), 1),
            "benodigd_tempo_per_kwartaal_2025": needed[2025],
            "benodigd_tempo_per_kwartaal_2026": needed[2026],
            "kwartaal_doel_bereikt": reached,
            "methode": result["methode_tekst"],
        }
        for quarter, value in series.items():
            rows.append(
                {
                    **common,
                    "kwartaal": str(quarter),
                    "gerealiseerd": value,
                    "is_prognose": False,
                    "doel": targets.get(quarter.year, {}).get(target_column),
                }
            )
        for i, quarter in enumerate(future):
            rows.append(
                {
                    **common,
                    "kwartaal": str(quarter),
                    "gerealiseerd": None,
                    "verwacht": forecast.verwacht[i],
                    "ondergrens_80": forecast.bands[0.80][0][i],
                    "bovengrens_80": forecast.bands[0.80][1][i],
                    "ondergrens_95": forecast.bands[0.95][0][i],
                    "bovengrens_95": forecast.bands[0.95][1][i],
                    "is_prognose": True,
                    "doel": targets.get(quarter.year, {}).get(target_column),
                }
            )
        for quarter in TARGET_QUARTERS:
            i = future.index(quarter)
            low, high = forecast.bands[0.80][0][i], forecast.bands[0.80][1][i]
            sigma = (high - low) / (2 * Z80)
            goals.append(
                {
                    "segment": segment,
                    "kwartaal": str(quarter),
                    "doel": final_target,
                    "verwacht": forecast.verwacht[i],
                    "spreiding": sigma,
                    "kans_doel_bereikt": _chance_at_least(final_target, forecast.verwacht[i], sigma),
                    "methode": result["methode_tekst"],
                }
            )
    frames = {
        "projectie": pd.DataFrame(rows),
        "projectie_backtest": pd.concat(backtests, ignore_index=True) if backtests else pd.DataFrame(),
        "projectie_kalibratie": pd.DataFrame(calibration),
        "projectie_doel": pd.DataFrame(goals),
    }
    # too short a history gives no rows; the SQL still needs every column (a mart may be empty)
    return {name: frame.reindex(columns=list(COLUMNS[name])) for name, frame in frames.items()}


def _chance_at_least(target: float | None, mean: float, sigma: float) -> float | None:
    """P(value >= target) under a normal distribution whose 80% interval is the calibrated band."""
    if target is None:
        return None
    if sigma <= 0:
        return float(mean >= target)
    return 0.5 * math.erfc((target - mean) / (sigma * math.sqrt(2)))


def inputs_digest(history: pd.DataFrame, targets: dict) -> str:
    """What the fits depend on: the history, the targets, this method's code and the marts' SQL."""
    digest = hashlib.sha256()
    digest.update(history.to_csv().encode())
    digest.update(json.dumps(targets, sort_keys=True, default=str).encode())
    digest.update(Path(__file__).read_bytes())
    for name in MARTS:
        digest.update(sql_text(f"marts/{name}").encode())
    return digest.hexdigest()


_computed: dict[str, dict[str, pd.DataFrame]] = {}
"""The frames of the inputs digest in hand (one computation serves all four tables)."""
_pending: dict[str, Callable[[], dict[str, pd.DataFrame]]] = {}
"""Fits started by :func:`begin_fits` and not yet collected, by inputs digest."""


def _built_from(con: duckdb.DuckDBPyConnection, name: str, digest: str) -> bool:
    built = con.execute(sql_text("queries/laatste_berekening"), {"tabel": f"marts.{name}"}).fetchone()
    return bool(built and built[0] == digest and table_exists(con, "marts", name))


def begin_fits(con: duckdb.DuckDBPyConnection) -> None:
    """Start the fits in the worker process (forked over every core) and return at once: the caller
    builds other marts meanwhile, and :func:`build` collects them. Nothing starts when the tables
    were built from these inputs. The worker answers one call at a time: the caller must collect
    them (:func:`build`, or :func:`settle`) before it asks the worker anything else."""
    history, targets = _history(con)
    digest = inputs_digest(history, targets)
    if digest in _computed or digest in _pending or all(_built_from(con, n, digest) for n in MARTS):
        return
    _pending[digest] = worker.shared().begin(compute, history, targets, len(os.sched_getaffinity(0)))


def settle() -> None:
    """Collect fits begun and not used (a step failed before it built the projections), so that the
    worker is free for the next call. Their failure is the projection marts' to report, not this."""
    for digest in list(_pending):
        with contextlib.suppress(worker.WorkerError):
            _computed[digest] = _pending.pop(digest)()


def _frames(history: pd.DataFrame, targets: dict, digest: str) -> dict[str, pd.DataFrame]:
    """The four marts' frames for these inputs: from memory, from fits begun earlier, or fitted now."""
    if digest in _pending:
        frames = _pending.pop(digest)()
    elif digest in _computed:
        frames = _computed[digest]
    else:
        settle()  # fits of other inputs: their answer comes first
        frames = worker.shared().call(compute, history, targets, len(os.sched_getaffinity(0)))
    _computed.clear()
    _computed[digest] = frames
    return frames


def build(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Replace one projection mart: its SQL file types and documents the frame computed here
    (registered as ``_frame``). The fitting runs in the worker process, where statsmodels shares
    scipy with Great Expectations, forked over every core; :func:`begin_fits` starts it early. All
    four marts come from one computation, made once per input: when the inputs did not change since
    the table was built, nothing is fitted and the table stays. Returns whether the table was rebuilt."""
    if name not in MARTS:
        raise ValueError(f"no projection named {name}")
    history, targets = _history(con)
    digest = inputs_digest(history, targets)
    if _built_from(con, name, digest):
        return False
    con.register("_frame", _frames(history, targets, digest)[name])
    try:
        run_sql(con, f"marts/{name}")
    finally:
        con.unregister("_frame")
    run_sql(con, "meta/updates/berekening_vastleggen", {"tabel": f"marts.{name}", "invoer_sha256": digest})
    return True
