"""Adding a mart is two files, its SQL and its suite: shown on a copy of the project, in a run of its
own. Nothing else (no list of marts, no build order, no asset, no frame SQL) is touched."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from banen_pipeline.config import PROJECT_ROOT

from .conftest import UWV

pytestmark = pytest.mark.slow

MART = """-- marts.kwartaal_groei: the change of the national total against the quarter before.
CREATE OR REPLACE TABLE marts.kwartaal_groei AS
SELECT kwartaal,
       peildatum,
       extra_banen_totaal - lag(extra_banen_totaal) OVER (ORDER BY kwartaal) AS groei
FROM marts.landelijk_kwartaal;
COMMENT ON TABLE marts.kwartaal_groei IS 'The change of the national number of extra jobs per quarter.';
COMMENT ON COLUMN marts.kwartaal_groei.kwartaal IS 'Quarter (2019Q3).';
COMMENT ON COLUMN marts.kwartaal_groei.peildatum IS 'The last day of the quarter.';
COMMENT ON COLUMN marts.kwartaal_groei.groei IS 'Extra jobs against the quarter before; NULL for the first.';
"""
SUITE = {
    "name": "marts_kwartaal_groei",
    "meta": {"beschrijving": "Rules for marts.kwartaal_groei."},
    "expectations": [
        {
            "type": "expect_column_values_to_not_be_null",
            "kwargs": {"column": "kwartaal"},
            "severity": "critical",
            "meta": {"beschrijving": "kwartaal is always filled"},
        }
    ],
}


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_a_new_mart_is_its_sql_and_its_suite(tmp_path, landing):
    project = tmp_path / "project"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for name in listed:
        if (PROJECT_ROOT / name).is_file() and not name.startswith(("sources/deliveries/", "tests/")):
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(PROJECT_ROOT / name, project / name)
    before = _files(project)

    (project / "warehouse" / "marts" / "kwartaal_groei.sql").write_text(MART)
    (project / "expectations" / "marts_kwartaal_groei.json").write_text(json.dumps(SUITE, indent=2))
    after = _files(project)
    assert sorted(after.keys() - before.keys()) == [
        "expectations/marts_kwartaal_groei.json",
        "warehouse/marts/kwartaal_groei.sql",
    ]
    assert all(after[name] == digest for name, digest in before.items())  # nothing else changed

    folder = landing(
        UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv",
        UWV / "UWV_Trendrapportage_Banenafspraak_2019K4.csv",
    )
    warehouse = tmp_path / "wh" / "banen.duckdb"
    env = {
        **os.environ,
        "PYTHONPATH": str(project),
        "BANEN_LANDING": str(folder),
        "BANEN_WAREHOUSE": str(warehouse),
    }
    env.pop("BANEN_EXPECTATIONS", None)
    done = subprocess.run(
        [sys.executable, "-c", "from banen_pipeline.cli import main; main()", "run"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with duckdb.connect(str(warehouse), read_only=True) as con:
        built = con.execute("SELECT kwartaal, groei FROM marts.kwartaal_groei ORDER BY kwartaal").fetchall()
        national = con.execute(
            "SELECT extra_banen_totaal FROM marts.landelijk_kwartaal ORDER BY kwartaal"
        ).fetchall()
        checked = con.execute(
            "SELECT count(*) FROM meta.validaties WHERE suite = 'marts_kwartaal_groei'"
        ).fetchone()[0]
    assert built == [("2019Q3", None), ("2019Q4", national[1][0] - national[0][0])]  # after what it reads
    assert checked == 1  # its suite ran, on the whole table (no frame SQL)
    manifest = json.loads((warehouse.parent / "exports" / "manifest.json").read_text())
    assert "marts.kwartaal_groei" in {t["table"] for t in manifest["tables"]}  # and it is exported
