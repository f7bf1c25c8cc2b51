"""Value rules: Great Expectations suites (``expectations/<suite>.json``) run on pandas frames that
``warehouse/frames/<suite>.sql`` builds from DuckDB.

GX 1.x cannot validate DuckDB through its SQL data source, and importing it costs seconds, so it
runs in the worker process (``banen_pipeline.worker``, GX side in ``gx_engine.py``), started at the
beginning of ``banen run`` or on the first validation, never when Dagster loads the code location.
Its ephemeral context lives for the rest of the run and writes the data docs at the end.
"""

from __future__ import annotations

import functools
import json
import numbers
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from .. import worker
from ..config import SQL_DIR
from ..db import quote_ident

SAMPLE_ROWS = 5


@dataclass
class ExpectationOutcome:
    type: str
    columns: list[str]
    severity: str  # critical | warning | info
    success: bool
    beschrijving: str
    unexpected_count: int
    samples: list[dict[str, Any]]

    def describe(self) -> str:
        rows = "; ".join(", ".join(f"{k}={v}" for k, v in row.items()) for row in self.samples)
        return (
            f"{self.type}({', '.join(self.columns)}) [{self.severity}]: {self.beschrijving}; "
            f"{self.unexpected_count} row(s) fail" + (f", e.g. {rows}" if rows else "")
        )


@dataclass
class SuiteOutcome:
    suite: str
    asset: str
    evaluated: int
    expectations: list[ExpectationOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[ExpectationOutcome]:
        return [e for e in self.expectations if not e.success]

    @property
    def critical_failed(self) -> list[ExpectationOutcome]:
        return [e for e in self.failed if e.severity == "critical"]

    @property
    def warnings(self) -> list[str]:
        return [f"{self.suite}: {e.describe()}" for e in self.failed if e.severity != "critical"]

    @property
    def success(self) -> bool:
        return not self.critical_failed

    def reden(self) -> str:
        return f"validation suite {self.suite} failed: " + " | ".join(
            e.describe() for e in self.critical_failed
        )

    def details(self) -> str:
        return json.dumps(
            [
                {
                    "type": e.type,
                    "columns": e.columns,
                    "severity": e.severity,
                    "beschrijving": e.beschrijving,
                    "unexpected_count": e.unexpected_count,
                    "samples": e.samples,
                }
                for e in self.failed
            ],
            default=str,
        )

    def save(
        self,
        con: duckdb.DuckDBPyConnection,
        run_id: str | None,
        partitie: str | None = None,
        bestand: str | None = None,
    ) -> None:
        con.execute(
            "INSERT INTO meta.validaties VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
            [
                run_id,
                self.suite,
                self.asset,
                partitie,
                bestand,
                self.success,
                self.evaluated,
                len(self.failed),
                self.details(),
            ],
        )


def load_suite_json(expectations_dir: Path, suite: str) -> dict:
    return json.loads((expectations_dir / f"{suite}.json").read_text(encoding="utf-8"))


def suite_asset(suite: str, meta: dict) -> str:
    """The asset a suite checks: its ``meta.asset`` (``marts/revisies``), or else the one its name
    says (``marts_revisies``)."""
    return meta.get("asset") or suite.replace("_", "/", 1)


def frame_file(expectations_dir: Path, suite: str) -> Path | None:
    """The SQL file that builds a suite's frame: the one its ``meta.frame_sql`` names under
    ``warehouse/``; None when the suite runs on its whole table."""
    return _frame_file(load_suite_json(expectations_dir, suite).get("meta", {}))


def _frame_file(meta: dict) -> Path | None:
    return SQL_DIR / f"{meta['frame_sql']}.sql" if meta.get("frame_sql") else None


def frame_sql(expectations_dir: Path, suite: str) -> str:
    """The SQL that builds a suite's frame: its :func:`frame_file`, or else its whole table
    (``meta.asset``, ``marts/revisies``; by default the suite's name, ``marts_revisies``, read as
    ``marts.revisies``)."""
    meta = load_suite_json(expectations_dir, suite).get("meta", {})
    if (path := _frame_file(meta)) is not None:
        return path.read_text(encoding="utf-8")
    schema, table = suite_asset(suite, meta).split("/")
    return f"SELECT * FROM {quote_ident(f'{schema}.{table}')}"


def required_columns(expectations_dir: Path, suite: str) -> set[str]:
    """The columns a suite holds never to be NULL: those of its critical, whole-column (no
    ``mostly``) ``expect_column_values_to_not_be_null`` expectations. Empty for a missing suite."""
    if not (expectations_dir / f"{suite}.json").exists():
        return set()
    return {
        e["kwargs"]["column"]
        for e in load_suite_json(expectations_dir, suite)["expectations"]
        if e["type"] == "expect_column_values_to_not_be_null"
        and e.get("severity") == "critical"
        and "mostly" not in e["kwargs"]
    }


class Request(NamedTuple):
    """One validation: ``suite``'s frame built with ``params``, reported as a whole or per value of
    ``split_by``; ``scope`` is what it looks at, as the data docs name it: ``tabel`` (the whole
    table), ``proef`` (new deliveries before they become current) or ``steekproef`` (a sample of the
    payroll extract)."""

    suite: str
    params: dict[str, Any] | None = None
    split_by: str | None = None
    scope: str = "tabel"


class Validator:
    """Validates suites against frames built from DuckDB. Great Expectations itself runs in the
    worker process (:mod:`banen_pipeline.worker`, functions in ``validation/gx_engine.py``): importing it
    costs seconds of CPU, which the worker spends on the second core while this process loads
    deliveries; it also keeps GX out of the code location."""

    def __init__(self, expectations_dir: Path):
        self.expectations_dir = expectations_dir
        self.seconds = 0.0
        """Time spent validating (building frames and running suites), without the GX import."""

    @property
    def import_seconds(self) -> float:
        """Time this process waited for the worker's imports (GX first, then statsmodels and matplotlib)."""
        return worker.shared().warm_up_wait

    def warm_up(self) -> Callable[[], float]:
        """The worker's import of GX and making of its context, for :meth:`worker.Worker.start`."""
        return functools.partial(_engine().warm_up, self.expectations_dir)

    def validate(
        self,
        con: duckdb.DuckDBPyConnection,
        suite: str,
        params: dict[str, Any] | None = None,
        scope: str = "tabel",
    ) -> SuiteOutcome:
        """Build the suite's frame with its SQL and validate it as a whole."""
        return self.validate_all(con, [Request(suite, params, scope=scope)])[0][None]

    def validate_all(
        self, con: duckdb.DuckDBPyConnection, requests: list[Request]
    ) -> list[dict[Any, SuiteOutcome]]:
        """Build every request's frame, then validate them in one call, the suites side by side
        over the cores (``gx_engine.validate_frames``). Per request: outcomes by value of its
        ``split_by`` (key None when it has none)."""
        started = time.perf_counter()
        waited = self.import_seconds
        frames = [(r.suite, self.frame(con, r), r.split_by, r.scope) for r in requests]
        outcomes = self.validate_frames(frames)
        self.seconds += time.perf_counter() - started - (self.import_seconds - waited)
        return outcomes

    def frame(self, con: duckdb.DuckDBPyConnection, request: Request) -> Any:
        """The pandas frame a request's suite is validated on, built by its SQL (:func:`frame_sql`)."""
        sql = frame_sql(self.expectations_dir, request.suite)
        # a check step passes one set of parameters to all its suites: give each the ones its SQL uses
        params = {k: v for k, v in (request.params or {}).items() if f"${k}" in sql}
        return con.execute(sql, params).df()

    def validate_frames(
        self, frames: list[tuple[str, Any, str | None, str]]
    ) -> list[dict[Any, SuiteOutcome]]:
        """Validate frames already built, ``(suite, frame, split_by, scope)`` each, side by side."""
        return worker.shared().call(_engine().validate_frames, self.expectations_dir, frames)

    def build_data_docs(self, target: Path, taal: str = "nl", held_back=()) -> Path | None:
        """Write the data docs of every validation of this run to ``target/index.html``, in the
        language ``taal``, naming what failed checks held back (``marts.HeldBack``)."""
        return self.begin_data_docs(target, taal, held_back)()

    def begin_data_docs(self, target: Path, taal: str = "nl", held_back=()) -> Callable[[], Path | None]:
        """Start writing the data docs in the worker; call the result to wait for the index path.
        Meanwhile this process can do other work (the report, the exports)."""
        return worker.shared().begin(
            _engine().build_data_docs, self.expectations_dir, target, taal, list(held_back)
        )


def _engine():
    """The GX side (``gx_engine``), whose functions the worker runs. Imported on use: it imports from
    this module. Importing it here does not import Great Expectations (the worker does)."""
    from . import gx_engine

    return gx_engine


def _index(value: Any) -> Any:
    """GX gives pandas positions as ints, or dicts when index columns are named."""
    return int(value) if isinstance(value, numbers.Integral) else None


def _plain(value: Any) -> Any:
    """A frame cell as plain JSON: dates as ISO text, numpy scalars as Python, NaN/NaT as None."""
    if value is None or (isinstance(value, float) and value != value) or str(value) in ("NaT", "<NA>"):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value


_validators: dict[Path, Validator] = {}


def validator_for(expectations_dir: Path) -> Validator:
    """The process-wide validator (and GX context) for a suites folder."""
    key = expectations_dir.resolve()
    if key not in _validators:
        _validators[key] = Validator(key)
    return _validators[key]
