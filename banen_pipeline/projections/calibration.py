"""Bands calibrated out of time: as wide as the errors known at each origin; how they covered what
came after; and the published projection's bands from every error known now."""

from __future__ import annotations

import pandas as pd

from .. import intervals
from . import HORIZONS, LEVELS
from .backtest import mark_inside
from .methods import Forecast


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
    return mark_inside(rows, prefix="gekalibreerd_", suffix="_gekalibreerd")


def coverage_summary(frame: pd.DataFrame, banden: str, published: bool) -> list[dict]:
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
