"""How far the answers can be trusted: the nowcast's tested error, the bands' out-of-time coverage,
the methods."""

from __future__ import annotations

import duckdb

from ...texts import Language
from ...texts.catalogue import N_
from .blocks import Row, Section, Table, rows


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
                        N_("kol_segment"),
                        N_("kol_jaar"),
                        N_("kol_schatting_vooraf"),
                        N_("kol_interval"),
                        N_("kol_jaarmeting"),
                        N_("kol_fout"),
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
        base = int(min(r["periode"] for r in current)[:4]) - 1  # the last jaarmeting in figures
        listed = "; ".join(
            f"{lang.quarter(r['periode'])} {lang.t(r['segment'])} {lang.n(r['waarde'])} "
            f"({lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])})"
            for r in current
        )
        section.text(lang.t("nowcast_wel", jaar=base, nowcasts=listed))
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
                    oordeel=lang.t(N_("banden_te_smal") if too_narrow else N_("banden_ok")),
                )
            )
        section.table(
            Table(
                "kalibratie",
                lang.t("kalibratie_tabel"),
                [
                    lang.t(k)
                    for k in (
                        N_("kol_segment"),
                        N_("kol_vooruit"),
                        N_("kol_n"),
                        N_("kol_binnen80"),
                        N_("kol_binnen95"),
                    )
                ],
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
                        N_("kol_segment"),
                        N_("kol_methode"),
                        N_("kol_mase"),
                        N_("kol_scheef"),
                        N_("kol_score"),
                        N_("kol_gekozen"),
                    )
                ],
                [
                    Row(
                        [
                            lang.t(r["segment"]),
                            lang.method(r["methode"]),
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
