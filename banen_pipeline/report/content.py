"""What the report says: per section the one-sentence answer, the tables (a printed figure beside ours,
a difference marked) and the charts to draw, all from the marts (``warehouse/queries/rapport``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import duckdb

from ..db import sql_text
from ..texts import Language
from . import charts


def rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    """The report query ``warehouse/queries/rapport/<name>.sql`` as dicts."""
    cursor = con.execute(sql_text(f"queries/rapport/{name}"), params or None)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def frame(con: duckdb.DuckDBPyConnection, name: str, **params: Any):
    return con.execute(sql_text(f"queries/rapport/{name}"), params or None).df()


@dataclass
class Row:
    cells: list[str]
    cls: str = ""
    """CSS classes: ``verschil`` (a printed figure differs from ours), ``synthetisch``, ``som``."""
    data: dict[str, Any] = field(default_factory=dict)
    """``data-*`` attributes: the raw figures behind the cells."""


@dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[Row]
    note: str = ""
    source: str = ""
    numeric_from: int = 1
    """Columns from this one on are right-aligned numbers..."""
    text_from: int | None = None
    """... up to this one (None: to the last)."""

    def numeric(self, column: int) -> bool:
        return column >= self.numeric_from and (self.text_from is None or column < self.text_from)


@dataclass
class Section:
    key: str
    title: str
    answer: str
    blocks: list[tuple[str, Any]] = field(default_factory=list)
    """In order: ("tekst", a paragraph), ("tabel", a Table), ("figuur", the key of a chart)."""

    def text(self, paragraph: str) -> None:
        self.blocks.append(("tekst", paragraph))

    def table(self, table: Table) -> None:
        self.blocks.append(("tabel", table))

    def chart(self, key: str) -> None:
        self.blocks.append(("figuur", key))


ChartPlan = tuple[Callable[..., charts.Chart], tuple]
"""A chart to draw: its drawing function and what it draws (frames, values, the language)."""


def _printed(lang: Language, ours: float | None, printed: float | None, percent: bool = False):
    """The 'published' cell beside ours, and whether the two differ: a count by more than rounding
    (0.5), a printed whole percentage by more than a point."""
    if printed is None or printed != printed:
        return lang.t("niet_gedrukt"), False
    text = lang.pct(printed, 0) if percent else lang.n(printed)
    if ours is None or ours != ours:
        return text, False
    differs = abs(float(ours) - float(printed)) >= (1.0 if percent else 0.5)
    return text + (f" ({lang.t('wijkt_af')})" if differs else ""), differs


def periods(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return rows(con, "peilmomenten")[0]


def headlines(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> Table:
    """The headline figures, each beside the figure printed for it."""
    year = peil["jaarmeting_jaar"]
    out = []
    official = {r["segment"]: r for r in rows(con, "officieel_jaar", jaar=year)} if year else {}
    for segment, key in (("totaal", "kop_totaal"), ("overheid", "kop_overheid"), ("markt", "kop_markt")):
        r = official.get(segment)
        if not r:
            continue
        ours = lang.t(
            "van_doel",
            waarde=lang.n(r["waarde"]),
            pct=lang.pct(100 * r["waarde"] / r["doel"]),
            doel=lang.n(r["doel"]),
        )
        if r["herkomst"] == "gepubliceerd":
            printed = lang.n(r["waarde"])
        else:
            printed = lang.t("afgeleid_uit", afleiding=lang.derivation(r["afleiding"]))
        out.append(
            Row(
                [lang.t(key, jaar=year, doel=lang.n(r["doel"])), ours, printed, "marts.officiele_meting"],
                data={
                    "segment": segment,
                    "ons": r["waarde"],
                    "gepubliceerd": r["waarde"],
                    "herkomst": r["herkomst"],
                },
            )
        )
    if "markt" in official and "overheid" in official:
        ratio = official["markt"]["waarde"] / official["overheid"]["waarde"]
        out.append(
            Row(
                [
                    lang.t("kop_verhouding", jaar=year),
                    f"1 : {lang.n(ratio, 2)}",
                    lang.t(
                        "afgeleid_uit",
                        afleiding=f"{lang.n(official['markt']['waarde'])} / {lang.n(official['overheid']['waarde'])}",
                    ),
                    "marts.markt_overheid.verhouding_officieel",
                ],
                data={"segment": "verhouding", "ons": round(ratio, 2)},
            )
        )
    quarter = rows(con, "kwartaal_landelijk")
    if quarter:
        q = quarter[0]
        printed, differs = _printed(lang, q["extra_banen_totaal"], q["gepubliceerd"])
        out.append(
            Row(
                [
                    lang.t("kop_kwartaal", kwartaal=lang.quarter(q["kwartaal"])),
                    lang.n(q["extra_banen_totaal"]),
                    printed,
                    "marts.landelijk_kwartaal",
                ],
                "verschil" if differs else "",
                {"segment": "kwartaal", "ons": q["extra_banen_totaal"], "gepubliceerd": q["gepubliceerd"]},
            )
        )
    chances = {(r["segment"], r["kwartaal"]): r for r in rows(con, "projectie_doel")}
    if ("overheid", "2025Q4") in chances:
        text = " / ".join(
            lang.chance(chances[("overheid", q)]["kans_doel_bereikt"]) for q in ("2025Q4", "2026Q4")
        )
        out.append(
            Row(
                [lang.t("kop_kans"), text, lang.t("niet_gedrukt"), "marts.projectie_doel"],
                data={"segment": "kans"},
            )
        )
    header = [lang.t("kol_omschrijving"), lang.t("kol_ons"), lang.t("kol_gepubliceerd"), lang.t("bron")]
    return Table("kerncijfers", lang.t("kerncijfers"), header, out, numeric_from=1, text_from=3)


def question_1(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> tuple[Section, list[ChartPlan]]:
    year = peil["jaar"]
    section = Section("vraag1", lang.t("v1_titel"), "")
    plans: list[ChartPlan] = []
    if year is None:
        return section, plans
    table = rows(con, "sectoren", jaar=year)
    sectors = [r for r in table if r["niveau"] == "sector"]
    level = {r["niveau"]: r for r in table if r["niveau"] != "sector"}
    behind = min(sectors, key=lambda r: r["realisatie_pct"]) if sectors else None
    if "overheid" in level and "markt" in level and behind:
        section.answer = (
            lang.t(
                "v1_antwoord",
                jaar=year,
                overheid=lang.n(level["overheid"]["realisatie"]),
                doel_overheid=lang.n(level["overheid"]["taakstelling"]),
                pct_overheid=lang.pct(level["overheid"]["realisatie_pct"]),
                markt=lang.n(level["markt"]["realisatie"]),
                doel_markt=lang.n(level["markt"]["taakstelling"]),
                pct_markt=lang.pct(level["markt"]["realisatie_pct"]),
                gehaald=sum(r["realisatie_pct"] >= 100 for r in sectors) or lang.t("geen"),
                achterste=behind["sector"],
                pct_achterste=lang.pct(behind["realisatie_pct"]),
            )
            + " "
            + lang.t("synthetisch")
        )
    body = []
    for r in table:
        name = r["sector"] if r["niveau"] == "sector" else lang.t(r["niveau"])
        printed, differs = [], False
        for column, ours in (
            ("gep_taakstelling", r["taakstelling"]),
            ("gep_realisatie", r["realisatie"]),
            ("gep_pct", r["realisatie_pct"]),
        ):
            if r[column] is not None:
                text, off = _printed(lang, ours, r[column], percent=column == "gep_pct")
                printed.append(text)
                differs |= off
        if r["niveau"] != "sector":
            printed.append(
                lang.n(r["realisatie"])
                if r["herkomst"] == "gepubliceerd"
                else lang.t("afgeleid_uit", afleiding=lang.derivation(r["afleiding"]))
            )
        body.append(
            Row(
                [
                    name,
                    lang.n(r["taakstelling"]),
                    lang.n(r["realisatie"]),
                    lang.pct(r["realisatie_pct"]),
                    lang.n(r["tekort"]),
                    lang.signed(r["verandering"]),
                    "; ".join(printed) or lang.t("niet_gedrukt"),
                    lang.origin(r["herkomst"]),
                ],
                " ".join(
                    c
                    for c in (
                        "verschil" if differs else "",
                        "synthetisch" if r["herkomst"] == "synthetisch" else "",
                        "som" if r["niveau"] != "sector" else "",
                    )
                    if c
                ),
                {"sector": r["sector"], "ons_pct": r["realisatie_pct"], "gep_pct": r["gep_pct"]},
            )
        )
    section.table(
        Table(
            "sectoren",
            lang.t("v1_tabel", jaar=year),
            [
                lang.t(k)
                for k in ("kol_sector", "kol_taakstelling", "kol_gerealiseerd", "kol_pct", "kol_tekort")
            ]
            + [lang.t("kol_verandering", jaar=year - 1), lang.t("kol_gepubliceerd"), lang.t("kol_herkomst")],
            body,
            lang.t("v1_tabel_noot") + " " + lang.t("synthetisch"),
            "marts.realisatie_sector, marts.officiele_meting, referentie.gepubliceerd_sectoren",
            text_from=6,
        )
    )
    plans.append((charts.chart_sectors, (frame(con, "sectoren_reeks"), lang)))
    section.chart("sectoren")
    rijk = frame(con, "rijk_reeks")
    if not rijk.empty:
        plans.append((charts.chart_rijk, (rijk, lang)))
        section.chart("rijk")
        printed_rows = []
        for r in rows(con, "rijk_reeks"):
            for column, ours, label in (
                ("gep_taakstelling", r["taakstelling"], lang.t("taakstelling")),
                ("gep_realisatie", r["realisatie"], lang.t("gerealiseerd")),
                ("gep_pct", r["realisatie_pct"], "%"),
            ):
                if r[column] is None:
                    continue
                percent = column == "gep_pct"
                text, differs = _printed(lang, ours, r[column], percent)
                mine = (
                    lang.t("niet_beschikbaar")
                    if ours is None
                    else lang.pct(ours)
                    if percent
                    else lang.n(ours)
                )
                printed_rows.append(
                    Row(
                        [lang.quarter(r["kwartaal"]), label, mine, text],
                        "verschil" if differs else "",
                        {
                            "kwartaal": r["kwartaal"],
                            "maat": column.removeprefix("gep_"),
                            "ons": ours,
                            "gepubliceerd": r[column],
                        },
                    )
                )
        section.table(
            Table(
                "rijk_gepubliceerd",
                lang.t("rijk_gepubliceerd_tabel"),
                [lang.t("kol_kwartaal"), lang.t("kol_maat"), lang.t("kol_ons"), lang.t("kol_gepubliceerd")],
                printed_rows,
                source="marts.realisatie_rijk, referentie.gepubliceerd_sectoren",
                numeric_from=2,
            )
        )
    if peil["rijk_kwartaal"]:
        quarter = peil["rijk_kwartaal"]
        section.table(
            Table(
                "rijk_organisaties",
                lang.t("rijk_organisaties", kwartaal=lang.quarter(quarter)),
                [
                    lang.t(k)
                    for k in (
                        "kol_organisatie",
                        "kol_taakstelling",
                        "kol_gerealiseerd",
                        "kol_pct",
                        "kol_tekort",
                        "kol_herkomst",
                    )
                ],
                [
                    Row(
                        [
                            r["organisatie"],
                            lang.n(r["taakstelling"]),
                            lang.n(r["realisatie"], 1),
                            lang.pct(r["realisatie_pct"]),
                            lang.n(r["tekort"], 1),
                            lang.origin(r["herkomst"]),
                        ],
                        "som" if r["is_totaal"] else "synthetisch",
                    )
                    for r in rows(con, "rijk_organisaties", kwartaal=quarter)
                ],
                lang.t("rijk_organisaties_noot"),
                f"marts.realisatie_rijk where kwartaal = '{quarter}'",
                text_from=5,
            )
        )
    return section, plans


def question_2(con: duckdb.DuckDBPyConnection, lang: Language) -> tuple[Section, list[ChartPlan]]:
    official = rows(con, "verhouding_officieel")
    section = Section("vraag2", lang.t("v2_titel"), "")
    years = [r for r in official if r["kwartaal"] is None and r["verhouding"] is not None]
    if not years:
        return section, []
    last = years[-1]
    section.answer = lang.t(
        "v2_antwoord",
        jaar=last["jaar"],
        verhouding=lang.n(last["verhouding"], 2),
        markt=lang.n(last["markt"]),
        overheid=lang.n(last["overheid"]),
        ambitie=lang.n(last["ambitie"]),
        werk=lang.n(last["werkgelegenheid"]),
    )
    section.chart("verhouding")
    section.table(
        Table(
            "verhouding",
            lang.t("verhouding_tabel"),
            [
                lang.t(k)
                for k in (
                    "kol_periode",
                    "kol_markt",
                    "kol_overheid",
                    "kol_verhouding",
                    "kol_herkomst",
                    "kol_doelverhouding",
                    "kol_schatting",
                )
            ],
            [
                Row(
                    [
                        str(r["jaar"]) if r["kwartaal"] is None else lang.quarter(r["kwartaal"]),
                        lang.n(r["markt"]),
                        lang.n(r["overheid"]),
                        lang.n(r["verhouding"], 2),
                        lang.origin(r["herkomst"]),
                        lang.n(r["verhouding_doel"], 2),
                        lang.n(r["verhouding_kwartaalschatting"], 2),
                    ],
                    data={"periode": r["periode"], "verhouding": r["verhouding"], "herkomst": r["herkomst"]},
                )
                for r in official
            ],
            lang.t("fig_verhouding_noot"),
            "marts.officiele_meting, marts.markt_overheid",
        )
    )
    return section, [
        (charts.chart_ratio, (frame(con, "verhouding_officieel"), frame(con, "verhouding_kwartaal"), lang))
    ]


def question_3(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> tuple[Section, list[ChartPlan]]:
    section = Section("vraag3", lang.t("v3_titel"), "")
    if not peil["heeft_projectie"]:
        return section, []
    goals = rows(con, "projectie_doel")
    by = {(r["segment"], r["kwartaal"]): r for r in goals}
    if ("overheid", "2025Q4") in by:
        g = by[("overheid", "2025Q4")]
        section.answer = lang.t(
            "v3_antwoord",
            verwacht=lang.n(g["verwacht"]),
            laag=lang.n(g["ondergrens_80"]),
            hoog=lang.n(g["bovengrens_80"]),
            kans_2025=lang.chance(g["kans_doel_bereikt"]),
            kans_2026=lang.chance(by[("overheid", "2026Q4")]["kans_doel_bereikt"]),
        )
    section.chart("projectie")
    section.table(
        Table(
            "projectie",
            lang.t("projectie_tabel"),
            [
                lang.t(k)
                for k in (
                    "kol_segment",
                    "kol_kwartaal",
                    "kol_verwacht",
                    "kol_band80",
                    "kol_band95",
                    "kol_doel",
                    "kol_kans",
                )
            ],
            [
                Row(
                    [
                        lang.t(r["segment"]),
                        lang.quarter(r["kwartaal"]),
                        lang.n(r["verwacht"]),
                        f"{lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])}",
                        f"{lang.n(r['ondergrens_95'])} – {lang.n(r['bovengrens_95'])}",
                        lang.n(r["doel"]),
                        lang.chance(r["kans_doel_bereikt"]),
                    ]
                )
                for r in goals
            ],
            source="marts.projectie, marts.projectie_doel",
            numeric_from=2,
        )
    )
    methods = con.execute(sql_text("queries/rapport/projectie_methoden")).fetchall()
    return section, [(charts.chart_projections, (frame(con, "projectie"), methods, lang))]


def trust(con: duckdb.DuckDBPyConnection, lang: Language) -> Section:
    section = Section("vertrouwen", lang.t("vertrouwen_titel"), "")
    backtest = rows(con, "nowcast")
    if backtest:
        mae = {r["segment"]: r["gemiddelde_absolute_fout"] for r in backtest}
        judged = [r for r in backtest if r["binnen_80"] is not None]
        section.answer = lang.t(
            "nowcast_uitleg",
            eerste=min(r["jaar"] for r in backtest),
            mae_overheid=lang.n(mae.get("overheid")),
            mae_markt=lang.n(mae.get("markt")),
            mae_totaal=lang.n(mae.get("totaal")),
            binnen=sum(bool(r["binnen_80"]) for r in judged),
            n=len(judged),
        )
        section.table(
            Table(
                "nowcast",
                lang.t("nowcast_tabel"),
                [
                    lang.t(k)
                    for k in (
                        "kol_segment",
                        "kol_jaar",
                        "kol_schatting_vooraf",
                        "kol_interval",
                        "kol_jaarmeting",
                        "kol_fout",
                    )
                ],
                [
                    Row(
                        [
                            lang.t(r["segment"]),
                            str(r["jaar"]),
                            lang.n(r["nowcast"]),
                            "–"
                            if r["ondergrens_80"] is None
                            else f"{lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])}",
                            lang.n(r["jaarmeting"]),
                            lang.signed(r["fout"]),
                        ],
                        "" if r["binnen_80"] in (None, True) else "verschil",
                    )
                    for r in backtest
                ],
                source="marts.nowcast_backtest where methode = 'volgens_regel'",
                numeric_from=2,
            )
        )
    current = rows(con, "nowcast_actueel")
    if current:
        year = max(r["periode"][:4] for r in current)
        listed = "; ".join(
            f"{lang.quarter(r['periode'])} {lang.t(r['segment'])} {lang.n(r['waarde'])} "
            f"({lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])})"
            for r in current
        )
        section.text(lang.t("nowcast_wel", jaar=int(year) - 1 if year else "", nowcasts=listed))
    else:
        section.text(lang.t("nowcast_geen"))
    calibration = rows(con, "kalibratie")
    if calibration:
        first = {r["segment"]: r for r in calibration if r["horizon"] == 1}
        too_narrow = any(
            r["n"] and r["dekking_80"] < 0.8 - 2 * r["dekking_80_se"]
            for r in calibration
            if r["segment"] == "overheid"
        )

        def points(se):
            return lang.n(100 * se) if se is not None else "–"

        if "overheid" in first and "markt" in first:
            section.text(
                lang.t(
                    "banden_uitleg",
                    overheid_80=lang.share(first["overheid"]["dekking_80"]),
                    overheid_n=first["overheid"]["n"],
                    overheid_se=points(first["overheid"]["dekking_80_se"]),
                    markt_80=lang.share(first["markt"]["dekking_80"]),
                    markt_n=first["markt"]["n"],
                    markt_se=points(first["markt"]["dekking_80_se"]),
                    oordeel=lang.t("banden_te_smal" if too_narrow else "banden_ok"),
                )
            )
        section.table(
            Table(
                "kalibratie",
                lang.t("kalibratie_tabel"),
                [lang.t(k) for k in ("kol_segment", "kol_vooruit", "kol_n", "kol_binnen80", "kol_binnen95")],
                [
                    Row(
                        [
                            lang.t(r["segment"]),
                            str(r["horizon"]),
                            str(r["n"]),
                            lang.t("te_weinig")
                            if not r["n"]
                            else f"{lang.share(r['dekking_80'])} ± {points(r['dekking_80_se'])}",
                            lang.t("te_weinig")
                            if not r["n"]
                            else f"{lang.share(r['dekking_95'])} ± {points(r['dekking_95_se'])}",
                        ],
                        "verschil" if r["n"] and r["dekking_80"] < 0.8 - 2 * r["dekking_80_se"] else "",
                    )
                    for r in calibration
                ],
                source="marts.projectie_kalibratie where gepubliceerd",
                numeric_from=1,
            )
        )
    methods = rows(con, "methoden")
    if methods:
        section.text(lang.t("methoden_uitleg"))
        section.table(
            Table(
                "methoden",
                lang.t("methoden_tabel"),
                [
                    lang.t(k)
                    for k in (
                        "kol_segment",
                        "kol_methode",
                        "kol_mase",
                        "kol_scheef",
                        "kol_score",
                        "kol_gekozen",
                    )
                ],
                [
                    Row(
                        [
                            lang.t(r["segment"]),
                            r["methode"],
                            lang.n(r["mase"], 2),
                            lang.n(r["scheefheid"], 2),
                            lang.n(r["score"], 2),
                            "✔" if r["gekozen"] else "",
                        ]
                    )
                    for r in methods
                ],
                source="marts.projectie_kalibratie: keuze_mase, keuze_bias_geschaald, keuze_score",
                numeric_from=2,
            )
        )
    return section


def durability(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> tuple[Section, list[ChartPlan]]:
    section = Section("duurzaamheid", lang.t("duurzaam_titel"), "")
    quarter = peil["duurzaam_kwartaal"]
    if quarter is None:
        section.answer = lang.t("duurzaam_geen")
        return section, []
    national = frame(con, "duurzaam_landelijk")
    last = national[national["kwartaal"] == quarter].iloc[0]
    section.answer = (
        lang.t(
            "duurzaam_antwoord",
            kwartaal=lang.quarter(quarter),
            aandeel=lang.share(last["aandeel_behouden"], 1),
            zelfde=lang.share(last["aandeel_behouden_zelfde_werkgever"], 1),
        )
        + " "
        + lang.t("synthetisch")
    )
    section.chart("duurzaamheid")
    return section, [
        (
            charts.chart_durability,
            (national, frame(con, "duurzaam_sectoren", kwartaal=quarter), quarter, lang),
        )
    ]


def revisions(con: duckdb.DuckDBPyConnection, lang: Language) -> Section:
    section = Section("revisies", lang.t("revisies_titel"), "")
    changes = rows(con, "revisies")
    quarters = sorted({r["kwartaal"] for r in changes})
    totals = [
        r["verschil"] for r in changes if r["maat"] == "extra_banen_totaal" and r["verschil"] is not None
    ]
    biggest = max(totals, key=abs) if totals else 0
    if not quarters:
        section.answer = lang.t("revisies_geen")
        return section
    key = "revisies_antwoord" if len(quarters) == 1 else "revisies_meer"
    section.answer = lang.t(key, n=len(quarters), verschil=lang.signed(biggest))
    section.table(
        Table(
            "revisies",
            lang.t("revisies_titel"),
            [
                lang.t(k)
                for k in (
                    "kol_kwartaal",
                    "kol_bestanden",
                    "kol_maat",
                    "kol_oud",
                    "kol_nieuw",
                    "kol_verschil",
                    "kol_regios",
                )
            ],
            [
                Row(
                    [
                        lang.quarter(r["kwartaal"]),
                        f"{r['oude_versie']} → {r['nieuwe_versie']} ({r['nieuw_bestand']}, {r['nieuwe_publicatiedatum']})",
                        r["maat"],
                        lang.n(r["oude_waarde"]),
                        lang.n(r["nieuwe_waarde"]),
                        lang.signed(r["verschil"]),
                        str(r["regios"]),
                    ],
                    data={"kwartaal": r["kwartaal"], "maat": r["maat"], "verschil": r["verschil"]},
                )
                for r in changes
            ],
            source="marts.revisies (regiocode NL; regions counted where their figure changed)",
            numeric_from=3,
        )
    )
    return section


def regions(con: duckdb.DuckDBPyConnection, lang: Language) -> tuple[Section, list[ChartPlan]]:
    section = Section("regios", lang.t("regios_titel"), lang.t("synthetisch"))
    grid = frame(con, "regio_raster")
    if grid.empty:
        return section, []
    table = rows(con, "regio_tabel")
    quarter = table[0]["kwartaal"]
    section.chart("regios")
    section.table(
        Table(
            "regios",
            lang.t("regios_tabel", kwartaal=lang.quarter(quarter)),
            [lang.t(k) for k in ("kol_regio", "kol_extra", "kol_jaarverandering", "kol_per100")],
            [
                Row(
                    [
                        f"{r['regiocode']} {r['regio']}",
                        lang.n(r["extra_banen_totaal"]),
                        lang.signed(r["verandering_jaar"]),
                        lang.n(r["extra_banen_per_100_doelgroep"], 1),
                    ],
                    "synthetisch",
                )
                for r in table
            ],
            lang.t("regios_noot") + " " + lang.t("synthetisch"),
            f"marts.realisatie_regio where kwartaal = '{quarter}'",
        )
    )
    return section, [(charts.chart_regions, (grid, lang))]


def published(con: duckdb.DuckDBPyConnection, lang: Language) -> Section:
    figures = rows(con, "gepubliceerd")
    counts = {s: sum(r["status"] == s for r in figures) for s in ("gelijk", "verschil", "niet_beschikbaar")}
    section = Section(
        "gepubliceerd",
        lang.t("gepubliceerd_titel"),
        lang.t(
            "gepubliceerd_antwoord",
            n=len(figures),
            gelijk=counts["gelijk"],
            verschil=counts["verschil"],
            geen=counts["niet_beschikbaar"],
        ),
    )
    digits = {True: 1, False: 0}
    body = []
    for r in figures:
        pct = r["maat"].endswith("_pct")
        status = {
            "gelijk": lang.t("gelijk"),
            "verschil": lang.t("wijkt_af"),
            "niet_beschikbaar": lang.t("niet_beschikbaar"),
        }[r["status"]]
        body.append(
            Row(
                [
                    r["bron"],
                    r["periode"],
                    r["maat"],
                    lang.n(r["gepubliceerd"], digits[pct]),
                    lang.n(r["ons"], digits[pct]) if r["ons"] is not None else "–",
                    status,
                    "" if r["kwartaalschatting"] is None else lang.n(r["kwartaalschatting"]),
                ],
                "verschil" if r["status"] == "verschil" else "",
                {
                    "bron": r["bron"],
                    "periode": r["periode"],
                    "maat": r["maat"],
                    "gepubliceerd": r["gepubliceerd"],
                    "ons": r["ons"],
                    "status": r["status"],
                },
            )
        )
    section.table(
        Table(
            "gepubliceerd",
            lang.t("gepubliceerd_titel"),
            [
                lang.t(k)
                for k in (
                    "kol_bron",
                    "kol_periode",
                    "kol_maat",
                    "kol_gepubliceerd",
                    "kol_ons",
                    "kol_status",
                    "kol_schatting",
                )
            ],
            body,
            source="marts.reconciliatie, marts.officiele_meting (sources/reference/published_*.csv)",
            numeric_from=3,
        )
    )
    return section


def gather(con: duckdb.DuckDBPyConnection, lang: Language) -> tuple[dict[str, Any], list[ChartPlan]]:
    """Every section of the report and the charts to draw for them, in order."""
    peil = periods(con)
    plans: list[ChartPlan] = []
    sections = []
    for make in (
        lambda: question_1(con, lang, peil),
        lambda: question_2(con, lang),
        lambda: question_3(con, lang, peil),
        lambda: (trust(con, lang), []),
        lambda: durability(con, lang, peil),
        lambda: (revisions(con, lang), []),
        lambda: regions(con, lang),
        lambda: (published(con, lang), []),
    ):
        section, more = make()
        sections.append(section)
        plans += more
    return {"peil": peil, "kerncijfers": headlines(con, lang, peil), "secties": sections}, plans
