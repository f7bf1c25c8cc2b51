"""A damaged warehouse file: every command says so in one line, and `banen herstel` brings it back
with the same marts."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from banen_pipeline import cli, recovery, status

from .conftest import UWV, copy_sample_warehouse, run, settings_for, table_checksums

BANEN = Path(sys.executable).with_name("banen")


def _marts(path: Path) -> dict:
    return {name: value for name, value in table_checksums(path).items() if name.startswith("marts.")}


def _damage(path: Path) -> None:
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 3)


@pytest.fixture
def damaged(sample_run, tmp_path):
    """A copy of the sample warehouse (with its snapshot) whose file has lost two thirds."""
    settings = copy_sample_warehouse(sample_run, settings_for(tmp_path, sample_run[0].landing))
    _damage(settings.warehouse)
    return settings


@pytest.mark.parametrize("command", [["status"], ["query", "select 1"], ["report"], ["run"]])
def test_every_command_says_in_one_line_that_the_file_cannot_be_read(damaged, command):
    done = subprocess.run(
        [str(BANEN), *command, "--warehouse", str(damaged.warehouse)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"The warehouse file {damaged.warehouse} cannot be read (IO Error: ")
    assert line.endswith(
        "Run `banen herstel` to restore the last snapshot or rebuild it from the landing folder."
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_herstel_restores_the_snapshot_with_the_same_marts(sample_run, damaged):
    said = []
    code = recovery.restore(
        damaged, rebuild=lambda s: pytest.fail("the snapshot was usable"), say=said.append
    )
    assert code == 0
    assert _marts(damaged.warehouse) == _marts(sample_run[0].warehouse)
    assert said[0].startswith("Set the damaged file aside: ") and "Restored the snapshot" in said[1]
    assert list(damaged.warehouse.parent.glob("banen.duckdb.beschadigd-*"))  # kept, not deleted
    said.clear()
    assert recovery.restore(damaged, rebuild=lambda s: pytest.fail("nothing to do"), say=said.append) == 0
    assert said == [f"The warehouse {damaged.warehouse} is readable; nothing to restore."]


@pytest.mark.slow
def test_herstel_without_a_snapshot_rebuilds_from_the_landing_folder(tmp_path, landing):
    folder = landing(UWV / "UWV_Trendrapportage_Banenafspraak_2020K2.csv")
    settings = settings_for(tmp_path, folder)
    assert run(settings)[0] == 0
    before = _marts(settings.warehouse)
    shutil.rmtree(settings.warehouse.parent / "snapshot")
    _damage(settings.warehouse)
    said = []
    code = recovery.restore(settings, rebuild=lambda s: run(s)[0], say=said.append)
    assert code == 0 and said[1].startswith("No readable snapshot; rebuilding")
    assert _marts(settings.warehouse) == before


def test_an_unexpected_error_is_one_line_and_its_traceback_comes_with_debug(monkeypatch, capsys, tmp_path):
    def bug(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(status, "print_status", bug)
    monkeypatch.setattr(cli, "DEBUG", False)  # restored after the test: --debug below sets it
    monkeypatch.setattr(sys, "argv", ["banen", "status", "--warehouse", str(tmp_path / "w.duckdb")])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "unexpected error RuntimeError: boom" in line and "--debug" in line
    monkeypatch.setattr(
        sys, "argv", ["banen", "--debug", "status", "--warehouse", str(tmp_path / "w.duckdb")]
    )
    with pytest.raises(RuntimeError, match="boom"):
        cli.main()
