"""Trend projections of extra banen to 2026Q4, with prediction intervals, and their backtest.

Method (documented in the README): per segment an OLS regression, fitted with statsmodels on the
last ``WINDOW`` quarters of history,

    extra_banen_t = a + b * t + g_Q2 * [Q2] + g_Q3 * [Q3] + g_Q4 * [Q4] + e_t

a linear trend with quarter-of-year effects (Q4 carries year-end hours and, in some years, a 53rd
payroll week). The 80% and 95% bands are the model's prediction intervals for a single future
observation (``get_prediction().summary_frame(alpha)``, columns ``obs_ci_*``). The backtest fits the
same method on the history up to 8 quarters before the last and compares with what happened.

Segments: ``markt`` and ``overheid`` include inleen attributed by SEO's key (as the targets and the
jaarmeting count it), ``totaal`` is UWV's extra_banen_totaal.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from . import worker
from .db import run_sql
from .quarters import Quarter, parse_quarter, quarter_range

WINDOW = 20
"""Quarters of history the model is fitted on: five years, enough for four quarter effects and a
trend, recent enough to reflect the path since the 2017 quotum debate and the 2020 dip."""
HORIZON = Quarter(2026, 4)
TARGET_QUARTERS = (Quarter(2025, 4), Quarter(2026, 4))
BACKTEST_HOLDOUT = 8

SEGMENTS = {
    "markt": ("extra_banen_markt_incl_inleen", "doel_markt"),
    "overheid": ("extra_banen_overheid_incl_inleen", "doel_overheid"),
    "totaal": ("extra_banen_totaal", "doel_totaal"),
}
METHODE = (
    f"OLS trend + quarter-of-year effects on the last {WINDOW} quarters (statsmodels); "
    "80%/95% prediction intervals"
)


def _design(quarters: list[Quarter], origin: Quarter) -> np.ndarray:
    t = np.array([q.index - origin.index for q in quarters], dtype=float)
    dummies = np.array([[float(q.q == k) for k in (2, 3, 4)] for q in quarters])
    return np.column_stack([np.ones_like(t), t, dummies])


def fit_and_forecast(history: pd.Series, until: Quarter) -> tuple[pd.DataFrame, pd.Series, float]:
    """Fit on the last WINDOW points of ``history`` (indexed by Quarter); forecast to ``until``.

    Returns the forecast frame (verwacht and the four bounds), the fitted values, and the slope."""
    from statsmodels.regression.linear_model import OLS  # imported where it runs: in the worker

    window = history.iloc[-WINDOW:]
    quarters = list(window.index)
    origin = quarters[0]
    result = OLS(window.to_numpy(dtype=float), _design(quarters, origin)).fit()
    future = quarter_range(quarters[-1].shift(1), until)
    prediction = result.get_prediction(_design(future, origin))
    band80 = prediction.summary_frame(alpha=0.20)
    band95 = prediction.summary_frame(alpha=0.05)
    forecast = pd.DataFrame(
        {
            "verwacht": band80["mean"].to_numpy(),
            "ondergrens_80": band80["obs_ci_lower"].to_numpy(),
            "bovengrens_80": band80["obs_ci_upper"].to_numpy(),
            "ondergrens_95": band95["obs_ci_lower"].to_numpy(),
            "bovengrens_95": band95["obs_ci_upper"].to_numpy(),
        },
        index=future,
    )
    fitted = pd.Series(result.fittedvalues, index=quarters)
    return forecast, fitted, float(result.params[1])


def _history(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, dict[int, dict[str, int]]]:
    frame = con.execute(
        """
        SELECT m.kwartaal, m.extra_banen_markt_incl_inleen, m.extra_banen_overheid_incl_inleen,
               l.extra_banen_totaal
        FROM marts.markt_overheid AS m JOIN marts.landelijk_kwartaal AS l USING (kwartaal)
        ORDER BY m.kwartaal
        """
    ).df()
    frame.index = [parse_quarter(k) for k in frame.pop("kwartaal")]
    targets = {
        int(row[0]): {"doel_markt": row[1], "doel_overheid": row[2], "doel_totaal": row[3]}
        for row in con.execute(
            "SELECT jaar, doel_markt, doel_overheid, doel_totaal FROM referentie.doelen"
        ).fetchall()
    }
    return frame, targets


def projectie(history: pd.DataFrame, targets: dict[int, dict[str, int]]) -> pd.DataFrame:
    rows = []
    for segment, (column, target_column) in SEGMENTS.items():
        series = history[column].astype(float)
        if len(series) < WINDOW:
            continue
        forecast, fitted, slope = fit_and_forecast(series, HORIZON)
        last_quarter, last_value = series.index[-1], float(series.iloc[-1])
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
                for q, v in forecast["verwacht"].items()
                if final_target is not None and v >= final_target
            ),
            None,
        )
        common = {
            "segment": segment,
            "laatste_kwartaal": str(last_quarter),
            "trend_per_kwartaal": round(slope, 1),
            "benodigd_tempo_per_kwartaal_2025": needed[2025],
            "benodigd_tempo_per_kwartaal_2026": needed[2026],
            "kwartaal_doel_bereikt": reached,
            "methode": METHODE,
        }
        for quarter, value in series.items():
            rows.append(
                {
                    **common,
                    "kwartaal": str(quarter),
                    "gerealiseerd": value,
                    "verwacht": fitted.get(quarter),
                    "is_prognose": False,
                    "doel": targets.get(quarter.year, {}).get(target_column),
                }
            )
        for quarter, band in forecast.iterrows():
            rows.append(
                {
                    **common,
                    "kwartaal": str(quarter),
                    "gerealiseerd": None,
                    **band.to_dict(),
                    "is_prognose": True,
                    "doel": targets.get(quarter.year, {}).get(target_column),
                }
            )
    columns = [
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
    ]
    return pd.DataFrame(rows, columns=columns)


def projectie_backtest(history: pd.DataFrame, _targets: dict[int, dict[str, int]]) -> pd.DataFrame:
    rows = []
    for segment, (column, _) in SEGMENTS.items():
        series = history[column].astype(float)
        if len(series) < WINDOW + BACKTEST_HOLDOUT:
            continue
        train, actual = series.iloc[:-BACKTEST_HOLDOUT], series.iloc[-BACKTEST_HOLDOUT:]
        forecast, _fitted, _slope = fit_and_forecast(train, actual.index[-1])
        for horizon, (quarter, real) in enumerate(actual.items(), start=1):
            band = forecast.loc[quarter]
            error = band["verwacht"] - real
            rows.append(
                {
                    "segment": segment,
                    "kwartaal": str(quarter),
                    "horizon": horizon,
                    "getraind_tot": str(train.index[-1]),
                    "voorspeld": band["verwacht"],
                    "gerealiseerd": real,
                    "fout": error,
                    "absolute_procentuele_fout": abs(error) / abs(real) * 100 if real else None,
                    "binnen_80": bool(band["ondergrens_80"] <= real <= band["bovengrens_80"]),
                    "binnen_95": bool(band["ondergrens_95"] <= real <= band["bovengrens_95"]),
                }
            )
    columns = [
        "segment",
        "kwartaal",
        "horizon",
        "getraind_tot",
        "voorspeld",
        "gerealiseerd",
        "fout",
        "absolute_procentuele_fout",
        "binnen_80",
        "binnen_95",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    per_segment = frame.groupby("segment")
    frame["mape_segment"] = per_segment["absolute_procentuele_fout"].transform("mean")
    frame["bias_segment"] = per_segment["fout"].transform("mean")
    return frame


def build(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Replace marts.projectie or marts.projectie_backtest: its SQL file types and documents the
    frame computed here (registered as ``_frame``). The fitting runs in the worker process, where
    statsmodels shares scipy with Great Expectations instead of costing a second to import here."""
    if name not in ("projectie", "projectie_backtest"):
        raise ValueError(f"no projection named {name}")
    history, targets = _history(con)
    frame = worker.shared().call(f"{__name__}:{name}", history, targets)
    con.register("_frame", frame)
    try:
        run_sql(con, f"marts/{name}")
    finally:
        con.unregister("_frame")
