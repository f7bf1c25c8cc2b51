"""Resources: the warehouse (the one owner of the DuckDB connection) and the folders a run reads."""

from pathlib import Path

import dagster as dg

from ..config import Settings
from ..db import Warehouse
from ..notifications import Notifier

POOL = "warehouse"
"""Concurrency pool of every asset that writes to the warehouse; limit it to 1 in dagster.yaml."""


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file. Writers go through :meth:`Warehouse.writer` (lock, then connect)."""

    path: str
    ducklake: str | None = None
    ducklake_data: str | None = None

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse(Path(self.path), ducklake=self.ducklake, ducklake_data=self.ducklake_data)


class FoldersResource(dg.ConfigurableResource):
    """Landing folder, reference facts, Parquet exports, suites, and where data docs and the report
    go, and in which language (``taal``: nl or en). The fields are Dagster config (text, shown in the
    UI); code uses the ``*_dir`` paths."""

    landing: str
    reference: str
    exports: str
    expectations: str
    data_docs: str
    report: str
    taal: str = "nl"

    @property
    def landing_dir(self) -> Path:
        return Path(self.landing)

    @property
    def reference_dir(self) -> Path:
        return Path(self.reference)

    @property
    def exports_dir(self) -> Path:
        return Path(self.exports)

    @property
    def expectations_dir(self) -> Path:
        return Path(self.expectations)

    @property
    def data_docs_dir(self) -> Path:
        return Path(self.data_docs)

    @property
    def report_dir(self) -> Path:
        return Path(self.report)


class NotifyResource(dg.ConfigurableResource):
    """Where failed runs and rejected deliveries are reported (none by default)."""

    webhook: str | None = None
    smtp: str | None = None
    to: str | None = None

    @property
    def notifier(self) -> Notifier:
        return Notifier(webhook=self.webhook, smtp=self.smtp, to=self.to)


def resources_from(settings: Settings) -> dict[str, dg.ConfigurableResource]:
    """The one way from settings to resources."""
    return {
        "warehouse": WarehouseResource(
            path=str(settings.warehouse), ducklake=settings.ducklake, ducklake_data=settings.ducklake_data
        ),
        "folders": FoldersResource(
            landing=str(settings.landing),
            reference=str(settings.reference),
            exports=str(settings.exports),
            expectations=str(settings.expectations),
            data_docs=str(settings.data_docs),
            report=str(settings.report),
            taal=settings.taal,
        ),
        "notify": NotifyResource(
            webhook=settings.notify_webhook, smtp=settings.notify_smtp, to=settings.notify_to
        ),
    }
