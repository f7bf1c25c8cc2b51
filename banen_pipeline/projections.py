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

import contextlib
import hashlib
import json
import math
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from . import intervals, official, worker
from .db import run_sql, sql_text
from .quarters import Quarter, parse_quarter, quarter_range
from .sql_ast import frame_columns

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


def horizon_after(last: Quarter) -> Quarter:
    """The last quarter a projection from ``last`` reaches."""
    return max(HORIZON, last.shift(HORIZONS))


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


@dataclass
class Track:
    """A segment's series as the backtest sees it: ``final``, known now (ends at the last quarter);
    ``outcomes``, its values that count as outcomes; per origin the series as known then
    (``histories``, ending at the origin) and the last outcome known then (``known``)."""

    final: pd.Series
    outcomes: pd.Series
    histories: dict[Quarter, pd.Series]
    known: dict[Quarter, Quarter | None]

    @classmethod
    def of(
        cls,
        final: pd.Series,
        outcomes: pd.Series,
        history_at: Callable[[Quarter], pd.Series],
        known_at: Callable[[Quarter], Quarter | None],
    ) -> Track:
        """Every origin (a quarter with at least MIN_HISTORY quarters known then, before the last
        outcome) with its history and its last known outcome."""
        histories, known = {}, {}
        last = outcomes.index[-1] if len(outcomes) else None
        for origin in final.index:
            if last is None or origin >= last:
                break
            history = history_at(origin)
            if len(history) >= MIN_HISTORY:
                histories[origin], known[origin] = history, known_at(origin)
        return cls(final, outcomes, histories, known)


def method_backtest(
    track: Track, segment: str, method: str, fit=None
) -> tuple[pd.DataFrame, np.ndarray | None]:
    """One method from every origin of ``track``, in order, each fit warm-started from the one
    before: its projections 1..HORIZONS ahead that have an outcome, beside it. Returns the rows and
    the last fit's parameters."""
    fit = fit or fit_forecast
    rows = []
    start = None
    last = track.outcomes.index[-1]
    for origin, history in track.histories.items():
        forecast = fit(method, history, HORIZONS, start)
        start = forecast.params
        window = history.iloc[-WINDOW:].to_numpy(dtype=float)
        scale = float(np.mean(np.abs(np.diff(window)))) or 1.0
        for h in range(1, HORIZONS + 1):
            quarter = origin.shift(h)
            if quarter not in track.outcomes.index:
                continue
            real = float(track.outcomes[quarter])
            mean = float(forecast.verwacht[h - 1])
            rows.append(
                {
                    "segment": segment,
                    "methode": method,
                    "oorsprong": str(origin),
                    "bekend_tot": str(track.known[origin]) if track.known[origin] else None,
                    "horizon": h,
                    "kwartaal": str(quarter),
                    "voorspeld": mean,
                    "gerealiseerd": real,
                    "fout": mean - real,
                    "absolute_procentuele_fout": abs(mean - real) / abs(real) * 100 if real else None,
                    "schaal": scale,
                    "geschaalde_fout": abs(mean - real) / scale,
                    "spreiding": float(forecast.spread[h - 1]),
                    "ondergrens_80": float(forecast.bands[0.80][0][h - 1]),
                    "bovengrens_80": float(forecast.bands[0.80][1][h - 1]),
                    "ondergrens_95": float(forecast.bands[0.95][0][h - 1]),
                    "bovengrens_95": float(forecast.bands[0.95][1][h - 1]),
                    "voor_keuze": origin.shift(2 * HORIZONS) <= last,
                }
            )
    return _mark_inside(pd.DataFrame(rows, columns=_own_columns())), start


def _own_columns() -> list[str]:
    """The columns of a method's own backtest rows: those the SQL file reads up to ``voor_keuze``
    (the rest come from the calibration)."""
    columns = list(frame_columns("marts/projectie_backtest"))
    return columns[: columns.index("voor_keuze") + 1]


def rolling_backtest(
    track: Track, segment: str, fit=None
) -> tuple[pd.DataFrame, dict[str, np.ndarray | None]]:
    """Every method from every origin (one process); also each method's last fit's parameters."""
    done = [method_backtest(track, segment, m, fit) for m in METHODS]
    frames = [frame for frame, _params in done]
    return pd.concat(frames, ignore_index=True), {m: p for m, (_f, p) in zip(METHODS, done, strict=True)}


def _mark_inside(frame: pd.DataFrame, prefix: str = "", suffix: str = "") -> pd.DataFrame:
    """Set ``binnen_80``/``binnen_95`` (with ``suffix``): whether the outcome fell inside each band
    (the bounds named with ``prefix``); NULL where there is no band."""
    for level in LEVELS:
        pct = round(level * 100)
        low, high = frame[f"{prefix}ondergrens_{pct}"], frame[f"{prefix}bovengrens_{pct}"]
        inside = (low <= frame["gerealiseerd"]) & (frame["gerealiseerd"] <= high)
        frame[f"binnen_{pct}{suffix}"] = inside.astype(object).where(low.notna(), None)
    return frame


def choose_method(backtest: pd.DataFrame) -> tuple[str, dict[str, dict[str, float]]]:
    """The rule: the lowest MASE + |scaled bias| over the selection origins (``voor_keuze``); ties to
    the earlier method in METHODS. Returns the method and each candidate's MASE, scaled bias and
    score."""
    used = backtest[backtest["voor_keuze"].astype(bool)]
    found = {}
    for method in METHODS:
        mine = used[used["methode"] == method]
        mase = float(mine["geschaalde_fout"].mean())
        bias = float((mine["fout"] / mine["schaal"]).mean())
        found[method] = {"mase": mase, "bias": bias, "score": mase + abs(bias)}
    best = min(METHODS, key=lambda m: (round(found[m]["score"], 9), list(METHODS).index(m)))
    return best, found


def calibrate(chosen: pd.DataFrame) -> pd.DataFrame:
    """The chosen method's backtest with bands calibrated out of time: at each origin and horizon,
    as wide as the errors at that horizon whose outcomes were known at the origin
    (``intervals.halfwidth``); where fewer than two were, no calibrated band."""
    rows = chosen.copy()
    scores = rows["fout"].abs().to_numpy()
    horizons, outcomes = rows["horizon"].to_numpy(), rows["kwartaal"].to_numpy()
    known = rows["bekend_tot"].to_numpy()
    columns: dict[str, list] = {c: [] for c in ("n_fouten", "band_80", "band_95")}
    bounds: dict[str, list] = {
        f"gekalibreerd_{s}_{round(lv * 100)}": [] for lv in LEVELS for s in ("ondergrens", "bovengrens")
    }
    for i in range(len(rows)):
        usable = scores[(horizons == horizons[i]) & (outcomes <= known[i])] if known[i] else scores[:0]
        columns["n_fouten"].append(len(usable))
        for level in LEVELS:
            pct = round(level * 100)
            half, kind = intervals.halfwidth(usable, level)
            columns[f"band_{pct}"].append(kind)
            bounds[f"gekalibreerd_ondergrens_{pct}"].append(
                None if half is None else rows["voorspeld"].iat[i] - half
            )
            bounds[f"gekalibreerd_bovengrens_{pct}"].append(
                None if half is None else rows["voorspeld"].iat[i] + half
            )
    for name, values in {**columns, **bounds}.items():
        rows[name] = pd.Series(values, index=rows.index, dtype=object if name.startswith("band") else float)
    return _mark_inside(rows, prefix="gekalibreerd_", suffix="_gekalibreerd")


def _summary(frame: pd.DataFrame, banden: str, published: bool) -> list[dict]:
    """Per horizon: how the bands did (``eigen``: the method's own, every origin; ``gekalibreerd``:
    out of time, the origins that had a calibrated band) and the errors there."""
    suffix = "_gekalibreerd" if banden == "gekalibreerd" else ""
    out = []
    for h, part in frame.groupby("horizon"):
        if banden == "gekalibreerd":
            part = part[part["n_fouten"] >= intervals.MIN_FOR_T]
        n = len(part)
        row = {"horizon": int(h), "banden": banden, "n": n, "gepubliceerd": published}
        for level in LEVELS:
            pct = round(level * 100)
            row[f"dekking_{pct}"] = float(part[f"binnen_{pct}{suffix}"].astype(float).mean()) if n else None
            row[f"dekking_{pct}_se"] = intervals.coverage_standard_error(level, n)
        row |= {
            "mape_pct": float(part["absolute_procentuele_fout"].mean()) if n else None,
            "bias": float(part["fout"].mean()) if n else None,
            "mase": float(part["geschaalde_fout"].mean()) if n else None,
        }
        out.append(row)
    return out


def published_bands(chosen: pd.DataFrame, forecast: Forecast) -> tuple[Forecast, list[dict]]:
    """The published projection's bands: per step, as wide as the errors known now at that horizon
    (``intervals.halfwidth``; beyond HORIZONS, horizon HORIZONS's band widened as the method's own
    spread grows); the method's own band where fewer than two. Also, per step, how each band was made
    and on how many errors."""
    made = []
    own = forecast.spread.copy()  # the method's own, before the bands below replace its intervals
    for step in range(len(forecast.verwacht)):
        mine = chosen.loc[chosen["horizon"] == min(step + 1, HORIZONS), "fout"].to_numpy()
        how = {"n_fouten": len(mine)}
        # beyond the last horizon with errors, the band grows as the method's own spread does
        growth = own[step] / own[HORIZONS - 1] if step >= HORIZONS else 1.0
        for level in LEVELS:
            half, kind = intervals.halfwidth(mine, level)
            how[f"band_{round(level * 100)}"] = kind if half is not None else "eigen"
            if half is not None:
                half *= growth
                forecast.bands[level][0][step] = forecast.verwacht[step] - half
                forecast.bands[level][1][step] = forecast.verwacht[step] + half
        made.append(how)
    return forecast, made


def segment_projection(
    track: Track,
    segment: str,
    fit=None,
    backtest: tuple[pd.DataFrame, dict[str, np.ndarray | None]] | None = None,
    calibration: Callable[[pd.DataFrame], pd.DataFrame] = calibrate,
) -> dict:
    """Backtest, selection, calibration and the published projection of one segment. ``backtest``:
    the segment's :func:`rolling_backtest`, when it was computed already."""
    fit = fit or fit_forecast
    backtest, last_params = backtest or rolling_backtest(track, segment, fit)
    method, scores = choose_method(backtest)
    calibrated = calibration(backtest[backtest["methode"] == method].reset_index(drop=True))
    summary = []
    for m in METHODS:
        rows = _summary(backtest[backtest["methode"] == m], "eigen", False)
        summary += [r | {"methode": m} for r in rows]
    summary += [r | {"methode": method} for r in _summary(calibrated, "gekalibreerd", True)]
    for row in summary:
        chosen = scores[row["methode"]]
        row |= {
            "segment": segment,
            "keuze_mase": chosen["mase"],
            "keuze_bias_geschaald": chosen["bias"],
            "keuze_score": chosen["score"],
        }
    # the published projection: the chosen method from the last quarter, warm-started from its last
    # backtest fit, with the bands of every error known now
    series = track.final
    steps = horizon_after(series.index[-1]).index - series.index[-1].index
    forecast, made = published_bands(calibrated, fit(method, series, steps, last_params[method]))
    for row in summary:
        if row["gepubliceerd"]:
            row |= made[row["horizon"] - 1] if row["horizon"] <= len(made) else {}
    backtest = backtest.merge(
        calibrated[
            ["methode", "oorsprong", "horizon", *[c for c in calibrated.columns if c not in backtest.columns]]
        ],
        on=["methode", "oorsprong", "horizon"],
        how="left",
    )
    words = (
        f"{method}: {METHODS[method]}; bands as wide as the errors of the rolling-origin backtest per "
        f"horizon, calibrated out of time (beyond {HORIZONS} quarters: horizon {HORIZONS}'s, widened as the "
        "method's own spread grows)"
    )
    return {
        "methode": method,
        "methode_tekst": words,
        "keuze": scores,
        "backtest": backtest,
        "kalibratie": summary,
        "forecast": forecast,
        "banden": made,
    }


INPUTS = (*official.INPUTS, "queries/projectie_doelen")
"""The SQL the projections read: what they depend on in the asset graph."""


def _years_known(years: list[int], origin: Quarter) -> list[int]:
    """The jaarmetingen published by the time the figures of ``origin`` were: a year's jaarmeting
    comes out in July of the next year, after that year's first quarter figures."""
    return [y for y in years if Quarter(y + 1, 2) <= origin]


def tracks(inputs: official.Inputs) -> tuple[dict[str, Track], pd.DataFrame]:
    """Per segment the official series as the backtest sees it, and the herkomst of each quarter of
    the final series."""
    final, herkomst = inputs.official_quarterly()
    years = sorted(set(inputs.annual["markt"]) & set(inputs.annual["overheid"]))
    at = {}
    out = {}
    for segment in official.SEGMENTS:
        if segment not in final or final[segment].dropna().empty:
            continue
        series = final[segment].dropna()
        outcomes = series[herkomst[segment].reindex(series.index) != "nowcast"]

        def history_at(origin: Quarter, segment=segment) -> pd.Series:
            known = tuple(_years_known(years, origin))
            if known not in at:
                at[known] = inputs.official_quarterly(known)[0] if known else pd.DataFrame()
            frame = at[known]
            return frame[segment].dropna().loc[:origin] if segment in frame else pd.Series(dtype=float)

        def known_at(origin: Quarter) -> Quarter | None:
            known = _years_known(years, origin)
            return min(Quarter(known[-1], 4), origin) if known else None

        if len(outcomes):
            out[segment] = Track.of(series, outcomes, history_at, known_at)
    return out, herkomst


def _history(con: duckdb.DuckDBPyConnection) -> tuple[official.Inputs, dict[int, dict[str, int]]]:
    targets = {
        int(row[0]): {"doel_markt": row[1], "doel_overheid": row[2], "doel_totaal": row[3]}
        for row in con.execute(sql_text(INPUTS[-1])).fetchall()
    }
    return official.read_inputs(con), targets


def compute(
    inputs: official.Inputs, targets: dict[int, dict[str, int]], processes: int = 1
) -> dict[str, pd.DataFrame]:
    """All four projection marts as frames (run in the worker). The backtests of every segment and
    method, nearly all the work, run over ``processes`` processes."""
    found, herkomst = tracks(inputs)
    found = {s: t for s, t in found.items() if len(t.histories) > HORIZONS}
    # the costly (maximum-likelihood) methods first, so that the processes finish together
    tasks = [(found[s], s, m) for m in reversed(METHODS) for s in found]
    done = dict(
        zip([(s, m) for _x, s, m in tasks], worker.forked_map(method_backtest, tasks, processes), strict=True)
    )
    rows, backtests, calibration, goals = [], [], [], []
    for segment, track in found.items():
        target_column = TARGETS[segment]
        backtest = (
            pd.concat([done[segment, m][0] for m in METHODS], ignore_index=True),
            {m: done[segment, m][1] for m in METHODS},
        )
        result = segment_projection(track, segment, backtest=backtest)
        backtests.append(
            result["backtest"].assign(
                herkomst_gerealiseerd=[
                    herkomst.at[parse_quarter(q), segment] for q in result["backtest"]["kwartaal"]
                ]
            )
        )
        calibration += [r | {"laatste_kwartaal": str(track.final.index[-1])} for r in result["kalibratie"]]
        forecast = result["forecast"]
        series = track.final
        last_quarter, last_value = series.index[-1], float(series.iloc[-1])
        future = quarter_range(last_quarter.shift(1), horizon_after(last_quarter))
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
            "meting": MEASURE,
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
                    "herkomst": herkomst.at[quarter, segment],
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
                    "herkomst": "projectie",
                    "gerealiseerd": None,
                    "verwacht": forecast.verwacht[i],
                    "ondergrens_80": forecast.bands[0.80][0][i],
                    "bovengrens_80": forecast.bands[0.80][1][i],
                    "ondergrens_95": forecast.bands[0.95][0][i],
                    "bovengrens_95": forecast.bands[0.95][1][i],
                    **result["banden"][i],
                    "is_prognose": True,
                    "doel": targets.get(quarter.year, {}).get(target_column),
                }
            )
        for quarter in TARGET_QUARTERS:
            goal = {"segment": segment, "kwartaal": str(quarter), "meting": MEASURE, "doel": final_target}
            if quarter in future:
                i = future.index(quarter)
                low, high = forecast.bands[0.80][0][i], forecast.bands[0.80][1][i]
                sigma = (high - low) / (2 * Z80)
                goal |= {
                    "verwacht": forecast.verwacht[i],
                    "spreiding": sigma,
                    "kans_doel_bereikt": _chance_at_least(final_target, forecast.verwacht[i], sigma),
                    "methode": result["methode_tekst"],
                }
            else:  # the quarter is known: its value as measured; a chance only where it is an outcome
                value = float(series[quarter]) if quarter in series.index else None
                outcome = value is not None and herkomst.at[quarter, segment] != "nowcast"
                goal |= {
                    "verwacht": value,
                    "spreiding": 0.0 if outcome else None,
                    "kans_doel_bereikt": float(value >= final_target) if outcome and final_target else None,
                    "methode": f"gemeten ({herkomst.at[quarter, segment]})" if value is not None else None,
                }
            goals.append(goal)
    frames = {
        "projectie": pd.DataFrame(rows),
        "projectie_backtest": pd.concat(backtests, ignore_index=True) if backtests else pd.DataFrame(),
        "projectie_kalibratie": pd.DataFrame(calibration),
        "projectie_doel": pd.DataFrame(goals),
    }
    # too short a history gives no rows; the SQL still needs every column (a mart may be empty)
    return {
        name: frame.reindex(columns=list(frame_columns(f"marts/{name}"))) for name, frame in frames.items()
    }


def _chance_at_least(target: float | None, mean: float, sigma: float) -> float | None:
    """P(value >= target) under a normal distribution whose 80% interval is the calibrated band."""
    if target is None:
        return None
    if sigma <= 0:
        return float(mean >= target)
    return 0.5 * math.erfc((target - mean) / (sigma * math.sqrt(2)))


def inputs_digest(inputs: official.Inputs, targets: dict) -> str:
    """The data the fits depend on (the official series' inputs and the targets): one computation
    serves the four marts built from the same data."""
    digest = hashlib.sha256()
    digest.update(inputs.jaren.to_csv().encode())
    digest.update(inputs.indicator.to_csv().encode())
    digest.update(json.dumps(inputs.q4, sort_keys=True).encode())
    digest.update(json.dumps(targets, sort_keys=True, default=str).encode())
    return digest.hexdigest()


_computed: dict[str, dict[str, pd.DataFrame]] = {}
"""The frames of the data in hand, by its digest (one computation serves all four tables)."""
_pending: dict[str, Callable[[], dict[str, pd.DataFrame]]] = {}
"""Fits started by :func:`begin_fits` and not yet collected, by the digest of their data."""


def begin_fits(con: duckdb.DuckDBPyConnection) -> None:
    """Start the fits in the worker process (forked over every core) and return at once: the caller
    builds other marts meanwhile, and :func:`build` collects them."""
    history, targets = _history(con)
    digest = inputs_digest(history, targets)
    if digest not in _computed and digest not in _pending:
        _pending[digest] = worker.shared().begin(compute, history, targets, len(os.sched_getaffinity(0)))


def settle() -> None:
    """Collect fits begun and not used (a step failed before it built the projections). Their
    failure is the projection marts' to report, not this."""
    for digest in list(_pending):
        with contextlib.suppress(worker.WorkerError):
            _computed[digest] = _pending.pop(digest)()


def _frames(history: official.Inputs, targets: dict) -> dict[str, pd.DataFrame]:
    """The four marts' frames for these data: from memory, from fits begun earlier, or fitted now."""
    digest = inputs_digest(history, targets)
    if digest in _pending:
        frames = _pending.pop(digest)()
    elif digest in _computed:
        frames = _computed[digest]
    else:
        frames = worker.shared().call(compute, history, targets, len(os.sched_getaffinity(0)))
    _computed.clear()
    _computed[digest] = frames
    return frames


def build(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Replace one projection mart: its SQL file types and documents the frame computed here
    (registered as ``_frame``). The fitting runs in the worker process, where statsmodels shares
    scipy with Great Expectations, forked over every core; :func:`begin_fits` starts it early. All
    four marts come from one computation per run."""
    if name not in TABLES:
        raise ValueError(f"no projection named {name}")
    history, targets = _history(con)
    con.register("_frame", _frames(history, targets)[name])
    try:
        run_sql(con, f"marts/{name}")
    finally:
        con.unregister("_frame")
