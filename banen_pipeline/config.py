"""Where things live. Every location comes from here: a flag, else an environment variable, else a
default inside the project.

| setting    | environment variable | default                   |
|------------|----------------------|---------------------------|
| landing    | BANEN_LANDING        | sources/deliveries        |
| reference  | BANEN_REFERENCE      | sources/reference         |
| warehouse  | BANEN_WAREHOUSE      | warehouse/banen.duckdb    |
| exports    | BANEN_EXPORTS        | <warehouse dir>/exports   |
| suites     | BANEN_EXPECTATIONS   | expectations              |
| ducklake   | BANEN_DUCKLAKE       | (none: embedded DuckDB)   |
| lake data  | BANEN_DUCKLAKE_DATA  | <warehouse dir>/ducklake  |

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


@dataclass(frozen=True)
class Settings:
    landing: Path
    reference: Path
    warehouse: Path
    exports: Path
    expectations: Path = DEFAULTS["expectations"]
    ducklake: str | None = None
    ducklake_data: str | None = None

    @classmethod
    def from_env(cls) -> Settings:
        paths = {
            name: Path(value)
            for name, var in ENV_VARS.items()
            if (value := os.environ.get(var) or DEFAULTS.get(name))
        }
        paths.setdefault("exports", paths["warehouse"].parent / "exports")
        return cls(
            **paths,
            ducklake=os.environ.get("BANEN_DUCKLAKE") or None,
            ducklake_data=os.environ.get("BANEN_DUCKLAKE_DATA") or None,
        )

    @property
    def lake_data(self) -> str:
        return self.ducklake_data or str(self.work_dir / "ducklake")

    @property
    def work_dir(self) -> Path:
        """The folder of the warehouse file: data docs, report and last_run.json go here."""
        return self.warehouse.parent

    @property
    def data_docs(self) -> Path:
        return self.work_dir / "data_docs"

    @property
    def report(self) -> Path:
        return self.work_dir / "report"


def apply_overrides(**overrides: Path | str | None) -> None:
    """Put CLI flags into the environment, so Dagster's definitions see the same settings."""
    for name, value in overrides.items():
        if value is not None:
            os.environ[ENV_VARS[name]] = str(Path(value).resolve())
