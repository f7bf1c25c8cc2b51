"""What the report's data runs to, and in words what no published figure fills: the years without a
jaarmeting (their official figure is a nowcast), the years without a printed target, and what was
published of those years in words (``referentie.publicaties``)."""

from __future__ import annotations

from urllib.parse import urlsplit

import duckdb

from ...texts import Language
from .blocks import rows


def source_name(url: str | None) -> str:
    """A source as a reader names it: its site (www.tweedekamer.nl)."""
    return urlsplit(url).netloc if url and "://" in url else (url or "")


def coverage(con: duckdb.DuckDBPyConnection, lang: Language) -> list[str]:
    """The opening sentences: the date the data runs to, then each gap."""
    found = rows(con, "dekking")
    if not found or found[0]["laatste_kwartaal"] is None:
        return []
    d = found[0]
    unknown = lang.t("niet_gepubliceerd")
    sentences = [
        lang.t(
            "stand_data",
            datum=lang.date(d["laatste_peildatum"]),
            kwartaal=lang.quarter(d["laatste_kwartaal"]),
            rijk=lang.quarter(d["rijk_kwartaal"]) if d["rijk_kwartaal"] else unknown,
            sector=d["sector_jaar"] or unknown,
            jaarmeting=d["jaarmeting_jaar"] or unknown,
        )
    ]
    missing = d["jaren_zonder_jaarmeting"] or []
    if missing:
        sentences.append(lang.t("stand_geen_jaarmeting", jaren=lang.years(missing)))
        for said in rows(con, "publicaties", onderwerp="jaarmeting"):
            if said["jaar"] in missing:
                sentences.append(
                    lang.t("stand_uitspraak", jaar=said["jaar"], uitspraak=said["uitspraak"],
                           bron=source_name(said["bron_url"]))
                )  # fmt: skip
    if d["jaren_zonder_taakstelling"]:
        sentences.append(lang.t("stand_geen_taakstelling", jaren=lang.years(d["jaren_zonder_taakstelling"])))
    return sentences


def law_change(con: duckdb.DuckDBPyConnection, lang: Language) -> str | None:
    """The amended Wet banenafspraak in one paragraph (the latest statement of it), where it changes
    the answer: the separate targets for market and government go."""
    said = rows(con, "publicaties", onderwerp="wet")
    latest = said[-1] if said else None
    if latest is None or "onderscheid" not in latest["uitspraak"]:
        return None
    return lang.t(
        "wet_onderscheid", uitspraak=latest["uitspraak"].rstrip("."), datum=lang.date(latest["datum"])
    )
