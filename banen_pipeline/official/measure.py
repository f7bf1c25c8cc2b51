"""The official measure computed: the bridges, their backtest, the nowcast and the official series
per quarter (the method: this package's docstring). Imports pandas: never when the code location
loads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pandas as pd

from .. import intervals
from ..db import run_sql, sql_text
from ..quarters import Quarter, parse_quarter
from ..sql_ast import frame_columns
from . import INPUTS, PARTS, SEGMENTS, TABLES

BRIDGES = {
    "gemiddeld_verschil": "quarterly estimate + the mean difference jaarmeting - Q4 estimate of all earlier years",
    "vorig_verschil": "quarterly estimate + last year's difference jaarmeting - Q4 estimate",
    "geen_correctie": "the quarterly estimate as it is",
}
"""The bridge candidates, in the order that breaks ties."""
BY_RULE = "volgens_regel"
"""The backtest's name for the procedure as published: each year the candidate the rule picked."""
MIN_YEARS = 3
"""Backtest years a choice between candidates needs; with fewer the first candidate is used."""
LEVEL = 0.80

Annual = dict[str, dict[int, float]]
"""Per segment, the official value per year."""


def correction(bridge: str, differences: list[float]) -> float:
    """The correction a bridge adds to the quarterly estimate, from the differences jaarmeting - Q4
    estimate of the earlier years (oldest first; at least one)."""
    if bridge == "gemiddeld_verschil":
        return sum(differences) / len(differences)
    if bridge == "vorig_verschil":
        return differences[-1]
    if bridge == "geen_correctie":
        return 0.0
    raise ValueError(f"no bridge {bridge}")


def choose(errors: dict[str, list[float]]) -> str:
    """The rule: the candidate with the lowest mean absolute error (ties to the earlier in BRIDGES),
    once every candidate has MIN_YEARS errors; before that the first candidate."""
    if min(len(e) for e in errors.values()) < MIN_YEARS:
        return next(iter(BRIDGES))
    return min(BRIDGES, key=lambda b: (round(_mae(errors[b]), 6), list(BRIDGES).index(b)))


def _mae(errors: list[float]) -> float:
    return sum(abs(e) for e in errors) / len(errors)


@dataclass
class Bridge:
    """A segment's bridge as learned from some years: the candidate the rule picks, its correction,
    and the rule's own past errors (for the interval)."""

    keuze: str
    correctie: float
    fouten: list[float]
    jaren: list[int]

    def interval(self) -> tuple[float | None, str]:
        return intervals.halfwidth(self.fouten, LEVEL)


def _years_with_all(
    annual: Annual, q4: dict[int, dict[str, float]], years: Iterable[int] | None
) -> list[int]:
    """The years with an official value and a Q4 estimate for both parts (within ``years``)."""
    wanted = set(years) if years is not None else None
    return sorted(
        y for y in q4 if (wanted is None or y in wanted) and all(y in annual.get(p, {}) for p in PARTS)
    )


def backtest(
    annual: Annual, q4: dict[int, dict[str, float]], years: Iterable[int] | None = None
) -> list[dict]:
    """Every year after the first: its jaarmeting nowcast by each candidate and by the rule from what
    existed before it (the earlier jaarmetingen and its own Q4 estimate at the time), beside the
    jaarmeting. ``years``: the jaarmetingen to use (default all)."""
    usable = _years_with_all(annual, q4, years)
    diff = {p: {y: annual[p][y] - q4[y][p] for y in usable} for p in PARTS}
    errors: dict[str, dict[str, list[float]]] = {
        p: {b: [] for b in (*BRIDGES, BY_RULE)} for p in (*PARTS, "totaal")
    }
    rows = []
    for i, year in enumerate(usable[1:], start=1):
        earlier = usable[:i]
        made: dict[
            str, dict[str, tuple[float, float, str]]
        ] = {}  # segment -> method -> (correction, value, choice)
        for p in PARTS:
            made[p] = {}
            for b in BRIDGES:
                c = correction(b, [diff[p][y] for y in earlier])
                made[p][b] = (c, q4[year][p] + c, b)
            pick = choose({b: errors[p][b] for b in BRIDGES})
            made[p][BY_RULE] = (*made[p][pick][:2], pick)
        made["totaal"] = {
            m: (
                made["markt"][m][0] + made["overheid"][m][0],
                made["markt"][m][1] + made["overheid"][m][1],
                m if m != BY_RULE else f"markt: {made['markt'][m][2]}; overheid: {made['overheid'][m][2]}",
            )
            for m in (*BRIDGES, BY_RULE)
        }
        for segment in SEGMENTS:
            truth = annual.get(segment, {}).get(year)
            indicator = q4[year]["totaal"] if segment == "totaal" else q4[year][segment]
            for method, (c, value, choice) in made[segment].items():
                half, kind = intervals.halfwidth(errors[segment][method], LEVEL)
                error = None if truth is None else value - truth
                rows.append(
                    {
                        "jaar": year,
                        "segment": segment,
                        "methode": method,
                        "keuze": choice,
                        "kwartaalschatting": indicator,
                        "correctie": c,
                        "nowcast": value,
                        "jaarmeting": truth,
                        "fout": error,
                        "ondergrens_80": None if half is None else value - half,
                        "bovengrens_80": None if half is None else value + half,
                        "band": kind,
                        "n_eerdere_fouten": len(errors[segment][method]),
                        "binnen_80": None if half is None or error is None else abs(error) <= half,
                    }
                )
                if error is not None:
                    errors[segment][method].append(error)
    return rows


def bridges(
    annual: Annual, q4: dict[int, dict[str, float]], years: Iterable[int] | None = None
) -> dict[str, Bridge]:
    """The bridge per segment learned from all ``years`` (default: every jaarmeting): for nowcasting
    the quarters after the last of them. totaal's is the sum of the parts'."""
    usable = _years_with_all(annual, q4, years)
    if not usable:
        return {}
    rows = backtest(annual, q4, usable)
    found = {}
    for p in PARTS:
        errors = {b: [r["fout"] for r in rows if r["segment"] == p and r["methode"] == b] for b in BRIDGES}
        pick = choose(errors)
        found[p] = Bridge(
            pick,
            correction(pick, [annual[p][y] - q4[y][p] for y in usable]),
            [r["fout"] for r in rows if r["segment"] == p and r["methode"] == BY_RULE],
            usable,
        )
    found["totaal"] = Bridge(
        f"markt: {found['markt'].keuze}; overheid: {found['overheid'].keuze}",
        found["markt"].correctie + found["overheid"].correctie,
        [
            r["fout"]
            for r in rows
            if r["segment"] == "totaal" and r["methode"] == BY_RULE and r["fout"] is not None
        ],
        usable,
    )
    return found


def quarterly(
    indicator: pd.DataFrame,
    annual: Annual,
    q4: dict[int, dict[str, float]],
    herkomst: dict[str, dict[int, str]],
    known: Iterable[int] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The official series per quarter and each value's herkomst, from the quarterly estimate
    ``indicator`` (index Quarter, columns markt, overheid, totaal) and the jaarmetingen of the years
    ``known`` (default all): the jaarmeting at each benchmark Q4 (``herkomst`` of the year),
    ``geinterpoleerd`` between two (the difference to the estimate moves linearly), ``nowcast`` after
    the last (the bridge of the known years). Starts at the first benchmark."""
    known = set(annual["totaal"]) | set(annual["markt"]) if known is None else set(known)
    after = bridges(annual, q4, known)
    values, origins = {}, {}
    for segment in SEGMENTS:
        marks = sorted(y for y in annual.get(segment, {}) if y in known and Quarter(y, 4) in indicator.index)
        if not marks:
            continue
        column = indicator[segment]
        difference = {y: annual[segment][y] - column[Quarter(y, 4)] for y in marks}
        last = Quarter(marks[-1], 4)
        out, kinds = {}, {}
        for quarter in column.index:
            if quarter < Quarter(marks[0], 4):
                continue
            if quarter > last:
                if segment not in after:
                    break
                out[quarter], kinds[quarter] = column[quarter] + after[segment].correctie, "nowcast"
                continue
            before = max(y for y in marks if Quarter(y, 4) <= quarter)
            if Quarter(before, 4) == quarter:
                out[quarter], kinds[quarter] = float(annual[segment][before]), herkomst[segment][before]
                continue
            following = min(y for y in marks if Quarter(y, 4) > quarter)
            share = (quarter.index - Quarter(before, 4).index) / (
                Quarter(following, 4).index - Quarter(before, 4).index
            )
            c = difference[before] + share * (difference[following] - difference[before])
            out[quarter], kinds[quarter] = column[quarter] + c, "geinterpoleerd"
        values[segment], origins[segment] = pd.Series(out, dtype=float), pd.Series(kinds, dtype=object)
    return pd.DataFrame(values), pd.DataFrame(origins)


@dataclass
class Inputs:
    """What the official series is computed from, as read from the warehouse."""

    jaren: pd.DataFrame
    """queries/officieel_jaar: jaar, segment, waarde, herkomst, afleiding, bron_url."""
    indicator: pd.DataFrame
    """The current quarterly estimate: index Quarter, columns markt, overheid, totaal."""
    q4: dict[int, dict[str, float]]
    """Per year the Q4 estimate as it stood when that year's jaarmeting came out."""

    @property
    def annual(self) -> Annual:
        return {
            s: {int(r.jaar): float(r.waarde) for r in self.jaren.itertuples() if r.segment == s}
            for s in SEGMENTS
        }

    @property
    def herkomst(self) -> dict[str, dict[int, str]]:
        return {
            s: {int(r.jaar): r.herkomst for r in self.jaren.itertuples() if r.segment == s} for s in SEGMENTS
        }

    def official_quarterly(self, known: Iterable[int] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        return quarterly(self.indicator, self.annual, self.q4, self.herkomst, known)


def read_inputs(con: duckdb.DuckDBPyConnection) -> Inputs:
    jaren_sql, indicator_sql, q4_sql = INPUTS
    jaren = con.execute(sql_text(jaren_sql)).df()
    indicator = con.execute(sql_text(indicator_sql)).df()
    indicator.index = [parse_quarter(k) for k in indicator.pop("kwartaal")]
    q4 = {
        int(r[0]): {"markt": r[1], "overheid": r[2], "totaal": r[3]}
        for r in con.execute(sql_text(q4_sql)).fetchall()
    }
    return Inputs(jaren, indicator, q4)


def compute(inputs: Inputs) -> dict[str, pd.DataFrame]:
    """Both marts' frames: the official series with the nowcasts after the last jaarmeting, and the
    nowcast backtest."""
    annual = inputs.annual
    rows = [
        {
            "periode": str(int(r.jaar)),
            "jaar": int(r.jaar),
            "kwartaal": None,
            "segment": r.segment,
            "waarde": float(r.waarde),
            "herkomst": r.herkomst,
            "afleiding": r.afleiding,
            "bron_url": r.bron_url,
        }
        for r in inputs.jaren.itertuples()
    ]
    learned = bridges(annual, inputs.q4)
    if learned:
        last = max(learned["markt"].jaren)
        first = min(learned["markt"].jaren)
        for quarter in (q for q in inputs.indicator.index if q > Quarter(last, 4)):
            for segment in SEGMENTS:
                bridge = learned[segment]
                estimate = float(inputs.indicator.at[quarter, segment])
                value = estimate + bridge.correctie
                half, kind = bridge.interval()
                rows.append(
                    {
                        "periode": str(quarter),
                        "jaar": quarter.year,
                        "kwartaal": str(quarter),
                        "segment": segment,
                        "waarde": value,
                        "herkomst": "nowcast",
                        "afleiding": f"kwartaalschatting {estimate:.0f} {bridge.correctie:+.0f} "
                        f"({bridge.keuze}; jaarmetingen {first}-{last})",
                        "ondergrens_80": None if half is None else value - half,
                        "bovengrens_80": None if half is None else value + half,
                        "band": kind,
                        "methode": bridge.keuze,
                        "n_eerdere_fouten": len(bridge.fouten),
                    }
                )
    return {
        "officiele_meting": pd.DataFrame(rows).reindex(columns=list(frame_columns("marts/officiele_meting"))),
        "nowcast_backtest": _with_origin(pd.DataFrame(backtest(annual, inputs.q4)), inputs.herkomst).reindex(
            columns=list(frame_columns("marts/nowcast_backtest"))
        ),
    }


def _with_origin(frame: pd.DataFrame, herkomst: dict[str, dict[int, str]]) -> pd.DataFrame:
    """The backtest rows with the herkomst of the jaarmeting they are compared with."""
    if frame.empty:
        return frame
    frame["herkomst_jaarmeting"] = [
        herkomst[s].get(y) for s, y in zip(frame["segment"], frame["jaar"], strict=True)
    ]
    return frame


def build(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Replace one of the two marts: computed here (milliseconds), typed and documented by its SQL
    file, which reads the frame as ``_frame``."""
    if name not in TABLES:
        raise ValueError(f"no official-measure mart named {name}")
    con.register("_frame", compute(read_inputs(con))[name])
    try:
        run_sql(con, f"marts/{name}")
    finally:
        con.unregister("_frame")
