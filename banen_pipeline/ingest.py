"""Deliveries into raw and staging: one transaction per file, recorded in ``meta.leveringen``.

A file whose (name, bytes) were seen before is skipped, so a rerun changes nothing. Bytes already
loaded under another name, or content equal to the current version of the period, is ``dubbel``.
A rejection (by the reader, or by a critical value rule from ``validate``) rolls the whole delivery
back and only records the reason.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from .db import insert_frame, quote_ident, run_sql, transaction
from .deliveries import DeliveryRejected, LandedFile, ParsedDelivery, Regions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceTables:
    """Where one supplier's deliveries land in staging."""

    staging: str
    versions_sql: str
    """SQL file that recomputes versie and is_actueel for one period (parameter ``kwartaal``)."""
    period_column: str
    figure_key: list[str]
    """Columns that identify a row within a delivery; the rest (minus bookkeeping) are its figures."""


SOURCES: dict[str, SourceTables] = {
    "uwv": SourceTables(
        "staging.uwv_kwartaal", "staging/updates/uwv_kwartaal_versies", "kwartaal", ["regiocode"]
    ),
}

BOOKKEEPING = {"bestand", "bron_locatie", "publicatiedatum", "versie", "is_actueel"}


class ValidationFailed(Exception):
    """Critical value rules failed; ``reden`` lists them with offending rows."""

    def __init__(self, reden: str):
        self.reden = reden
        super().__init__(reden)


Validator = Callable[[duckdb.DuckDBPyConnection, ParsedDelivery], list[str]]
"""Checks a parsed delivery inside its load transaction. Raises ValidationFailed on a critical
failure; returns warnings otherwise."""


@dataclass
class Outcome:
    bestand: str
    bron: str
    periode: str | None
    status: str  # geladen | afgewezen | dubbel
    reden: str | None = None
    waarschuwingen: list[str] = field(default_factory=list)


def load_regions(reference_dir: Path) -> Regions:
    frame = pl.read_csv(reference_dir / "arbeidsmarktregios.csv", infer_schema=False)
    return Regions(dict(zip(frame["code"], frame["naam"], strict=True)))


def _record(
    con: duckdb.DuckDBPyConnection,
    landed: LandedFile,
    outcome: Outcome,
    publicatiedatum: dt.date | None,
    run_id: str | None,
    dubbel_van: str | None = None,
) -> None:
    con.execute(
        """
        INSERT INTO meta.leveringen
            (bestand, sha256, bron, periode, publicatiedatum, status, reden, waarschuwingen,
             dubbel_van, gezien_op, run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?)
        """,
        [
            landed.bestand,
            landed.sha256,
            outcome.bron,
            outcome.periode,
            publicatiedatum,
            outcome.status,
            outcome.reden,
            outcome.waarschuwingen or None,
            dubbel_van,
            run_id,
        ],
    )


def _same_content_as_current(
    con: duckdb.DuckDBPyConnection, tables: SourceTables, parsed: ParsedDelivery
) -> str | None:
    """The current file of the period if its figures equal this delivery's, else None."""
    columns = [c for c in parsed.staging.columns if c not in BOOKKEEPING]
    current = con.execute(
        f"SELECT * FROM {quote_ident(tables.staging)} "
        f"WHERE {quote_ident(tables.period_column)} = ? AND is_actueel",
        [parsed.periode],
    ).pl()
    if current.is_empty():
        return None
    ours = parsed.staging.select(columns).sort(tables.figure_key)
    theirs = current.select(columns).sort(tables.figure_key)
    return current["bestand"][0] if ours.equals(theirs) else None


def ingest(
    con: duckdb.DuckDBPyConnection,
    files: Iterable[LandedFile],
    regions: Regions,
    run_id: str | None = None,
    validate: Validator | None = None,
) -> list[Outcome]:
    """Load each file in its own transaction; return what happened to the files not seen before."""
    outcomes = []
    for landed in files:
        seen = con.execute(
            "SELECT status FROM meta.leveringen WHERE bestand = ? AND sha256 = ?",
            [landed.bestand, landed.sha256],
        ).fetchone()
        if seen:
            continue
        outcome = _ingest_one(con, landed, regions, run_id, validate)
        log.info("%s: %s%s", landed.bestand, outcome.status, f" ({outcome.reden})" if outcome.reden else "")
        outcomes.append(outcome)
    return outcomes


def _ingest_one(
    con: duckdb.DuckDBPyConnection,
    landed: LandedFile,
    regions: Regions,
    run_id: str | None,
    validate: Validator | None,
) -> Outcome:
    loaded_twin = con.execute(
        "SELECT bestand, periode, publicatiedatum FROM meta.leveringen "
        "WHERE sha256 = ? AND status = 'geladen' ORDER BY gezien_op LIMIT 1",
        [landed.sha256],
    ).fetchone()
    if loaded_twin:
        outcome = Outcome(landed.bestand, landed.bron, loaded_twin[1], "dubbel")
        _record(con, landed, outcome, loaded_twin[2], run_id, dubbel_van=loaded_twin[0])
        return outcome

    try:
        parsed = landed.read(regions)
    except DeliveryRejected as exc:
        outcome = Outcome(landed.bestand, landed.bron, landed.partition, "afgewezen", str(exc))
        _record(con, landed, outcome, None, run_id)
        return outcome

    tables = SOURCES[parsed.bron]
    twin = _same_content_as_current(con, tables, parsed)
    if twin:
        outcome = Outcome(landed.bestand, parsed.bron, parsed.periode, "dubbel")
        _record(con, landed, outcome, parsed.publicatiedatum, run_id, dubbel_van=twin)
        return outcome

    outcome = Outcome(landed.bestand, parsed.bron, parsed.periode, "geladen", None, list(parsed.warnings))
    try:
        with transaction(con):
            for table, frame in parsed.raw.items():
                insert_frame(con, table, frame)
            insert_frame(con, tables.staging, parsed.staging)
            run_sql(con, tables.versions_sql, {"kwartaal": parsed.periode})
            if validate is not None:
                outcome.waarschuwingen += validate(con, parsed)
            _record(con, landed, outcome, parsed.publicatiedatum, run_id)
    except ValidationFailed as exc:
        outcome = Outcome(landed.bestand, parsed.bron, parsed.periode, "afgewezen", exc.reden)
        _record(con, landed, outcome, parsed.publicatiedatum, run_id)
    return outcome
