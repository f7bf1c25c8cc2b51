"""Resources: the warehouse (the one owner of the DuckDB connection) and the folders a run reads."""

from pathlib import Path

import dagster as dg

from ..config import Settings, env_var
from ..db import S3, Warehouse
from ..notifications import Notifier

POOL = "warehouse"
"""Concurrency pool of every asset that writes to the warehouse; limit it to 1 in dagster.yaml."""


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse (a DuckDB file, or DuckLake). Writers go through `Warehouse.writer` (lock,
    then connect). Settings that may hold credentials are Dagster ``EnvVar``s: the UI shows the
    variable's name, not its value."""

    path: str
    ducklake: str | None = None
    ducklake_data: str | None = None
    memory_limit: str | None = None
    s3_endpoint: str | None = None
    s3_key_id: str | None = None
    s3_secret: str | None = None
    s3_region: str = "us-east-1"

    @property
    def warehouse(self) -> Warehouse:
        storage = S3(self.s3_endpoint, self.s3_key_id, self.s3_secret, self.s3_region)
        return Warehouse(
            Path(self.path),
            ducklake=self.ducklake,
            ducklake_data=self.ducklake_data,
            memory_limit=self.memory_limit,
            s3=storage,
        )


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


def _config(settings: Settings, name: str) -> dg.EnvVar | str | None:
    """A setting as Dagster config: one that may hold credentials (``Settings.is_hidden``) by its
    environment variable's name when it came from there (the UI and the run's config show the
    name), else its value."""
    value = getattr(settings, name)
    if value is not None and settings.is_hidden(name) and settings.sources().get(name) == "environment":
        return dg.EnvVar(env_var(name))
    return value


def resources_from(settings: Settings) -> dict[str, dg.ConfigurableResource]:
    """The one way from settings to resources."""
    return {
        "warehouse": WarehouseResource(
            path=str(settings.warehouse),
            ducklake=_config(settings, "ducklake"),
            ducklake_data=_config(settings, "ducklake_data"),
            memory_limit=_config(settings, "duckdb_memory"),
            s3_endpoint=_config(settings, "s3_endpoint"),
            s3_key_id=_config(settings, "s3_key_id"),
            s3_secret=_config(settings, "s3_secret"),
            s3_region=_config(settings, "s3_region"),
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
            webhook=_config(settings, "notify_webhook"),
            smtp=_config(settings, "notify_smtp"),
            to=_config(settings, "notify_to"),
        ),
    }
