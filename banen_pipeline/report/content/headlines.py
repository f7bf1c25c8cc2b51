"""The headline figures, each beside the figure printed for it."""

from __future__ import annotations

import duckdb

from ...texts import Language
from .blocks import Row, Table, official_cell, printed_cell, rows
from .projection import chance_or_outcome


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
        printed = official_cell(lang, r["herkomst"], r["waarde"], r["afleiding"])
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
        printed, differs = printed_cell(lang, q["extra_banen_totaal"], q["gepubliceerd"])
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
            chance_or_outcome(lang, chances[("overheid", q)])
            for q in ("2025Q4", "2026Q4")
            if ("overheid", q) in chances
        )
        out.append(
            Row(
                [lang.t("kop_kans"), text, lang.t("niet_gedrukt"), "marts.projectie_doel"],
                data={"segment": "kans"},
            )
        )
    header = [lang.t("kol_omschrijving"), lang.t("kol_ons"), lang.t("kol_gepubliceerd"), lang.t("bron")]
    return Table("kerncijfers", lang.t("kerncijfers"), header, out, numeric_from=1, text_from=3)
