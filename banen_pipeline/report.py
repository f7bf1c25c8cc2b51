"""The HTML report for people who would rather look: ``<work dir>/report/index.html``.

Self-contained: the charts are inline SVG drawn by matplotlib, nothing is loaded at view time.
Every headline figure names the table and column it comes from.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape

from . import worker
from .db import sql_text

SYNTHETIC = "Regional and sectoral splits are synthetic, national totals as published."
COLOURS = {"markt": "#1f77b4", "overheid": "#d62728", "inleen": "#7f7f7f", "totaal": "#2ca02c"}


@dataclass
class Chart:
    title: str
    svg: str
    caption: str
    source: str


@dataclass
class Headline:
    text: str
    source: str


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {"svg.fonttype": "none", "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}
    )
    return plt


def _svg(fig) -> str:
    import io

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.15)
    _plt().close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _q(frame: pd.DataFrame) -> list[str]:
    return list(frame["kwartaal"])


def _query(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> duckdb.DuckDBPyConnection:
    """Run the report's query ``warehouse/queries/rapport/<name>.sql`` with its named parameters."""
    return con.execute(sql_text(f"queries/rapport/{name}"), params or None)


def _tick_every_year(ax, quarters: list[str]) -> None:
    ticks = [i for i, q in enumerate(quarters) if q.endswith("Q4")]
    ax.set_xticks(ticks, [quarters[i][:4] for i in ticks])


def chart_national(data: pd.DataFrame) -> Chart:
    plt = _plt()
    quarters = _q(data)
    x = range(len(quarters))
    fig, ax = plt.subplots(figsize=(10, 4.2))
    ax.plot(x, data["extra_banen_totaal"], color=COLOURS["totaal"], lw=2.2, label="totaal")
    ax.plot(x, data["extra_banen_regulier_markt"], color=COLOURS["markt"], label="regulier markt")
    ax.plot(x, data["extra_banen_regulier_overheid"], color=COLOURS["overheid"], label="regulier overheid")
    ax.plot(x, data["extra_banen_inleen"], color=COLOURS["inleen"], label="inleen (not split)")
    for column, colour, label in (
        ("taakstelling_totaal", COLOURS["totaal"], "target totaal"),
        ("taakstelling_markt", COLOURS["markt"], "target markt"),
        ("taakstelling_overheid", COLOURS["overheid"], "target overheid"),
    ):
        ax.step(x, data[column], where="mid", color=colour, ls="--", lw=1, label=label)
    ax.axhline(0, color="black", lw=0.5)
    _tick_every_year(ax, quarters)
    ax.set_ylabel("extra banen since 31-12-2012")
    ax.legend(ncol=4, fontsize=8, frameon=False, loc="upper left")
    return Chart(
        "National extra banen against the target path",
        _svg(fig),
        "Current UWV figures per quarter; dashed: the target of each year (markt and overheid targets count "
        "inleen, which UWV's quarterly figures do not split). No target was set for 2024.",
        "marts.landelijk_kwartaal",
    )


def chart_sectors(data: pd.DataFrame, year: int) -> Chart:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(10, 5))
    colours = [
        COLOURS["markt"] if n == "markt" else COLOURS["overheid"] if n == "overheid" else "#9ecae1"
        for n in data["niveau"]
    ]
    ax.barh(data["sector"], data["realisatie_pct"], color=colours)
    ax.axvline(100, color="black", lw=1, ls="--")
    for i, value in enumerate(data["realisatie_pct"]):
        ax.text(value + 1, i, f"{value:.1f}%", va="center", fontsize=8)
    ax.set_xlabel(f"realisation against target, {year} (%)")
    return Chart(
        f"Realisation per sector, {year}",
        _svg(fig),
        f"The 13 public sectors (light; synthetic split in the sample data), government as a whole (red: the sum "
        f"of the sectors, equal to the published jaarmeting) and the market (blue: published jaarmeting). {SYNTHETIC}",
        f"marts.realisatie_sector where jaar = {year}",
    )


def chart_ratio(data: pd.DataFrame) -> Chart:
    plt = _plt()
    quarters = _q(data)
    x = range(len(quarters))
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(
        x,
        data["verhouding_regulier"],
        color=COLOURS["markt"],
        marker=".",
        label="markt : overheid, regular jobs",
    )
    ax.plot(
        x, data["verhouding_kwartaalschatting"], color="#9467bd", marker=".", label="incl. inleen (SEO key)"
    )
    ax.step(
        x,
        data["verhouding_doel"],
        where="mid",
        color="black",
        ls="--",
        lw=1,
        label="target ratio of the year",
    )
    # the reference lines as the mart gives them (ambitie, werkgelegenheid), not as literals here
    for column, colour, label in (
        ("ambitie", "totaal", "ambition"),
        ("werkgelegenheid", "overheid", "employment"),
    ):
        if not data.empty:
            ratio = data[column].iloc[-1]
            ax.plot(x, data[column], color=COLOURS[colour], ls=":", label=f"{label} 1:{ratio:g}")
    ax.set_ylim(0, 20)
    _tick_every_year(ax, quarters)
    ax.set_ylabel("extra banen markt per extra baan overheid")
    ax.legend(ncol=3, fontsize=8, frameon=False)
    return Chart(
        "Market against government",
        _svg(fig),
        "Extra banen in the market per extra baan in government. Before 2017Q2 government's regular extra banen "
        "were negative, so there is no ratio (NULL with a reason in the table); values above 20 are cut off.",
        "marts.markt_overheid",
    )


def chart_projections(data: pd.DataFrame, methods: list[tuple[str, str]]) -> Chart:
    plt = _plt()
    fig, axes = plt.subplots(1, 3, figsize=(12, 4))
    for ax, segment in zip(axes, ("markt", "overheid", "totaal"), strict=True):
        part = data[data["segment"] == segment].reset_index(drop=True)
        quarters = _q(part)
        x = list(range(len(quarters)))
        future = part["is_prognose"]
        xf = [i for i, f in zip(x, future, strict=True) if f]
        ax.plot(x, part["gerealiseerd"], color=COLOURS[segment], lw=2, label="observed")
        ax.fill_between(
            xf,
            part.loc[future, "ondergrens_95"],
            part.loc[future, "bovengrens_95"],
            color=COLOURS[segment],
            alpha=0.15,
            label="95%",
        )
        ax.fill_between(
            xf,
            part.loc[future, "ondergrens_80"],
            part.loc[future, "bovengrens_80"],
            color=COLOURS[segment],
            alpha=0.3,
            label="80%",
        )
        ax.plot(xf, part.loc[future, "verwacht"], color=COLOURS[segment], ls="--", label="projection")
        ax.step(x, part["doel"], where="mid", color="black", lw=1, ls=":", label="target")
        _tick_every_year(ax, quarters)
        ax.tick_params(axis="x", labelrotation=90, labelsize=7)
        ax.set_title(segment)
    axes[0].legend(fontsize=8, frameon=False)
    return Chart(
        "Projections to 2026Q4",
        _svg(fig),
        "Bands are 80% and 95% bands calibrated on a rolling-origin backtest (see below). Markt and overheid "
        "include inleen attributed by SEO's key. Methods, chosen per segment by the rule in the README: "
        + "; ".join(f"{segment}: {text}" for segment, text in methods)
        + ".",
        "marts.projectie",
    )


def chart_rijk(data: pd.DataFrame, quarter: str) -> Chart:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(10, 4.6))
    colours = [COLOURS["overheid"] if t else "#fcbba1" for t in data["is_totaal"]]
    ax.barh(data["organisatie"], data["realisatie_pct"], color=colours)
    ax.axvline(100, color="black", lw=1, ls="--")
    ax.set_xlabel(f"realisation against the target of the year, {quarter} (%)")
    return Chart(
        f"Sector Rijk per organisation, {quarter}",
        _svg(fig),
        f"Monitor Banenafspraak Rijk, current version. The split over organisations is synthetic in the sample data; "
        f"Totaal Rijk (dark) equals the published figures where they exist. {SYNTHETIC}",
        f"marts.realisatie_rijk where kwartaal = '{quarter}'",
    )


def chart_regions(data: pd.DataFrame) -> Chart:
    """A heatmap of the 35 regions over the quarters: extra banen per 100 persons in the register, which
    compares regions of different size. Regions in UWV's order (AM01 Groningen .. AM38 Food Valley)."""
    plt = _plt()
    grid = data.pivot(
        index=["regiocode", "regio"], columns="kwartaal", values="extra_banen_per_100_doelgroep"
    )
    quarters = list(grid.columns)
    fig, ax = plt.subplots(figsize=(10, 8.5))
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="viridis", interpolation="nearest")
    ax.set_yticks(range(len(grid.index)), [f"{code} {name}" for code, name in grid.index], fontsize=7)
    _tick_every_year(ax, quarters)
    ax.tick_params(axis="x", labelsize=8)
    colourbar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    colourbar.set_label("extra banen per 100 persons in the register")
    return Chart(
        "Regions over time",
        _svg(fig),
        "Extra banen since 31-12-2012 per 100 persons in the doelgroepregister, per arbeidsmarktregio and quarter "
        "(current versions). Synthetic: in the sample data the split over regions is made up, consistent with the "
        f"published national totals; it is not a fact about any region. {SYNTHETIC}",
        "marts.realisatie_regio.extra_banen_per_100_doelgroep",
    )


def headlines(con) -> list[Headline]:
    """The headline figures, each with the table it comes from; a figure without data is left out."""
    out = []
    latest = _query(con, "kop_landelijk").fetchone()
    if latest is None:
        return out
    q, total, target, pct = latest
    target_text = (
        f", {pct:.1f}% of the {target:,} target for {q[:4]}" if target else " (no target for that year)"
    )
    out.append(
        Headline(
            f"In {q} employers had created {total:,} extra banen since 31-12-2012{target_text}.",
            f"marts.landelijk_kwartaal.extra_banen_totaal, realisatie_pct where kwartaal = '{q}'",
        )
    )
    row = _query(con, "kop_verhouding").fetchone()
    if row is not None:
        out.append(
            Headline(
                f"For every extra baan in government the market created {row[1]:.2f} (regular jobs; {row[2]:.2f} with "
                f"inleen attributed) in {row[0]}; the target ratio that year was {row[3]:.1f}, the ambition {row[4]:g}.",
                f"marts.markt_overheid.verhouding_regulier, verhouding_kwartaalschatting, verhouding_doel "
                f"where kwartaal = '{row[0]}'",
            )
        )
    row = _query(con, "kop_overheid").fetchone()
    if row is not None:
        year, real, target, pct = row
        out.append(
            Headline(
                f"Government reached {real:,} of its {target:,} target in {year} ({pct:.1f}%), "
                "as in the published jaarmeting.",
                f"marts.realisatie_sector where jaar = {year} and sector = 'Overheid'",
            )
        )
    for segment in ("markt", "overheid", "totaal"):
        row = _query(con, "kop_projectie", segment=segment, eerste="2025Q4", tweede="2026Q4").fetchone()
        if row is None:
            continue
        exp, low, high, doel, reached, needed, trend, chance_2025, chance_2026 = row
        verdict = f"reached in {reached}" if reached else "not reached by 2026Q4 on the central projection"
        out.append(
            Headline(
                f"Projection {segment}: {exp:,.0f} extra banen in 2025Q4 (95% band {low:,.0f}–{high:,.0f}) against "
                f"the final target of {doel:,}; {verdict}. The chance of reaching it is {_chance(chance_2025)} by "
                f"2025Q4 and {_chance(chance_2026)} by 2026Q4. It needs {needed:,.0f} a quarter, the projection "
                f"gives {trend:,.0f}.",
                f"marts.projectie, marts.projectie_doel where segment = '{segment}'",
            )
        )
    gelijk, verschil, niet_beschikbaar, landelijk_gelijk, landelijk = _query(
        con, "kop_reconciliatie"
    ).fetchone()
    out.append(
        Headline(
            f"{landelijk_gelijk} of {landelijk} published national quarterly figures are reproduced exactly; over "
            f"all published figures {gelijk} agree, {verschil} differ (explained in the README) and "
            f"{niet_beschikbaar} cannot be computed.",
            "marts.reconciliatie.status",
        )
    )
    return out


def _chance(p: float) -> str:
    """A probability in words a minister can repeat: "below 1%", "about 20%", "above 99%"."""
    if p < 0.01:
        return "below 1%"
    if p > 0.99:
        return "above 99%"
    return f"about {p * 100:.0f}%"


def calibration(con) -> dict:
    """Coverage per horizon of the published bands, and the same for the methods' own bands."""
    rows = _query(con, "kalibratie").df()
    if rows.empty:
        return {}
    own = _query(con, "kalibratie_eigen").fetchall()
    origins = _query(con, "oorsprongen").fetchone()
    segments = sorted(rows["segment"].unique())
    per_horizon = [
        {"horizon": h, **{s: part[part["segment"] == s].iloc[0].to_dict() for s in segments}}
        for h, part in rows.groupby("horizon")
    ]
    means = rows.groupby("segment")[["dekking_80", "dekking_95"]].mean()
    return {
        "segments": segments,
        "per_horizon": per_horizon,
        "gemiddeld": {s: means.loc[s].to_dict() for s in segments},
        "eigen": {s: {"dekking_80": c80, "dekking_95": c95} for s, c80, c95 in own},
        "banden": {s: rows.loc[rows["segment"] == s, "banden"].iloc[0] for s in segments},
        "oorsprongen": {"n": origins[0], "eerste": origins[1], "laatste": origins[2]},
    }


ChartPlan = tuple[Callable[..., Chart], tuple]
"""A chart to draw: its drawing function and the data (frames, values) it draws."""
DRAWN_IN_WORKER = ("chart_projections", "chart_regions")
"""The two slowest charts (about 0.4 s each): the worker process draws them while this one exports
and draws the others."""


def chart_plans(con: duckdb.DuckDBPyConnection) -> list[ChartPlan]:
    """The report's charts in their order, with what each draws (queried here, drawn anywhere)."""
    year, quarter, _last, has_projections = _query(con, "peilmomenten").fetchone()
    plans: list[ChartPlan] = [(chart_national, (_query(con, "landelijk").df(),))]
    if year is not None:
        plans.append((chart_sectors, (_query(con, "sectoren", jaar=year).df(), year)))
    plans.append((chart_ratio, (_query(con, "verhouding").df(),)))
    if has_projections:
        methods = _query(con, "projectie_methoden").fetchall()
        plans.append((chart_projections, (_query(con, "projectie").df(), methods)))
    if quarter is not None:
        plans.append((chart_rijk, (_query(con, "rijk", kwartaal=quarter).df(), quarter)))
    grid = _query(con, "regio_raster").df()
    if not grid.empty:
        plans.append((chart_regions, (grid,)))
    return plans


def draw(plans: list[ChartPlan]) -> list[Chart]:
    """Draw the planned charts (in the worker process, or here)."""
    return [function(*data) for function, data in plans]


def import_libraries() -> None:
    """Import matplotlib for drawing (the worker does it while it waits for work)."""
    _plt()


@contextmanager
def drawing(con: duckdb.DuckDBPyConnection) -> Iterator[Callable[[], list[Chart]]]:
    """Plan the charts and start drawing the slowest in the worker; yields a function that draws the
    rest here and returns them all in order. The worker's answer is taken on leaving, even when the
    caller failed, so the worker is free again."""
    plans = chart_plans(con)
    there = [i for i, (function, _data) in enumerate(plans) if function.__name__ in DRAWN_IN_WORKER]
    pending = [worker.shared().begin(draw, [plans[i] for i in there])]

    def take() -> list[Chart]:
        """The worker's charts (once: its answer can be read only once)."""
        return pending.pop()() if pending else []

    def charts() -> list[Chart]:
        here = iter(draw([plan for i, plan in enumerate(plans) if i not in there]))
        drawn = dict(zip(there, take(), strict=True))
        return [drawn[i] if i in drawn else next(here) for i in range(len(plans))]

    try:
        yield charts
    finally:
        take()


def build_report(con: duckdb.DuckDBPyConnection, out_dir: Path, warehouse: Path) -> Path:
    """Write ``out_dir/index.html`` (atomically) and return its path."""
    with drawing(con) as charts:
        return write_report(con, charts(), out_dir, warehouse)


def write_report(con: duckdb.DuckDBPyConnection, charts: list[Chart], out_dir: Path, warehouse: Path) -> Path:
    """Write ``out_dir/index.html`` with these charts (atomically) and return its path."""
    last = _query(con, "peilmomenten").fetchone()[2]
    regions = _query(con, "regio_tabel").df()
    env = Environment(loader=PackageLoader("banen_pipeline"), autoescape=select_autoescape())
    html = env.get_template("report.html.j2").render(
        laatste_kwartaal=last,
        gemaakt=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        warehouse=warehouse.name,
        headlines=headlines(con),
        charts=charts,
        kalibratie=calibration(con),
        regios=regions.astype(object).where(regions.notna(), None).to_dict("records"),
        regio_kwartaal=regions["kwartaal"].iloc[0] if not regions.empty else "",
        synthetisch=SYNTHETIC,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / ".index.html.tmp"
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out_dir / "index.html")
    return out_dir / "index.html"
