"""A failed step always says why: on `banen run` one line with the exception's own message and the
place it was raised, with `--debug` the whole traceback (the worker's included), and the same line in
meta.runs and `banen status`. Three injected failures: a mart whose SQL raises, a report that raises,
a call in the worker process that raises."""

from __future__ import annotations

import duckdb
import pytest
from typer.testing import CliRunner

from banen_pipeline import cli, marts
from banen_pipeline.failures import last_place, place
from banen_pipeline.projections import fits, projection
from banen_pipeline.report import content

from .conftest import SAMPLES, copy_sample_warehouse, settings_for


def broken_fits(*_args):
    """Sent to the worker process in place of the projections' fits (it imports this module)."""
    raise ValueError("fits broke on purpose")


@pytest.fixture
def warehouse(tmp_path, sample_run):
    """A private copy of the sample warehouse (the shared one stays as it is)."""
    return copy_sample_warehouse(sample_run, settings_for(tmp_path, SAMPLES)).warehouse


@pytest.fixture
def banen(monkeypatch):
    """`banen ...` in this process (so a failure can be injected), returning (exit code, output)."""

    def stop(code: int):
        raise SystemExit(code)

    monkeypatch.setattr(cli, "exit_now", stop)
    monkeypatch.setattr(cli, "DEBUG", False)
    monkeypatch.setattr(cli.console, "width", 400)

    def invoke(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(cli.app, list(args), catch_exceptions=False)
        return result.exit_code, result.output  # stdout and stderr, as a terminal shows them

    return invoke


def _recorded(path) -> str | None:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select fout from meta.runs order by begin desc limit 1").fetchone()[0]


def _run(banen, warehouse, *flags: str) -> tuple[int, str]:
    return banen(*flags, "run", "--force", "--landing", str(SAMPLES), "--warehouse", str(warehouse))


def _one_line(output: str, step: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(f"✗ failed: {step}: ")]
    assert len(lines) == 1, output
    return lines[0]


def test_a_mart_whose_sql_raises_names_its_file_and_place(monkeypatch, banen, warehouse):
    real = marts.run_sql

    def run_sql(con, name, params=None):
        if name == "marts/landelijk_kwartaal":
            con.execute("SELECT no_such_column FROM staging.uwv_kwartaal")
        return real(con, name, params)

    monkeypatch.setattr(marts, "run_sql", run_sql)
    code, output = _run(banen, warehouse)
    assert code == 1
    line = _one_line(output, "marts")
    assert line.startswith(
        "✗ failed: marts: MartFailed: warehouse/marts/landelijk_kwartaal.sql: BinderException"
    )
    assert "no_such_column" in line
    assert "(banen_pipeline.marts:" in line  # where it was raised
    assert "Traceback" not in output and "Stack Trace" not in output  # only with --debug
    recorded = _recorded(warehouse)
    assert recorded == line.removeprefix("✗ failed: ")
    code, status = banen("status", "--warehouse", str(warehouse))
    assert "landelijk_kwartaal.sql" in status


def test_a_report_that_raises_says_why_and_shows_the_traceback_with_debug(monkeypatch, banen, warehouse):
    def question_1(*_args):
        raise RuntimeError("the report broke on purpose")

    monkeypatch.setattr(content, "question_1", question_1)
    code, output = _run(banen, warehouse, "--debug")
    assert code == 1
    line = _one_line(output, "publish")
    # where it was raised: our innermost frame, and the innermost of all
    assert "RuntimeError: the report broke on purpose (banen_pipeline.report.content:" in line
    assert line.endswith(", in tests.test_failures:90)") or ", in tests.test_failures:" in line
    assert "Stack Trace" in output and "in question_1" in output  # the whole traceback
    assert _recorded(warehouse) == line.removeprefix("✗ failed: ")
    assert "failed: publish: RuntimeError" in output.split("marts")[-1]  # and the summary says so


def test_a_worker_call_that_raises_names_the_workers_place(monkeypatch, banen, warehouse):
    monkeypatch.setattr(projection, "compute", broken_fits)
    monkeypatch.setattr(fits, "_computed", {})  # fits of the same data made earlier in this process
    code, output = _run(banen, warehouse, "--debug")
    assert code == 1
    line = _one_line(output, "projections")
    assert "ValueError: fits broke on purpose (tests.test_failures:" in line  # the worker's frame
    assert "failed in the worker process" in line
    assert 'in broken_fits\n    raise ValueError("fits broke on purpose")' in output  # the worker's traceback
    assert _recorded(warehouse) == line.removeprefix("✗ failed: ")


def test_places_are_modules_and_lines():
    assert (
        place("/x/banen_pipeline/report/content/sectors.py", 12) == "banen_pipeline.report.content.sectors:12"
    )
    assert place("/v/lib/python3.11/site-packages/statsmodels/regression/linear_model.py", 466) == (
        "statsmodels.regression.linear_model:466"
    )
    trace = (
        'File "/x/banen_pipeline/projections.py", line 224, in fit\n'
        'File "/v/site-packages/numpy/__init__.py", line 3, in dot\n'
    )
    assert last_place(trace) == "banen_pipeline.projections:224, in numpy:3"
