"""The opening box, as of the day of reading: what the data runs to, the latest jaarmeting published
by then (in figures or only in words), the years that are over and whose jaarmeting is not yet
published, the years without a printed target, and the law (``referentie.publicaties``)."""

from __future__ import annotations

from urllib.parse import urlsplit

import duckdb
from markupsafe import Markup

from ...texts import Language
from .blocks import rows
from .known import Reading


def source_name(url: str | None) -> str:
    """A source as a reader names it: its site (www.tweedekamer.nl)."""
    return urlsplit(url).netloc if url and "://" in url else (url or "")


def said_in(lang: Language, said: dict) -> str:
    """A statement published in words, in the report's language, without its closing full stop."""
    return (said["uitspraak_en"] if lang.code == "en" and said["uitspraak_en"] else said["uitspraak"]).rstrip(
        "."
    )


def coverage(con: duckdb.DuckDBPyConnection, lang: Language, reading: Reading) -> list[str]:
    """The opening sentences: the day of reading and the date the data runs to, then each gap."""
    found = rows(con, "dekking")
    if not found or found[0]["laatste_kwartaal"] is None:
        return []
    d = found[0]
    unknown = lang.t("niet_gepubliceerd")
    sentences = [
        lang.t(
            "stand_data",
            per=lang.date(reading.per),
            datum=lang.date(d["laatste_peildatum"]),
            kwartaal=lang.quarter(d["laatste_kwartaal"]),
            rijk=lang.t("stand_rijk", kwartaal=lang.quarter(d["rijk_kwartaal"]))
            if d["rijk_kwartaal"]
            else lang.t("stand_rijk_geen"),
            sector=lang.t("stand_sector", jaar=d["sector_jaar"])
            if d["sector_jaar"]
            else lang.t("stand_sector_geen"),
        )
    ]
    latest, measured = reading.latest_year, reading.latest_measured
    if latest is not None and latest == measured:
        sentences.append(
            lang.t(
                "stand_jaarmeting", jaar=latest, datum=lang.date(reading.measured[latest]["gepubliceerd_op"])
            )
        )
    elif latest is not None:
        said = reading.in_words[latest][0]
        sentences.append(
            lang.t("stand_jaarmeting_in_woorden", jaar=latest, datum=lang.date(said["datum"]),
                   uitspraak=said_in(lang, said), bron=source_name(said["bron_url"]),
                   cijfers=measured if measured is not None else unknown)
        )  # fmt: skip
        sentences += [
            lang.t("stand_uitspraak", uitspraak=said_in(lang, more), bron=source_name(more["bron_url"]),
                   datum=lang.date(more["datum"]))
            for more in reading.in_words[latest][1:]
        ]  # fmt: skip
    due = [y for y in range((latest or reading.per.year - 1) + 1, reading.per.year) if reading.is_over(y)]
    if due:
        sentences.append(lang.t("stand_nog_niet", jaren=lang.years(due), per=lang.date(reading.per)))
    missing = [y for y in d["jaren_zonder_jaarmeting"] or [] if y not in reading.in_words]
    if missing:
        sentences.append(lang.t("stand_geen_jaarmeting", jaren=lang.years(missing)))
    if d["jaren_zonder_taakstelling"]:
        sentences.append(lang.t("stand_geen_taakstelling", jaren=lang.years(d["jaren_zonder_taakstelling"])))
    return sentences


def law(con: duckdb.DuckDBPyConnection, lang: Language, reading: Reading) -> Markup | None:
    """The amended Wet banenafspraak as known on the day of reading: BZK's letter in its own words,
    and whether the change applies yet (and what that means for the split targets)."""
    letters = [
        s for s in rows(con, "publicaties", onderwerp="wet", per=reading.per) if "125.000" in s["uitspraak"]
    ]
    if not letters:
        return None
    letter = letters[-1]
    text = lang.m("wet_brief", datum=lang.date(letter["datum"]), kenmerk=letter["kenmerk"] or source_name(
        letter["bron_url"]), uitspraak=said_in(lang, letter))  # fmt: skip
    start = reading.law_start
    if start is None:
        return text + " " + lang.m("wet_nog_niet", per=lang.date(reading.per))
    last = rows(con, "doelen_gedrukt")[-1]  # oldest first: the last printed split
    return (
        text
        + " "
        + lang.m(
            "wet_geldt",
            ingang=lang.date(start["datum"]),
            bron=source_name(start["bron_url"]),
            doel_totaal=lang.n(last["doel_totaal"]),
            doel_markt=lang.n(last["doel_markt"]),
            doel_overheid=lang.n(last["doel_overheid"]),
            laatste_jaar=start["datum"].year - 1,
        )
    )
