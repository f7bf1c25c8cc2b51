"""Shared fixtures: the sample landing folder, a pipeline runner on temporary folders, and helpers
to make broken copies of sample deliveries."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

from banen_pipeline.config import DEFAULTS, Settings
from banen_pipeline.ingest import load_regions

SAMPLES = DEFAULTS["landing"]
REFERENCE = DEFAULTS["reference"]
UWV = SAMPLES / "uwv"


def settings_for(root: Path, landing: Path) -> Settings:
    return Settings(
        landing=landing,
        reference=REFERENCE,
        warehouse=root / "wh" / "banen.duckdb",
        exports=root / "wh" / "exports",
    )


def defs():
    """The definitions as the code location loads them (the settings of this environment)."""
    from banen_pipeline.definitions import build_defs

    return build_defs(Settings.from_env())


def run(settings: Settings) -> tuple[int, dict]:
    from banen_pipeline.pipeline import run_pipeline

    return run_pipeline(settings)


def markdown_as_text(markdown: str) -> str:
    """What the Dagster UI shows of a Markdown metadata value: its rendered text."""
    from bs4 import BeautifulSoup
    from markdown_it import MarkdownIt

    return BeautifulSoup(MarkdownIt("commonmark").render(markdown), "html.parser").get_text()


RUN_LOGS = "(schema_name, table_name) NOT IN (('meta', 'validaties'), ('meta', 'runs'))"
"""Every table but the run logs (meta.validaties, meta.runs: each run adds to them)."""


def checksums(con, where: str = RUN_LOGS) -> dict[str, tuple[int, str]]:
    """(rows, md5 of all rows in order) for every table of the connection's warehouse that ``where``
    (SQL on ``duckdb_tables()``) selects: an embedded file or DuckLake alike."""
    tables = con.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables() "
        f"WHERE database_name = current_database() AND {where} ORDER BY 1"
    ).fetchall()
    return {
        name: con.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) "
            f"FROM {name} AS t"
        ).fetchone()
        for (name,) in tables
    }


def table_checksums(path: Path) -> dict[str, tuple[int, str]]:
    """:func:`checksums` of every table of the warehouse file but the run logs."""
    with duckdb.connect(str(path), read_only=True) as con:
        return checksums(con)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """With `-n 2 --dist loadgroup`, the tests on the full sample run share one worker, so the
    samples are loaded once; the other worker takes the tests that make their own warehouses."""
    for item in items:
        if item.get_closest_marker("xdist_group"):  # placed by its module (the live test)
            continue
        if {"sample_run", "sample_copy", "sample_db", "extract"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.xdist_group("samples"))


@pytest.fixture(scope="session")
def regions():
    return load_regions(REFERENCE)


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory, worker_id) -> tuple[Settings, int, dict]:
    """The whole pipeline once on every sample delivery. Under xdist the first worker runs it and
    the others copy the result (under a lock), so the samples load once per test session."""
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if worker_id != "master" else base) / "shared-samples"
    with FileLock(f"{shared}.lock"):
        if not (shared / "run.json").exists():
            code, summary = run(settings_for(shared, SAMPLES))
            (shared / "run.json").write_text(json.dumps({"code": code, "summary": summary}))
    root = tmp_path_factory.mktemp("samples")
    shutil.copytree(shared / "wh", root / "wh", symlinks=True)
    done = json.loads((shared / "run.json").read_text())
    return settings_for(root, SAMPLES), done["code"], done["summary"]


def copy_sample_warehouse(sample_run, settings: Settings) -> Settings:
    """Copy the sample warehouse, with everything beside it, to where ``settings`` keeps its own: for
    a test that writes, so the sample run stays as it was loaded for the tests after it."""
    shutil.copytree(sample_run[0].warehouse.parent, settings.warehouse.parent, symlinks=True)
    return settings


@pytest.fixture
def sample_copy(sample_run, tmp_path) -> tuple[Settings, dict[str, tuple[int, str]]]:
    """A copy of the sample warehouse (:func:`copy_sample_warehouse`), and its tables' checksums."""
    settings = copy_sample_warehouse(sample_run, settings_for(tmp_path, SAMPLES))
    return settings, table_checksums(settings.warehouse)


@pytest.fixture
def sample_db(sample_run):
    settings = sample_run[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        yield con


@pytest.fixture
def landing(tmp_path) -> Callable[..., Path]:
    """landing(*sample_paths, **{name: bytes}) -> a landing folder with those files."""

    def make(*samples: Path, **files: bytes) -> Path:
        folder = tmp_path / "landing"
        (folder / "uwv").mkdir(parents=True, exist_ok=True)
        for sample in samples:
            target = folder / sample.parent.name / sample.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sample, target)
        for name, data in files.items():
            (folder / "uwv" / name).write_bytes(data)
        return folder

    return make


@pytest.fixture(scope="module")
def page(sample_run):
    """The Dutch report of the sample run, parsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((sample_run[0].report / "index.html").read_text(encoding="utf-8"), "html.parser")


def report_rows(page, table: str) -> list:
    """The body rows of the report's table ``table`` (its key)."""
    return page.select(f"table#tabel-{table} tbody tr")


def report_cells(row) -> list[str]:
    """A report table row's cells as text."""
    return [td.get_text(" ", strip=True) for td in row.find_all("td")]
