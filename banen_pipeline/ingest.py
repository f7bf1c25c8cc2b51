"""Deliveries into raw and staging: one transaction per file, recorded in ``meta.leveringen``.

A file whose (name, bytes) were seen before is skipped, so a rerun changes nothing. Bytes already
loaded under another name, or content equal to the current version of the period, is ``dubbel``.
A rejection (by the reader, or by a critical value rule from ``validate``) rolls the whole delivery
back and only records the reason.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import duckdb
import polars as pl

from . import microdata
from .db import insert_frame, quote_ident, run_sql, transaction
from .deliveries import (
    MICRODATA_FOLDER,
    SUPPLIERS,
    DeliveryRejected,
    LandedFile,
    ParsedDelivery,
    Regions,
    Status,
    Supplier,
    scan_landing,
)
from .validation import Request, SuiteOutcome, Validator

log = logging.getLogger(__name__)


BOOKKEEPING = {"bestand", "bron_locatie", "publicatiedatum", "versie", "is_actueel"}


class DeliveryReport(Protocol):
    """What a value check of one delivery reports (``validation.SuiteOutcome`` is one)."""

    success: bool
    warnings: list[str]

    def reden(self) -> str: ...

    def save(
        self, con: duckdb.DuckDBPyConnection, run_id: str | None, partitie: str | None, bestand: str | None
    ) -> None: ...


TrialCheck = Callable[[duckdb.DuckDBPyConnection, list[ParsedDelivery]], dict[str, DeliveryReport]]
"""Checks deliveries already put into staging (in a transaction that is rolled back afterwards),
each the current version of its period; returns a report per file name."""


@dataclass
class Outcome:
    bestand: str
    bron: str
    periode: str | None
    status: Status
    reden: str | None = None
    """For afgewezen: file, place and rule in one sentence."""
    waarschuwingen: list[str] = field(default_factory=list)
    plaats: str | None = None
    """For afgewezen: where in the file; None for the whole file or a value rule."""
    regel: str | None = None
    """For afgewezen: the rule that was broken."""


def counts(outcomes: Iterable[Outcome]) -> Counter:
    """How many files had each status (a Counter: a status without files counts 0)."""
    return Counter(o.status for o in outcomes)


TABLE_SUITES = {supplier.suite: supplier.staging_table for supplier in SUPPLIERS.values()} | {
    microdata.SUITE: "staging.microdata_aggregaat"
}
"""The suite each staging table must pass as a whole once a run's deliveries are in."""


@dataclass
class Batch:
    """What the delivery step did: every file's outcome, the payroll extract's quarters aggregated
    (and why not, when its sample failed), and each staging table's suite on the whole table."""

    outcomes: list[Outcome]
    extract: list[str]
    extract_failure: str | None
    tables: dict[str, SuiteOutcome]

    @property
    def failed_suites(self) -> list[str]:
        """The staging suites that failed a critical expectation: nothing downstream may be built."""
        return [suite for suite, outcome in self.tables.items() if outcome.critical_failed]


def files_for_run(landed: list[LandedFile], quarters: set[str] | None) -> list[LandedFile]:
    """The files a run of ``quarters`` (None: all) loads: those of its quarters, and every file no
    format knows (it has no quarter; it is recorded as rejected, once)."""
    return [f for f in landed if quarters is None or f.partition is None or f.partition in quarters]


def deliver(
    con: duckdb.DuckDBPyConnection,
    landing: Path,
    regions: Regions,
    quarters: set[str] | None,
    validator: Validator,
    run_id: str | None,
) -> Batch:
    """The delivery step: load the run's files from the landing folder (each validated before it
    becomes current), aggregate a payroll extract that landed, and validate every staging table as
    a whole (saved in meta.validaties)."""

    def trial(con: duckdb.DuckDBPyConnection, deliveries: list[ParsedDelivery]) -> dict[str, DeliveryReport]:
        requests = [
            Request(
                SUPPLIERS[bron].suite,
                {"bestanden": [d.bestand for d in deliveries if d.bron == bron]},
                "bestand",
                "proef",
            )
            for bron in sorted({d.bron for d in deliveries})
        ]
        return {k: v for per_file in validator.validate_all(con, requests) for k, v in per_file.items()}

    outcomes = ingest(con, files_for_run(scan_landing(landing), quarters), regions, run_id, trial)
    extract, failure = microdata.aggregate_landed(
        con, landing / MICRODATA_FOLDER, quarters, validator, run_id
    )
    return Batch(outcomes, extract, failure, validate_tables(con, validator, run_id))


def validate_tables(
    con: duckdb.DuckDBPyConnection, validator: Validator, run_id: str | None
) -> dict[str, SuiteOutcome]:
    """Every staging table's suite on the whole table, saved in meta.validaties; by suite."""
    results = validator.validate_all(con, [Request(suite, {"bestanden": None}) for suite in TABLE_SUITES])
    tables = {suite: per_split[None] for suite, per_split in zip(TABLE_SUITES, results, strict=True)}
    for outcome in tables.values():
        outcome.save(con, run_id)
    return tables


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
             dubbel_van, gezien_op, run_id, plaats, regel)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?)
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
            outcome.plaats,
            outcome.regel,
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
    validate: TrialCheck | None = None,
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
            outcomes.append(Outcome(landed.bestand, landed.bron, landed.partition, Status.AL_GEZIEN))
            continue
        if loaded.record_twin(con, landed, run_id, outcomes):
            continue
        if landed.changed_since_scan():  # not recorded: the next run or tick sees it again
            reden = "still being written (its size or modification time changed since the scan); left for the next run"
            outcomes.append(
                Outcome(landed.bestand, landed.bron, landed.partition, Status.NOG_IN_AANVOER, reden)
            )
            continue
        try:
            candidates.append((landed, landed.read(regions)))
        except DeliveryRejected as exc:
            outcome = Outcome(
                landed.bestand,
                landed.bron,
                landed.partition,
                Status.AFGEWEZEN,
                str(exc),
                plaats=exc.where,
                regel=exc.rule,
            )
            _record(con, landed, outcome, None, run_id)
            outcomes.append(outcome)

    reports = _trial_validation(con, [parsed for _, parsed in candidates], validate) if validate else {}
    for landed, parsed in candidates:
        if loaded.record_twin(con, landed, run_id, outcomes):  # the same bytes twice in one batch
            continue
        outcome = _load(con, landed, parsed, reports.get(parsed.bestand), run_id)
        if outcome.status == Status.GELADEN:
            loaded.add(landed, parsed)
        outcomes.append(outcome)
    for outcome in outcomes:
        if outcome.status != Status.AL_GEZIEN:
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
            outcome = Outcome(landed.bestand, landed.bron, twin[1], Status.DUBBEL)
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
    con: duckdb.DuckDBPyConnection, deliveries: list[ParsedDelivery], validate: TrialCheck
) -> dict[str, DeliveryReport]:
    """Validate all deliveries as if loaded (each the current version of its period), then roll back."""
    if not deliveries:
        return {}
    reports: dict[str, DeliveryReport] = {}
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
    report: DeliveryReport | None,
    run_id: str | None,
) -> Outcome:
    twin = _same_content_as_current(con, SUPPLIERS[parsed.bron], parsed)
    if twin:
        outcome = Outcome(landed.bestand, parsed.bron, parsed.periode, Status.DUBBEL)
        _record(con, landed, outcome, parsed.publicatiedatum, run_id, dubbel_van=twin)
        return outcome
    if report is not None and not report.success:
        # Nothing of the delivery is loaded; the reason and the validation record remain.
        report.save(con, run_id, parsed.periode, landed.bestand)
        outcome = Outcome(
            landed.bestand,
            parsed.bron,
            parsed.periode,
            Status.AFGEWEZEN,
            report.reden(),
            regel=report.reden(),
        )
        _record(con, landed, outcome, parsed.publicatiedatum, run_id)
        return outcome
    outcome = Outcome(
        landed.bestand,
        parsed.bron,
        parsed.periode,
        Status.GELADEN,
        None,
        list(parsed.warnings) + (report.warnings if report else []),
    )
    with transaction(con):
        _insert(con, parsed)
        if report is not None:
            report.save(con, run_id, parsed.periode, landed.bestand)
        _record(con, landed, outcome, parsed.publicatiedatum, run_id)
    return outcome
