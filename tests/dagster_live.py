"""A live Dagster webserver (and daemon) driven through its GraphQL API, as a data engineer's UI does:
``dg dev`` for the live test, the production services for the deployment test."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from banen_pipeline.config import PROJECT_ROOT

LOCATION = {"repositoryLocationName": "banen_pipeline", "repositoryName": "__repository__"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Dagster:
    """Dagster's processes (``dg dev`` on a free port by default, or the ``commands`` given: each a
    function of the port to an argument list, the webserver's taking it), and its GraphQL API."""

    def __init__(self, home: Path, env: dict[str, str], log: Path, deadline: float, commands=None):
        self.deadline = deadline
        self.port = free_port()
        dg = str(Path(sys.executable).with_name("dg"))
        commands = commands or [lambda port: [dg, "dev", "-p", str(port), "-h", "127.0.0.1"]]
        self.processes = [
            subprocess.Popen(
                command(self.port),
                cwd=PROJECT_ROOT,
                env={**env, "DAGSTER_HOME": str(home)},
                stdout=log.with_suffix(f".{i}.log").open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its daemon, code servers and runs stop with it
            )
            for i, command in enumerate(commands)
        ]
        self.started = time.monotonic()

    def query(self, text: str, variables: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/graphql",
            data=json.dumps({"query": text, "variables": variables or {}}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                body = json.loads(answer.read())
        except urllib.error.HTTPError as exc:  # a query the schema refuses: say so, not "not yet"
            raise AssertionError(f"GraphQL refused the query ({exc.code}): {exc.read()[:500]!r}") from None
        assert "errors" not in body, body["errors"]
        return body["data"]

    def wait_for(self, what: str, found, poll: float = 1.0):
        """Poll ``found()`` until it returns something truthy; fail at the test's deadline."""
        while time.monotonic() - self.started < self.deadline:
            try:
                value = found()
            except (urllib.error.URLError, ConnectionError):
                value = None
            if value:
                return value
            assert all(p.poll() is None for p in self.processes), "a Dagster process stopped"
            time.sleep(poll)
        pytest.fail(f"no {what} within {self.deadline:.0f} s")

    def runs(self) -> list[dict]:
        data = self.query("{ runsOrError { ... on Runs { results { runId status tags { key value } } } } }")
        return data["runsOrError"]["results"]

    def finished_runs(self, count: int) -> list[dict] | None:
        runs = self.runs()
        done = [r for r in runs if r["status"] in ("SUCCESS", "FAILURE", "CANCELED")]
        return runs if len(runs) >= count and len(done) == len(runs) else None

    def events(self, run_id: str, fragment: str) -> list[dict]:
        """A run's events, with the fields ``fragment`` asks of their types (``... on X { ... }``)."""
        data = self.query(
            "query($id: ID!) { runOrError(runId: $id) { ... on Run { eventConnection(limit: 5000) { events {"
            f" {fragment} }} }} }} }} }}",
            {"id": run_id},
        )
        return data["runOrError"]["eventConnection"]["events"]

    def failures(self, run_id: str) -> list[str]:
        """A run's step failures, to say why it failed."""
        events = self.events(run_id, "... on ExecutionStepFailureEvent { stepKey error { message } }")
        return [f"{e['stepKey']}: {e['error']['message']}" for e in events if e.get("stepKey")]

    def materialized(self, run_id: str) -> set[str]:
        """The assets a run materialized (not the periods of what the suppliers delivered it marked)."""
        events = self.events(run_id, "... on MaterializationEvent { assetKey { path } }")
        return {"/".join(e["assetKey"]["path"]) for e in events if e.get("assetKey")} - {
            "landing/uwv", "landing/rijk", "landing/sectoren", "landing/microdata"
        }  # fmt: skip

    def left_behind(self) -> list[str] | None:
        """Processes of finished runs still alive in this instance's session: a run process, or the
        worker it started (``multiprocessing`` children). None when there are none."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            sessions = {p.pid for p in self.processes}
            if int(fields[3]) in sessions and "spawn_main" in command:  # fields[3]: session
                found.append(command[:120])
        return found or None

    def stop(self) -> None:
        for process in self.processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
