"""Resources: the warehouse (the one owner of the DuckDB connection) and the folders a run reads."""

from pathlib import Path

import dagster as dg

from ..config import Settings
from ..db import Warehouse

POOL = "warehouse"
"""Concurrency pool of every asset that writes to the warehouse; limit it to 1 in dagster.yaml."""


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file. Writers go through :meth:`Warehouse.writer` (lock, then connect)."""

    path: str
    ducklake: str | None = None
    ducklake_data: str | None = None

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse(Path(self.path), ducklake=self.ducklake, data_path=self.ducklake_data)


class FoldersResource(dg.ConfigurableResource):
    """Landing folder, reference facts, Parquet exports and the folder for docs and reports."""

    landing: str
    reference: str
    exports: str
    work_dir: str
    expectations: str

    @property
    def data_docs(self) -> Path:
        return Path(self.work_dir) / "data_docs"

    @property
    def report(self) -> Path:
        return Path(self.work_dir) / "report"


def resources_from(settings: Settings) -> dict[str, dg.ConfigurableResource]:
    return {
        "warehouse": WarehouseResource(
            path=str(settings.warehouse), ducklake=settings.ducklake, ducklake_data=settings.lake_data
        ),
        "folders": FoldersResource(
            landing=str(settings.landing),
            reference=str(settings.reference),
            exports=str(settings.exports),
            work_dir=str(settings.work_dir),
            expectations=str(settings.expectations),
        ),
    }
