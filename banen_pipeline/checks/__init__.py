"""Value rules: Great Expectations suites (``expectations/<suite>.json``) run on pandas frames that
``warehouse/checks/<suite>.sql`` builds from DuckDB.

GX 1.x cannot validate DuckDB through its SQL data source, and importing it costs seconds, so
``great_expectations`` is imported here lazily, once per process, on the first validation; the
ephemeral context it creates lives for the rest of the run and writes the data docs at the end.
"""

from __future__ import annotations

import importlib
import json
import numbers
import os
import shutil
import threading
import time
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


HEAVY_IMPORTS = ("great_expectations", "statsmodels.regression.linear_model", "matplotlib.pyplot")
"""Seconds-long imports a run needs later (validation, projections, report charts)."""


def start_background_imports() -> threading.Thread:
    """Import the heavy libraries in the background at the start of a run, so the seconds they take
    overlap with Dagster's start-up and the loads (DuckDB releases the GIL while it works)."""

    def _import() -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        os.environ.setdefault("MPLBACKEND", "Agg")
        for module in HEAVY_IMPORTS:
            importlib.import_module(module)

    thread = threading.Thread(target=_import, name="heavy-imports", daemon=True)
    thread.start()
    return thread


def load_suite_json(expectations_dir: Path, suite: str) -> dict:
    return json.loads((expectations_dir / f"{suite}.json").read_text(encoding="utf-8"))


class Validator:
    """One GX ephemeral context per process; suites validated against frames from DuckDB."""

    _lock = threading.Lock()

    def __init__(self, expectations_dir: Path):
        self.expectations_dir = expectations_dir
        self._gx = None
        self._context = None
        self._batch = None
        self._definitions: dict[str, Any] = {}
        self._docs_dir: Path | None = None
        self._results: dict[tuple, Any] = {}
        self.seconds = 0.0
        """Time spent validating (building frames and running suites), without the GX import."""
        self.import_seconds = 0.0

    def _ensure_context(self) -> None:
        if self._context is not None:
            return
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        started = time.perf_counter()
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        source = context.data_sources.add_pandas("warehouse")
        self._batch = source.add_dataframe_asset("frame").add_batch_definition_whole_dataframe("whole")
        self._gx, self._context = gx, context
        self.import_seconds = time.perf_counter() - started

    def _definition(self, suite: str):
        if suite not in self._definitions:
            gx = self._gx
            spec = load_suite_json(self.expectations_dir, suite)
            gx_suite = self._context.suites.add(gx.ExpectationSuite(**spec))
            self._definitions[suite] = self._context.validation_definitions.add(
                gx.ValidationDefinition(name=suite, data=self._batch, suite=gx_suite)
            )
        return self._definitions[suite]

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
        spec = load_suite_json(self.expectations_dir, suite)
        sql = sql_text(spec["meta"]["frame_sql"])
        # a check step passes one set of parameters to all its suites: give each the ones its SQL uses
        frame = con.execute(sql, {k: v for k, v in (params or {}).items() if f"${k}" in sql}).df()
        with self._lock:
            first = self._context is None
            self._ensure_context()
            result = self._run(suite, frame)
        groups = {None: frame.index} if split_by is None else frame.groupby(split_by).groups
        outcomes = {key: SuiteOutcome(suite, spec["meta"]["asset"], len(result.results)) for key in groups}
        for res in result.results:
            config = res.expectation_config
            kwargs = config.kwargs
            columns = [
                str(kwargs[k]) for k in ("column", "column_A", "column_B") if kwargs.get(k) is not None
            ] + list(kwargs.get("column_list") or [])
            details = res.result or {}
            unexpected = [
                i for i in (_index(x) for x in details.get("unexpected_index_list") or []) if i is not None
            ]
            show = [c for c in ((config.meta or {}).get("toon") or columns) if c in frame.columns]
            for key, rows in groups.items():
                mine = [i for i in unexpected if i in set(rows)] if split_by else unexpected
                # A failure without row indices (a table-level expectation) counts for every group.
                success = bool(res.success) or (bool(unexpected) and not mine)
                outcomes[key].expectations.append(
                    ExpectationOutcome(
                        type=config.type,
                        columns=columns,
                        severity=str(getattr(config.severity, "value", config.severity)).lower(),
                        success=success,
                        beschrijving=(config.meta or {}).get("beschrijving", ""),
                        unexpected_count=len(mine)
                        if unexpected
                        else int(details.get("unexpected_count") or 0),
                        samples=[{c: _plain(frame.at[i, c]) for c in show} for i in mine[:SAMPLE_ROWS]],
                    )
                )
        seconds = time.perf_counter() - started - (self.import_seconds if first else 0.0)
        self.seconds += seconds
        for outcome in outcomes.values():
            outcome.seconds = seconds
        return outcomes

    def _run(self, suite: str, frame: Any):
        """Run the suite on the frame; the same suite on identical data (as the trial validation and
        the asset check of a fresh load see it) is answered from memory instead of run twice."""
        import pandas as pd

        key = (
            suite,
            tuple(frame.columns),
            len(frame),
            int(pd.util.hash_pandas_object(frame, index=False).sum()),
        )
        if key in self._results:
            return self._results[key]
        definition = self._definition(suite)
        # Most validations pass: ask for the bare verdict first (half the cost), and for the
        # offending rows only when something failed.
        result = definition.run(batch_parameters={"dataframe": frame}, result_format="BOOLEAN_ONLY")
        if not all(r.success for r in result.results):
            result = definition.run(
                batch_parameters={"dataframe": frame}, result_format={"result_format": "COMPLETE"}
            )
        self._results[key] = result
        return result

    def build_data_docs(self, target: Path) -> Path | None:
        """Write the data docs of every validation this process ran to ``target/index.html``."""
        if self._context is None:
            return None
        with self._lock:
            building = target.with_name(target.name + ".building")
            if self._docs_dir != building:
                if self._docs_dir is not None:
                    self._context.delete_data_docs_site("warehouse")
                self._context.add_data_docs_site(
                    site_name="warehouse",
                    site_config={
                        "class_name": "SiteBuilder",
                        "store_backend": {
                            "class_name": "TupleFilesystemStoreBackend",
                            "base_directory": str(building),
                        },
                        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                    },
                )
                self._docs_dir = building
            shutil.rmtree(building, ignore_errors=True)
            self._context.build_data_docs()
            shutil.rmtree(target, ignore_errors=True)
            building.rename(target)
        return target / "index.html"


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
