"""The headline figures, each beside the figure printed for it."""

from __future__ import annotations

import duckdb
from markupsafe import Markup

from ...texts import Language
from ...texts.catalogue import N_
from .blocks import Row, Table, leading, official_cell, rows
from .outlook import Outlooks


def headlines(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict, outlooks: Outlooks) -> Table:
    """The headline figures, each beside the figure printed for it."""
    year = outlooks.reading.latest_measured
    out = []
    official = {r["segment"]: r for r in rows(con, "officieel_jaar", jaar=year)} if year else {}
    for segment, key in (
        ("totaal", N_("kop_totaal")),
        ("overheid", N_("kop_overheid")),
        ("markt", N_("kop_markt")),
    ):
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
    ahead = [outlooks.of("overheid", q) for q in outlooks.quarters("overheid")]
    if ahead:
        out.append(
            Row(
                [
                    lang.t("kop_vooruitzicht", jaren=" / ".join(str(o.year) for o in ahead)),
                    Markup(" / ").join(lang.m("vooruitzicht_jaar", jaar=o.year, kort=o.short) for o in ahead),
                    lang.t("vooruitzicht_herkomst"),
                ],
                data={"segment": "vooruitzicht", "herkomst": " ".join(o.status.value for o in ahead)},
            )
        )
    header = [lang.t("kol_omschrijving"), lang.t("kol_cijfer"), lang.t("kol_volgens_ons")]
    return Table(
        "kerncijfers",
        lang.t("kerncijfers"),
        header,
        out,
        source="marts.officiele_meting, marts.markt_overheid, marts.landelijk_kwartaal, marts.projectie_doel, referentie.jaarmeting",
        numeric_from=1,
        text_from=2,
    )
