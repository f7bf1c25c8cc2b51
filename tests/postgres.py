"""A PostgreSQL server for the end-to-end tests: the one .ci/run started (BANEN_TEST_POSTGRES), or a
private cluster in a temporary folder, started with the PostgreSQL binaries of the ``pgserver`` wheel
(a dev dependency): a machine without PostgreSQL installed runs these tests too, never skips them."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

SYSTEM_USER = "postgres"
"""PostgreSQL refuses to run as root: as root the server runs as this user (created if missing)."""


def _bindir() -> Path:
    """The wheel's binaries; as root, readable and runnable by :data:`SYSTEM_USER`."""
    with warnings.catch_warnings():  # pgserver's own lock path, which this module does not use
        warnings.simplefilter("ignore")
        from pgserver import utils
        from pgserver._commands import POSTGRES_BIN_PATH

    if os.geteuid() == 0:
        utils.ensure_user_exists(SYSTEM_USER)
        utils.ensure_prefix_permissions(POSTGRES_BIN_PATH)
        readable = stat.S_IRGRP | stat.S_IROTH
        utils.ensure_folder_permissions(POSTGRES_BIN_PATH, readable | stat.S_IXGRP | stat.S_IXOTH)
        utils.ensure_folder_permissions(POSTGRES_BIN_PATH.parent / "lib", readable)
    return POSTGRES_BIN_PATH


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as :data:`SYSTEM_USER` then."""
    return ["runuser", "-u", SYSTEM_USER, "--", *args] if os.geteuid() == 0 else args


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
    # Not below pytest's temporary folders: those are private to root, and the server runs as postgres.
    workdir = Path(tempfile.mkdtemp(prefix="banen-postgres-"))
    data = workdir / "pgdata"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(workdir, SYSTEM_USER)
        shutil.chown(data, SYSTEM_USER)
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
