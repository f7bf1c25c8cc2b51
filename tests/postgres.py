"""A PostgreSQL server for the end-to-end tests: the one .ci/run started (BANEN_TEST_POSTGRES), or a
private cluster in a temporary folder, started with the machine's PostgreSQL binaries."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def connect(server: dict, dbname: str = "postgres"):
    import psycopg2

    con = psycopg2.connect(host=server["host"], port=server["port"], user=server["user"], dbname=dbname)
    con.autocommit = True
    return con


@contextmanager
def postgres_server():
    dsn = os.environ.get("BANEN_TEST_POSTGRES")
    if dsn:
        fields = dict(part.split("=", 1) for part in dsn.split())
        yield {
            "host": fields.get("host", "127.0.0.1"),
            "port": int(fields.get("port", 5432)),
            "user": fields.get("user", "postgres"),
        }
        return
    bindir = _bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed here; .ci/run installs it (apt-get install postgresql)")
    # Not below pytest's temporary folders: those are private to root, and the server runs as postgres.
    workdir = Path(tempfile.mkdtemp(prefix="banen-postgres-"))
    data = workdir / "pgdata"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
        shutil.chown(data, "postgres")
    subprocess.run(
        _as_postgres(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
    )
    port = _free_port()
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off"
    subprocess.run(
        _as_postgres(
            [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(data / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    server = {"host": "127.0.0.1", "port": port, "user": "postgres"}
    try:
        for _ in range(50):
            try:
                connect(server).close()
                break
            except Exception:
                time.sleep(0.1)
        yield server
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(workdir, ignore_errors=True)
