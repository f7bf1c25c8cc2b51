"""Bringing back a damaged warehouse file (``banen herstel``).

The damaged file is set aside, never deleted (``banen.duckdb.beschadigd-<UTC time>``). Then:

1. if the read copy of the last finished run (``snapshot/banen.duckdb``) opens, it becomes the
   warehouse; the next run loads what landed after it (its ``meta.leveringen`` does not know those
   files yet);
2. otherwise the warehouse is rebuilt from the deliveries in the landing folder, which keeps every
   file it was given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .config import Settings
from .db import Warehouse, WarehouseDamaged
from .files import copy_atomic


def _readable(path: Path) -> bool:
    try:
        Warehouse(path).check_readable()
    except WarehouseDamaged:
        return False
    return True


def restore(settings: Settings, rebuild: Callable[[Settings], int], say: Callable[[str], None]) -> int:
    """Restore the warehouse of ``settings`` if it cannot be read; return an exit code. ``rebuild``
    runs the pipeline on a fresh warehouse (``run_pipeline``) when no snapshot can be used."""
    warehouse = Warehouse.of(settings)
    if settings.ducklake:
        say("The warehouse is on DuckLake: restore its catalog database and data path instead.")
        return 1
    with warehouse.run_lock(on_wait=say):
        if settings.warehouse.exists() and _readable(settings.warehouse):
            say(f"The warehouse {settings.warehouse} is readable; nothing to restore.")
            return 0
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        for path in (settings.warehouse, settings.warehouse.with_name(settings.warehouse.name + ".wal")):
            if path.exists():
                aside = path.with_name(f"{path.name}.beschadigd-{stamp}")
                path.rename(aside)
                say(f"Set the damaged file aside: {aside}")
        snapshot = warehouse.snapshot_path
        if snapshot.exists() and _readable(snapshot):
            copy_atomic(snapshot, settings.warehouse)
            taken = dt.datetime.fromtimestamp(snapshot.stat().st_mtime, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
            say(
                f"Restored the snapshot of the last finished run ({taken}). "
                "The next `banen run` loads what landed after it."
            )
            return 0
    say(f"No readable snapshot; rebuilding the warehouse from the deliveries in {settings.landing}.")
    return rebuild(settings)
