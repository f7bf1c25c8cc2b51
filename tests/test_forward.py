"""The years after the samples, through the CLI as a user runs it: the samples plus UWV quarters
2024Q1-2026Q4 in both formats, Rijk monitors through 2026 and the sector reports of 2024 and 2025
(``tests/forward.py``). `banen run` exits 0 and writes the report, the exports, the data docs and the
snapshot; `banen report` writes it in English and as PDF; the report names the years no published
figure fills."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from bs4 import BeautifulSoup
from typer.testing import CliRunner

from banen_pipeline.cli import app

from .forward import FORWARD_QUARTERS, FORWARD_YEARS, forward_landing

pytestmark = pytest.mark.slow

BANEN = Path(sys.executable).parent / "banen"
HAS_CHROMIUM = any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome")))


@pytest.fixture(scope="module")
def forward_run(tmp_path_factory) -> tuple[Path, str]:
    """(warehouse file, output of `banen run`) on the samples and the forward deliveries."""
    root = tmp_path_factory.mktemp("forward")
    landing = forward_landing(root / "landing")
    warehouse = root / "wh" / "banen.duckdb"
    given = {"BANEN_LANDING": str(landing), "BANEN_WAREHOUSE": str(warehouse), "COLUMNS": "200"}
    unset = ("DAGSTER_HOME", "BANEN_EXPORTS", "BANEN_TAAL", "BANEN_NOTIFY_WEBHOOK", "BANEN_NOTIFY_SMTP")
    env = {k: v for k, v in os.environ.items() if k not in unset} | given

    done = subprocess.run([str(BANEN), "run"], env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"banen run: exit {done.returncode}\n{output}"
    # `banen report` as its command runs, in this process (its worker is shared with this process's
    # other tests): the same command line and environment, without starting Python twice more
    pdf = ("--pdf",) if HAS_CHROMIUM else ()
    for args in (("report", *pdf), ("report", "--taal", "en", *pdf)):
        result = CliRunner().invoke(app, list(args), env=given | dict.fromkeys(unset), catch_exceptions=False)
        assert result.exit_code == 0, f"banen {' '.join(args)}: exit {result.exit_code}\n{result.output}"
    return warehouse, output


def _text(path: Path) -> str:
    return " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())


def test_every_forward_delivery_loads_and_every_output_is_written(forward_run):
    warehouse, output = forward_run
    work = warehouse.parent
    with duckdb.connect(str(warehouse), read_only=True) as con:
        status, fout = con.execute(
            "SELECT status, fout FROM meta.runs ORDER BY begin DESC LIMIT 1"
        ).fetchone()
        quarters = con.execute("SELECT max(kwartaal) FROM marts.landelijk_kwartaal").fetchone()[0]
        sector_years = con.execute("SELECT max(jaar) FROM staging.sector_rapportage").fetchone()[0]
        rejected = con.execute("SELECT count(*) FROM meta.leveringen WHERE status = 'afgewezen'").fetchone()[
            0
        ]
    assert (status, fout) == ("geslaagd", None), output
    assert quarters == str(FORWARD_QUARTERS[-1]) and sector_years == FORWARD_YEARS[-1]
    assert rejected == 0, output
    for written in (
        "report/index.html",
        "report/en/index.html",
        "data_docs/index.html",
        "snapshot/banen.duckdb",
    ):
        assert (work / written).is_file(), written
    manifest = json.loads((work / "exports" / "manifest.json").read_text())
    assert {"marts.projectie", "marts.officiele_meting"} <= {t["table"] for t in manifest["tables"]}
    if HAS_CHROMIUM:
        for pdf in ("report/rapport.pdf", "report/en/rapport.pdf"):
            assert (work / pdf).read_bytes().startswith(b"%PDF"), pdf


def test_the_report_opens_as_of_its_data_and_names_the_years_it_could_not_fill(forward_run):
    work = forward_run[0].parent
    dutch, english = _text(work / "report" / "index.html"), _text(work / "report" / "en" / "index.html")
    assert "De cijfers in dit warehouse lopen tot en met 31 december 2026" in dutch
    # 2024's jaarmeting is published in words (referentie.publicaties); 2025 and 2026 not at all
    assert "De laatste gepubliceerde jaarmeting is die over 2024 (3 juli 2025)" in dutch
    assert "Niet gepubliceerd in de bronnen van dit warehouse: de jaarmeting over 2025 en 2026" in dutch
    assert "Geen taakstelling gepubliceerd voor 2024" in dutch
    # a target year in the data but not published: the nowcast, with its verdict in words
    assert "De jaarmeting over 2025 is nog niet gepubliceerd. Uit de kwartaalcijfers schatten we" in dutch
    assert "geschat" in dutch and "waarschijnlijk niet gehaald" in dutch
    assert "The figures in this warehouse run up to 31 December 2026" in english
    assert "Not published in this warehouse's sources: the jaarmeting of 2025 and 2026" in english
    assert "No target published for 2024" in english
