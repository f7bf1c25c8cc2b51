"""What analysts and BI tools read without our code: a date per period, descriptions inside the
Parquet files, a Frictionless data package, offline data docs, and a query CLI that prints every type."""

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from banen_pipeline import marts
from banen_pipeline.cli import app
from banen_pipeline.config import DEFAULTS, PROJECT_ROOT, Settings
from banen_pipeline.quarters import parse_quarter
from banen_pipeline.validation import Request, Validator

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _mart_columns(con) -> dict[str, dict[str, str]]:
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() "
        "WHERE schema_name = 'marts' ORDER BY table_name, column_index"
    ).fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        tables.setdefault(table, {})[column] = kind
    return tables


def test_every_mart_has_peildatum_at_the_end_of_its_period(sample_db):
    tables = _mart_columns(sample_db)
    assert len(tables) == len(marts.names()) == 18
    assert all(columns.get("peildatum") == "DATE" for columns in tables.values())
    without_period = {
        t for t, columns in tables.items() if not {"kwartaal", "periode", "jaar"} & set(columns)
    }
    # per method and horizon: dated by the end of the series the backtest runs up to
    assert without_period == {"projectie_kalibratie"}
    assert sample_db.execute("SELECT DISTINCT peildatum FROM marts.projectie_kalibratie").fetchall() == [
        (parse_quarter("2023Q4").last_day,)
    ]
    for table, columns in tables.items():
        if table in without_period:
            continue
        period = next(c for c in ("periode", "kwartaal", "jaar") if c in columns)
        pairs = sample_db.execute(
            f"SELECT DISTINCT {period}::VARCHAR, peildatum FROM marts.{table}"
        ).fetchall()
        for value, peildatum in pairs:
            if len(value) == 4:  # a year: the yearly figures measure 31 December
                assert (peildatum.month, peildatum.day, peildatum.year) == (12, 31, int(value)), table
            else:
                assert peildatum == parse_quarter(value).last_day, table


def test_no_negative_zeros_in_marts_or_exports(sample_run):
    settings = sample_run[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        for table, columns in _mart_columns(con).items():
            for column in (c for c, kind in columns.items() if kind == "DOUBLE"):
                negative = con.execute(
                    f"SELECT count(*) FROM marts.{table} WHERE {column} = 0 AND signbit({column})"
                ).fetchone()[0]
                assert negative == 0, f"marts.{table}.{column}"
        # the mart that had them (verschil_pct_geleverd rounds to zero from below) still has zeros
        assert con.execute(
            "SELECT count(*) FROM marts.realisatie_rijk WHERE verschil_pct_geleverd = 0"
        ).fetchone()[0]
    for path in settings.exports.glob("*/*.parquet"):
        frame = pl.read_parquet(path)
        for column in (c for c, dtype in frame.schema.items() if dtype == pl.Float64):
            signed = frame.select((pl.col(column) == 0) & pl.col(column).cast(pl.String).str.starts_with("-"))
            assert not signed.to_series().any(), f"{path.name}: {column}"


def test_no_float_artefacts_in_any_export(sample_run):
    """Every DOUBLE in every export is rounded to its precision: at most four decimals, never
    1750.3000000000002. Counts of banen have at most one, shares four."""
    checked = 0
    for path in sample_run[0].exports.glob("*/*.parquet"):
        frame = pl.read_parquet(path)
        for column in (c for c, dtype in frame.schema.items() if dtype == pl.Float64):
            values = frame[column].drop_nulls().drop_nans()
            artefacts = values.filter(values != values.round(4))
            assert artefacts.is_empty(), f"{path.name}: {column} {artefacts.head(3).to_list()}"
            checked += len(values)
    assert checked > 30_000


def test_parquet_files_carry_table_and_column_comments(sample_run):
    settings = sample_run[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        comments = dict(
            con.execute(
                "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'marts'"
            ).fetchall()
        )
        column_comments = con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts'"
        ).fetchall()
    for table, comment in comments.items():
        metadata = pq.read_metadata(settings.exports / table / f"{table}.parquet").metadata
        assert metadata[b"table"].decode() == f"marts.{table}"
        assert metadata[b"description"].decode() == comment and comment
    for table, column, comment in column_comments:
        metadata = pq.read_metadata(settings.exports / table / f"{table}.parquet").metadata
        assert metadata[f"description:{column}".encode()].decode() == comment and comment, (table, column)


def _frictionless(package: Path) -> dict:
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", package.name, "--json"],
        cwd=package.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    assert (done.returncode == 0) == report["valid"]
    return report


@pytest.mark.slow
def test_datapackage_describes_every_file_and_frictionless_validates_it(sample_run):
    settings = sample_run[0]
    package = json.loads((settings.exports / "datapackage.json").read_text())
    manifest = json.loads((settings.exports / "manifest.json").read_text())
    assert [r["path"] for r in package["resources"]] == [t["path"] for t in manifest["tables"]]
    assert "synthetic" in package["description"]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        for resource in package["resources"]:
            path = settings.exports / resource["path"]
            # frictionless cannot hash a Parquet source it reads through pyarrow: check it here
            assert resource["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            assert resource["rows"] == pq.read_metadata(path).num_rows
            fields = {f["name"]: f for f in resource["schema"]["fields"]}
            described = con.execute(
                "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = 'marts' AND table_name = ?",
                [resource["name"]],
            ).fetchall()
            assert [(name, fields[name]["description"]) for name, _ in described] == described
            # required: the suite's critical not-null rules
            if resource["name"] != "projectie_kalibratie":
                assert fields["peildatum"]["constraints"]["required"] is True
    realisatie = {
        f["name"]: f
        for r in package["resources"]
        if r["name"] == "realisatie_sector"
        for f in r["schema"]["fields"]
    }
    assert (
        realisatie["jaar"]["constraints"]["required"]
        and not realisatie["jaarmeting"]["constraints"]["required"]
    )
    assert realisatie["jaar"]["type"] == "integer" and realisatie["peildatum"]["type"] == "date"

    report = _frictionless(settings.exports / "datapackage.json")
    assert report["valid"], report
    assert report["stats"]["tasks"] == len(package["resources"])


def test_frictionless_rejects_a_package_that_does_not_match_its_files(sample_run, tmp_path):
    """The validation above can fail: a wrong row count and a NULL in a required field are found."""
    exports = tmp_path / "exports"
    shutil.copytree(sample_run[0].exports, exports)
    package = json.loads((exports / "datapackage.json").read_text())
    # only the two resources made wrong: frictionless reads every row of what it validates
    package["resources"] = [
        r for r in package["resources"] if r["name"] in ("landelijk_kwartaal", "realisatie_sector")
    ]
    for resource in package["resources"]:
        if resource["name"] == "landelijk_kwartaal":
            resource["rows"] += 1
        if resource["name"] == "realisatie_sector":
            for field in resource["schema"]["fields"]:
                if field["name"] == "jaarmeting":  # NULL for the sectors' rows
                    field["constraints"]["required"] = True
    (exports / "datapackage.json").write_text(json.dumps(package))
    from frictionless import validate  # the CLI's own function, without starting a second process

    report = validate(str(exports / "datapackage.json")).to_descriptor()
    assert not report["valid"]
    errors = {(t["name"], e["type"]) for t in report["tasks"] for e in t["errors"]}
    assert ("landelijk_kwartaal", "row-count") in errors
    assert ("realisatie_sector", "constraint-error") in errors


def test_polars_native_reader_sees_every_value_duckdb_has(sample_run):
    """An independent Parquet implementation (polars' Rust reader, not pyarrow or DuckDB) reads every
    export with exactly the values of the warehouse."""
    settings = sample_run[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        for table in _mart_columns(con):
            exported = pl.read_parquet(settings.exports / table / f"{table}.parquet", use_pyarrow=False)
            warehouse = con.execute(f"SELECT * FROM marts.{table} ORDER BY ALL").pl()
            assert_frame_equal(exported, warehouse, check_exact=True)


def test_exports_follow_the_warehouse(monkeypatch, tmp_path):
    for name in ("BANEN_WAREHOUSE", "BANEN_EXPORTS"):
        monkeypatch.delenv(name, raising=False)
    assert Settings.from_env().exports == PROJECT_ROOT / "warehouse" / "exports"
    monkeypatch.setenv("BANEN_WAREHOUSE", str(tmp_path / "elders" / "banen.duckdb"))
    assert Settings.from_env().exports == tmp_path / "elders" / "exports"
    monkeypatch.setenv("BANEN_EXPORTS", str(tmp_path / "bi"))
    assert Settings.from_env().exports == tmp_path / "bi"
    assert DEFAULTS["warehouse"].parent == PROJECT_ROOT / "warehouse"


def test_data_docs_are_offline_and_show_every_validation(sample_run):
    settings = sample_run[0]
    docs = settings.data_docs
    index = (docs / "index.html").read_text()
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        (run_id,) = con.execute(
            "SELECT run_id FROM meta.leveringen ORDER BY gezien_op DESC LIMIT 1"
        ).fetchone()
        suites = {
            s
            for (s,) in con.execute(
                "SELECT DISTINCT suite FROM meta.validaties WHERE run_id = ?", [run_id]
            ).fetchall()
        }
    pages = re.findall(r'<a href="(validaties/[^"]+)">([a-z_]+)</a>', index)
    assert suites and {suite for _, suite in pages} == suites
    for page, suite in pages:
        html = (docs / page).read_text()
        expectations = json.loads((DEFAULTS["expectations"] / f"{suite}.json").read_text())["expectations"]
        verdicts = re.findall(r'<td><span class="(pass|fail|warn|nodata)">', html)
        assert len(verdicts) == len(expectations), page
    for path in docs.rglob("*"):
        if path.is_file():
            text = path.read_text()
            assert "<script" not in text, path
            assert not re.search(r'(src|href)="(https?:)?//', text), path


def test_data_docs_say_no_data_for_an_empty_frame_and_name_trial_and_whole_table(sample_run, tmp_path):
    """A suite that ran on 0 rows passed nothing: the docs say so. The trial validation of new
    deliveries and the validation of the whole table are named as such, and a failed rule's rows
    name their quarter and region."""
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(sample_run[0].warehouse, copy)
    validator = Validator(DEFAULTS["expectations"])
    validator.build_data_docs(tmp_path / "earlier")  # the docs of whatever this process validated before
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM marts.revisies")
        validator.validate_all(
            con,
            [
                Request("marts_revisies"),
                Request(
                    "staging_uwv_kwartaal",
                    {"bestanden": ["UWV_Trendrapportage_Banenafspraak_2017K2.csv"]},
                    "bestand",
                    "proef",
                ),
                Request("staging_uwv_kwartaal", {"bestanden": None}),
            ],
        )
    index = validator.build_data_docs(tmp_path / "docs").read_text()
    english = validator.build_data_docs(tmp_path / "docs_en", "en")
    assert english is None  # written once: these validations are in the docs above
    rows = re.findall(r"<tr>(.*?)</tr>", index, re.S)[1:]  # the header first
    assert "geen data (0 rijen)" in rows[0] and "geslaagd" not in rows[0]
    assert "proef: de nieuwe leveringen" in rows[1] and "de hele tabel" in rows[2]
    page = next((tmp_path / "docs" / "validaties").glob("002-*.html")).read_text()
    assert "kwartaal=2017Q2, regiocode=NL, bestand=UWV_Trendrapportage_Banenafspraak_2017K2.csv" in page
    with duckdb.connect(str(copy)) as con:
        validator.validate_all(con, [Request("marts_revisies")])
    english = validator.build_data_docs(tmp_path / "docs_en", "en").read_text()
    assert "no data (0 rows)" in english and len(re.findall(r"<tr>", english)) == 2  # the header and one


@pytest.mark.slow
def test_query_prints_every_type_in_both_formats(sample_run, monkeypatch):
    settings = sample_run[0]
    monkeypatch.setenv("BANEN_WAREHOUSE", str(settings.warehouse))
    runner = CliRunner()
    done = runner.invoke(
        app, ["query", "--format", "csv", "select * from meta.leveringen where len(waarschuwingen) > 0"]
    )
    assert done.exit_code == 0, done.output
    rows = pl.read_csv(done.stdout.encode())
    assert rows.height >= 2
    assert all(isinstance(json.loads(value), list) for value in rows["waarschuwingen"])
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        tables = [
            t
            for (t,) in con.execute("SELECT schema_name || '.' || table_name FROM duckdb_tables()").fetchall()
        ]
    assert len(tables) > 20
    for table in tables:
        for fmt in ("csv", "table"):
            # every column type of every table, in a few rows (rich takes seconds for thousands)
            done = runner.invoke(app, ["query", "--format", fmt, f"select * from {table} limit 20"])
            assert done.exit_code == 0, (table, fmt, done.output)


def test_query_during_the_first_run_says_so_in_one_line(tmp_path):
    """Another process holds a new warehouse (as the first run does) and there is no snapshot yet."""
    warehouse = tmp_path / "banen.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; c = duckdb.connect({str(warehouse)!r}); print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        done = subprocess.run(
            [
                str(Path(sys.executable).with_name("banen")),
                "query",
                "--warehouse",
                str(warehouse),
                "select 1",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.communicate("")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"The warehouse {warehouse} is being built by a run and has no finished state yet; "
        "try again when the run has finished."
    ]
    assert "Traceback" not in done.stderr + done.stdout
