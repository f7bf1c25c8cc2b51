"""The headline figures, each beside the figure printed for it."""

from __future__ import annotations

import duckdb

from ...texts import Language
from .blocks import Row, Table, leading, official_cell, rows
from .projection import band_shortfalls, chance_or_outcome


def headlines(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> Table:
    """The headline figures, each beside the figure printed for it."""
    year = peil["jaarmeting_jaar"]
    out = []
    official = {r["segment"]: r for r in rows(con, "officieel_jaar", jaar=year)} if year else {}
    for segment, key in (("totaal", "kop_totaal"), ("overheid", "kop_overheid"), ("markt", "kop_markt")):
        r = official.get(segment)
        if not r:
            continue
        figure = lang.t(
            "van_doel",
            waarde=lang.n(r["waarde"]),
            pct=lang.pct(100 * r["waarde"] / r["doel"]),
            doel=lang.n(r["doel"]),
        )
        beside = (
            lang.t("ons_gelijk", ons=lang.n(r["waarde"]))
            if r["herkomst"] == "gepubliceerd"
            else official_cell(lang, r["herkomst"], r["waarde"], r["afleiding"])
        )
        out.append(
            Row(
                [lang.t(key, jaar=year, doel=lang.n(r["doel"])), figure, beside],
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
                ],
                data={"segment": "verhouding", "ons": round(ratio, 2)},
            )
        )
    quarter = rows(con, "kwartaal_landelijk")
    if quarter:
        q = quarter[0]
        cell = leading(lang, q["extra_banen_totaal"], q["gepubliceerd"])
        out.append(
            Row(
                [
                    lang.t("kop_kwartaal", kwartaal=lang.quarter(q["kwartaal"])),
                    cell.shown,
                    cell.beside or lang.t("niet_gepubliceerd"),
                ],
                "verschil" if cell.differs else "",
                {"segment": "kwartaal", "ons": q["extra_banen_totaal"], "gepubliceerd": q["gepubliceerd"]},
            )
        )
    chances = {(r["segment"], r["kwartaal"]): r for r in rows(con, "projectie_doel")}
    if ("overheid", "2025Q4") in chances:
        text = " / ".join(
            chance_or_outcome(lang, chances[("overheid", q)], {})
            for q in ("2025Q4", "2026Q4")
            if ("overheid", q) in chances
        )
        if "overheid" in band_shortfalls(con) and chances[("overheid", "2025Q4")]["is_prognose"]:
            text = lang.t("kans_voorbehoud", kans=text)
        out.append(
            Row(
                [lang.t("kop_kans"), text, lang.t("kans_herkomst")],
                data={"segment": "kans"},
            )
        )
    header = [lang.t("kol_omschrijving"), lang.t("kol_cijfer"), lang.t("kol_volgens_ons")]
    return Table(
        "kerncijfers",
        lang.t("kerncijfers"),
        header,
        out,
        source="marts.officiele_meting, marts.markt_overheid, marts.landelijk_kwartaal, marts.projectie_doel",
        numeric_from=1,
        text_from=2,
    )
