"""Question 2: how government compares with the market, on the official measure."""

from __future__ import annotations

import duckdb
from markupsafe import Markup

from ...texts import Language
from ...texts.catalogue import N_
from .. import charts
from .blocks import ChartPlan, Row, Section, Table, frame, rows
from .coverage import law
from .known import STATUS_OF_HERKOMST, Figure, Reading, Status, figure, not_yet


def question_2(
    con: duckdb.DuckDBPyConnection, lang: Language, reading: Reading
) -> tuple[Section, list[ChartPlan]]:
    official = rows(con, "verhouding_officieel")
    section = Section("vraag2", lang.t("v2_titel"), "")
    years = [r for r in official if r["kwartaal"] is None and r["verhouding"] is not None]
    if not years:
        section.answer = not_yet(lang, reading)
        return section, []
    last = years[-1]
    status = STATUS_OF_HERKOMST[last["herkomst"]]
    section.answer = lang.m(
        "v2_antwoord",
        jaar=last["jaar"],
        verhouding=Figure(last["verhouding"], Status.AFGELEID, lang.n(last["verhouding"], 2)),
        markt=figure(lang, last["markt"], status),
        overheid=figure(lang, last["overheid"], status),
        ambitie=_one_to(lang, last["ambitie"], Status.GEPUBLICEERD),
        werk=_one_to(lang, last["werkgelegenheid"], Status.GEPUBLICEERD),
    )
    drops = rows(con, "overheid_daling")
    if drops:
        d = drops[-1]
        fall = {"jaar": d["jaar"], "van": lang.n(d["van"]), "naar": lang.n(d["naar"]),
                "verschil": lang.signed(d["verschil"])}  # fmt: skip
        if d["ingevuld"] or d["regulier_van"] is None or d["regulier_naar"] is None:
            # quarterly figures UWV did not print are not evidence: the fall is told without them
            section.text(lang.t("v2_daling_zonder_kwartalen", **fall))
        else:
            section.text(
                lang.t(
                    "v2_daling",
                    **fall,
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
                    N_("kol_periode"),
                    N_("kol_markt"),
                    N_("kol_overheid"),
                    N_("kol_verhouding"),
                    N_("kol_herkomst"),
                    N_("kol_doelverhouding"),
                    N_("kol_schatting"),
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


def verdict(lang: Language, last: dict, first: dict) -> Markup:
    """Government against the market in one sentence: behind even its share of employment, between
    that and the ambition, or at the ambition; and the first year's target beside its outcome."""
    ratio, employment, ambition = last["verhouding"], last["werkgelegenheid"], last["ambitie"]
    key = (
        N_("v2_oordeel_achter")
        if ratio > employment
        else N_("v2_oordeel_tussen")
        if ratio > ambition
        else N_("v2_oordeel_ambitie")
    )
    return lang.m(
        key,
        jaar=last["jaar"],
        verhouding=Figure(ratio, Status.AFGELEID, lang.n(ratio, 2)),
        werk=_one_to(lang, employment, Status.GEPUBLICEERD),
        ambitie=_one_to(lang, ambition, Status.GEPUBLICEERD),
        eerste_jaar=first["jaar"],
        eerste_doel=_one_to(lang, first["verhouding_doel"], Status.AFGELEID, 2),
        eerste=_one_to(lang, first["verhouding"], Status.AFGELEID, 2),
    )


def _one_to(lang: Language, value: float, status: Status, digits: int = 0) -> Figure:
    """A ratio as the report writes it (1 : 4), with its status."""
    return Figure(value, status, f"1 : {lang.n(value, digits)}")
