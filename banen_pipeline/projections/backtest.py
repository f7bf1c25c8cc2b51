"""The rolling-origin backtest: every method from every origin, on the series as known then, beside
what came after; and the rule that picks one method per segment."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..quarters import Quarter
from ..sql_ast import frame_columns
from . import HORIZONS, LEVELS, METHODS, MIN_HISTORY, WINDOW
from .methods import fit_forecast


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
    return mark_inside(pd.DataFrame(rows, columns=_own_columns())), start


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


def mark_inside(frame: pd.DataFrame, prefix: str = "", suffix: str = "") -> pd.DataFrame:
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
