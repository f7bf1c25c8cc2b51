"""Runs and readers at the same time: two `banen run` on one warehouse, `banen query` during a run."""

import os
import subprocess
import sys
from pathlib import Path

from banen_pipeline.db import Warehouse

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
