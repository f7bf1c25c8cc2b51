"""Question 3 as of the day of reading: for a target year, what can be said of it then.

- Its jaarmeting is published in figures: the outcome against the target, in the past tense.
- Published only in words: the publisher's words, with the source and date.
- Over but not published, with the year's fourth quarter in the data: the nowcast with its tested error.
- Otherwise (ahead, or over with the data ending before it): a projection. A chance only where the
  published method's 80% band was tested out of time at that horizon and held; else plain scenarios
  from the published jaarmetingen: the pace so far, the best yearly gain ever, the pace needed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import duckdb
from markupsafe import Markup

from ...texts import Language
from ...texts.catalogue import N_
from .blocks import rows
from .coverage import said_in, source_name
from .known import Figure, Quote, Reading, Status, figure

ROUND_TO = 50
"""A scenario's end figure is rounded to this: it is an order of size, not a measurement."""


@dataclass(frozen=True)
class Outlook:
    """What the report says of one segment's target year."""

    segment: str
    year: int
    status: Status
    sentence: Markup
    short: Markup
    """The same in a few words, for the headline table."""
    chance: Figure | None = None
    """The chance of the target, only where the band held at this horizon."""

    def table_cell(self, lang: Language) -> Markup | str:
        """The projection table's cell: the chance where there is one, else why there is none."""
        if self.chance is not None:
            return self.chance.text
        return lang.t("geen_kans_kort") if self.status == Status.PROJECTIE else self.short


@dataclass(frozen=True)
class Scenario:
    """Plain numbers from the published jaarmetingen of one segment."""

    base_year: int
    base: float
    first_year: int
    pace: float
    best: float
    best_from: int

    @classmethod
    def of(cls, reading: Reading, segment: str) -> Scenario | None:
        series = {
            year: r[f"extra_banen_{segment}"]
            for year, r in sorted(reading.measured.items())
            if r[f"extra_banen_{segment}"] is not None
        }
        years = sorted(series)
        if len(years) < 2:
            return None
        gains = {y: series[y] - series[p] for p, y in zip(years, years[1:], strict=False) if y == p + 1}
        if not gains:  # no two published years in a row: no yearly gain to speak of
            return None
        best_to = max(gains, key=gains.get)
        last, first = years[-1], years[0]
        return cls(
            last,
            series[last],
            first,
            (series[last] - series[first]) / (last - first),
            gains[best_to],
            best_to - 1,
        )

    def at(self, year: int, per_year: float) -> float:
        return round((self.base + per_year * (year - self.base_year)) / ROUND_TO) * ROUND_TO


class Outlooks:
    """The outlooks of every target year, as of the day of reading."""

    def __init__(self, con: duckdb.DuckDBPyConnection, lang: Language, reading: Reading) -> None:
        self.lang = lang
        self.reading = reading
        """The day of reading and what was published by then."""
        self.goals = {(r["segment"], r["kwartaal"]): r for r in rows(con, "projectie_doel")}
        self.horizons = {(r["segment"], r["horizon"]): r for r in rows(con, "dekking_horizon")}
        self.sector_totals = {r["jaar"]: r["realisatie"] for r in rows(con, "sectoren_overheid")}
        self.errors = {r["segment"]: r for r in rows(con, "nowcast_fout")}
        self.law_from = reading.law_start["datum"].year if reading.law_start else None
        """The year the amended law (no split between market and government) applies from, if it does."""

    def quarters(self, segment: str) -> list[str]:
        return sorted(q for s, q in self.goals if s == segment)

    def of(self, segment: str, quarter: str) -> Outlook:
        lang, reading, goal = self.lang, self.reading, self.goals[(segment, quarter)]
        year = int(quarter[:4])
        words = {"jaar": year, "doel": figure(lang, goal["doel"], Status.GEPUBLICEERD),
                 "segment": lang.t(f"de_{segment}")}  # fmt: skip
        if year in reading.measured and reading.measured[year][f"extra_banen_{segment}"] is not None:
            value = reading.measured[year][f"extra_banen_{segment}"]
            met = value >= goal["doel"]
            verdict = (
                lang.t("v3_gehaald")
                if met
                else lang.m("v3_niet_gehaald", tekort=figure(lang, goal["doel"] - value, Status.AFGELEID))
            )
            shown = figure(lang, value, Status.GEPUBLICEERD)
            return Outlook(
                segment, year, Status.GEPUBLICEERD,
                lang.m("v3_jaar_gemeten", **words, waarde=shown, oordeel=verdict,
                       datum=lang.date(reading.measured[year]["gepubliceerd_op"])),
                lang.m("v3_kort_gemeten", waarde=shown, oordeel=lang.t(N_("v3_gehaald") if met else N_("v3_kort_niet"))),
            )  # fmt: skip
        if year in reading.in_words:
            said = reading.in_words[year][-1]
            return Outlook(
                segment, year, Status.GEPUBLICEERD,
                lang.m("v3_jaar_in_woorden", **words, uitspraak=Quote(said_in(lang, said)),
                       bron=source_name(said["bron_url"]), datum=lang.date(said["datum"])),
                lang.m("v3_kort_in_woorden", uitspraak=Quote(said_in(lang, said))),
            )  # fmt: skip
        if not goal["is_prognose"]:  # the year's fourth quarter is in the data: the nowcast
            error = self.errors.get(segment)
            value = figure(lang, goal["verwacht"], Status.NOWCAST)
            low, high, target = goal["ondergrens_80"], goal["bovengrens_80"], goal["doel"]
            if high is not None and high < target:
                verdict = lang.m("v3_waarschijnlijk_niet", tekort=figure(lang, target - high, Status.NOWCAST))
                short = lang.t("v3_kort_waarschijnlijk")
            elif low is not None and low >= target:
                verdict = short = lang.t("v3_waarschijnlijk_gehaald")
            else:
                verdict, short = lang.t("v3_onzeker"), lang.t("v3_kort_onzeker")
            return Outlook(
                segment, year, Status.NOWCAST,
                lang.m("v3_jaar_nowcast", **words, waarde=value,
                       laag=figure(lang, low, Status.NOWCAST),
                       hoog=figure(lang, high, Status.NOWCAST),
                       fout=figure(lang, error["gemiddelde_absolute_fout"], Status.AFGELEID) if error else "–",
                       n=_count(error["n_jaren"] if error else 0), oordeel=verdict)
                + self._sector_reports(segment, year),
                lang.m("v3_kort_nowcast", waarde=value, oordeel=short),
            )  # fmt: skip
        return self._ahead(segment, quarter, goal, words)

    def _nowcast(self, segment: str, year: int) -> float | None:
        """The nowcast of ``year``'s end, where its fourth quarter is in the data and no jaarmeting of it
        is published by the day of reading."""
        goal = self.goals.get((segment, f"{year}Q4"))
        if (
            goal is None
            or goal["is_prognose"]
            or year in self.reading.measured
            or year in self.reading.in_words
        ):
            return None
        return goal["verwacht"]

    def _sector_reports(self, segment: str, year: int) -> Markup:
        """Beside government's nowcast of a year, the sector reports' own count of it, where there
        is one (question 1 shows it): two figures for one year, and why they differ."""
        counted = self.sector_totals.get(year) if segment == "overheid" else None
        if counted is None:
            return Markup("")
        return " " + self.lang.m(
            "v3_naast_sectoren", jaar=year, som=figure(self.lang, counted, Status.SYNTHETISCH)
        )

    def _ahead(self, segment: str, quarter: str, goal: dict, words: dict) -> Outlook:
        """A projection: its chance where the band held at this horizon, else scenarios."""
        lang, reading = self.lang, self.reading
        year = words["jaar"]
        lead = (
            lang.m("v3_nog_niet_gepubliceerd", jaar=year, kwartaal=lang.quarter(reading.data_quarter)) + " "
            if reading.is_over(year)
            else Markup("")
        )
        horizon = reading.horizon(quarter)
        tested = self.horizons.get((segment, horizon))
        if tested is not None and tested["gehouden"]:
            chance = Figure(
                goal["kans_doel_bereikt"], Status.PROJECTIE, lang.chance(goal["kans_doel_bereikt"])
            )
            expected = figure(lang, goal["verwacht"], Status.PROJECTIE)
            return Outlook(
                segment, year, Status.PROJECTIE,
                lead + lang.m("v3_jaar_kans", **words, verwacht=expected,
                              laag=figure(lang, goal["ondergrens_80"], Status.PROJECTIE),
                              hoog=figure(lang, goal["bovengrens_80"], Status.PROJECTIE),
                              horizon=_count(horizon), dekking=_share(lang, tested["dekking_80"]),
                              n=_count(tested["n"]),
                              kans=chance),
                lang.m("v3_kort_kans", kans=chance),
                chance,
            )  # fmt: skip
        why = (
            lang.m("v3_geen_kans_niet_getoetst", horizon=_count(horizon),
                   verste=_count(max((h for s, h in self.horizons if s == segment), default=0)))
            if tested is None
            else lang.m("v3_geen_kans_hield_niet", horizon=_count(horizon), dekking=_share(lang, tested["dekking_80"]),
                        n=_count(tested["n"]))
        )  # fmt: skip
        scenario = Scenario.of(reading, segment)
        if scenario is None or horizon is None:
            return Outlook(
                segment,
                year,
                Status.AFWEZIG,
                lead + lang.m("v3_jaar_geen_scenario", **words, reden=why),
                lang.m("v3_kort_afwezig"),
            )
        base = lang.m(
            "v3_vanaf_jaarmeting",
            jaar=scenario.base_year,
            basis=figure(lang, scenario.base, Status.GEPUBLICEERD),
        )
        nowcasts = {y: self._nowcast(segment, y) for y in range(scenario.base_year + 1, year)}
        nowcasts = {y: value for y, value in nowcasts.items() if value is not None}
        if nowcasts:  # a later year-end estimated from the delivered quarters: the scenario starts there
            last = max(nowcasts)
            scenario = dataclasses.replace(scenario, base_year=last, base=nowcasts[last])
            base = lang.m(
                "v3_vanaf_nowcast", jaar=scenario.base_year, basis=figure(lang, scenario.base, Status.NOWCAST)
            )
        years_left = year - scenario.base_year
        at_pace = scenario.at(year, scenario.pace)
        at_best = scenario.at(year, scenario.best)
        needed = (goal["doel"] - scenario.base) / years_left if years_left > 0 else None

        def projected(value: float) -> Figure:
            return figure(lang, value, Status.PROJECTIE)

        return Outlook(
            segment, year, Status.PROJECTIE,
            lead + lang.m("v3_jaar_scenario", **words,
                          vanaf=base,
                          eerste=scenario.first_year,
                          tempo=Figure(scenario.pace, Status.AFGELEID, lang.signed(scenario.pace)),
                          tempo_stand=projected(at_pace),
                          beste=Figure(scenario.best, Status.AFGELEID, lang.signed(scenario.best)),
                          beste_van=scenario.best_from, beste_tot=scenario.best_from + 1,
                          beste_stand=projected(at_best),
                          nodig=Figure(needed, Status.AFGELEID, lang.signed(needed)) if needed else "–",
                          reden=why),
            lang.m("v3_kort_scenario", tempo_stand=projected(at_pace), beste_stand=projected(at_best)),
        )  # fmt: skip


def _count(value: int | None) -> Figure:
    """A count of tests, years or quarters from the marts' own tests, with its status (derived)."""
    return Figure(value, Status.AFGELEID, "–" if value is None else str(value))


def _share(lang: Language, value: float | None) -> Figure:
    """A tested coverage (0,29 as 29%), with its status (derived)."""
    return Figure(value, Status.AFGELEID, lang.share(value))
