"""The live path end to end, on the production deployment as `deploy/production/` ships it: the
Dagster webserver and daemon, each started with its systemd unit's command and the environment
file's variables, on an instance whose storage is PostgreSQL, driven through Dagster's GraphQL API;
the warehouse on DuckLake, its catalog in the same PostgreSQL and its data on an S3 server on loopback
(moto). PostgreSQL is the one .ci/run started, or a private one from the ``pgserver`` wheel
(tests/postgres.py): no machine skips this test.

The first *Materialize all* loads the samples and is killed halfway: Dagster marks it failed, and the
next one completes with marts identical to the embedded sample run's. Then the landing sensor (every
2 s here, BANEN_SENSOR_INTERVAL) over the loaded folder, new quarters, staleness and a broken
delivery. Each run is a process of the daemon's code server. The test takes 3 to 4 minutes on two
cores, most of it its runs on DuckLake (each about 5 s to start its process and 15-35 s of steps).
"""

import datetime as dt
import logging
import os
import re
import shlex
import shutil
import signal
import time
import uuid

import pytest
import yaml

from banen_pipeline import marts
from banen_pipeline.config import PROJECT_ROOT, Settings
from banen_pipeline.db import Warehouse, WarehouseBusy
from banen_pipeline.defs.partitions import due_periods

from .broken import csv_text_in_number, uwv_xlsx
from .conftest import SAMPLES, checksums, markdown_as_text
from .dagster_live import LOCATION, Dagster
from .postgres import connect, postgres_server

pytestmark = [
    pytest.mark.xdist_group("live"),  # not on the samples' worker: it waits mostly on Dagster
    pytest.mark.slow,
]

DEADLINE = 420
"""Seconds for the whole test on a quiet machine; a hang fails it instead of stalling CI. It grows
with how slow the machine is today (:func:`slowness`)."""
QUIET_SAMPLE_RUN = 12.0
"""Seconds the samples' first run takes in a test session on a quiet two-core machine."""
DEPLOY = PROJECT_ROOT / "deploy" / "production"
INSTALLED_AT = "/opt/banen"
"""Where the units expect the project (WorkingDirectory); the test runs this checkout instead."""
BUCKET = "banen"


def slowness(sample_run_seconds: float) -> float:
    """How much slower this machine runs today than a quiet one, from the session's own run of the
    samples (at least 1): a busy machine gets more time, measured, not guessed."""
    return max(1.0, sample_run_seconds / QUIET_SAMPLE_RUN)


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


def mart_contents(warehouse: Warehouse) -> dict:
    with warehouse.reader() as con:
        return checksums(con, "schema_name = 'marts'")


@pytest.fixture
def s3():
    """An S3 server on loopback with the warehouse's bucket: its endpoint URL and a client."""
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


@pytest.fixture
def live(sample_run, tmp_path, s3):
    """The production services over a copy of the samples' landing folder, with an empty warehouse on
    DuckLake; yields (Dagster, landing folder, the warehouse's settings, PostgreSQL, S3 client)."""
    endpoint, client = s3
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)
    with postgres_server() as server:
        suffix = uuid.uuid4().hex[:8]
        lake_db, dagster_db = f"banen_lake_{suffix}", f"dagster_{suffix}"
        admin = connect(server)
        admin.cursor().execute(f"create database {lake_db}")
        admin.cursor().execute(f"create database {dagster_db}")
        admin.close()
        # the production instance, with the daemon's loops shortened: the test waits for runs, not
        # for the queue
        instance = yaml.safe_load((DEPLOY / "dagster.yaml").read_text())
        instance["run_coordinator"]["config"] = {"dequeue_interval_seconds": 1}
        instance["run_monitoring"]["poll_interval_seconds"] = 2
        home = tmp_path / "dagster_home"
        home.mkdir()
        (home / "dagster.yaml").write_text(yaml.safe_dump(instance))
        address = f"host={server['host']} port={server['port']} user={server['user']}"
        deployment = {
            "DAGSTER_PG_URL": f"postgresql://{server['user']}@{server['host']}:{server['port']}/{dagster_db}",
            "BANEN_LANDING": str(landing),
            "BANEN_WAREHOUSE": str(tmp_path / "wh" / "banen.duckdb"),
            "BANEN_DUCKLAKE": f"postgres:dbname={lake_db} {address}",
            "BANEN_DUCKLAKE_DATA": f"s3://{BUCKET}/lake/",
            "BANEN_S3_ENDPOINT": endpoint,
            "BANEN_S3_KEY_ID": "key",
            "BANEN_S3_SECRET": "secret",
            "BANEN_S3_REGION": "us-east-1",
        }
        assert set(deployment) <= documented_variables(), "banen.env lists every variable"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BANEN_", "DAGSTER_"))}
        env |= deployment | {"BANEN_SENSOR_INTERVAL": "2"}
        webserver, daemon = unit_command("dagster-webserver.service"), unit_command("dagster-daemon.service")
        assert webserver[webserver.index("-p") + 1] == "3000"
        on_lake = Settings.from_env(landing=landing, warehouse=tmp_path / "wh" / "banen.duckdb").replace(
            ducklake=deployment["BANEN_DUCKLAKE"],
            ducklake_data=deployment["BANEN_DUCKLAKE_DATA"],
            s3_endpoint=endpoint,
            s3_key_id="key",
            s3_secret="secret",
        )
        dagster = Dagster(
            home,
            env,
            tmp_path / "dagster.log",
            DEADLINE * slowness(sample_run[2]["seconds"]),
            commands=[
                lambda port: [*webserver[: webserver.index("-h")], "-h", "127.0.0.1", "-p", str(port)],
                lambda port: daemon,
            ],
        )
        try:
            yield dagster, landing, on_lake, (server, dagster_db), client
        finally:
            dagster.stop()


def test_the_deployment_recovers_a_killed_run_and_its_sensor_runs_once_per_landing(live, sample_run):
    dagster, landing, on_lake, (server, dagster_db), bucket = live
    warehouse = on_lake.warehouse  # beside it: the lock files, exports, report and data docs
    sensor = {**LOCATION, "sensorName": "landing_sensor"}
    dagster.wait_for("code location", lambda: dagster.query("{ version }"))

    # The UI's Materialize all, sent as the UI sends it when no step is partitioned (no partition
    # dialog): one run of every step and check.
    nodes = dagster.wait_for(
        "the assets",
        lambda: dagster.query(
            "{ assetNodes { assetKey { path } isExecutable isObservable isPartitioned jobNames"
            " assetChecksOrError { ... on AssetChecks { checks { name jobNames } } } } }"
        )["assetNodes"],
    )
    steps = [n for n in nodes if n["isExecutable"] and not n["isObservable"]]
    assert steps and not [n for n in steps if n["isPartitioned"]]
    job = next(j for j in steps[0]["jobNames"] if all(j in n["jobNames"] for n in steps))

    def materialize(selected: list[dict]) -> str:
        """The UI's *Materialize* on ``selected`` asset nodes, with their checks: the run's id."""
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
                        "assetSelection": [{"path": n["assetKey"]["path"]} for n in selected],
                        "assetCheckSelection": [
                            {"assetKey": {"path": n["assetKey"]["path"]}, "name": c["name"]}
                            for n in selected
                            for c in n["assetChecksOrError"]["checks"]
                            if job in c["jobNames"]
                        ],
                    },
                }
            },
        )["launchPipelineExecution"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        return launched["run"]["runId"]

    def stale() -> dict[str, str]:
        """GraphQL's staleStatus of every mart."""
        found = dagster.query("{ assetNodes { assetKey { path } staleStatus } }")["assetNodes"]
        return {
            "/".join(n["assetKey"]["path"]): n["staleStatus"]
            for n in found
            if n["assetKey"]["path"][0] == "marts"
        }

    # 1. The first load of the samples is killed halfway: once its marts step starts, the run's
    #    process gets SIGKILL. Dagster marks the run failed, with the signal.
    killed = materialize(steps)

    def marts_started() -> int | None:
        """The killed run's process id, once its marts step started."""
        events = dagster.events(
            killed, "... on MessageEvent { message } ... on ExecutionStepStartEvent { stepKey }"
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

    os.kill(dagster.wait_for("the first run's marts step", marts_started, poll=0.2), signal.SIGKILL)
    (failed,) = dagster.wait_for("the killed run to be marked", lambda: dagster.finished_runs(1))
    assert failed["status"] == "FAILURE"
    messages = " ".join(
        e.get("message", "") for e in dagster.events(killed, "... on MessageEvent { message }")
    )
    assert "Run execution process for" in messages and "SIGKILL" in messages, messages

    # 2. The next Materialize all completes without hand work: the marts equal the embedded sample
    #    run's, the data is Parquet on the S3 server, every mart is fresh.
    ui_run_id = materialize(steps)
    ui_run = dagster.wait_for("the UI's run", lambda: dagster.finished_runs(2))[0]
    assert ui_run["runId"] == ui_run_id
    assert ui_run["status"] == "SUCCESS", dagster.failures(ui_run_id)
    assert set(stale().values()) == {"FRESH"}
    ours = mart_contents(Warehouse.of(on_lake))
    assert len(ours) == len(marts.names())
    assert ours == mart_contents(Warehouse.of(sample_run[0]))
    stored = bucket.list_objects_v2(Bucket=BUCKET, Prefix="lake/marts/").get("Contents", [])
    assert [o["Key"] for o in stored if o["Key"].endswith(".parquet")], "DuckLake wrote no Parquet to S3"

    # 3. The sensor over the loaded folder: ticks, but no run.
    started = dagster.wait_for(
        "sensor start",
        lambda: (
            dagster.query(
                "mutation($s: SensorSelector!) { startSensor(sensorSelector: $s) { __typename } }",
                {"s": sensor},
            )["startSensor"]["__typename"]
            == "Sensor"
        ),
    )
    assert started

    def ticks() -> list[dict]:
        data = dagster.query(
            "query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) { ... on Sensor {"
            " sensorState { ticks(limit: 20) { status runIds skipReason } } } } }",
            {"s": sensor},
        )
        return data["sensorOrError"]["sensorState"]["ticks"]

    skipped = dagster.wait_for("a sensor tick", lambda: [t for t in ticks() if t["status"] == "SKIPPED"])
    assert "Nothing new" in skipped[0]["skipReason"]
    assert len(dagster.runs()) == 2

    # 4. Two new quarters land before one tick: one run for both, and it succeeds.
    for quarter in (1, 2):
        (landing / "uwv" / f"Dashboard_Banenafspraak_export_2024-Q{quarter}.xlsx").write_bytes(
            uwv_xlsx(2024, quarter)
        )
    run = dagster.wait_for("the run of the new quarters", lambda: dagster.finished_runs(3))[0]
    tags = {t["key"]: t["value"] for t in run["tags"]}
    assert run["status"] == "SUCCESS", (tags, dagster.failures(run["runId"]))
    assert (tags["banen/kwartaal_van"], tags["banen/kwartaal_tot"]) == ("2024Q1", "2024Q2")
    # it built what reads UWV's data and what follows from it, not the marts of the other suppliers;
    # the data docs still show every mart's suite
    built = dagster.materialized(run["runId"])
    assert {"meta/leveringen", "marts/landelijk_kwartaal", "marts/markt_overheid", "exports/report"} <= built
    assert "staging/uwv_kwartaal" in built  # an asset the delivery step materializes, not an external one
    assert not {"marts/realisatie_rijk", "marts/realisatie_sector", "staging/rijk_monitor"} & built
    docs = (warehouse.parent / "data_docs" / "index.html").read_text(encoding="utf-8")
    assert "marts_realisatie_rijk" in docs and "marts_landelijk_kwartaal" in docs
    # partition status is data: every quarter the samples delivered (marked by the load), the two new
    # ones, and no quarter without a delivery
    status = dagster.query(
        "query($k: AssetKeyInput!) { assetNodeOrError(assetKey: $k) { ... on AssetNode {"
        " assetPartitionStatuses { ... on DefaultPartitionStatuses { materializedPartitions } } } } }",
        {"k": {"path": ["landing", "uwv"]}},
    )
    materialized = status["assetNodeOrError"]["assetPartitionStatuses"]["materializedPartitions"]
    assert materialized[0] == "2015Q4" and materialized[-3:] == ["2023Q4", "2024Q1", "2024Q2"]
    assert len(materialized) == 35
    # the partitions are each supplier's periods that exist or are due: UWV's end at the last due
    # quarter (the two new ones were due long ago), the sector report's are years
    for path, expected in (
        (["landing", "uwv"], due_periods("uwv", dt.date.today())),
        (["landing", "sectoren"], due_periods("sectoren", dt.date.today())),
    ):
        keys = dagster.query(
            "query($k: AssetKeyInput!) { assetNodeOrError(assetKey: $k) { ... on AssetNode {"
            " partitionKeysByDimension { partitionKeys } } } }",
            {"k": {"path": path}},
        )["assetNodeOrError"]["partitionKeysByDimension"][0]["partitionKeys"]
        assert keys == expected, path
    # what each supplier delivers has its freshness policy, its deadline the supplier's due day
    policies = {
        "/".join(n["assetKey"]["path"]): n["internalFreshnessPolicy"]
        for n in dagster.query(
            "{ assetNodes { assetKey { path } internalFreshnessPolicy {"
            " ... on CronFreshnessPolicy { deadlineCron lowerBoundDeltaSeconds } } } }"
        )["assetNodes"]
    }
    assert policies["landing/uwv"]["deadlineCron"] == "0 0 15 1,4,7,10 *"
    assert policies["landing/sectoren"]["deadlineCron"] == "0 0 30 11 *"
    assert policies["landing/rijk"] and not policies["marts/landelijk_kwartaal"]
    # on DuckLake a reader sees the last committed state while the run-status sensors write
    with Warehouse.of(on_lake).reader() as con:
        loaded = con.execute(
            "SELECT kwartaal FROM marts.landelijk_kwartaal WHERE kwartaal >= '2024Q1' ORDER BY 1"
        ).fetchall()
    assert loaded == [("2024Q1",), ("2024Q2",)]

    # 5. The sensor off, a new quarter loaded by materializing the delivery step alone: exactly the
    #    marts that read UWV's staging table are stale, the rest fresh; after the next run all fresh.
    def stays_stopped() -> bool:
        """Stop the sensor, and say whether it is still stopped two intervals later: a tick that was
        starting as it stopped writes the sensor's state back as running (Dagster's daemon reads the
        state before a tick and writes it with the tick's data), and then it must be stopped again."""
        dagster.query(
            "mutation($s: SensorSelector!) { resetSensor(sensorSelector: $s) { __typename } }", {"s": sensor}
        )
        time.sleep(2 * 2 + 1)
        state = dagster.query(
            "query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) { ... on Sensor {"
            " sensorState { status } } } }",
            {"s": sensor},
        )["sensorOrError"]["sensorState"]
        return state["status"] == "STOPPED"

    dagster.wait_for("the sensor to stay stopped", stays_stopped)
    (landing / "uwv" / "Dashboard_Banenafspraak_export_2024-Q3.xlsx").write_bytes(uwv_xlsx(2024, 3))
    materialize([n for n in steps if n["assetKey"]["path"][0] in ("meta", "staging")])  # the delivery step
    dagster.wait_for("the delivery step's run", lambda: dagster.finished_runs(4))
    reads_uwv = {f"marts/{name}" for name in marts.names() if "staging.uwv_kwartaal" in marts.reads(name)}
    assert {k for k, v in stale().items() if v == "STALE"} == reads_uwv
    assert reads_uwv and "marts/realisatie_rijk" not in reads_uwv
    materialize(steps)
    dagster.wait_for("the next run", lambda: dagster.finished_runs(5))
    assert set(stale().values()) == {"FRESH"}
    started = dagster.query(
        "mutation($s: SensorSelector!) { startSensor(sensorSelector: $s) { __typename } }", {"s": sensor}
    )
    assert started["startSensor"]["__typename"] == "Sensor"

    # 6. A broken delivery: its own run, a failed ERROR check on UWV's staging asset, the run tagged;
    #    it loaded nothing, so it builds nothing after the delivery step: no mart, no report, no export
    published = (
        os.path.realpath(warehouse.parent / "exports"),
        (warehouse.parent / "report" / "index.html").stat(),
    )
    (landing / "uwv" / "UWV_Trendrapportage_Banenafspraak_2019K2_nb.csv").write_bytes(csv_text_in_number())
    runs = dagster.wait_for("the run of the broken delivery", lambda: dagster.finished_runs(6))
    assert len(runs) == 6
    assert {"key": "banen/afgewezen", "value": "1"} in runs[0]["tags"], runs
    assert {"key": "banen/niets_nieuw", "value": "true"} in runs[0]["tags"]
    assert runs[0]["status"] == "SUCCESS", dagster.failures(runs[0]["runId"])
    assert dagster.materialized(runs[0]["runId"]) <= {"referentie/tabellen"}
    assert {"marts/landelijk_kwartaal", "meta/leveringen"} <= dagster.materialized(runs[3]["runId"])
    now = (
        os.path.realpath(warehouse.parent / "exports"),
        (warehouse.parent / "report" / "index.html").stat(),
    )
    assert (now[0], now[1].st_mtime_ns) == (published[0], published[1].st_mtime_ns)
    data = dagster.query(
        "query($k: AssetKeyInput!) { assetNodeOrError(assetKey: $k) { ... on AssetNode {"
        " assetChecksOrError { ... on AssetChecks { checks { name executionForLatestMaterialization {"
        " runId status evaluation { severity metadataEntries { label"
        " ... on TextMetadataEntry { text } ... on MarkdownMetadataEntry { mdStr } } } } } } } } } }",
        {"k": {"path": ["staging", "uwv_kwartaal"]}},
    )
    checks = {
        c["name"]: c["executionForLatestMaterialization"]
        for c in data["assetNodeOrError"]["assetChecksOrError"]["checks"]
    }
    accepted = checks["levering_geaccepteerd"]
    assert accepted["runId"] == runs[0]["runId"]
    assert accepted["status"] == "FAILED"
    assert accepted["evaluation"]["severity"] == "ERROR"
    metadata = {
        e["label"]: e.get("text") or e.get("mdStr") for e in accepted["evaluation"]["metadataEntries"]
    }
    assert metadata["bestanden"] == "UWV_Trendrapportage_Banenafspraak_2019K2_nb.csv"
    assert "UWV_Trendrapportage_Banenafspraak_2019K2_nb.csv (line 14): 'n.b.' in column" in markdown_as_text(
        metadata["redenen"]
    )

    def recorded():
        try:
            with Warehouse.of(on_lake).brief_reader() as con:  # not in a step's way
                return con.execute(
                    "SELECT herkomst, status, kwartalen FROM meta.runs WHERE run_id = ? AND einde IS NOT NULL",
                    [ui_run_id],
                ).fetchall()
        except WarehouseBusy:
            return None

    assert dagster.wait_for("the UI's run in meta.runs", recorded) == [("ui", "geslaagd", None)]

    # 7. Every run's process and its worker have exited: nothing stays behind after a run.
    dagster.wait_for("the runs' processes to exit", lambda: not dagster.left_behind())

    # 8. The runs are in PostgreSQL
    con = connect(server, dagster_db)
    cursor = con.cursor()
    cursor.execute("select run_id, status from runs order by create_timestamp")
    assert [tuple(row) for row in cursor.fetchall()] == [(r["runId"], r["status"]) for r in reversed(runs)]
    con.close()
