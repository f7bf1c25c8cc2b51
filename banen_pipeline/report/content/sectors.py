"""Question 1: how each sector stands against its target (the sector reports, the Rijk monitor)."""

from __future__ import annotations

import duckdb
from markupsafe import Markup

from ...texts import Language
from ...texts.catalogue import N_
from .. import charts
from .blocks import ChartPlan, Leading, Row, Section, Table, frame, leading, official_cell, rows
from .coverage import said_in, source_name
from .known import STATUS_OF_HERKOMST, Figure, Quote, Reading, Status, figure, not_yet, percent


def question_1(
    con: duckdb.DuckDBPyConnection, lang: Language, peil: dict, reading: Reading
) -> tuple[Section, list[ChartPlan]]:
    year = peil["jaar"]
    section = Section("vraag1", lang.t("v1_titel"), "")
    plans: list[ChartPlan] = []
    if year is None:
        section.answer = not_yet(lang, reading)
        return section, plans
    table = [_lead(lang, r) for r in rows(con, "sectoren", jaar=year)]
    sectors = sorted((r for r in table if r["niveau"] == "sector"), key=lambda r: r["pct_getoond"])
    level = {r["niveau"]: r for r in table if r["niveau"] != "sector"}
    table = sectors + [level[k] for k in ("overheid", "markt") if k in level]
    if "overheid" in level and sectors:
        section.answer = _answer(con, lang, reading, year, level, sectors)
        overheid = level["overheid"]
        markt = level.get("markt", {})
        key = N_("v1_oordeel") if markt else N_("v1_oordeel_zonder_jaarmeting")
        section.verdict = lang.m(
            key,
            **_counts(lang, year, overheid, markt),
            tekort=figure(lang, overheid["tekort"], Status.AFGELEID),
            conclusie=_conclusion(lang, level),
        )
    body = []
    for r in table:
        target, realised, percent = r["cellen"]
        printed = [r["gep_taakstelling"], r["gep_realisatie"], r["gep_pct"]]
        shortfall, change = lang.n(r["tekort"]), lang.signed(r["verandering"])
        if r["niveau"] == "sector" and any(p is not None for p in printed):
            # one consistent set: the printed figures with their own shortfall, ours whole beside them
            target, realised, percent = (
                c if p is not None else Leading("–", "", False)
                for c, p in zip(r["cellen"], printed, strict=True)
            )
            shortfall = lang.n(max(printed[0] - printed[1], 0)) if None not in printed[:2] else "–"
            change = "–"
            beside = [_ours_whole(lang, r, year - 1)]
        else:
            beside = [
                f"{label}: {cell.beside}" if len([c for c in r["cellen"] if c.beside]) > 1 else cell.beside
                for label, cell in zip(
                    (lang.t("taakstelling"), lang.t("gerealiseerd"), "%"), r["cellen"], strict=True
                )
                if cell.beside
            ]
        if r["niveau"] != "sector" and r["herkomst"] != "gepubliceerd":
            beside.append(official_cell(lang, r["herkomst"], r["realisatie"], r["afleiding"]))
        differs = any(c.differs for c in r["cellen"])
        body.append(
            Row(
                [
                    r["sector"] if r["niveau"] == "sector" else lang.t(r["niveau"]),
                    target.shown,
                    realised.shown,
                    percent.shown,
                    shortfall,
                    change,
                    "; ".join(beside) or "–",
                    _origin(lang, r),
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
                for k in (
                    N_("kol_sector"),
                    N_("kol_taakstelling"),
                    N_("kol_gerealiseerd"),
                    N_("kol_pct"),
                    N_("kol_tekort"),
                )
            ]
            + [lang.t("kol_verandering", jaar=year - 1), lang.t("kol_volgens_ons"), lang.t("kol_herkomst")],
            body,
            lang.t("v1_tabel_noot"),
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
        printed_rows = [row for r in rows(con, "rijk_reeks") for row in _rijk_printed(lang, r)]
        section.table(
            Table(
                "rijk_gepubliceerd",
                lang.t("rijk_gepubliceerd_tabel"),
                [
                    lang.t("kol_kwartaal"),
                    lang.t("kol_maat"),
                    lang.t("kol_gepubliceerd"),
                    lang.t("kol_volgens_ons"),
                ],
                printed_rows,
                source="marts.realisatie_rijk, referentie.gepubliceerd_sectoren",
                numeric_from=2,
                text_from=3,
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
                        N_("kol_organisatie"),
                        N_("kol_taakstelling"),
                        N_("kol_gerealiseerd"),
                        N_("kol_pct"),
                        N_("kol_tekort"),
                        N_("kol_herkomst"),
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
        changes = rows(con, "rijk_wijzigingen")
        if changes:
            listed = {
                kind: "; ".join(
                    f"{r['organisatie']} ({lang.quarter(r['kwartaal'])})"
                    for r in changes
                    if r["wijziging"] == kind
                )
                or lang.t("geen")
                for kind in ("nieuw", "weg")
            }
            section.text(lang.t("rijk_wijzigingen", nieuw=listed["nieuw"], weg=listed["weg"]))
    return section, plans


def _answer(
    con: duckdb.DuckDBPyConnection, lang: Language, reading: Reading, year: int, level: dict, sectors: list
) -> Markup:
    """Question 1's answer: the newest published statement on the sectors first, then government and
    the market on the jaarmeting (or the sector reports), then the synthetic split, saying so."""
    parts = []
    said = rows(con, "publicaties", onderwerp="sectoren", per=reading.per)
    if said:
        last = said[-1]
        parts.append(
            lang.m(
                "v1_gepubliceerd",
                jaar=last["jaar"],
                kenmerk=last["kenmerk"] or source_name(last["bron_url"]),
                datum=lang.date(last["datum"]),
                uitspraak=Quote(said_in(lang, last)),
            )
        )
    overheid, markt = level["overheid"], level.get("markt")
    key = N_("v1_jaarmeting") if markt else N_("v1_sectorrapportages")
    parts.append(lang.m(key, **_counts(lang, year, overheid, markt or {})))
    behind = sectors[0]
    met = sum(r["pct_getoond"] >= 100 for r in sectors)
    parts.append(
        lang.m(
            "v1_synthetisch",
            jaar=year,
            aantal=Figure(len(sectors), Status.AFGELEID, str(len(sectors))),
            gehaald=Figure(met, Status.SYNTHETISCH, str(met)),
            achterste=behind["sector"],
            pct_achterste=percent(
                lang,
                behind["pct_getoond"],
                STATUS_OF_HERKOMST.get(behind["herkomst"], Status.SYNTHETISCH),
                0 if behind["gep_pct"] is not None else 1,
            ),
        )
    )
    return Markup(" ").join(parts)


def _counts(lang: Language, year: int, overheid: dict, markt: dict) -> dict:
    """Government's and the market's figures of ``year`` for a sentence, each with its status."""

    def status(r: dict) -> Status:
        return STATUS_OF_HERKOMST.get(r.get("herkomst"), Status.SYNTHETISCH)

    def ratio(r: dict) -> Status:  # a share of a target: derived, unless its count is synthetic
        return Status.SYNTHETISCH if status(r) == Status.SYNTHETISCH else Status.AFGELEID

    return {
        "jaar": year,
        "overheid": figure(lang, overheid["realisatie"], status(overheid)),
        "doel_overheid": figure(lang, overheid["taakstelling"], Status.GEPUBLICEERD),
        "pct_overheid": percent(lang, overheid["realisatie_pct"], ratio(overheid)),
        "markt": figure(lang, markt.get("realisatie"), status(markt)),
        "doel_markt": figure(lang, markt.get("taakstelling"), Status.GEPUBLICEERD),
        "pct_markt": percent(lang, markt.get("realisatie_pct"), ratio(markt)),
    }


def _ours_whole(lang: Language, r: dict, before: int) -> str:
    """Our whole set of figures for a sector beside its printed ones, and why they differ."""
    differs = any(c.differs for c in r["cellen"])
    return lang.t(
        "ons_rij",
        realisatie=lang.n(r["realisatie"]),
        taakstelling=lang.n(r["taakstelling"]),
        pct=lang.pct(r["realisatie_pct"]),
        tekort=lang.n(r["tekort"]),
        verandering=lang.signed(r["verandering"]),
        vorig=before,
    ) + (f" ({lang.t('reden_synthetisch')})" if differs and r["herkomst"] == "synthetisch" else "")


def _lead(lang: Language, r: dict) -> dict:
    """A row of the sector table with its three figures as shown: printed where printed, ours beside."""
    reason = lang.t("reden_synthetisch") if r["herkomst"] == "synthetisch" else ""
    cells = (
        leading(lang, r["taakstelling"], r["gep_taakstelling"], reason=reason),
        leading(lang, r["realisatie"], r["gep_realisatie"], reason=reason),
        leading(lang, r["realisatie_pct"], r["gep_pct"], percent=True, reason=reason),
    )
    return r | {"cellen": cells, "pct_getoond": r["realisatie_pct"] if r["gep_pct"] is None else r["gep_pct"]}


def _origin(lang: Language, r: dict) -> str:
    """Where a sector row's figures come from, in words: which are printed, the rest by origin."""
    printed = [
        label
        for label, column in (
            (lang.t("taakstelling"), "gep_taakstelling"),
            (lang.t("gerealiseerd"), "gep_realisatie"),
            ("%", "gep_pct"),
        )
        if r[column] is not None
    ]
    if not printed or r["herkomst"] == "gepubliceerd":
        return lang.origin(r["herkomst"])
    return lang.t("herkomst_deels", welke=", ".join(printed), rest=lang.origin(r["herkomst"]))


def _rijk_printed(lang: Language, r: dict) -> list[Row]:
    """The figures printed for the Rijk in one quarter, each leading with ours beside it; where
    only the count and the target were printed, the percentage derived from them."""
    out = []
    for measure, label in (
        ("taakstelling", lang.t("taakstelling")),
        ("realisatie", lang.t("gerealiseerd")),
        ("pct", "%"),
    ):
        printed, ours = r[f"gep_{measure}"], r[f"ons_{measure}"]
        if printed is None:
            continue
        reason = r[f"reden_{measure}_en" if lang.code == "en" else f"reden_{measure}"] or ""
        same_count = (
            r["gep_realisatie"] is not None and abs(r["gep_realisatie"] - (r["ons_realisatie"] or 0)) < 0.5
        )
        if (
            not reason and measure == "pct" and same_count and r["ons_taakstelling"]
        ):  # the same count, another denominator
            reason = lang.t(
                "reden_noemer",
                realisatie=lang.n(r["gep_realisatie"]),
                noemer=lang.n(100 * r["gep_realisatie"] / printed),
                taakstelling=lang.n(r["ons_taakstelling"]),
            )
        cell = leading(lang, ours, printed, percent=measure == "pct", reason=reason)
        out.append(
            Row(
                [lang.quarter(r["kwartaal"]), label, cell.shown, cell.beside],
                "verschil" if cell.differs else "",
                {"kwartaal": r["kwartaal"], "maat": measure, "ons": ours, "gepubliceerd": printed},
            )
        )
    if r["gep_pct"] is None and r["gep_taakstelling"] and r["gep_realisatie"] is not None:
        derived = 100 * r["gep_realisatie"] / r["gep_taakstelling"]
        cell = leading(lang, r["ons_pct"], derived, percent=True)
        shown = (
            lang.pct(derived)
            + " ("
            + lang.t(
                "afgeleid_uit", afleiding=f"{lang.n(r['gep_realisatie'])} / {lang.n(r['gep_taakstelling'])}"
            )
            + ")"
        )
        out.append(
            Row(
                [lang.quarter(r["kwartaal"]), "%", shown, cell.beside],
                "verschil" if cell.differs else "",
                {
                    "kwartaal": r["kwartaal"],
                    "maat": "pct_afgeleid",
                    "ons": r["ons_pct"],
                    "gepubliceerd": round(derived, 1),
                },
            )
        )
    return out


def _conclusion(lang: Language, level: dict) -> str:
    """Which of government and the market met its target, in words."""
    met = {k: level[k]["realisatie"] >= level[k]["taakstelling"] for k in ("overheid", "markt") if k in level}
    if len(met) < 2:
        return ""
    key = {
        (False, False): N_("v1_conclusie_geen"),
        (False, True): N_("v1_conclusie_markt"),
        (True, False): N_("v1_conclusie_overheid"),
        (True, True): N_("v1_conclusie_beide"),
    }
    return lang.t(key[(met["overheid"], met["markt"])])
