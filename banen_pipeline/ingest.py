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
from typing import Protocol

import duckdb
import polars as pl

from .db import insert_frame, quote_ident, run_sql, transaction
from .deliveries import SUPPLIERS, DeliveryRejected, LandedFile, ParsedDelivery, Regions, Supplier

log = logging.getLogger(__name__)


BOOKKEEPING = {"bestand", "bron_locatie", "publicatiedatum", "versie", "is_actueel"}


class Report(Protocol):
    """What a value check of one delivery reports (``validation.SuiteOutcome`` is one)."""

    success: bool
    warnings: list[str]

    def reden(self) -> str: ...

    def save(
        self, con: duckdb.DuckDBPyConnection, run_id: str | None, partitie: str | None, bestand: str | None
    ) -> None: ...


Validator = Callable[[duckdb.DuckDBPyConnection, list[ParsedDelivery]], dict[str, Report]]
"""Checks deliveries already put into staging (in a transaction that is rolled back afterwards),
each the current version of its period; returns a report per file name."""


@dataclass
class Outcome:
    bestand: str
    bron: str
    periode: str | None
    status: str
    """geladen | afgewezen | dubbel (recorded in meta.leveringen), or not recorded: al gezien (the
    same name and bytes were seen before), nog_in_aanvoer (still being written)."""
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
    con: duckdb.DuckDBPyConnection, supplier: Supplier, parsed: ParsedDelivery
) -> str | None:
    """The current file of the period if its figures equal this delivery's, else None."""
    columns = [c for c in parsed.staging.columns if c not in BOOKKEEPING]
    current = con.execute(
        f"SELECT * FROM {quote_ident(supplier.staging_table)} "
        f"WHERE {quote_ident(supplier.period_column)} = ? AND is_actueel",
        [parsed.periode],
    ).pl()
    if current.is_empty():
        return None
    ours = parsed.staging.select(columns).sort(list(supplier.figure_key))
    theirs = current.select(columns).sort(list(supplier.figure_key))
    return current["bestand"][0] if ours.equals(theirs) else None


def ingest(
    con: duckdb.DuckDBPyConnection,
    files: Iterable[LandedFile],
    regions: Regions,
    run_id: str | None = None,
    validate: Validator | None = None,
) -> list[Outcome]:
    """Load each new file in its own transaction; return what happened to every file (``al gezien``
    for those whose name and bytes were seen before).

    1. Read every new file (a reader's rejection is recorded at once).
    2. Validate all readable deliveries together, once: they are put into staging in a trial
       transaction that is rolled back (every Great Expectations run has a fixed cost, so one
       validation per supplier for the batch instead of one per file).
    3. Load each delivery that passed in its own transaction; record the others as rejected.
    """
    outcomes: list[Outcome] = []
    candidates: list[tuple[LandedFile, ParsedDelivery]] = []
    seen = set(con.execute("SELECT bestand, sha256 FROM meta.leveringen").fetchall())
    loaded = _LoadedBytes(con)
    for landed in files:
        if (landed.bestand, landed.sha256) in seen:  # not recorded again: the run reports it
            outcomes.append(Outcome(landed.bestand, landed.bron, landed.partition, "al gezien"))
            continue
        if loaded.record_twin(con, landed, run_id, outcomes):
            continue
        if landed.changed_since_scan():  # not recorded: the next run or tick sees it again
            reden = "still being written (its size or modification time changed since the scan); left for the next run"
            outcomes.append(Outcome(landed.bestand, landed.bron, landed.partition, "nog_in_aanvoer", reden))
            continue
        try:
            candidates.append((landed, landed.read(regions)))
        except DeliveryRejected as exc:
            outcome = Outcome(landed.bestand, landed.bron, landed.partition, "afgewezen", str(exc))
            _record(con, landed, outcome, None, run_id)
            outcomes.append(outcome)

    reports = _trial_validation(con, [parsed for _, parsed in candidates], validate) if validate else {}
    for landed, parsed in candidates:
        if loaded.record_twin(con, landed, run_id, outcomes):  # the same bytes twice in one batch
            continue
        outcome = _load(con, landed, parsed, reports.get(parsed.bestand), run_id)
        if outcome.status == "geladen":
            loaded.add(landed, parsed)
        outcomes.append(outcome)
    for outcome in outcomes:
        if outcome.status != "al gezien":
            log.info(
                "%s: %s%s", outcome.bestand, outcome.status, f" ({outcome.reden})" if outcome.reden else ""
            )
    return outcomes


class _LoadedBytes:
    """The sha256 of every loaded file, to record the same bytes under another name as dubbel."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._by_sha: dict[str, tuple] = {}
        for sha, bestand, periode, publicatiedatum in con.execute(
            "SELECT sha256, bestand, periode, publicatiedatum FROM meta.leveringen "
            "WHERE status = 'geladen' ORDER BY gezien_op DESC"
        ).fetchall():
            self._by_sha[sha] = (bestand, periode, publicatiedatum)  # the earliest wins

    def add(self, landed: LandedFile, parsed: ParsedDelivery) -> None:
        self._by_sha.setdefault(landed.sha256, (landed.bestand, parsed.periode, parsed.publicatiedatum))

    def record_twin(
        self, con: duckdb.DuckDBPyConnection, landed: LandedFile, run_id: str | None, outcomes: list[Outcome]
    ) -> bool:
        twin = self._by_sha.get(landed.sha256)
        if twin:
            outcome = Outcome(landed.bestand, landed.bron, twin[1], "dubbel")
            _record(con, landed, outcome, twin[2], run_id, dubbel_van=twin[0])
            outcomes.append(outcome)
        return twin is not None


def _insert(con: duckdb.DuckDBPyConnection, parsed: ParsedDelivery) -> None:
    for table, frame in parsed.raw.items():
        insert_frame(con, table, frame)
    insert_frame(con, SUPPLIERS[parsed.bron].staging_table, parsed.staging)
    _recompute_versions(con, [parsed])


def _recompute_versions(con: duckdb.DuckDBPyConnection, deliveries: list[ParsedDelivery]) -> None:
    for bron, periode in sorted({(d.bron, d.periode) for d in deliveries}):
        run_sql(con, SUPPLIERS[bron].versions_sql, {"periode": periode})


class _Rollback(Exception):
    pass


def _trial_validation(
    con: duckdb.DuckDBPyConnection, deliveries: list[ParsedDelivery], validate: Validator
) -> dict[str, Report]:
    """Validate all deliveries as if loaded (each the current version of its period), then roll back."""
    if not deliveries:
        return {}
    reports: dict[str, Report] = {}
    try:
        with transaction(con):
            for parsed in deliveries:  # staging only: the value rules do not read raw
                insert_frame(con, SUPPLIERS[parsed.bron].staging_table, parsed.staging)
            _recompute_versions(con, deliveries)
            reports = validate(con, deliveries)
            raise _Rollback
    except _Rollback:
        pass
    return reports


def _load(
    con: duckdb.DuckDBPyConnection,
    landed: LandedFile,
    parsed: ParsedDelivery,
    report: Report | None,
    run_id: str | None,
) -> Outcome:
    twin = _same_content_as_current(con, SUPPLIERS[parsed.bron], parsed)
    if twin:
        outcome = Outcome(landed.bestand, parsed.bron, parsed.periode, "dubbel")
        _record(con, landed, outcome, parsed.publicatiedatum, run_id, dubbel_van=twin)
        return outcome
    if report is not None and not report.success:
        # Nothing of the delivery is loaded; the reason and the validation record remain.
        report.save(con, run_id, parsed.periode, landed.bestand)
        outcome = Outcome(landed.bestand, parsed.bron, parsed.periode, "afgewezen", report.reden())
        _record(con, landed, outcome, parsed.publicatiedatum, run_id)
        return outcome
    outcome = Outcome(
        landed.bestand,
        parsed.bron,
        parsed.periode,
        "geladen",
        None,
        list(parsed.warnings) + (report.warnings if report else []),
    )
    with transaction(con):
        _insert(con, parsed)
        if report is not None:
            report.save(con, run_id, parsed.periode, landed.bestand)
        _record(con, landed, outcome, parsed.publicatiedatum, run_id)
    return outcome
