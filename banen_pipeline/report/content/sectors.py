"""Question 1: how each sector stands against its target (the sector reports, the Rijk monitor)."""

from __future__ import annotations

import duckdb

from ...texts import Language
from .. import charts
from .blocks import ChartPlan, Row, Section, Table, frame, official_cell, printed_cell, rows


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
    if "overheid" in level and "markt" not in level and behind:
        section.answer = (
            lang.t(
                "v1_antwoord_zonder_jaarmeting",
                jaar=year,
                overheid=lang.n(level["overheid"]["realisatie"]),
                doel_overheid=lang.n(level["overheid"]["taakstelling"]),
                pct_overheid=lang.pct(level["overheid"]["realisatie_pct"]),
                gehaald=sum(r["realisatie_pct"] >= 100 for r in sectors) or lang.t("geen"),
                achterste=behind["sector"],
                pct_achterste=lang.pct(behind["realisatie_pct"]),
            )
            + " "
            + lang.t("synthetisch")
        )
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
                text, off = printed_cell(lang, ours, r[column], percent=column == "gep_pct")
                printed.append(text)
                differs |= off
        if r["niveau"] != "sector":
            printed.append(official_cell(lang, r["herkomst"], r["realisatie"], r["afleiding"]))
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
                text, differs = printed_cell(lang, ours, r[column], percent)
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
            if r["gep_pct"] is None and r["gep_taakstelling"] and r["gep_realisatie"] is not None:
                derived = 100 * r["gep_realisatie"] / r["gep_taakstelling"]
                text, differs = printed_cell(lang, r["realisatie_pct"], derived, percent=True)
                printed_rows.append(
                    Row(
                        [
                            lang.quarter(r["kwartaal"]),
                            "%",
                            lang.t("niet_beschikbaar") if r["realisatie_pct"] is None else lang.pct(r["realisatie_pct"]),
                            lang.t(
                                "afgeleid_uit",
                                afleiding=f"{lang.n(r['gep_realisatie'])} / {lang.n(r['gep_taakstelling'])} = "
                                f"{lang.pct(derived)}",
                            )
                            + (f" ({lang.t('wijkt_af')})" if differs else ""),
                        ],
                        "verschil" if differs else "",
                        {"kwartaal": r["kwartaal"], "maat": "pct_afgeleid", "ons": r["realisatie_pct"],
                         "gepubliceerd": round(derived, 1)},
                    )
                )  # fmt: skip
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
