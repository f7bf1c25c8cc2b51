"""A full disk at every stage of a run, and damaged state files: the warehouse must come through
without hand work. Writing fails (ENOSPC, as the kernel says it) at loading, a mart, the snapshot,
the exports, the report, the data docs and the run's record; after each the warehouse opens, the
marts and every file beside it are as before, and the next run with space succeeds."""

import errno
import json

import duckdb
import pytest

from banen_pipeline import exports, files, marts, status
from banen_pipeline.db import Warehouse
from banen_pipeline.deliveries import scan_landing
from banen_pipeline.files import DiskFull
from banen_pipeline.ingest import ingest
from banen_pipeline.pipeline import run_pipeline
from banen_pipeline.report import build_report

from .broken import uwv_xlsx
from .conftest import table_checksums


def no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _opens_unchanged(settings, before) -> None:
    with duckdb.connect(str(settings.warehouse), read_only=True):
        pass
    assert table_checksums(settings.warehouse) == before


def test_loading(sample_copy, regions, monkeypatch, tmp_path):
    settings, before = sample_copy
    landing = tmp_path / "new"
    (landing / "uwv").mkdir(parents=True)
    (landing / "uwv" / "Dashboard_Banenafspraak_export_2024-Q1.xlsx").write_bytes(uwv_xlsx(2024, 1))
    monkeypatch.setattr("banen_pipeline.ingest.insert_frame", no_space)
    with (
        pytest.raises(DiskFull, match=str(settings.warehouse.parent)),
        Warehouse(settings.warehouse).writer() as con,
    ):
        ingest(con, scan_landing(landing), regions)
    _opens_unchanged(settings, before)
    monkeypatch.undo()
    with Warehouse(settings.warehouse).writer() as con:
        assert [o.status for o in ingest(con, scan_landing(landing), regions)] == ["geladen"]


def test_a_mart(sample_copy, monkeypatch):
    settings, before = sample_copy
    build = marts.run_sql

    def full_at_sector(con, name, params=None):
        if name == "marts/realisatie_sector":
            con.execute("CREATE OR REPLACE TABLE marts.realisatie_sector AS SELECT 1 AS half")  # half done
            no_space()
        return build(con, name, params)

    monkeypatch.setattr(marts, "run_sql", full_at_sector)
    with pytest.raises(DiskFull), Warehouse(settings.warehouse).writer() as con:
        marts.build_mart(con, "realisatie_sector")
    _opens_unchanged(settings, before)


def test_the_snapshot(sample_copy, monkeypatch):
    settings, before = sample_copy
    warehouse = Warehouse(settings.warehouse)
    old = warehouse.snapshot_path.read_bytes()

    def half_a_copy(_source, target):
        with open(target, "wb") as copy:
            copy.write(b"half")
        no_space()

    monkeypatch.setattr(files.shutil, "copyfile", half_a_copy)
    with pytest.raises(DiskFull), warehouse.writer() as con:
        warehouse.write_snapshot(con)
    assert warehouse.snapshot_path.read_bytes() == old  # the old copy stands, no half one beside it
    assert [p.name for p in warehouse.snapshot_path.parent.iterdir()] == [warehouse.snapshot_path.name]
    _opens_unchanged(settings, before)


def test_the_exports(sample_copy, monkeypatch):
    settings, before = sample_copy
    manifest = (settings.exports / "manifest.json").read_text()
    target = settings.exports.resolve()
    versions = settings.exports.parent / ".exports-versions"
    kept = sorted(versions.iterdir())
    write = exports._write

    def half_then_full(*args):
        write(*args)
        no_space()

    monkeypatch.setattr(exports, "_write", half_then_full)
    with pytest.raises(DiskFull), Warehouse(settings.warehouse).writer() as con:
        exports.export_schema(con, "marts", settings.exports, settings.expectations)
    assert (
        settings.exports.resolve() == target and (settings.exports / "manifest.json").read_text() == manifest
    )
    assert sorted(versions.iterdir()) == kept  # the half version is gone, the ones before it stay
    _opens_unchanged(settings, before)


def test_the_report(sample_copy, monkeypatch):
    settings, before = sample_copy
    page = (settings.report / "index.html").read_text()
    monkeypatch.setattr(files.os, "fsync", no_space)  # written, but it cannot be flushed: the disk is full
    with pytest.raises(DiskFull), Warehouse(settings.warehouse).writer() as con:
        build_report(con, settings.report, settings.warehouse)
    assert (settings.report / "index.html").read_text() == page
    assert sorted(p.name for p in settings.report.iterdir()) == ["index.html"]  # no half file beside it
    _opens_unchanged(settings, before)


def test_a_folder_version_that_cannot_be_written_whole_is_never_swapped_in(tmp_path, monkeypatch):
    """The exports and the data docs (written in the worker's process) are folders swapped in whole
    by files.new_version: a full disk while one is written leaves the old one in place."""
    target = tmp_path / "docs"
    with files.new_version(target) as version:
        (version / "index.html").write_text("old")
    monkeypatch.setattr(files.os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"), files.new_version(target) as version:
        (version / "index.html").write_text("new, half")
    assert (target / "index.html").read_text() == "old"
    assert len(list((tmp_path / ".docs-versions").iterdir())) == 1


def test_the_runs_record(sample_copy, monkeypatch):
    settings, before = sample_copy
    record = status.last_run_path(settings).read_text()
    monkeypatch.setattr(files.os, "fsync", no_space)
    with pytest.raises(DiskFull, match=str(settings.warehouse.parent)):
        status.record_last_run(
            settings,
            {"run_id": "x", **dict.fromkeys(["geladen", "afgewezen", "dubbel", "al gezien"], 0), "marts": {}},
            [],
            [],
            1.0,
            0,
        )
    assert status.last_run_path(settings).read_text() == record
    _opens_unchanged(settings, before)


@pytest.mark.slow
def test_a_damaged_record_counts_as_absent(sample_copy, capsys):
    settings, _before = sample_copy
    path = status.last_run_path(settings)
    path.write_text(path.read_text()[:100])  # truncated, as a full disk left it before
    assert status.last_run(settings) is None
    code, summary = run_pipeline(settings)
    assert code == 0 and not summary.get("niets nieuw")  # no crash: a run, as if there were no record
    assert json.loads(path.read_text())["exit_code"] == 0


@pytest.mark.slow
def test_a_full_disk_in_a_dagster_step_fails_it_with_one_clear_message_and_the_next_run_succeeds(
    sample_copy, monkeypatch
):
    settings, before = sample_copy
    import dagster as dg

    from banen_pipeline.definitions import build_defs

    monkeypatch.setattr(exports, "_write", no_space)
    from banen_pipeline.defs.publish import SPECS

    job = build_defs(settings).resolve_job_def("banen_job")
    result = job.execute_in_process(  # the step that writes the exports, on the loaded warehouse
        instance=dg.DagsterInstance.ephemeral(), asset_selection=list(SPECS), raise_on_error=False
    )
    [failure] = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    error = failure.event_specific_data.error
    assert failure.step_key == "publish" and error.cause.cls_name == "DiskFull"
    assert error.cause.message.startswith(
        f"banen_pipeline.files.DiskFull: No space left on the device of {settings.warehouse.parent}: the run stopped"
    )
    with pytest.raises(DiskFull):  # banen run says it in one line
        run_pipeline(settings, force=True)
    monkeypatch.undo()
    code, _summary = run_pipeline(settings, force=True)
    assert code == 0
    assert table_checksums(settings.warehouse) == before
