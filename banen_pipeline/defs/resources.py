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
    """Landing folder, reference facts, Parquet exports, suites, and where data docs and the report go."""

    landing: str
    reference: str
    exports: str
    expectations: str
    data_docs: str
    report: str


def resources_from(settings: Settings) -> dict[str, dg.ConfigurableResource]:
    return {
        "warehouse": WarehouseResource(
            path=str(settings.warehouse), ducklake=settings.ducklake, ducklake_data=settings.lake_data
        ),
        "folders": FoldersResource(
            landing=str(settings.landing),
            reference=str(settings.reference),
            exports=str(settings.exports),
            expectations=str(settings.expectations),
            data_docs=str(settings.data_docs),
            report=str(settings.report),
        ),
    }
