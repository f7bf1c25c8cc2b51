"""The production deployment end to end, as `deploy/production/` ships it: the Dagster webserver and
daemon, each started with its systemd unit's command and the environment file's variables, on an
instance whose storage is PostgreSQL; the warehouse on DuckLake, its catalog in the same PostgreSQL
and its data on an S3 server on loopback (moto). A run is killed halfway: Dagster marks it failed,
and the next run completes with marts identical to an uninterrupted run on the embedded file.

PostgreSQL is the one .ci/run started, or a private one from the ``pgserver`` wheel (tests/postgres.py).
"""

import logging
import os
import re
import shlex
import signal
import uuid

import pytest
import yaml

from banen_pipeline import marts
from banen_pipeline.config import PROJECT_ROOT, Settings
from banen_pipeline.db import Warehouse

from .conftest import REFERENCE, SAMPLES, run, settings_for
from .dagster_live import LOCATION, Dagster
from .postgres import connect, postgres_server

pytestmark = [pytest.mark.xdist_group("deployment"), pytest.mark.slow]

DEPLOY = PROJECT_ROOT / "deploy" / "production"
INSTALLED_AT = "/opt/banen"
"""Where the units expect the project (WorkingDirectory); the test runs this checkout instead."""
SUBSET = [
    "uwv/UWV_Trendrapportage_Banenafspraak_2020K2.csv",
    "uwv/UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv",
    "rijk/Monitor_Banenafspraak_Rijk_2022_Q4.xlsx",
    "sectoren/Voortgangsrapportage_publieke_sectoren_2022.csv",
]
"""Three suppliers and a re-delivery; small, because every DuckLake commit is a catalog transaction."""
DEADLINE = 300
BUCKET = "banen"


def unit_command(unit: str) -> list[str]:
    """A unit's ExecStart, with this checkout in place of the installed project."""
    text = (DEPLOY / unit).read_text()
    assert f"WorkingDirectory={INSTALLED_AT}" in text
    command = re.search(r"^ExecStart=(.+)$", text, re.M).group(1)
    return shlex.split(command.replace(INSTALLED_AT, str(PROJECT_ROOT)))


def documented_variables() -> set[str]:
    """The variables the environment file sets."""
    lines = (DEPLOY / "banen.env").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


@pytest.fixture
def s3():
    """An S3 server on loopback with the warehouse's bucket; its endpoint URL."""
    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # not a line per request in the output
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="key",
        aws_secret_access_key="secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    try:
        yield endpoint, client
    finally:
        server.stop()


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


def test_the_services_on_postgresql_run_the_warehouse_on_ducklake_and_s3_and_a_killed_run_is_recovered(
    tmp_path, landing, s3
):
    folder = landing(*(SAMPLES / p for p in SUBSET))
    endpoint, client = s3
    suffix = uuid.uuid4().hex[:8]
    lake_db, dagster_db = f"banen_lake_{suffix}", f"dagster_{suffix}"
    with postgres_server() as server:
        admin = connect(server)
        admin.cursor().execute(f"create database {lake_db}")
        admin.cursor().execute(f"create database {dagster_db}")
        admin.close()

        # the production instance, with the daemon's loops shortened for a test
        instance = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())
        instance["run_coordinator"]["config"] = {"dequeue_interval_seconds": 1}
        instance["run_monitoring"]["poll_interval_seconds"] = 2
        home = tmp_path / "dagster_home"
        home.mkdir()
        (home / "dagster.yaml").write_text(yaml.safe_dump(instance))
        address = f"host={server['host']} port={server['port']} user={server['user']}"
        settings = {
            "DAGSTER_PG_URL": f"postgresql://{server['user']}@{server['host']}:{server['port']}/{dagster_db}",
            "BANEN_LANDING": str(folder),
            "BANEN_WAREHOUSE": str(tmp_path / "lake" / "banen.duckdb"),
            "BANEN_DUCKLAKE": f"postgres:dbname={lake_db} {address}",
            "BANEN_DUCKLAKE_DATA": f"s3://{BUCKET}/lake/",
            "BANEN_S3_ENDPOINT": endpoint,
            "BANEN_S3_KEY_ID": "key",
            "BANEN_S3_SECRET": "secret",
            "BANEN_S3_REGION": "us-east-1",
        }
        assert set(settings) <= documented_variables() | {"DAGSTER_HOME"}, "banen.env lists every variable"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BANEN_", "DAGSTER_"))}
        env |= settings | {"BANEN_REFERENCE": str(REFERENCE)}
        webserver = unit_command("dagster-webserver.service")
        daemon = unit_command("dagster-daemon.service")
        assert webserver[webserver.index("-p") + 1] == "3000"
        dagster = Dagster(
            home,
            env,
            tmp_path / "dagster.log",
            DEADLINE,
            commands=[
                lambda port: [*webserver[: webserver.index("-h")], "-h", "127.0.0.1", "-p", str(port)],
                lambda port: daemon,
            ],
        )
        try:
            dagster.wait_for("code location", lambda: dagster.query("{ version }"))
            nodes = dagster.wait_for(
                "the assets",
                lambda: dagster.query(
                    "{ assetNodes { assetKey { path } isExecutable isObservable jobNames } }"
                )["assetNodes"],
            )
            steps = [n for n in nodes if n["isExecutable"] and not n["isObservable"]]
            job = next(j for j in steps[0]["jobNames"] if all(j in n["jobNames"] for n in steps))

            def materialize_all() -> str:
                launched = dagster.query(
                    "mutation($p: ExecutionParams!) { launchPipelineExecution(executionParams: $p) {"
                    " __typename ... on LaunchRunSuccess { run { runId } } } }",
                    {
                        "p": {
                            "mode": "default",
                            "runConfigData": "{}",
                            "selector": {
                                **LOCATION,
                                "pipelineName": job,
                                "assetSelection": [{"path": n["assetKey"]["path"]} for n in steps],
                            },
                        }
                    },
                )["launchPipelineExecution"]
                assert launched["__typename"] == "LaunchRunSuccess", launched
                return launched["run"]["runId"]

            def status(run_id: str) -> str:
                return dagster.query(
                    "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }", {"id": run_id}
                )["runOrError"]["status"]

            def finished(run_id: str) -> str | None:
                found = status(run_id)
                return found if found in ("SUCCESS", "FAILURE", "CANCELED") else None

            # 1. A run killed halfway: once the marts step starts, its process gets SIGKILL
            first = materialize_all()

            def started_marts() -> int | None:
                events = dagster.events(
                    first, "... on MessageEvent { message } ... on ExecutionStepStartEvent { stepKey }"
                )
                pid = next(
                    (
                        int(m.group(1))
                        for e in events
                        if (m := re.search(r"in process \(pid: (\d+)\)", e.get("message", "")))
                    ),
                    None,
                )
                return pid if pid and any(e.get("stepKey") == "marts" for e in events) else None

            os.kill(dagster.wait_for("the first run's marts step", started_marts, poll=0.2), signal.SIGKILL)
            assert dagster.wait_for("the killed run to be marked", lambda: finished(first)) == "FAILURE"
            messages = " ".join(
                e.get("message", "") for e in dagster.events(first, "... on MessageEvent { message }")
            )
            assert "Run execution process for" in messages and "SIGKILL" in messages, messages

            # 2. The next run completes without hand work
            second = materialize_all()
            outcome = dagster.wait_for("the next run", lambda: finished(second))
            assert outcome == "SUCCESS", dagster.failures(second)
        finally:
            dagster.stop()

        # the runs are in PostgreSQL, not in DAGSTER_HOME
        con = connect(server, dagster_db)
        cursor = con.cursor()
        cursor.execute("select run_id, status from runs order by create_timestamp")
        assert cursor.fetchall() == [(first, "FAILURE"), (second, "SUCCESS")]
        con.close()
        assert not list(home.rglob("*.db")), "no SQLite storage beside the instance"

        # the data is Parquet on the S3 server, and the marts equal an uninterrupted embedded run
        stored = [o["Key"] for o in client.list_objects_v2(Bucket=BUCKET, Prefix="lake/").get("Contents", [])]
        assert [key for key in stored if key.endswith(".parquet")], "DuckLake wrote no Parquet to S3"
        on_lake = Settings.from_env(landing=folder, warehouse=tmp_path / "lake" / "banen.duckdb").replace(
            ducklake=settings["BANEN_DUCKLAKE"],
            ducklake_data=settings["BANEN_DUCKLAKE_DATA"],
            s3_endpoint=endpoint,
            s3_key_id="key",
            s3_secret="secret",
        )
        ours = mart_contents(Warehouse.of(on_lake))
    embedded = settings_for(tmp_path / "embedded", folder)
    assert run(embedded)[0] == 0
    assert len(ours) == len(marts.names())
    assert ours == mart_contents(Warehouse.of(embedded))
