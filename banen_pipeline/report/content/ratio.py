"""Question 2: how government compares with the market, on the official measure."""

from __future__ import annotations

import duckdb

from ...texts import Language
from .. import charts
from .blocks import ChartPlan, Row, Section, Table, frame, rows
from .coverage import law
from .known import Reading


def question_2(
    con: duckdb.DuckDBPyConnection, lang: Language, reading: Reading
) -> tuple[Section, list[ChartPlan]]:
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
    drops = rows(con, "overheid_daling")
    if drops:
        d = drops[-1]
        section.text(
            lang.t(
                "v2_daling",
                jaar=d["jaar"],
                van=lang.n(d["van"]),
                naar=lang.n(d["naar"]),
                verschil=lang.signed(d["verschil"]),
                reg_van=lang.n(d["regulier_van"]),
                reg_naar=lang.n(d["regulier_naar"]),
                inl_van=lang.n(d["inleen_van"]),
                inl_naar=lang.n(d["inleen_naar"]),
            )
        )
    if said := law(con, lang, reading):
        section.text(said)
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
            lang.t("verhouding_tabel_noot"),
            "marts.officiele_meting, marts.markt_overheid",
        )
    )
    section.verdict = verdict(lang, last, years[0])
    return section, [
        (charts.chart_ratio, (frame(con, "verhouding_officieel"), frame(con, "verhouding_kwartaal"), lang))
    ]


def verdict(lang: Language, last: dict, first: dict) -> str:
    """Government against the market in one sentence: behind even its share of employment, between
    that and the ambition, or at the ambition; and the first year's target beside its outcome."""
    ratio, employment, ambition = last["verhouding"], last["werkgelegenheid"], last["ambitie"]
    key = (
        "v2_oordeel_achter"
        if ratio > employment
        else "v2_oordeel_tussen"
        if ratio > ambition
        else "v2_oordeel_ambitie"
    )
    return lang.t(
        key,
        jaar=last["jaar"],
        verhouding=lang.n(ratio, 2),
        werk=lang.n(employment),
        ambitie=lang.n(ambition),
        eerste_jaar=first["jaar"],
        eerste_doel=lang.n(first["verhouding_doel"], 2),
        eerste=lang.n(first["verhouding"], 2),
    )
