"""Microdata: a synthetic payroll extract that reproduces the deliveries, aggregated in DuckDB, with
disclosure control on everything exported."""

import hashlib
import json
import os
import shutil

import dagster as dg
import duckdb
import pytest
from bs4 import BeautifulSoup

from banen_pipeline import exports, marts, microdata
from banen_pipeline.config import DEFAULTS
from banen_pipeline.definitions import build_defs
from banen_pipeline.defs.tables import LEVERINGEN, REFERENTIE
from banen_pipeline.quarters import Quarter

from .broken import csv_shifted, suites_with_rule
from .conftest import SAMPLES, UWV, copy_sample_warehouse, run, settings_for


@pytest.fixture(scope="module")
def extract(sample_run, tmp_path_factory):
    """A scale-0.05 extract of 2015Q4..2023Q4, aggregated into a copy of the sample warehouse."""
    root = tmp_path_factory.mktemp("microdata")
    warehouse = root / "banen.duckdb"
    shutil.copyfile(sample_run[0].warehouse, warehouse)
    con = duckdb.connect(str(warehouse))
    result = microdata.generate(con, root / "extract", "2015Q4", "2023Q4", scale=0.05, seed=1)
    microdata.aggregate(con, root / "extract", microdata.extract_quarters(root / "extract"))
    for name in ("microdata_banen", "microdata_reconciliatie", "microdata_duurzaamheid"):
        marts.build_mart(con, name)
    yield con, root, result
    con.close()


def test_aggregates_equal_the_deliveries_within_one_baan(extract):
    con, _root, result = extract
    assert result["quarters"] == 34 and result["rows"] > 500_000
    worst, cells = con.execute(
        """
        WITH cellen AS (
            SELECT kwartaal, regiocode, categorie, sum(banen) AS banen
            FROM staging.microdata_aggregaat WHERE categorie IS NOT NULL GROUP BY ALL
        ), geleverd AS (
            UNPIVOT (SELECT kwartaal, regiocode, extra_banen_regulier_overheid AS regulier_overheid,
                            extra_banen_regulier_markt AS regulier_markt, extra_banen_inleen AS inleen
                     FROM staging.uwv_kwartaal WHERE is_actueel AND regiocode <> 'NL')
            ON regulier_overheid, regulier_markt, inleen INTO NAME categorie VALUE geleverd
        )
        SELECT max(abs(c.banen - b.banen - g.geleverd)), count(*)
        FROM geleverd AS g
        JOIN cellen AS c USING (kwartaal, regiocode, categorie)
        JOIN cellen AS b ON b.kwartaal = '2012Q4' AND b.regiocode = g.regiocode AND b.categorie = g.categorie
        """
    ).fetchone()
    assert cells == 33 * 35 * 3  # every delivered (kwartaal, regio, categorie)
    assert worst < 1


def test_reconciliation_mart_and_national_rows(extract):
    con, _root, _result = extract
    row = con.execute(
        "select uit_microdata, geleverd, verschil from marts.microdata_reconciliatie "
        "where kwartaal = '2019Q3' and regiocode = 'NL' and categorie = 'regulier_markt'"
    ).fetchone()
    assert row[1] == 44117 and abs(row[2]) < 1


def test_fourth_quarter_2020_has_14_payroll_weeks(extract):
    con, root, _result = extract
    weeks = dict(
        duckdb.sql(
            "select kwartaal, max(weken_in_kwartaal) from read_parquet(?, hive_partitioning = true) "
            "where kwartaal in ('2020Q3', '2020Q4', '2021Q4') group by 1",
            params=[microdata.parquet_glob(root / "extract")],
        ).fetchall()
    )
    assert weeks == {"2020Q3": 13, "2020Q4": 14, "2021Q4": 13}
    assert microdata.payroll_weeks(Quarter(2015, 4)) == 14
    assert con.execute(
        "select max(weken_in_kwartaal) from staging.microdata_aggregaat where kwartaal = '2020Q4'"
    ).fetchone() == (14,)


def test_persons_and_working_persons_follow_the_register(extract):
    _con, root, _result = extract
    persons, working = duckdb.sql(
        "select count(distinct persoon_id), count(distinct persoon_id) filter (where verloonde_uren > 0) "
        "from read_parquet(?, hive_partitioning = true) where kwartaal = '2019Q3'",
        params=[microdata.parquet_glob(root / "extract")],
    ).fetchone()
    assert abs(persons - 0.05 * 227072) < 0.01 * persons
    assert abs(working - 0.05 * 116281) < 0.01 * working


def test_same_seed_same_extract(sample_run, tmp_path):
    with duckdb.connect(str(sample_run[0].warehouse), read_only=True) as con:
        for name in ("a", "b"):
            microdata.generate(con, tmp_path / name, "2019Q3", "2019Q4", scale=0.02, seed=7)
    digest = {
        name: sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in (tmp_path / name).rglob("*.parquet"))
        for name in ("a", "b")
    }
    assert digest["a"] == digest["b"]


def test_exports_hold_no_pseudonyms_and_no_cell_under_ten_persons(extract, tmp_path):
    con, _root, _result = extract
    manifest = exports.export_schema(con, "marts", tmp_path / "exports", DEFAULTS["expectations"])
    columns = {c["name"] for t in manifest["tables"] for c in t["columns"]}
    assert not columns & {"persoon_id", "werkgever_id"}
    small = con.execute("select count(*) from staging.microdata_aggregaat where personen < 10").fetchone()[0]
    assert small > 0  # the extract has small cells, so suppression is really exercised
    leaked = duckdb.sql(
        "select count(*) from read_parquet(?) where onderdrukt and (banen is not null or personen is not null) "
        "or personen < 10",
        params=[str(tmp_path / "exports" / "microdata_banen" / "microdata_banen.parquet")],
    ).fetchone()
    assert leaked == (0,)
    shown = duckdb.sql(
        "select count(*) from read_parquet(?) where not onderdrukt",
        params=[str(tmp_path / "exports" / "microdata_banen" / "microdata_banen.parquet")],
    ).fetchone()[0]
    assert shown > 0
    suppressed = duckdb.sql(
        "select count(*) from read_parquet(?) where onderdrukt and uit_microdata is not null",
        params=[str(tmp_path / "exports" / "microdata_reconciliatie" / "microdata_reconciliatie.parquet")],
    ).fetchone()
    assert suppressed == (0,)
    assert json.dumps(manifest).count("persoon") == 0


@pytest.mark.slow
def test_banen_run_picks_up_an_extract_in_the_landing_folder(sample_run, tmp_path, landing):
    folder = landing(UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv")
    with duckdb.connect(str(sample_run[0].warehouse), read_only=True) as con:
        microdata.generate(con, folder / "microdata", "2019Q3", "2019Q3", scale=0.05, seed=2)
    settings = settings_for(tmp_path, folder)
    code, summary = run(settings)
    assert code == 0, summary
    assert summary["geladen"] == 1  # the extract is not taken for a delivery
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        worst = con.execute(
            "select max(abs(verschil)), count(*) from marts.microdata_reconciliatie where kwartaal = '2019Q3'"
        ).fetchone()
    assert worst[1] == 36 * 3 and worst[0] < 1


@pytest.mark.slow
def test_only_the_quarters_of_the_extract_whose_files_changed_are_aggregated_again(sample_run, tmp_path):
    """The sample extract lies in the default landing folder: a run must not read it all again when
    nothing in it changed, and must read a quarter again when its files did."""
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)  # copies keep the files' times
    settings = copy_sample_warehouse(sample_run, settings_for(tmp_path, landing))

    def aggregated() -> dict[str, str]:
        with duckdb.connect(str(settings.warehouse), read_only=True) as con:
            return dict(con.execute("select kwartaal, run_id from meta.microdata_kwartalen").fetchall())

    before = aggregated()
    assert len(before) == 34  # 2012Q4 and 2015Q4..2023Q4
    # the delivery step run again (a run, not the "nothing new" shortcut), with nothing new
    job = (
        build_defs(settings).resolve_job_def("banen_job").get_subset(asset_selection={REFERENTIE, LEVERINGEN})
    )
    assert job.execute_in_process(instance=dg.DagsterInstance.ephemeral()).success
    assert aggregated() == before  # the extract did not change: nothing read again
    (part,) = (landing / "microdata" / "kwartaal=2019Q3").glob("*.parquet")
    stat = part.stat()
    os.utime(part, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # rewritten, say
    code, _summary = run(settings)
    assert code == 0
    after = aggregated()
    assert sorted(q for q in after if after[q] != before[q]) == ["2019Q3"]


def test_an_extract_whose_sample_fails_its_suite_is_not_aggregated_and_stops_the_run(
    sample_run, tmp_path, landing
):
    folder = landing(UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv")
    with duckdb.connect(str(sample_run[0].warehouse), read_only=True) as con:
        microdata.generate(con, folder / "microdata", "2019Q3", "2019Q3", scale=0.05, seed=2)
    suites = suites_with_rule(
        tmp_path / "expectations",
        "microdata_steekproef",
        "expect_table_row_count_to_be_between",
        {"max_value": 10},
        "deliberately failing rule for this test",
    )
    settings = settings_for(tmp_path, folder)
    settings = settings.replace(expectations=suites)

    code, summary = run(settings)

    assert code == 1 and summary["failed_steps"] == ["leveringen"]
    assert summary["geladen"] == 1  # the deliveries were loaded before the extract was looked at
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert con.execute("select count(*) from staging.microdata_aggregaat").fetchone() == (0,)
        assert con.execute(
            "select success from meta.validaties where suite = 'microdata_steekproef'"
        ).fetchall() == [(False,)]


def test_persons_are_followed_from_quarter_to_quarter(extract):
    """A person keeps their pseudonym: of those working in 2019Q3 most work in 2019Q4 too, many with
    the same main employer, and some stop or start, as in a real workforce."""
    _con, root, _result = extract
    stayed, same_employer, working, started = duckdb.sql(
        """
        WITH w AS (SELECT DISTINCT kwartaal, persoon_id, werkgever_id
                   FROM read_parquet(?, hive_partitioning = true)
                   WHERE kwartaal IN ('2019Q3', '2019Q4') AND verloonde_uren > 0),
             a AS (SELECT * FROM w WHERE kwartaal = '2019Q3'),
             b AS (SELECT * FROM w WHERE kwartaal = '2019Q4')
        SELECT count(DISTINCT a.persoon_id) FILTER (WHERE a.persoon_id IN (SELECT persoon_id FROM b)),
               count(DISTINCT a.persoon_id) FILTER (WHERE (a.persoon_id, a.werkgever_id) IN (SELECT (persoon_id, werkgever_id) FROM b)),
               count(DISTINCT a.persoon_id),
               (SELECT count(DISTINCT persoon_id) FROM b WHERE persoon_id NOT IN (SELECT persoon_id FROM a))
        FROM a
        """,
        params=[microdata.parquet_glob(root / "extract")],
    ).fetchone()
    assert 0.85 < stayed / working < 0.99  # P_STAY 0.93 a quarter, plus re-entry
    assert 0.6 < same_employer / working < stayed / working
    assert started > 0.01 * working


def test_durability_shares_lie_in_zero_one_with_suppression(extract):
    con, _root, _result = extract
    rows, quarters, bad_share, not_subset, leaks, retained = con.execute(
        """
        SELECT count(*), count(DISTINCT kwartaal),
               count(*) FILTER (WHERE aandeel_behouden NOT BETWEEN 0 AND 1
                                   OR aandeel_behouden_zelfde_werkgever NOT BETWEEN 0 AND 1),
               count(*) FILTER (WHERE personen_na_4_kwartalen_zelfde_werkgever > personen_na_4_kwartalen
                                   OR personen_na_4_kwartalen > personen),
               count(*) FILTER (WHERE (onderdrukt OR personen < 10)
                                   AND coalesce(personen, personen_na_4_kwartalen, aandeel_behouden,
                                                aandeel_behouden_zelfde_werkgever) IS NOT NULL),
               sum(personen_na_4_kwartalen) / sum(personen)
        FROM marts.microdata_duurzaamheid
        """
    ).fetchone()
    assert rows > 0 and quarters == 29  # 2015Q4..2022Q4: the last four quarters have no follow-up yet
    assert (bad_share, not_subset, leaks) == (0, 0, 0)
    assert 0.6 < retained < 0.9
    # each shown share is its counts' ratio
    assert con.execute(
        "SELECT count(*) FROM marts.microdata_duurzaamheid WHERE NOT onderdrukt "
        "AND abs(aandeel_behouden - personen_na_4_kwartalen / personen) > 0.00005"
    ).fetchone() == (0,)


def test_a_durability_cell_under_ten_persons_is_suppressed(extract, tmp_path):
    con, _root, _result = extract
    copy = duckdb.connect(str(tmp_path / "copy.duckdb"))
    copy.execute("CREATE SCHEMA staging; CREATE SCHEMA marts")
    copy.execute(
        "CREATE TABLE staging.microdata_duurzaamheid AS SELECT * FROM (VALUES "
        "('2019Q3', 'regulier_overheid', 'Politie', 9, 7, 5), ('2019Q3', 'regulier_markt', 'markt', 10, 7, 5)) "
        "AS t(kwartaal, categorie, sector, personen, personen_na_4_kwartalen, personen_na_4_kwartalen_zelfde_werkgever)"
    )
    marts.build_mart(copy, "microdata_duurzaamheid")
    rows = copy.execute(
        "SELECT sector, personen, personen_na_4_kwartalen, aandeel_behouden, aandeel_behouden_zelfde_werkgever, "
        "onderdrukt FROM marts.microdata_duurzaamheid ORDER BY sector"
    ).fetchall()
    assert rows == [("Politie", None, None, None, None, True), ("markt", 10, 7, 0.7, 0.5, False)]


def test_durability_is_counted_again_when_its_later_quarter_changes(extract):
    present = ["2012Q4", "2019Q1", "2019Q2", "2020Q1", "2020Q2"]
    removed, counted = microdata.durability_quarters(present, ["2020Q1"])
    assert removed == ["2019Q1", "2020Q1"]
    assert counted == ["2019Q1"]  # 2020Q1 has no 2021Q1 in the extract
    assert microdata.durability_quarters(present, ["2012Q4"]) == ([], [])


@pytest.mark.slow
def test_a_valid_revision_the_extract_no_longer_matches_is_shown_and_stops_nothing(sample_copy, tmp_path):
    """A revision of an old quarter that moves banen between regions loads, the payroll
    extract no longer reproduces it, and that difference is shown in the report; the run still
    writes the report, the exports and the data docs, and exits 0 (docs/decisions.md)."""

    settings = sample_copy[0]
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)
    # UWV's revision of 2019Q3, published later: 50 regular market banen from Achterhoek to Amersfoort;
    # every rule holds and the national total is unchanged
    moved = {(code, column): sign * 50 for code, sign in (("AM09", -1), ("AM14", 1)) for column in (5, 7, 8)}
    (landing / "uwv" / "UWV_Trendrapportage_Banenafspraak_2019K3_v2.csv").write_bytes(
        csv_shifted(moved, UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv", published="14-04-2020")
    )
    settings = settings.replace(landing=landing)
    report = settings.report / "index.html"
    exports_before = os.path.realpath(settings.exports)
    code, summary = run(settings)
    assert code == 0, summary
    assert summary["failed_steps"] == [] and summary["not_built"] == []
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        moved = con.execute(
            "SELECT regiocode, categorie, verschil FROM marts.microdata_reconciliatie "
            "WHERE kwartaal = '2019Q3' AND abs(verschil) > 1 ORDER BY regiocode"
        ).fetchall()
        failed = con.execute(
            "SELECT success, failed FROM meta.validaties WHERE suite = 'marts_microdata_reconciliatie' "
            "ORDER BY gevalideerd_op DESC LIMIT 1"
        ).fetchone()
    assert [(r, c) for r, c, _ in moved] == [("AM09", "regulier_markt"), ("AM14", "regulier_markt")]
    assert failed == (True, 1)  # the suite says so, as a warning (in the data docs too), and passes
    assert os.path.realpath(settings.exports) != exports_before  # a new export version
    text = " ".join(BeautifulSoup(report.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
    assert "Het loonextract reproduceert de geleverde cijfers" in text
    assert "AM09 Achterhoek" in text and "AM14 Amersfoort" in text
