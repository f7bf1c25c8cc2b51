"""The published projection per segment, and the four marts' frames: the official series as the
backtest sees it, the method the rule picks, its calibrated bands, and the chance of reaching the
final target."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd

from .. import worker
from ..official import SEGMENTS
from ..official.measure import Inputs
from ..quarters import Quarter, parse_quarter, quarter_range
from ..sql_ast import frame_columns
from . import HORIZON, HORIZONS, MEASURE, METHODS, TARGET_QUARTERS, TARGETS, Z80
from .backtest import Track, choose_method, method_backtest, rolling_backtest
from .calibration import calibrate, coverage_summary, published_bands
from .methods import fit_forecast


def horizon_after(last: Quarter) -> Quarter:
    """The last quarter a projection from ``last`` reaches."""
    return max(HORIZON, last.shift(HORIZONS))


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
        rows = coverage_summary(backtest[backtest["methode"] == m], "eigen", False)
        summary += [r | {"methode": m} for r in rows]
    summary += [r | {"methode": method} for r in coverage_summary(calibrated, "gekalibreerd", True)]
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


def _years_known(years: list[int], origin: Quarter) -> list[int]:
    """The jaarmetingen published by the time the figures of ``origin`` were: a year's jaarmeting
    comes out in July of the next year, after that year's first quarter figures."""
    return [y for y in years if Quarter(y + 1, 2) <= origin]


def tracks(inputs: Inputs) -> tuple[dict[str, Track], pd.DataFrame]:
    """Per segment the official series as the backtest sees it, and the herkomst of each quarter of
    the final series."""
    final, herkomst = inputs.official_quarterly()
    years = sorted(set(inputs.annual["markt"]) & set(inputs.annual["overheid"]))
    at = {}
    out = {}
    for segment in SEGMENTS:
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


def compute(
    inputs: Inputs, targets: dict[int, dict[str, int]], processes: int = 1
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
