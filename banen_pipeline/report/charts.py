"""The report's charts: matplotlib, inline SVG, in the reader's language.

Every chart labels both axes, writes numbers with the language's thousands separator, marks a
quarter as "K4 2023" (never a bare year that reads as 1 January), tells its two bands apart by shade,
edge and legend, carries its alt text inside the SVG, and, where it shows a synthetic split, has
the label drawn into the image so a copied chart keeps it.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

import pandas as pd

from ..texts import Language

COLOURS = {
    "markt": "#1f5fa8",
    "overheid": "#c0392b",
    "totaal": "#2e7d32",
    "doel": "#333333",
    "licht": "#9ecae1",
    "gedrukt": "#e6a700",
}


@dataclass
class Chart:
    key: str
    title: str
    svg: str
    alt: str
    caption: str
    source: str


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "none",
            "font.size": 9,
            "font.family": "DejaVu Sans",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#e5e5e5",
            "grid.linewidth": 0.6,
        }
    )
    return plt


def import_libraries() -> None:
    """Import matplotlib for drawing (the worker does it while it waits for work)."""
    _plt()


def _svg(fig, alt: str) -> str:
    """The figure as inline SVG that says what it shows: role img, its alt text as label and title."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.12)
    _plt().close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    label = html.escape(alt, quote=True)
    head_end = text.index(">") + 1
    head = text[:head_end].replace("<svg", f'<svg role="img" aria-label="{label}"', 1)
    return head + f"<title>{label}</title>" + text[head_end:]


def _thousands(ax, lang: Language, axis: str = "y", digits: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(lambda value, _pos: lang.n(value, digits))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(formatter)


def _quarter_axis(ax, quarters: list[str], lang: Language, every: int = 1) -> None:
    """Ticks on the fourth quarters, labelled as such ("K4 2023"), every ``every`` years."""
    ticks = [i for i, q in enumerate(quarters) if q.endswith("Q4")][::-1][::every][::-1]
    ax.set_xticks(ticks, [lang.quarter_tick(quarters[i]) for i in ticks], rotation=90)
    ax.set_xlabel(lang.t("as_kwartaal"))


def _stamp(fig, lang: Language) -> None:
    """The synthetic label, drawn into the image."""
    fig.text(
        0.5,
        -0.01,
        f"{lang.t('synthetisch_beeld')}: {lang.t('synthetisch')}",
        ha="center",
        va="top",
        fontsize=8.5,
        color="#6b4a00",
        bbox={"facecolor": "#fff4ce", "edgecolor": "#e6a700", "boxstyle": "round,pad=0.35"},
    )


def chart_sectors(data: pd.DataFrame, lang: Language) -> Chart:
    """Small multiples: per sector (and government, market) the realisation per year against its
    target."""
    plt = _plt()
    names = list(dict.fromkeys(data["sector"]))
    columns = 4
    rows = -(-len(names) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(10, 2.05 * rows), sharex=True)
    years = sorted(data["jaar"].unique())
    for ax, name in zip(axes.flat, names, strict=False):
        part = data[data["sector"] == name]
        level = part["niveau"].iloc[0]
        colour = COLOURS.get(level, COLOURS["licht"]) if level != "sector" else "#4a7fb5"
        ax.plot(part["jaar"], part["realisatie"], color=colour, marker="o", ms=2.5, lw=1.6)
        ax.plot(part["jaar"], part["taakstelling"], color=COLOURS["doel"], ls="--", lw=1)
        ax.set_title(name if level == "sector" else lang.t(level), fontsize=8.5)
        _thousands(ax, lang)
        ax.tick_params(labelsize=7)
        ax.set_xticks([years[0], years[len(years) // 2], years[-1]])
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    for row in axes:
        row[0].set_ylabel(lang.t("as_banen"), fontsize=7.5)
    for ax in axes[-1]:
        ax.set_xlabel(lang.t("as_jaar"), fontsize=7.5)
    legend_ax = list(axes.flat)[-1]
    legend_ax.plot([], [], color="#4a7fb5", marker="o", ms=3, label=lang.t("gerealiseerd"))
    legend_ax.plot([], [], color=COLOURS["doel"], ls="--", label=lang.t("taakstelling"))
    legend_ax.legend(loc="center", frameon=False)
    fig.tight_layout()
    _stamp(fig, lang)
    alt = lang.t("fig_sectoren_alt", eerste=years[0], laatste=years[-1])
    return Chart(
        "sectoren",
        lang.t("fig_sectoren"),
        _svg(fig, alt),
        alt,
        lang.t("fig_sectoren_noot"),
        "marts.realisatie_sector, marts.officiele_meting",
    )


def _known(value) -> bool:
    return value is not None and value == value


def chart_rijk(data: pd.DataFrame, lang: Language) -> Chart:
    """Totaal Rijk per quarter against its year's target, the printed figures marked and labelled
    (the quarters of the monitor only: a printed figure of another quarter is in the table)."""
    plt = _plt()
    data = data[data["realisatie"].notna()].reset_index(drop=True)
    quarters = list(data["kwartaal"])
    x = list(range(len(quarters)))
    fig, ax = plt.subplots(figsize=(10, 4.4))
    ax.plot(
        x, data["realisatie"], color=COLOURS["overheid"], lw=2, marker="o", ms=3, label=lang.t("gerealiseerd")
    )
    ax.step(
        x,
        data["taakstelling"],
        where="mid",
        color=COLOURS["doel"],
        ls="--",
        lw=1,
        label=lang.t("taakstelling"),
    )
    diamond = {"marker": "D", "color": COLOURS["gedrukt"], "ms": 7, "mec": "black", "mew": 0.6, "ls": "none"}
    labelled = 0
    for i, row in zip(x, data.itertuples(), strict=True):
        if _known(row.gep_taakstelling):
            ax.plot(i, row.gep_taakstelling, **diamond)
            ax.annotate(
                f"{lang.t('gedrukt')} {lang.n(row.gep_taakstelling)}",
                (i, row.gep_taakstelling),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                fontsize=7.5,
            )
        words = []
        if _known(row.gep_realisatie):
            ax.plot(i, row.gep_realisatie, **diamond)
            words.append(lang.n(row.gep_realisatie))
        if _known(row.gep_pct):
            words.append(lang.pct(row.gep_pct, 0))
        if words:
            # alternately below and above the line, so that neighbouring labels do not overlap
            y = row.gep_realisatie if _known(row.gep_realisatie) else row.realisatie
            above = labelled % 2 == 1
            ax.annotate(
                f"{lang.t('gedrukt')} {' / '.join(words)}",
                (i, y),
                xytext=(0, 10 if above else -15),
                textcoords="offset points",
                ha="center",
                va="bottom" if above else "top",
                fontsize=7.5,
                color="#6b4a00",
            )
            labelled += 1
    ax.plot([], [], **diamond, label=lang.t("gedrukt"))
    _quarter_axis(ax, quarters, lang)
    ax.set_ylabel(lang.t("as_banen"))
    _thousands(ax, lang)
    ax.set_ylim(0, max(data["taakstelling"].max(), data["realisatie"].max()) * 1.15)
    ax.legend(loc="upper left", frameon=False)
    if (data["herkomst"] == "synthetisch").any():
        fig.tight_layout()  # the tick labels inside the figure, so that the label below clears them
        _stamp(fig, lang)
    alt = lang.t("fig_rijk_alt", eerste=lang.quarter(quarters[0]), laatste=lang.quarter(quarters[-1]))
    return Chart(
        "rijk",
        lang.t("fig_rijk"),
        _svg(fig, alt),
        alt,
        lang.t("fig_rijk_noot"),
        "marts.realisatie_rijk, referentie.gepubliceerd_sectoren",
    )


def chart_ratio(official: pd.DataFrame, quarterly: pd.DataFrame, lang: Language) -> Chart:
    """The official ratio per year (and nowcast quarters) on a quarter axis, the quarterly estimate
    faint beside it, the reference lines."""
    from ..quarters import parse_quarter, quarter_range

    plt = _plt()
    # one contiguous quarter axis under both series: a jaarmeting stands on its fourth quarter
    periods = [
        k if isinstance(k, str) else f"{int(j)}Q4"
        for k, j in zip(official["kwartaal"], official["jaar"], strict=True)
    ]
    present = sorted({*quarterly["kwartaal"], *periods}, key=parse_quarter)
    quarters = [str(q) for q in quarter_range(parse_quarter(present[0]), parse_quarter(present[-1]))]
    where = {q: i for i, q in enumerate(quarters)}
    fig, ax = plt.subplots(figsize=(10, 4.2))
    ax.plot(
        [where[q] for q in quarterly["kwartaal"]],
        quarterly["verhouding_kwartaalschatting"],
        color="#999999",
        lw=1,
        ls="-",
        label=lang.t("kwartaalschatting_lijn"),
    )
    position = [where[p] for p in periods]
    official = official.assign(x=position).dropna(subset=["x", "verhouding"])
    ax.plot(official["x"], official["verhouding"], color=COLOURS["markt"], lw=1.8, zorder=3)
    for kind, marker, face in (
        ("gepubliceerd", "o", COLOURS["markt"]),
        ("afgeleid", "o", "white"),
        ("nowcast", "^", "white"),
    ):
        part = official[official["herkomst"] == kind]
        if not part.empty:
            ax.plot(
                part["x"],
                part["verhouding"],
                marker,
                color=COLOURS["markt"],
                mfc=face,
                ms=7,
                mew=1.5,
                ls="none",
                zorder=4,
                label=f"{lang.t('jaarmeting')}: {lang.t(kind)}",
            )
            for xv, value in zip(part["x"], part["verhouding"], strict=True):
                ax.annotate(
                    lang.n(value, 2),
                    (xv, value),
                    xytext=(0, 8),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7.5,
                )
    doel = official.dropna(subset=["verhouding_doel"])
    ax.plot(
        doel["x"],
        doel["verhouding_doel"],
        color=COLOURS["doel"],
        ls="--",
        lw=1,
        marker="_",
        ms=10,
        label=lang.t("doelverhouding"),
    )
    # the reference lines as marts.markt_overheid gives them (none without quarterly figures)
    ambition, employment = official["ambitie"].dropna(), official["werkgelegenheid"].dropna()
    ambition = float(ambition.iloc[0]) if len(ambition) else None
    employment = float(employment.iloc[0]) if len(employment) else None
    if ambition is not None:
        ax.axhline(
            ambition, color=COLOURS["totaal"], ls=":", lw=1.2, label=lang.t("ambitie", x=lang.n(ambition))
        )
    if employment is not None:
        ax.axhline(
            employment,
            color=COLOURS["overheid"],
            ls=":",
            lw=1.2,
            label=lang.t("werkgelegenheid", x=lang.n(employment)),
        )
    ax.set_ylim(0, 12)
    _quarter_axis(ax, quarters, lang)
    ax.set_ylabel(lang.t("as_verhouding"))
    _thousands(ax, lang)
    ax.legend(ncol=2, fontsize=8, frameon=False, loc="upper right")
    alt = lang.t(
        "fig_verhouding_alt",
        eerste=int(official["jaar"].min()),
        laatste=int(official["jaar"].max()),
        van=lang.n(official["verhouding"].iloc[0], 2),
        tot=lang.n(official["verhouding"].iloc[-1], 2),
        ambitie=lang.n(ambition),
        werk=lang.n(employment),
    )
    return Chart(
        "verhouding",
        lang.t("fig_verhouding"),
        _svg(fig, alt),
        alt,
        lang.t("fig_verhouding_noot"),
        "marts.officiele_meting, marts.markt_overheid",
    )


def chart_projections(data: pd.DataFrame, methods: list[tuple[str, str]], lang: Language) -> Chart:
    """Per segment the official series, the projection and its two bands, and the target."""
    plt = _plt()
    fig, axes = plt.subplots(1, 3, figsize=(11, 4.3))
    for ax, segment in zip(axes, ("overheid", "markt", "totaal"), strict=True):
        part = data[data["segment"] == segment].reset_index(drop=True)
        quarters = list(part["kwartaal"])
        x = list(range(len(quarters)))
        future = part["is_prognose"].astype(bool)
        xf = [i for i, f in zip(x, future, strict=True) if f]
        colour = COLOURS[segment]
        ax.plot(x, part["gerealiseerd"], color=colour, lw=1.8, label=lang.t("officiele_reeks"))
        marks = part[part["herkomst"].isin(["gepubliceerd", "afgeleid"])]
        ax.plot(marks.index, marks["gerealiseerd"], "o", color=colour, ms=3.5, label=lang.t("jaarmeting"))
        for level, alpha in (("95", 0.12), ("80", 0.35)):  # the wide band pale, with dotted edges
            low, high = part.loc[future, f"ondergrens_{level}"], part.loc[future, f"bovengrens_{level}"]
            ax.fill_between(xf, low, high, color=colour, alpha=alpha, lw=0, label=lang.t(f"band{level}"))
            if level == "95":
                for bound in (low, high):
                    ax.plot(xf, bound, color=colour, lw=0.8, ls=":")
        ax.plot(xf, part.loc[future, "verwacht"], color=colour, ls="--", lw=1.5, label=lang.t("projectie"))
        ax.step(
            x, part["doel"], where="mid", color=COLOURS["doel"], lw=1, ls="-.", label=lang.t("taakstelling")
        )
        _quarter_axis(ax, quarters, lang, every=2)
        ax.tick_params(axis="x", labelsize=7)
        _thousands(ax, lang)
        ax.set_title(lang.t(segment))
        ax.set_ylabel(lang.t("as_extra_banen"))
    axes[0].legend(fontsize=7.5, frameon=False, loc="upper left")
    fig.tight_layout()
    last = data.loc[~data["is_prognose"].astype(bool), "kwartaal"].max()
    until = lang.quarter(data["kwartaal"].max())
    alt = lang.t("fig_projectie_alt", laatste=lang.quarter(last), tot=until)
    words = "; ".join(f"{lang.t(segment)}: {lang.method(code)}" for segment, code in methods)
    return Chart(
        "projectie",
        lang.t("fig_projectie", tot=until),
        _svg(fig, alt),
        alt,
        lang.t("fig_projectie_noot", methoden=words),
        "marts.projectie",
    )


def chart_durability(national: pd.DataFrame, sectors: pd.DataFrame, quarter: str, lang: Language) -> Chart:
    """The national share still working a year later per quarter, and per sector in one quarter."""
    plt = _plt()
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4), gridspec_kw={"width_ratios": [1.1, 1]})
    quarters = list(national["kwartaal"])
    x = list(range(len(quarters)))
    from matplotlib.ticker import FuncFormatter

    left.plot(
        x, national["aandeel_behouden"], color=COLOURS["totaal"], lw=2, label=lang.t("nog_aan_het_werk")
    )
    left.plot(
        x,
        national["aandeel_behouden_zelfde_werkgever"],
        color=COLOURS["totaal"],
        lw=1,
        ls="--",
        label=lang.t("zelfde_werkgever"),
    )
    left.set_ylim(0, 1)
    _quarter_axis(left, quarters, lang, every=2)
    left.set_ylabel(lang.t("as_aandeel"))
    left.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: lang.share(v)))
    left.legend(loc="lower right", frameon=False, fontsize=8)
    shown = sectors[~sectors["onderdrukt"].astype(bool)]
    right.barh(
        list(shown["sector"]),
        shown["aandeel_behouden"],
        color=[COLOURS["markt"] if s in ("markt", "inleen") else "#4a7fb5" for s in shown["sector"]],
    )
    for i, value in enumerate(shown["aandeel_behouden"]):
        right.text(value + 0.01, i, lang.share(value), va="center", fontsize=7.5)
    hidden = sectors[sectors["onderdrukt"].astype(bool)]
    for j, name in enumerate(hidden["sector"], start=len(shown)):
        right.text(0.01, j, f"{name}: {lang.t('onderdrukt')}", va="center", fontsize=7.5, color="#666666")
    right.set_xlim(0, 1.1)
    right.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: lang.share(v)))
    right.set_xlabel(lang.t("as_aandeel"))
    right.set_ylabel(lang.t("kol_sector"))
    right.set_title(lang.t("per_sector", kwartaal=lang.quarter(quarter)), fontsize=9)
    right.tick_params(axis="y", labelsize=7.5)
    left.set_title(lang.t("landelijk"), fontsize=9)
    fig.tight_layout()
    _stamp(fig, lang)
    alt = lang.t(
        "fig_duurzaam_alt",
        eerste=lang.quarter(quarters[0]),
        laatste=lang.quarter(quarters[-1]),
        kwartaal=lang.quarter(quarter),
    )
    return Chart(
        "duurzaamheid",
        lang.t("fig_duurzaam"),
        _svg(fig, alt),
        alt,
        lang.t("duurzaam_uitleg"),
        "marts.microdata_duurzaamheid",
    )


def chart_regions(data: pd.DataFrame, lang: Language) -> Chart:
    """The 35 regions over the quarters: extra banen per 100 persons in the register."""
    plt = _plt()
    grid = data.pivot(
        index=["regiocode", "regio"], columns="kwartaal", values="extra_banen_per_100_doelgroep"
    )
    quarters = list(grid.columns)
    fig, ax = plt.subplots(figsize=(10, 8.5))
    image = ax.imshow(grid.to_numpy(dtype=float), aspect="auto", cmap="viridis", interpolation="nearest")
    ax.grid(False)
    ax.set_yticks(range(len(grid.index)), [f"{code} {name}" for code, name in grid.index], fontsize=7)
    _quarter_axis(ax, quarters, lang)
    ax.set_ylabel(lang.t("kol_regio"))
    ax.tick_params(axis="x", labelsize=7.5)
    colourbar = fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    colourbar.set_label(lang.t("kol_per100"))
    _stamp(fig, lang)
    alt = lang.t("fig_regios_alt", eerste=lang.quarter(quarters[0]), laatste=lang.quarter(quarters[-1]))
    return Chart(
        "regios",
        lang.t("fig_regios"),
        _svg(fig, alt),
        alt,
        lang.t("fig_regios_noot"),
        "marts.realisatie_regio.extra_banen_per_100_doelgroep",
    )
