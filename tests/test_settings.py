"""Every setting in one typed object: from a flag, else the environment, else its default; listed
the same in the README, and printed by `banen config` with where each came from."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from banen_pipeline.config import FLAGS, PROJECT_ROOT, SettingError, Settings, env_var

BANEN = Path(sys.executable).parent / "banen"


def _readme_table() -> dict[str, set[str]]:
    """The README's table of settings: environment variable -> the flags its row names."""
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Where things land", 1)[1].split("\n\n", 2)[1]
    rows = {}
    for line in section.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        for var in re.findall(r"`((?:BANEN_|DAGSTER_)\w+)`", cells[3]):
            rows[var] = set(re.findall(r"`(--\w+)`", cells[2]))
    return rows


def test_the_readme_lists_every_setting_with_its_variable_and_flag_and_nothing_else():
    table = _readme_table()
    assert set(table) == {env_var(name) for name in Settings.model_fields}
    for name in Settings.model_fields:
        assert table[env_var(name)] == ({FLAGS[name]} if name in FLAGS else set()), name


def test_a_flag_beats_the_environment_which_beats_the_default(monkeypatch, tmp_path):
    monkeypatch.delenv("BANEN_EXPORTS", raising=False)
    monkeypatch.setenv("BANEN_WAREHOUSE", str(tmp_path / "env" / "banen.duckdb"))
    monkeypatch.setenv("BANEN_DUCKDB_MEMORY", "1GB")
    monkeypatch.setenv("BANEN_TAAL", "")  # empty: as if not set
    settings = Settings.from_env(landing=tmp_path / "flag")
    assert settings.landing == tmp_path / "flag" and settings.warehouse == tmp_path / "env" / "banen.duckdb"
    assert settings.exports == tmp_path / "env" / "exports"  # beside the warehouse, unless set
    assert (settings.duckdb_memory, settings.taal) == ("1GB", "nl")
    sources = settings.sources({"landing"})
    assert (sources["landing"], sources["warehouse"], sources["taal"]) == ("flag", "environment", "default")


def test_a_setting_it_cannot_have_is_one_line_naming_it(monkeypatch):
    monkeypatch.setenv("BANEN_SENSOR_INTERVAL", "soms")
    with pytest.raises(
        SettingError, match=r"^the setting sensor_interval \(BANEN_SENSOR_INTERVAL\): .*integer"
    ):
        Settings.from_env()
    monkeypatch.delenv("BANEN_SENSOR_INTERVAL")
    with pytest.raises(
        SettingError, match=r"^the setting taal \(--taal, BANEN_TAAL\): Input should be 'nl' or 'en'"
    ):
        Settings.from_env(taal="fr")


def test_banen_config_prints_every_setting_with_its_value_and_where_it_came_from(tmp_path):
    webhook = "https://hooks.example/T0K3N"
    env = {"PATH": "/usr/bin:/bin", "BANEN_DUCKDB_MEMORY": "2GB", "DAGSTER_HOME": str(tmp_path)}
    env |= {"BANEN_NOTIFY_WEBHOOK": webhook}
    done = subprocess.run(
        [str(BANEN), "config", "--landing", "/tmp/vlak"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = {line.split("│")[1].strip(): line for line in done.stdout.splitlines() if line.count("│") > 4}
    assert set(Settings.model_fields) <= set(lines)
    assert "2GB" in lines["duckdb_memory"] and "environment" in lines["duckdb_memory"]
    assert "/tmp/vlak" in lines["landing"] and "flag" in lines["landing"]
    assert "default" in lines["taal"] and "BANEN_TAAL" in lines["taal"]
    assert "environment" in lines["dagster_home"] and "DAGSTER_HOME" in lines["dagster_home"]
    assert "(set, hidden)" in lines["notify_webhook"] and "T0K3N" not in done.stdout  # credentials stay out


def test_the_dagster_resources_take_every_warehouse_setting_and_name_credentials_by_variable(monkeypatch):
    import dagster as dg

    from banen_pipeline.db import S3
    from banen_pipeline.defs.resources import resources_from

    monkeypatch.setenv("BANEN_S3_SECRET", "not-for-the-ui")
    monkeypatch.setenv("BANEN_DUCKDB_MEMORY", "3GB")
    resource = resources_from(Settings.from_env())["warehouse"]
    assert resource.s3_secret == dg.EnvVar("BANEN_S3_SECRET")  # the UI shows the name, not the secret
    assert "not-for-the-ui" not in repr(resource)
    assert resource.memory_limit == "3GB"
    # S3-compatible storage on loopback: path-style addresses, no TLS for http://
    secret = S3("http://127.0.0.1:9000", "key", "secret", "eu-west-1").secret()
    assert (
        "ENDPOINT '127.0.0.1:9000'" in secret and "USE_SSL False" in secret and "URL_STYLE 'path'" in secret
    )
    assert S3().secret() == "CREATE OR REPLACE TEMPORARY SECRET banen_s3 (TYPE s3, REGION 'us-east-1')"
