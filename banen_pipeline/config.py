"""Every setting, in one typed object (pydantic-settings): each from a flag (``Settings.from_env(
warehouse=...)``), else its environment variable, else its default. Nothing else in the package reads
the environment (the worker sets the libraries' switches, ``worker.switch_libraries``). ``banen
config`` prints each setting with its value and where it came from; the README's table lists the
same (a test holds them together).

| setting        | environment variable | default                   |
|----------------|----------------------|---------------------------|
| landing        | BANEN_LANDING        | sources/deliveries        |
| reference      | BANEN_REFERENCE      | sources/reference         |
| warehouse      | BANEN_WAREHOUSE      | warehouse/banen.duckdb    |
| exports        | BANEN_EXPORTS        | <warehouse dir>/exports   |
| expectations   | BANEN_EXPECTATIONS   | expectations              |
| taal           | BANEN_TAAL           | nl (report and data docs; en for English) |
| ducklake       | BANEN_DUCKLAKE       | (none: embedded DuckDB)   |
| ducklake_data  | BANEN_DUCKLAKE_DATA  | <warehouse dir>/ducklake  |
| s3_*           | BANEN_S3_ENDPOINT, BANEN_S3_KEY_ID, BANEN_S3_SECRET, BANEN_S3_REGION | (none: AWS's endpoint) |
| notify_*       | BANEN_NOTIFY_WEBHOOK, BANEN_NOTIFY_SMTP, BANEN_NOTIFY_TO | (none: no messages) |
| sensor_interval | BANEN_SENSOR_INTERVAL | 60 (seconds between the landing sensor's ticks) |
| duckdb_memory  | BANEN_DUCKDB_MEMORY  | 4GB (DuckDB's memory limit while a run writes) |
| chromium       | BANEN_CHROMIUM       | (the first Chromium on the PATH) |
| dagster_home   | DAGSTER_HOME         | (none: banen run on an ephemeral instance) |

With BANEN_DUCKLAKE set (a DuckLake catalog, e.g. ``postgres:dbname=banen host=127.0.0.1``), the
warehouse lives in DuckLake: the catalog in that database, the table data as Parquet under
BANEN_DUCKLAKE_DATA (a folder, or ``s3://bucket/path/`` in production, with the BANEN_S3_* settings:
an endpoint URL such as ``http://127.0.0.1:9000`` for S3-compatible storage, else AWS's). The
warehouse file setting then only places the lock files, report and data docs.

The exports (unless set), data docs, the report and ``last_run.json`` sit beside the warehouse file,
so that pointing ``--warehouse`` elsewhere moves everything a run writes; the project's default
warehouse gives ``warehouse/exports``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "warehouse"

DEFAULTS = {
    "landing": PROJECT_ROOT / "sources" / "deliveries",
    "reference": PROJECT_ROOT / "sources" / "reference",
    "warehouse": PROJECT_ROOT / "warehouse" / "banen.duckdb",
    "expectations": PROJECT_ROOT / "expectations",
}
LANGUAGES = ("nl", "en")
"""The languages of the report and data docs; the first is the default."""
FLAGS = {"landing": "--landing", "warehouse": "--warehouse", "exports": "--exports", "taal": "--taal"}
"""The settings a ``banen`` command takes as a flag."""


HIDDEN = {"json_schema_extra": {"hidden": True}}
"""A setting that may hold credentials (a connection string, a webhook's token): `banen config`
says it is set, not what it is."""


class SettingError(ValueError):
    """A setting (flag or environment variable) with a value it cannot have."""


class Settings(BaseSettings):
    """Every setting of a process. Frozen: a changed copy comes from :meth:`replace`."""

    model_config = SettingsConfigDict(env_prefix="BANEN_", env_ignore_empty=True, frozen=True, extra="forbid")

    landing: Path = Field(DEFAULTS["landing"], description="landing folder (deliveries)")
    reference: Path = Field(DEFAULTS["reference"], description="reference facts (published figures)")
    warehouse: Path = Field(DEFAULTS["warehouse"], description="the warehouse file")
    exports: Path = Field(None, description="Parquet exports (default: beside the warehouse file)")
    expectations: Path = Field(DEFAULTS["expectations"], description="the suites")
    taal: Literal["nl", "en"] = Field(LANGUAGES[0], description="language of the report and the data docs")
    ducklake: str | None = Field(None, description="DuckLake catalog (none: embedded DuckDB)", **HIDDEN)
    ducklake_data: str | None = Field(None, description="where DuckLake writes its Parquet files")
    s3_endpoint: str | None = Field(None, description="S3-compatible storage's URL (none: AWS's endpoint)")
    s3_key_id: str | None = Field(None, description="the S3 access key id", **HIDDEN)
    s3_secret: str | None = Field(None, description="the S3 secret access key", **HIDDEN)
    s3_region: str = Field("us-east-1", description="the S3 region")
    notify_webhook: str | None = Field(
        None, description="webhook for messages on failures and rejections", **HIDDEN
    )
    notify_smtp: str | None = Field(None, description="mail relay for those messages", **HIDDEN)
    notify_to: str | None = Field(None, description="who the mail goes to")
    sensor_interval: int = Field(60, gt=0, description="seconds between two ticks of the landing sensor")
    duckdb_memory: str = Field("4GB", description="DuckDB's memory limit while a run writes")
    chromium: str | None = Field(None, description="the Chromium that prints the PDF (none: the PATH's)")
    dagster_home: Path | None = Field(
        None,
        validation_alias=AliasChoices("dagster_home", "DAGSTER_HOME"),
        description="Dagster's home: banen run records its runs there (none: an ephemeral instance)",
    )

    @model_validator(mode="before")
    @classmethod
    def _exports_beside_the_warehouse(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("exports"):
            data = {
                **data,
                "exports": Path(data.get("warehouse") or DEFAULTS["warehouse"]).parent / "exports",
            }
        return data

    @classmethod
    def from_env(cls, **flags: Path | str | None) -> Settings:
        """The settings of this process: each from its flag (a keyword argument, e.g.
        ``warehouse=...``; None when not given), else its environment variable, else the default."""
        unknown = set(flags) - set(FLAGS)
        if unknown:
            raise TypeError(f"no setting named {', '.join(sorted(unknown))}")
        given = {k: Path(v).resolve() if k != "taal" else str(v) for k, v in flags.items() if v is not None}
        try:
            return cls(**given)
        except ValidationError as exc:
            error = exc.errors()[0]
            name = str(error["loc"][0]) if error["loc"] else "?"
            where = ", ".join(filter(None, (FLAGS.get(name), env_var(name))))
            raise SettingError(f"the setting {name} ({where}): {error['msg']}") from None

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` (validated)."""
        return type(self)(**{**self.model_dump(), **changes})

    def shown(self, name: str) -> str:
        """A setting's value as ``banen config`` prints it: empty when not set, hidden when it may
        hold credentials."""
        value = getattr(self, name)
        return "" if value is None else "(set, hidden)" if self.is_hidden(name) else str(value)

    @classmethod
    def is_hidden(cls, name: str) -> bool:
        """Whether a setting may hold credentials (marked :data:`HIDDEN`)."""
        return bool((cls.model_fields[name].json_schema_extra or {}).get("hidden"))

    def sources(self, flags: set[str] = frozenset()) -> dict[str, str]:
        """Where each setting came from: ``flag``, ``environment`` or ``default``."""
        return {
            name: "flag" if name in flags else "environment" if os.environ.get(env_var(name)) else "default"
            for name in type(self).model_fields
        }

    @property
    def work_dir(self) -> Path:
        """The folder of the warehouse file: data docs, report and last_run.json go here."""
        return self.warehouse.parent

    @property
    def data_docs(self) -> Path:
        return self.work_dir / "data_docs"

    @property
    def report(self) -> Path:
        """``report/`` in the default language, ``report/en/`` in English: one never overwrites the other."""
        folder = self.work_dir / "report"
        return folder if self.taal == LANGUAGES[0] else folder / self.taal


def env_var(name: str) -> str:
    """The environment variable of the setting ``name``."""
    field = Settings.model_fields[name]
    aliases = getattr(field.validation_alias, "choices", None)
    return aliases[-1] if aliases else f"{Settings.model_config['env_prefix']}{name.upper()}"
