"""Where things live. Every location comes from here, by one path: a flag (``Settings.from_env(
warehouse=...)``), else an environment variable, else a default inside the project. Nothing writes
the environment; the settings object goes to the resources (``defs/resources.py``).

| setting    | environment variable | default                   |
|------------|----------------------|---------------------------|
| landing    | BANEN_LANDING        | sources/deliveries        |
| reference  | BANEN_REFERENCE      | sources/reference         |
| warehouse  | BANEN_WAREHOUSE      | warehouse/banen.duckdb    |
| exports    | BANEN_EXPORTS        | <warehouse dir>/exports   |
| suites     | BANEN_EXPECTATIONS   | expectations              |
| ducklake   | BANEN_DUCKLAKE       | (none: embedded DuckDB)   |
| lake data  | BANEN_DUCKLAKE_DATA  | <warehouse dir>/ducklake  |
| notify     | BANEN_NOTIFY_WEBHOOK | (none: no messages)       |
|            | BANEN_NOTIFY_SMTP, BANEN_NOTIFY_TO | (none)      |
| sensor     | BANEN_SENSOR_INTERVAL | 60 (seconds between the landing sensor's ticks) |
| language   | BANEN_TAAL           | nl (report and data docs; en for English) |

With BANEN_DUCKLAKE set (a DuckLake catalog, e.g. ``postgres:dbname=banen host=127.0.0.1``), the
warehouse lives in DuckLake: the catalog in that database, the table data as Parquet under
BANEN_DUCKLAKE_DATA (a folder, or object storage in production). The warehouse file setting then only
places the lock files, report and data docs.

The exports (unless set), data docs, the report and ``last_run.json`` sit beside the warehouse file,
so that pointing ``--warehouse`` elsewhere moves everything a run writes; the project's default
warehouse gives ``warehouse/exports``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "warehouse"

ENV_VARS = {
    "landing": "BANEN_LANDING",
    "reference": "BANEN_REFERENCE",
    "warehouse": "BANEN_WAREHOUSE",
    "exports": "BANEN_EXPORTS",
    "expectations": "BANEN_EXPECTATIONS",
}
DEFAULTS = {
    "landing": PROJECT_ROOT / "sources" / "deliveries",
    "reference": PROJECT_ROOT / "sources" / "reference",
    "warehouse": PROJECT_ROOT / "warehouse" / "banen.duckdb",
    "expectations": PROJECT_ROOT / "expectations",
}


LANGUAGES = ("nl", "en")
"""The languages of the report and data docs; the first is the default."""


class SettingError(ValueError):
    """A setting (flag or environment variable) with a value it cannot have."""


@dataclass(frozen=True)
class Settings:
    landing: Path
    reference: Path
    warehouse: Path
    exports: Path
    expectations: Path = DEFAULTS["expectations"]
    ducklake: str | None = None
    ducklake_data: str | None = None
    """Where DuckLake writes its Parquet files (None: ``<warehouse dir>/ducklake``)."""
    notify_webhook: str | None = None
    notify_smtp: str | None = None
    notify_to: str | None = None
    sensor_interval: int = 60
    """Seconds between two ticks of the landing sensor."""
    taal: str = LANGUAGES[0]
    """Language of the report and the data docs: nl or en."""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **flags: Path | str | None) -> Settings:
        """The settings of this process: each from its flag (a keyword argument, e.g.
        ``warehouse=...``; None when not given), else its environment variable, else the default."""
        environ = os.environ if environ is None else environ
        unknown = set(flags) - set(ENV_VARS) - {"taal"}
        if unknown:
            raise TypeError(f"no setting named {', '.join(sorted(unknown))}")
        paths = {}
        for name, var in ENV_VARS.items():
            if flags.get(name) is not None:
                paths[name] = Path(flags[name]).resolve()
            elif value := environ.get(var) or DEFAULTS.get(name):
                paths[name] = Path(value)
        paths.setdefault("exports", paths["warehouse"].parent / "exports")
        return cls(
            **paths,
            ducklake=environ.get("BANEN_DUCKLAKE") or None,
            ducklake_data=environ.get("BANEN_DUCKLAKE_DATA") or None,
            notify_webhook=environ.get("BANEN_NOTIFY_WEBHOOK") or None,
            notify_smtp=environ.get("BANEN_NOTIFY_SMTP") or None,
            notify_to=environ.get("BANEN_NOTIFY_TO") or None,
            sensor_interval=int(environ.get("BANEN_SENSOR_INTERVAL") or cls.sensor_interval),
            taal=str(flags.get("taal") or environ.get("BANEN_TAAL") or cls.taal),
        )

    def __post_init__(self) -> None:
        if self.taal not in LANGUAGES:
            raise SettingError(f"the report language (--taal, BANEN_TAAL) is nl or en, not {self.taal!r}")

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
