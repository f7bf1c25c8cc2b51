"""Question 3: whether 25,000 is reachable by 2025-2026: the projections and their chances."""

from __future__ import annotations

import duckdb

from ...db import sql_text
from ...texts import Language
from .. import charts
from .blocks import ChartPlan, Row, Section, Table, frame, rows


def question_3(con: duckdb.DuckDBPyConnection, lang: Language, peil: dict) -> tuple[Section, list[ChartPlan]]:
    section = Section("vraag3", lang.t("v3_titel"), "")
    if not peil["heeft_projectie"]:
        return section, []
    goals = rows(con, "projectie_doel")
    by = {(r["segment"], r["kwartaal"]): r for r in goals}
    if ("overheid", "2025Q4") in by:
        g = by[("overheid", "2025Q4")]
        section.answer = lang.t(
            "v3_antwoord",
            verwacht=lang.n(g["verwacht"]),
            laag=lang.n(g["ondergrens_80"]),
            hoog=lang.n(g["bovengrens_80"]),
            kans_2025=lang.chance(g["kans_doel_bereikt"]),
            kans_2026=lang.chance(by[("overheid", "2026Q4")]["kans_doel_bereikt"]),
        )
    section.chart("projectie")
    section.table(
        Table(
            "projectie",
            lang.t("projectie_tabel"),
            [
                lang.t(k)
                for k in (
                    "kol_segment",
                    "kol_kwartaal",
                    "kol_verwacht",
                    "kol_band80",
                    "kol_band95",
                    "kol_doel",
                    "kol_kans",
                )
            ],
            [
                Row(
                    [
                        lang.t(r["segment"]),
                        lang.quarter(r["kwartaal"]),
                        lang.n(r["verwacht"]),
                        f"{lang.n(r['ondergrens_80'])} – {lang.n(r['bovengrens_80'])}",
                        f"{lang.n(r['ondergrens_95'])} – {lang.n(r['bovengrens_95'])}",
                        lang.n(r["doel"]),
                        lang.chance(r["kans_doel_bereikt"]),
                    ]
                )
                for r in goals
            ],
            source="marts.projectie, marts.projectie_doel",
            numeric_from=2,
        )
    )
    methods = con.execute(sql_text("queries/rapport/projectie_methoden")).fetchall()
    return section, [(charts.chart_projections, (frame(con, "projectie"), methods, lang))]
