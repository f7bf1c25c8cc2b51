"""Beyond one machine: the same pipeline with the warehouse on DuckLake (catalog in PostgreSQL, data
as Parquet in a folder) and Dagster's instance on PostgreSQL. Mart content equals the embedded run."""

import time
import uuid

import pytest

from banen_pipeline import marts
from banen_pipeline.config import Settings
from banen_pipeline.db import Warehouse

from .conftest import REFERENCE, SAMPLES, run, settings_for
from .postgres import connect, postgres_server

pytestmark = pytest.mark.slow

SUBSET = [
    "uwv/UWV_Trendrapportage_Banenafspraak_2020K2.csv",
    "uwv/UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv",
    "rijk/Monitor_Banenafspraak_Rijk_2022_Q4.xlsx",
    "sectoren/Voortgangsrapportage_publieke_sectoren_2022.csv",
]
"""Three suppliers and a re-delivery; small, because every DuckLake commit is a catalog transaction."""


@pytest.fixture(scope="module")
def server():
    with postgres_server() as server:
        yield server


def mart_contents(warehouse: Warehouse) -> dict:
    with warehouse.reader() as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where database_name = current_database() "
            "and schema_name = 'marts' order by 1"
        ).fetchall()
        return {
            t: con.execute(
                f"select count(*), md5(coalesce(string_agg(x::varchar, '|' order by x::varchar), '')) from marts.{t} x"
            ).fetchone()
            for (t,) in tables
        }


def test_banen_run_on_ducklake_and_dagster_on_postgres_equals_embedded(
    tmp_path, landing, server, monkeypatch
):
    folder = landing(*(SAMPLES / p for p in SUBSET))
    suffix = uuid.uuid4().hex[:8]
    lake_db, dagster_db = f"banen_lake_{suffix}", f"dagster_{suffix}"
    admin = connect(server)
    admin.cursor().execute(f"create database {lake_db}")
    admin.cursor().execute(f"create database {dagster_db}")
    admin.close()

    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(
        "storage:\n  postgres:\n    postgres_db:\n"
        f"      hostname: {server['host']}\n      port: {server['port']}\n      username: {server['user']}\n"
        f"      password: ''\n      db_name: {dagster_db}\ntelemetry:\n  enabled: false\n"
    )
    catalog = f"postgres:dbname={lake_db} host={server['host']} port={server['port']} user={server['user']}"
    lake = settings_for(tmp_path / "lake", folder)
    environment = {
        "BANEN_LANDING": str(folder),
        "BANEN_REFERENCE": str(REFERENCE),
        "BANEN_WAREHOUSE": str(lake.warehouse),
        "BANEN_EXPORTS": str(lake.exports),
        "BANEN_DUCKLAKE": catalog,
        "BANEN_DUCKLAKE_DATA": str(tmp_path / "lake" / "data") + "/",
        "DAGSTER_HOME": str(home),
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    # what `banen run` does with this environment, in this process: its worker (and the libraries it
    # imported) is shared with this process's other tests, so the time goes to DuckLake and PostgreSQL
    started = time.perf_counter()
    on_lake = Settings.from_env()
    code, summary = run(on_lake)
    print(f"banen run on DuckLake + Dagster on PostgreSQL: {time.perf_counter() - started:.1f} s")
    assert code == 0, summary
    assert on_lake.ducklake == catalog
    assert list((tmp_path / "lake" / "data").rglob("*.parquet")), "DuckLake wrote no Parquet data files"
    monkeypatch.delenv("DAGSTER_HOME")

    embedded = settings_for(tmp_path / "embedded", folder)
    assert run(embedded)[0] == 0

    ours, theirs = mart_contents(Warehouse.of(on_lake)), mart_contents(Warehouse.of(embedded))
    assert len(ours) == len(marts.names())
    assert ours == theirs

    con = connect(server, dagster_db)
    cursor = con.cursor()
    cursor.execute("select status from runs")
    assert [row[0] for row in cursor.fetchall()] == ["SUCCESS"]
    con.close()
