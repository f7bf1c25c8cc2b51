"""Great Expectations in the worker process (``banen_pipeline.worker``): one ephemeral GX context
per suites folder, suites validated against pandas frames, data docs of every validation of the run.

The data docs are rendered here from GX's validation results (``templates/data_docs_*.html.j2``),
not by GX's own site builder: its pages load jQuery, Bootstrap, bootstrap-table, Vega and Font
Awesome from CDNs and show no verdicts offline. These pages are plain HTML with no script and no
external address, so they work on a machine without internet.

The client side is :class:`banen_pipeline.validation.Validator`; the functions at the end are what it
calls in the worker.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

from .. import worker
from ..files import new_version
from . import SAMPLE_ROWS, ExpectationOutcome, SuiteOutcome, _index, _plain, load_suite_json, suite_asset


class GxEngine:
    def __init__(self, expectations_dir: Path):
        self.expectations_dir = expectations_dir
        self._context = None
        self._batch = None
        self._gx = None
        self._definitions: dict[str, Any] = {}
        self._results: dict[tuple, Any] = {}
        self._validations: list[dict[str, Any]] = []
        """Every validation so far, as the data docs show it."""
        self.import_seconds = 0.0

    def ensure_context(self) -> None:
        if self._context is not None:
            return
        worker.switch_libraries()  # also where the engine runs outside the worker (a test)
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
            spec = load_suite_json(self.expectations_dir, suite)
            gx_suite = self._context.suites.add(self._gx.ExpectationSuite(**spec))
            self._definitions[suite] = self._context.validation_definitions.add(
                self._gx.ValidationDefinition(name=suite, data=self._batch, suite=gx_suite)
            )
        return self._definitions[suite]

    @staticmethod
    def _key(suite: str, frame: Any) -> tuple:
        import pandas as pd

        return (
            suite,
            tuple(frame.columns),
            len(frame),
            int(pd.util.hash_pandas_object(frame, index=False).sum()),
        )

    def _run(self, suite: str, frame: Any):
        """Run the suite on the frame; the same suite on identical data (as the trial validation and
        the asset check of a fresh load see it) is answered from memory instead of run twice."""
        key = self._key(suite, frame)
        if key not in self._results:
            self._results[key] = self._validate(suite, frame)
        return self._results[key]

    def _validate(self, suite: str, frame: Any):
        definition = self._definition(suite)
        # Most expectations pass: ask for the bare verdicts first (half the cost of full results),
        # then for the offending rows of the failed expectations only.
        result = definition.run(batch_parameters={"dataframe": frame}, result_format="BOOLEAN_ONLY")
        failed = [i for i, r in enumerate(result.results) if not r.success]
        if failed:
            batch = self._batch.get_batch(batch_parameters={"dataframe": frame})
            expectations = {e.id: e for e in definition.suite.expectations}
            for i in failed:
                expectation = expectations[result.results[i].expectation_config.id]
                result.results[i] = batch.validate(expectation, result_format={"result_format": "COMPLETE"})
        return result

    def validate_frames(
        self, requests: list[tuple[str, Any, str | None, str]]
    ) -> list[dict[Any, SuiteOutcome]]:
        """:meth:`validate_frame` for each ``(suite, frame, split_by, scope)``, the suites run side by side
        in processes forked from this one, one per core: they inherit the imported GX and its
        context, so starting them costs milliseconds, and a checks step takes about half as long."""
        self.ensure_context()
        keys = [self._key(suite, frame) for suite, frame, _split, _scope in requests]
        todo = {
            key: (suite, frame) for key, (suite, frame, _split, _scope) in zip(keys, requests, strict=True)
        }
        todo = {key: task for key, task in todo.items() if key not in self._results}
        processes = min(len(os.sched_getaffinity(0)), len(todo))
        if processes > 1:
            for suite, _frame in todo.values():
                self._definition(suite)  # made once here, inherited by every fork
            global _forking
            _forking = self  # what the forks inherit
            done = worker.forked_map(_validate_in_fork, list(todo.values()), processes)
            self._results.update(zip(todo, done, strict=True))
        return [self.validate_frame(suite, frame, split, scope) for suite, frame, split, scope in requests]

    def validate_frame(
        self, suite: str, frame: Any, split_by: str | None, scope: str = "tabel"
    ) -> dict[Any, SuiteOutcome]:
        """Validate the frame once; report as a whole (key None) or per value of ``split_by``: a value
        fails an expectation when one of its rows is unexpected."""
        self.ensure_context()
        spec = load_suite_json(self.expectations_dir, suite)
        result = self._run(suite, frame)
        self._validations.append(_docs_record(spec, suite, result, frame, scope))
        groups = {None: frame.index} if split_by is None else frame.groupby(split_by).groups
        outcomes = {
            key: SuiteOutcome(suite, suite_asset(suite, spec.get("meta", {})), len(result.results))
            for key in groups
        }
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
            show = list(
                dict.fromkeys(
                    [c for c in IDENTIFYING if c in frame.columns]
                    + [c for c in ((config.meta or {}).get("toon") or columns) if c in frame.columns]
                )
            )
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
        return outcomes

    def build_data_docs(self, target: Path, taal: str = "nl", held_back=()) -> Path | None:
        """Write the data docs of every validation since the last data docs (a run's): ``target/index.html``
        and one page per validation under ``target/validaties/``, swapped in whole; headings in the
        language ``taal``; ``held_back``: what failed checks held back (``marts.HeldBack``), named on
        the index."""
        if not self._validations:
            return None
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        pages = docs_pages(self._validations, taal, now, held_back)
        with new_version(target) as building:
            (building / "validaties").mkdir()
            for name, html in pages.items():
                (building / name).write_text(html, encoding="utf-8")
        self._validations = []  # the next docs are of the validations after these (the next run's)
        return target / "index.html"


def docs_pages(validations: list[dict[str, Any]], taal: str, gemaakt: str, held_back=()) -> dict[str, str]:
    """The data docs as pages by their path: ``index.html`` and one ``validaties/NNN-<suite>.html``
    per validation (each record gets its ``page``), headings in the language ``taal``."""
    from ..pages import environment
    from ..texts import Language, held_back_sentences

    env = environment(Language(taal))
    env.globals["taal"] = taal
    page = env.get_template("data_docs_validation.html.j2")
    pages = {}
    for number, validation in enumerate(validations, start=1):
        validation["page"] = f"validaties/{number:03d}-{validation['suite']}.html"
        pages[validation["page"]] = page.render(v=validation)
    pages["index.html"] = env.get_template("data_docs_index.html.j2").render(
        validations=validations,
        gemaakt=gemaakt,
        failed=sum(not v["success"] for v in validations),
        tegengehouden=held_back_sentences(Language(taal), held_back),
    )
    return pages


IDENTIFYING = ("kwartaal", "regiocode", "bestand", "jaar", "sector", "organisatie", "segment")
"""Columns that say which row a failure is about, shown first when a frame has them."""


def _failed_rows(frame: Any, details: dict, shown: list[str]) -> list[dict[str, Any]]:
    """Up to SAMPLE_ROWS rows an expectation failed on, as identifying columns and those it shows."""
    columns = [c for c in IDENTIFYING if c in frame.columns] + [c for c in shown if c in frame.columns]
    columns = list(dict.fromkeys(columns))
    positions = [i for i in (_index(x) for x in details.get("unexpected_index_list") or []) if i is not None]
    return [{c: _plain(frame.at[i, c]) for c in columns} for i in positions[:SAMPLE_ROWS]]


def _docs_record(spec: dict, suite: str, result: Any, frame: Any, scope: str) -> dict[str, Any]:
    """One validation as the data docs show it: the suite, what it looked at (``scope``), and per
    expectation its verdict with the rows it failed on."""
    expectations = []
    for res in result.results:
        config = res.expectation_config
        details = res.result or {}
        kwargs = config.kwargs
        shown = (config.meta or {}).get("toon") or [
            str(kwargs[k]) for k in ("column", "column_A", "column_B") if kwargs.get(k) is not None
        ] + list(kwargs.get("column_list") or [])
        expectations.append(
            {
                "type": config.type,
                "kwargs": json.dumps(
                    {k: v for k, v in config.kwargs.items() if k not in ("batch_id", "result_format")},
                    default=str,
                ),
                "severity": str(getattr(config.severity, "value", config.severity)).lower(),
                "beschrijving": (config.meta or {}).get("beschrijving", ""),
                "success": bool(res.success),
                "unexpected_count": details.get("unexpected_count"),
                "observed_value": details.get("observed_value"),
                "voorbeelden": json.dumps((details.get("partial_unexpected_list") or [])[:5], default=str),
                "rijen": [] if res.success else _failed_rows(frame, details, shown),
            }
        )
    failed = [e for e in expectations if not e["success"]]
    return {
        "suite": suite,
        "asset": suite_asset(suite, spec.get("meta", {})),
        "beschrijving": spec.get("meta", {}).get("beschrijving", ""),
        "gevalideerd_op": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "rows": len(frame),
        "scope": scope,
        "expectations": expectations,
        "evaluated": len(expectations),
        "failed": len(failed),
        "success": not any(e["severity"] == "critical" for e in failed),
    }


_engines: dict[Path, GxEngine] = {}


def _engine(expectations_dir: Path) -> GxEngine:
    if expectations_dir not in _engines:
        _engines[expectations_dir] = GxEngine(expectations_dir)
    return _engines[expectations_dir]


def warm_up(expectations_dir: Path) -> float:
    """Import GX and make the context now, while the caller is still loading deliveries."""
    engine = _engine(expectations_dir)
    engine.ensure_context()
    return engine.import_seconds


def validate_frames(expectations_dir: Path, requests: list[tuple[str, Any, str | None, str]]) -> list[dict]:
    return _engine(expectations_dir).validate_frames(requests)


_forking: GxEngine | None = None
"""The engine whose :meth:`GxEngine.validate_frames` forked this process."""


def _validate_in_fork(suite: str, frame: Any):
    """One suite's GX result, in a process forked by :meth:`GxEngine.validate_frames`."""
    return _forking._validate(suite, frame)


def build_data_docs(expectations_dir: Path, target: Path, taal: str = "nl", held_back=()) -> Path | None:
    return _engine(expectations_dir).build_data_docs(target, taal, held_back)
