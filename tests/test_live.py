"""The live path end to end, as a data engineer runs it: the real Dagster webserver and daemon
(``dg dev``) on a temporary DAGSTER_HOME with ``deploy/dagster.yaml``, driven through Dagster's
GraphQL API, over a landing folder whose samples the warehouse has loaded already.

The landing sensor ticks every 2 s here (BANEN_SENSOR_INTERVAL); each sensor run is a real run in a
subprocess of the daemon's run launcher. The whole test takes 1.5 to 2 minutes on two cores, most of
it its three runs (each about 5 s to start its process and 16 s of steps).
"""

import datetime as dt
import os
import shutil
import time

import duckdb
import pytest

from banen_pipeline import marts
from banen_pipeline.config import PROJECT_ROOT
from banen_pipeline.db import Warehouse, WarehouseBusy
from banen_pipeline.defs.partitions import due_periods

from .broken import csv_text_in_number, uwv_xlsx
from .conftest import SAMPLES, markdown_as_text
from .dagster_live import LOCATION, Dagster

pytestmark = [
    pytest.mark.xdist_group("live"),  # not on the samples' worker: it waits mostly on Dagster
    pytest.mark.slow,
]

DEADLINE = 240
"""Seconds for the whole test on a quiet machine; a hang fails it instead of stalling CI. It grows
with how slow the machine is today (:func:`slowness`)."""
QUIET_SAMPLE_RUN = 12.0
"""Seconds the samples' first run takes in a test session on a quiet two-core machine."""


def slowness(sample_run_seconds: float) -> float:
    """How much slower this machine runs today than a quiet one, from the session's own run of the
    samples (at least 1): a busy machine gets more time, measured, not guessed."""
    return max(1.0, sample_run_seconds / QUIET_SAMPLE_RUN)


@pytest.fixture
def live(sample_run, tmp_path):
    """The samples' warehouse and landing folder (copies), and dg dev over them."""
    settings = sample_run[0]
    shutil.copytree(settings.work_dir, tmp_path / "wh", symlinks=True)
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)
    home = tmp_path / "dagster_home"
    home.mkdir()
    # the project's instance configuration, with the run queue polled every second instead of every
    # five (the daemon's default): the test waits for runs, not for the queue
    (home / "dagster.yaml").write_text(
        (PROJECT_ROOT / "deploy" / "dagster.yaml").read_text()
        + "\nrun_coordinator:\n  module: dagster.core.run_coordinator\n  class: QueuedRunCoordinator\n"
        "  config:\n    dequeue_interval_seconds: 1\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BANEN_", "DAGSTER_"))}
    env |= {
        "BANEN_LANDING": str(landing),
        "BANEN_WAREHOUSE": str(tmp_path / "wh" / "banen.duckdb"),
        "BANEN_SENSOR_INTERVAL": "2",
    }
    dagster = Dagster(home, env, tmp_path / "dagster.log", DEADLINE * slowness(sample_run[2]["seconds"]))
    try:
        yield dagster, landing, tmp_path / "wh" / "banen.duckdb"
    finally:
        dagster.stop()


def test_sensor_runs_once_per_landing_and_a_broken_delivery_fails_its_check(live):
    dagster, landing, warehouse = live
    sensor = {**LOCATION, "sensorName": "landing_sensor"}
    dagster.wait_for("code location", lambda: dagster.query("{ version }"))
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

    # 1. Every sample was loaded: ticks, but no run.
    skipped = dagster.wait_for("a sensor tick", lambda: [t for t in ticks() if t["status"] == "SKIPPED"])
    assert "Nothing new" in skipped[0]["skipReason"]
    assert dagster.runs() == []

    # 2. The UI's Materialize all, sent as the UI sends it when no step is partitioned (no partition
    #    dialog): one run of every step and check, recorded in meta.runs like the sensor's runs
    #    (looked at last: a run status sensor records it within about 10 s).
    nodes = dagster.query(
        "{ assetNodes { assetKey { path } isExecutable isObservable isPartitioned jobNames"
        " assetChecksOrError { ... on AssetChecks { checks { name jobNames } } } } }"
    )["assetNodes"]
    steps = [n for n in nodes if n["isExecutable"] and not n["isObservable"]]
    assert steps and not [n for n in steps if n["isPartitioned"]]
    job = next(j for j in steps[0]["jobNames"] if all(j in n["jobNames"] for n in steps))

    def materialize(selected: list[dict]) -> None:
        """The UI's *Materialize* on ``selected`` asset nodes, with their checks."""
        launched = dagster.query(
            "mutation($p: ExecutionParams!) { launchPipelineExecution(executionParams: $p) { __typename } }",
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
        )
        assert launched["launchPipelineExecution"]["__typename"] == "LaunchRunSuccess"

    def stale() -> dict[str, str]:
        """GraphQL's staleStatus of every mart."""
        found = dagster.query("{ assetNodes { assetKey { path } staleStatus } }")["assetNodes"]
        return {
            "/".join(n["assetKey"]["path"]): n["staleStatus"]
            for n in found
            if n["assetKey"]["path"][0] == "marts"
        }

    materialize(steps)
    (ui_run,) = dagster.wait_for("the UI's run", lambda: dagster.finished_runs(1))
    assert set(stale().values()) == {"FRESH"}
    assert ui_run["status"] == "SUCCESS", dagster.failures(ui_run["runId"])

    # 3. Two new quarters land before one tick: one run for both, and it succeeds.
    for quarter in (1, 2):
        (landing / "uwv" / f"Dashboard_Banenafspraak_export_2024-Q{quarter}.xlsx").write_bytes(
            uwv_xlsx(2024, quarter)
        )
    run = dagster.wait_for("the run of the new quarters", lambda: dagster.finished_runs(2))[0]
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
    # partition status is data: every quarter the warehouse holds (this DAGSTER_HOME is new, the
    # warehouse was loaded before), the two new ones, and no quarter without a delivery
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
    # the read copy the run published (the run-status sensors may be writing to the warehouse)
    with duckdb.connect(str(warehouse.parent / "snapshot" / "banen.duckdb"), read_only=True) as con:
        loaded = con.execute(
            "SELECT kwartaal FROM marts.landelijk_kwartaal WHERE kwartaal >= '2024Q1' ORDER BY 1"
        ).fetchall()
    assert loaded == [("2024Q1",), ("2024Q2",)]

    # 4. The sensor off, a new quarter loaded by materializing the delivery step alone: exactly the
    #    marts that read UWV's staging table are stale, the rest fresh; after the next run all fresh.
    dagster.query(
        "mutation($s: SensorSelector!) { resetSensor(sensorSelector: $s) { __typename } }", {"s": sensor}
    )
    time.sleep(2 * 2 + 1)  # a tick that began before the sensor stopped ends within two intervals
    (landing / "uwv" / "Dashboard_Banenafspraak_export_2024-Q3.xlsx").write_bytes(uwv_xlsx(2024, 3))
    materialize([n for n in steps if n["assetKey"]["path"][0] in ("meta", "staging")])  # the delivery step
    dagster.wait_for("the delivery step's run", lambda: dagster.finished_runs(3))
    reads_uwv = {f"marts/{name}" for name in marts.names() if "staging.uwv_kwartaal" in marts.reads(name)}
    assert {k for k, v in stale().items() if v == "STALE"} == reads_uwv
    assert reads_uwv and "marts/realisatie_rijk" not in reads_uwv
    materialize(steps)
    dagster.wait_for("the next run", lambda: dagster.finished_runs(4))
    assert set(stale().values()) == {"FRESH"}
    started = dagster.query(
        "mutation($s: SensorSelector!) { startSensor(sensorSelector: $s) { __typename } }", {"s": sensor}
    )
    assert started["startSensor"]["__typename"] == "Sensor"

    # 5. A broken delivery: its own run, a failed ERROR check on UWV's staging asset, the run tagged;
    #    it loaded nothing, so it builds nothing after the delivery step: no mart, no report, no export
    published = (
        os.path.realpath(warehouse.parent / "exports"),
        (warehouse.parent / "report" / "index.html").stat(),
    )
    (landing / "uwv" / "UWV_Trendrapportage_Banenafspraak_2019K2_nb.csv").write_bytes(csv_text_in_number())
    runs = dagster.wait_for("the run of the broken delivery", lambda: dagster.finished_runs(5))
    assert len(runs) == 5
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
            with Warehouse(warehouse).brief_reader() as con:  # not in a step's way
                return con.execute(
                    "SELECT herkomst, status, kwartalen FROM meta.runs WHERE run_id = ? AND einde IS NOT NULL",
                    [ui_run["runId"]],
                ).fetchall()
        except WarehouseBusy:
            return None

    assert dagster.wait_for("the UI's run in meta.runs", recorded) == [("ui", "geslaagd", None)]

    # 5. Every run's process and its worker have exited: nothing stays behind after a run.
    dagster.wait_for("the runs' processes to exit", lambda: not dagster.left_behind())
