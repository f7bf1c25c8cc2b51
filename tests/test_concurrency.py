"""Runs and readers at the same time: two `banen run` on one warehouse, `banen query` during a run."""

import os
import subprocess
import sys
from pathlib import Path

from banen_pipeline.db import Warehouse

from .conftest import UWV, run, settings_for, table_checksums

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


def test_two_runs_at_once_both_succeed_and_equal_one_run(tmp_path, landing):
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

    alone = settings_for(tmp_path / "alone", folder)
    assert run(alone)[0] == 0
    ours, theirs = table_checksums(together.warehouse), table_checksums(alone.warehouse)
    skip = {"meta.leveringen", "meta.berekeningen"}  # run ids and times differ; compared below without them
    assert {k: v for k, v in ours.items() if k not in skip} == {
        k: v for k, v in theirs.items() if k not in skip
    }
    import duckdb

    def deliveries(path):
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute("select bestand, sha256, status from meta.leveringen order by 1").fetchall()

    assert deliveries(together.warehouse) == deliveries(alone.warehouse)

    def computed(path):
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute("select tabel, invoer_sha256 from meta.berekeningen order by all").fetchall()

    assert computed(together.warehouse) == computed(alone.warehouse)  # computed once, from the same inputs


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
