"""Runs and readers at the same time: two `banen run` on one warehouse, `banen query` during a run."""

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from banen_pipeline.db import Warehouse, WarehouseBusy

from .conftest import UWV, settings_for

BANEN = Path(sys.executable).parent / "banen"


def banen(*args: str, settings, **kwargs) -> subprocess.Popen:
    env = {
        **os.environ,
        "BANEN_LANDING": str(settings.landing),
        "BANEN_WAREHOUSE": str(settings.warehouse),
        "BANEN_EXPORTS": str(settings.exports),
    }
    env.pop("DAGSTER_HOME", None)
    return subprocess.Popen(
        [str(BANEN), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs
    )


@pytest.mark.slow
def test_two_runs_at_once_both_succeed_and_the_second_finds_the_work_done(tmp_path, landing):
    folder = landing(
        UWV / "UWV_Trendrapportage_Banenafspraak_2020K2.csv",
        UWV / "UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv",
    )
    together = settings_for(tmp_path / "together", folder)
    first, second = banen("run", settings=together), banen("run", settings=together)
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert any("waiting" in err for _, err in outputs)  # one of them waited, and said so
    assert not any("Could not set lock" in out + err for out, err in outputs)
    # the one that waited found the same inputs done by the other, and did nothing
    assert sum("nothing new since run" in err for _, err in outputs) == 1, outputs
    import duckdb

    with duckdb.connect(str(together.warehouse), read_only=True) as con:
        deliveries = con.execute("select bestand, status from meta.leveringen order by 1").fetchall()
        logged = con.execute("select status, geladen from meta.runs").fetchall()
        current = con.execute("select count(*) from staging.uwv_kwartaal where is_actueel").fetchone()[0]
    assert deliveries == [
        ("UWV_Trendrapportage_Banenafspraak_2020K2.csv", "geladen"),
        ("UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv", "geladen"),
    ]
    assert logged == [("geslaagd", 2)]  # one run did the work, once
    assert current == 36


def test_query_reads_the_snapshot_while_a_run_holds_the_warehouse(sample_run):
    settings = sample_run[0]
    with Warehouse(settings.warehouse).writer():  # as a run holds it
        query = banen(
            "query",
            "--format",
            "csv",
            "select count(*) as n from marts.landelijk_kwartaal",
            settings=settings,
        )
        out, err = query.communicate(timeout=120)
    assert query.returncode == 0, err
    assert out.splitlines() == ["n", "33"]
    assert "snapshot" in err


HOLD_A_READ = """
import sys, time
from pathlib import Path
from banen_pipeline.db import Warehouse
with Warehouse(Path(sys.argv[1])).{reader} as con:
    con.execute("SELECT 1").fetchall()
    print("reading", flush=True)
    time.sleep(1.5)
"""


def _hold_a_read(path: Path, reader: str) -> subprocess.Popen:
    """Another process (a sensor's tick) with the warehouse open for reading."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_READ.format(reader=reader), str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "reading"
    return process


def test_a_sensors_brief_read_makes_a_writer_wait_not_fail(tmp_path):
    warehouse = Warehouse(tmp_path / "banen.duckdb")
    with warehouse.writer() as con:
        warehouse.init_schema(con)

    # a plain read-only connection in another process: DuckDB refuses the writer outright
    reading = _hold_a_read(warehouse.path, "reader()")
    with pytest.raises(duckdb.IOException, match="lock"), warehouse.writer():
        pass
    reading.wait(timeout=30)

    # the sensor's brief read holds the writer lock: the writer says it waits, then gets in
    reading = _hold_a_read(warehouse.path, "brief_reader()")
    waits: list[str] = []
    with warehouse.writer(on_wait=waits.append) as con:
        assert con.execute("SELECT count(*) FROM meta.leveringen").fetchone() == (0,)
    assert len(waits) == 1 and "a sensor reading it" in waits[0]
    assert reading.wait(timeout=30) == 0

    # and a brief read while a writer holds the warehouse gives up at once
    with warehouse.writer(), pytest.raises(WarehouseBusy), warehouse.brief_reader():
        pass
