"""Question 3: whether 25,000 is reachable by 2025-2026: the projections and their chances."""

from __future__ import annotations

import duckdb
from markupsafe import Markup

from ...db import sql_text
from ...texts import Language
from ...texts.catalogue import N_
from .. import charts
from .blocks import ChartPlan, Row, Section, Table, frame, rows
from .known import STATUS_OF_HERKOMST, Status, figure, not_yet
from .outlook import Outlooks


def question_3(
    con: duckdb.DuckDBPyConnection, lang: Language, peil: dict, outlooks: Outlooks
) -> tuple[Section, list[ChartPlan]]:
    section = Section("vraag3", lang.t("v3_titel"), "")
    if not peil["heeft_projectie"]:
        section.answer = not_yet(lang, outlooks.reading)
        return section, []
    goals = list(outlooks.goals.values())  # queried once, in its order (marts.projectie_doel)
    narrow = band_shortfalls(con)
    said = [outlooks.of("overheid", q).sentence for q in outlooks.quarters("overheid")]
    if outlooks.law_from is not None:  # the split is abolished: the total beside the last split
        totals = [q for q in outlooks.quarters("totaal") if int(q[:4]) >= outlooks.law_from]
        if totals:
            target = outlooks.goals[("totaal", totals[0])]["doel"]
            said.append(lang.m("v3_totaal_na_wet", doel=figure(lang, target, Status.GEPUBLICEERD)))
            said += [outlooks.of("totaal", q).sentence for q in totals]
    section.answer = Markup(" ").join(said)
    for segment in ("overheid", "markt", "totaal"):
        if segment in narrow:
            section.text(shortfall(lang, narrow[segment]))
    section.chart("projectie")
    section.table(
        Table(
            "projectie",
            lang.t("projectie_tabel"),
            [
                lang.t(k)
                for k in (
                    N_("kol_segment"),
                    N_("kol_kwartaal"),
                    N_("kol_verwacht"),
                    N_("kol_band80"),
                    N_("kol_band95"),
                    N_("kol_doel"),
                    N_("kol_kans"),
                )
            ],
            [
                Row(
                    [
                        lang.t(r["segment"]),
                        lang.quarter(r["kwartaal"]),
                        lang.n(r["verwacht"]),
                        f"{lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])}",
                        f"{lang.n(r['ondergrens_95'])} – {lang.n(r['bovengrens_95'])}"
                        if r["ondergrens_95"] is not None
                        else "–",  # a nowcast has only its 80% interval
                        lang.n(r["doel"]),
                        outlooks.of(r["segment"], r["kwartaal"]).table_cell(lang),
                    ],
                    data={"segment": r["segment"], "kwartaal": r["kwartaal"]},
                )
                for r in goals
            ],
            source="marts.projectie, marts.projectie_doel",
            numeric_from=2,
        )
    )
    outcomes(con, lang, section)
    final = max((r["doel"] for r in goals if r["segment"] == "overheid"), default=None)
    section.verdict = pace(con, lang, final) if final else ""
    methods = con.execute(sql_text("queries/rapport/projectie_methoden")).fetchall()
    return section, [(charts.chart_projections, (frame(con, "projectie"), methods, lang))]


def band_shortfalls(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """The segments whose published 80% bands, one to four quarters ahead, held less often than
    0.80 by more than two standard errors at some horizon: their coverage range and mean error."""
    return {r["segment"]: r for r in rows(con, "dekking_tekort") if r["te_smal"]}


def shortfall(lang: Language, r: dict) -> str:
    """The plain sentence for bands that did not hold."""
    return lang.t(
        "banden_tekort",
        segment=lang.t(r["segment"]),
        laag=lang.share(r["dekking_laag"]),
        hoog=lang.share(r["dekking_hoog"]),
        bias=lang.n(abs(r["bias"])),
        richting=lang.t(N_("te_hoog") if r["bias"] > 0 else N_("te_laag")),
    )


def pace(con: duckdb.DuckDBPyConnection, lang: Language, target: float) -> Markup:
    """How many banen government still needs for ``target``, from the latest year-end known (a
    published jaarmeting or the nowcast of a later year's end), against its pace between the
    published jaarmetingen (as the scenarios of question 3 count it)."""
    years = [
        r
        for r in rows(con, "verhouding_officieel")
        if (r["kwartaal"] is None or r["kwartaal"].endswith("Q4")) and r["overheid"] is not None
    ]
    if len(years) < 2:
        return Markup("")
    first, last = years[0], years[-1]
    measured = [r for r in years if r["herkomst"] != "nowcast"]  # the pace: as the scenarios, published years
    status = STATUS_OF_HERKOMST[last["herkomst"]]
    needed = target - last["overheid"]
    if len(measured) < 2:
        return Markup("")
    per_year = (measured[-1]["overheid"] - first["overheid"]) / (measured[-1]["jaar"] - first["jaar"])
    facts = {
        "nodig": figure(lang, needed, Status.NOWCAST if status == Status.NOWCAST else Status.AFGELEID),
        "doel": figure(lang, target, Status.GEPUBLICEERD),
        "jaar": last["jaar"],
        "stand": figure(lang, last["overheid"], status),
        "herkomst": lang.origin(last["herkomst"]),
        "eerste": first["jaar"],
        "tempo": figure(lang, per_year, Status.AFGELEID),
    }
    if needed <= 0:
        return lang.m("v3_oordeel_gehaald", **facts)
    if per_year <= 0:
        return lang.m("v3_oordeel_geen_groei", **facts)
    return lang.m("v3_oordeel", **facts, wanneer=int(last["jaar"] + -(-needed // per_year)))


def outcomes(con: duckdb.DuckDBPyConnection, lang: Language, section: Section) -> None:
    """The projections' own test on published figures: each printed jaarmeting beside the
    projection for it made a year before, and whether it fell inside the 80% band."""
    found = rows(con, "projectie_uitkomst")
    if not found:
        return
    government = [r for r in found if r["segment"] == "overheid" and r["gekalibreerd"]]
    last = government[-1] if government else None
    latest = (
        lang.t(
            "uitkomst_laatste",
            jaar=last["jaar"],
            uitkomst=lang.n(last["uitkomst"]),
            waar=lang.t(N_("binnen") if last["binnen_80"] else N_("buiten")),
            laag=lang.n(last["ondergrens_80"]),
            hoog=lang.n(last["bovengrens_80"]),
        )
        if last
        else ""
    )
    section.text(
        lang.t(
            "uitkomst_uitleg",
            n=len(government),
            binnen=sum(bool(r["binnen_80"]) for r in government),
            laatste=latest,
        )
    )
    section.table(
        Table(
            "uitkomst",
            lang.t("uitkomst_tabel"),
            [
                lang.t(k)
                for k in (
                    N_("kol_segment"),
                    N_("kol_jaar"),
                    N_("kol_projectie_vanaf"),
                    N_("kol_verwacht"),
                    N_("kol_band80"),
                    N_("kol_uitkomst"),
                    N_("kol_doel"),
                    N_("kol_binnen_band"),
                )
            ],
            [
                Row(
                    [
                        lang.t(r["segment"]),
                        str(r["jaar"]),
                        lang.quarter(r["oorsprong"]),
                        lang.n(r["voorspeld"]),
                        f"{lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])}"
                        + ("" if r["gekalibreerd"] else f" ({lang.t('eigen_band')})"),
                        f"{lang.n(r['uitkomst'])} ({lang.origin(r['herkomst'])})",
                        lang.n(r[f"doel_{r['segment']}"]),
                        lang.t(N_("ja") if r["binnen_80"] else N_("nee")),
                    ],
                    "" if r["binnen_80"] else "verschil",
                    {
                        "segment": r["segment"],
                        "jaar": r["jaar"],
                        "uitkomst": r["uitkomst"],
                        "binnen_80": r["binnen_80"],
                    },
                )
                for r in found
            ],
            source="marts.projectie_backtest (horizon 4), marts.officiele_meting, referentie.doelen",
            numeric_from=3,
            text_from=7,
        )
    )
