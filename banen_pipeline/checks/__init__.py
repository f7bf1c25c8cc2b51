"""Value rules: Great Expectations suites (``expectations/<suite>.json``) run on pandas frames that
``warehouse/checks/<suite>.sql`` builds from DuckDB.

GX 1.x cannot validate DuckDB through its SQL data source, and importing it costs seconds, so it
runs in a worker process (``gx_engine.py``), started at the beginning of ``banen run`` or on the
first validation, never when Dagster loads the code location. Its ephemeral context lives for the
rest of the run and writes the data docs at the end.
"""

from __future__ import annotations

import json
import numbers
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..db import sql_text

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
    seconds: float = 0.0

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


class Validator:
    """Validates suites against frames built from DuckDB. Great Expectations itself runs in a worker
    process (``checks/gx_engine.py``): importing it costs seconds of CPU, which the worker spends on
    the second core while this process loads deliveries; it also keeps GX out of the code location."""

    _lock = threading.Lock()

    def __init__(self, expectations_dir: Path):
        self.expectations_dir = expectations_dir
        self._worker: subprocess.Popen | None = None
        self._started = False
        self.seconds = 0.0
        """Time spent validating (building frames and running suites), without the GX import."""
        self.import_seconds = 0.0
        """Time this process waited for the worker's import of GX."""

    def start(self) -> None:
        """Start the worker (and its import of GX) now, so that it is ready when needed."""
        with self._lock:
            if self._worker is None or self._worker.poll() is not None:
                env = {**os.environ, "GX_ANALYTICS_ENABLED": "false"}
                self._worker = subprocess.Popen(
                    [sys.executable, "-m", "banen_pipeline.checks.gx_engine", str(self.expectations_dir)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    env=env,
                )
                self._started = False

    def _call(self, op: str, *args: Any) -> Any:
        return self._begin(op, *args)()

    def _begin(self, op: str, *args: Any) -> Callable[[], Any]:
        """Send a request to the worker; the returned function waits for its answer. Requests are
        answered in order, one at a time: the lock is held until the answer is read."""
        self.start()
        self._lock.acquire()
        started = time.perf_counter()
        try:
            pickle.dump((op, args), self._worker.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._worker.stdin.flush()
        except BaseException:
            self._lock.release()
            raise

        def answer() -> Any:
            try:
                status, value, waited = pickle.load(self._worker.stdout)
            except EOFError:
                raise RuntimeError("the Great Expectations worker stopped; see its messages above") from None
            finally:
                self._lock.release()
            if not self._started:
                self._started = True
                self.import_seconds = min(waited, time.perf_counter() - started)
            if status == "error":
                raise RuntimeError(f"Great Expectations worker: {value}")
            return value

        return answer

    def close(self) -> None:
        if self._worker is not None and self._worker.poll() is None:
            self._worker.stdin.close()
            self._worker.wait(timeout=30)

    def validate(
        self, con: duckdb.DuckDBPyConnection, suite: str, params: dict[str, Any] | None = None
    ) -> SuiteOutcome:
        """Build the suite's frame with its SQL and validate it as a whole."""
        return self._validate(con, suite, params, None)[None]

    def validate_by(
        self, con: duckdb.DuckDBPyConnection, suite: str, params: dict[str, Any], column: str
    ) -> dict[Any, SuiteOutcome]:
        """Validate one frame once, and report per value of ``column`` (e.g. per delivered file):
        a value fails an expectation when one of its rows is unexpected."""
        return self._validate(con, suite, params, column)

    def _validate(self, con, suite, params, split_by) -> dict[Any, SuiteOutcome]:
        started = time.perf_counter()
        first = not self._started
        spec = load_suite_json(self.expectations_dir, suite)
        sql = sql_text(spec["meta"]["frame_sql"])
        # a check step passes one set of parameters to all its suites: give each the ones its SQL uses
        frame = con.execute(sql, {k: v for k, v in (params or {}).items() if f"${k}" in sql}).df()
        outcomes = self._call("validate_frame", suite, frame, split_by)
        seconds = time.perf_counter() - started - (self.import_seconds if first else 0.0)
        self.seconds += seconds
        for outcome in outcomes.values():
            outcome.seconds = seconds
        return outcomes

    def build_data_docs(self, target: Path) -> Path | None:
        """Write the data docs of every validation of this run to ``target/index.html``."""
        return self.begin_data_docs(target)()

    def begin_data_docs(self, target: Path) -> Callable[[], Path | None]:
        """Start writing the data docs in the worker; call the result to wait for the index path.
        Meanwhile this process can do other work (the report, the exports)."""
        if self._worker is None:
            return lambda: None
        return self._begin("build_data_docs", target)


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
