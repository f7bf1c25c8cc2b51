"""The sections beside the three questions: durability, UWV's revisions, the regions, and every
printed figure beside ours."""

from __future__ import annotations

import duckdb

from ...texts import Language
from ...texts.catalogue import N_
from .. import charts
from .blocks import ChartPlan, Row, Section, Table, frame, rows


def durability(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> tuple[Section, list[ChartPlan]]:
    section = Section("duurzaamheid", lang.t("duurzaam_titel"), "")
    quarter = peil["duurzaam_kwartaal"]
    if quarter is None:
        section.answer = lang.t("duurzaam_geen")
        extract_against_deliveries(con, lang, section)
        return section, []
    national = frame(con, "duurzaam_landelijk")
    last = national[national["kwartaal"] == quarter].iloc[0]
    section.answer = lang.t(
        "duurzaam_antwoord",
        kwartaal=lang.quarter(quarter),
        aandeel=lang.share(last["aandeel_behouden"], 1),
        zelfde=lang.share(last["aandeel_behouden_zelfde_werkgever"], 1),
    )
    section.chart("duurzaamheid")
    extract_against_deliveries(con, lang, section)
    return section, [
        (
            charts.chart_durability,
            (national, frame(con, "duurzaam_sectoren", kwartaal=quarter), quarter, lang),
        )
    ]


def extract_against_deliveries(con: duckdb.DuckDBPyConnection, lang: Language, section: Section) -> None:
    """How the payroll extract reproduces UWV's delivered figures, and every cell where it does not
    (a revision the extract does not follow): shown, and blocking nothing (docs/decisions.md)."""
    found = rows(con, "microdata_verschillen")
    cells = found[0]["n_cellen"] if found else 0
    if not cells:
        return
    differ = [r for r in found if r["kwartaal"] is not None]
    if not differ:
        section.text(lang.t("extract_gelijk", n=lang.n(cells)))
        return
    section.text(lang.t("extract_verschil", n=lang.n(cells), gelijk=lang.n(cells - len(differ)),
                        verschil=lang.n(len(differ))))  # fmt: skip
    section.table(
        Table(
            "extract_verschillen",
            lang.t("extract_verschil_tabel"),
            [
                lang.t(k)
                for k in (
                    N_("kol_kwartaal"),
                    N_("kol_regio"),
                    N_("kol_maat"),
                    N_("kol_extract"),
                    N_("kol_geleverd"),
                    N_("kol_afwijking"),
                )
            ],  # fmt: skip
            [
                Row(
                    [
                        lang.quarter(r["kwartaal"]),
                        f"{r['regiocode']} {r['regio']}",
                        lang.measure(f"extra_banen_{r['categorie']}"),
                        lang.n(r["uit_microdata"]),
                        lang.n(r["geleverd"]),
                        lang.signed(r["verschil"]),
                    ],
                    "verschil",
                    {"kwartaal": r["kwartaal"], "regiocode": r["regiocode"], "categorie": r["categorie"]},
                )
                for r in differ
            ],
            source="marts.microdata_reconciliatie where abs(verschil) > 1",
            numeric_from=3,
        )
    )


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
    key = N_("revisies_antwoord") if len(quarters) == 1 else N_("revisies_meer")
    section.answer = lang.t(key, n=len(quarters), verschil=lang.signed(biggest))
    section.table(
        Table(
            "revisies",
            lang.t("revisies_titel"),
            [
                lang.t(k)
                for k in (
                    N_("kol_kwartaal"),
                    N_("kol_bestanden"),
                    N_("kol_maat"),
                    N_("kol_oud"),
                    N_("kol_nieuw"),
                    N_("kol_verschil"),
                    N_("kol_regios"),
                )
            ],
            [
                Row(
                    [
                        lang.quarter(r["kwartaal"]),
                        f"{r['oude_versie']} → {r['nieuwe_versie']} ({r['nieuw_bestand']}, {r['nieuwe_publicatiedatum']})",
                        lang.measure(r["maat"]),
                        lang.n(r["oude_waarde"]),
                        lang.n(r["nieuwe_waarde"]),
                        lang.signed(r["verschil"]),
                        str(r["regios"]),
                    ],
                    data={"kwartaal": r["kwartaal"], "maat": r["maat"], "verschil": r["verschil"]},
                )
                for r in changes
            ],
            source=lang.t("revisies_bron"),
            numeric_from=3,
        )
    )
    return section


def regions(con: duckdb.DuckDBPyConnection, lang: Language) -> tuple[Section, list[ChartPlan]]:
    section = Section("regios", lang.t("regios_titel"), "")
    grid = frame(con, "regio_raster")
    if grid.empty:
        return section, []
    table = rows(con, "regio_tabel")
    quarter = table[0]["kwartaal"]
    ranked = sorted(table, key=lambda r: r["extra_banen_per_100_doelgroep"])
    section.answer = lang.t(
        "regios_antwoord",
        kwartaal=lang.quarter(quarter),
        hoogste=ranked[-1]["regio"],
        hoog=lang.n(ranked[-1]["extra_banen_per_100_doelgroep"], 1),
        laagste=ranked[0]["regio"],
        laag=lang.n(ranked[0]["extra_banen_per_100_doelgroep"], 1),
    )
    section.chart("regios")
    section.table(
        Table(
            "regios",
            lang.t("regios_tabel", kwartaal=lang.quarter(quarter)),
            [
                lang.t(k)
                for k in (N_("kol_regio"), N_("kol_extra"), N_("kol_jaarverandering"), N_("kol_per100"))
            ],
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
            lang.t("regios_noot"),
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
        if r["status"] == "verschil" and r["bron"] == "published_sectors":
            # why: as the source says, else the sample data's synthetic split over sectors
            reason = (r["reden_en"] if lang.code == "en" else r["reden"]) or lang.t("reden_synthetisch")
            status = f"{status}: {reason}"
        body.append(
            Row(
                [
                    lang.t(f"bron_{r['bron']}"),
                    lang.quarter(r["periode"]) if "Q" in r["periode"] else r["periode"],
                    lang.measure(r["maat"]),
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
                    N_("kol_bron"),
                    N_("kol_periode"),
                    N_("kol_maat"),
                    N_("kol_gepubliceerd"),
                    N_("kol_ons"),
                    N_("kol_status"),
                    N_("kol_schatting"),
                )
            ],
            body,
            source="marts.reconciliatie, marts.officiele_meting (sources/reference/published_*.csv)",
            numeric_from=3,
        )
    )
    return section
