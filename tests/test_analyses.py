"""The marts that answer the ministers, the report, and reading exports during a run."""

import subprocess
import sys

import pytest

from banen_pipeline import marts
from banen_pipeline.db import Warehouse


def test_markt_overheid_ratios(sample_db):
    ratio, doel, ambitie, werk = sample_db.execute(
        "select verhouding_regulier, verhouding_doel, ambitie, werkgelegenheid from marts.markt_overheid "
        "where kwartaal = '2023Q3'"
    ).fetchone()
    assert ratio == round(74252 / 10568, 2) == 7.03
    assert doel == 3.2
    assert (ambitie, werk) == (4.0, 6.0)


def test_no_ratio_where_government_is_not_positive(sample_db):
    ratio, reason = sample_db.execute(
        "select verhouding_regulier, reden_geen_verhouding from marts.markt_overheid where kwartaal = '2016Q4'"
    ).fetchone()
    assert ratio is None
    assert "overheid <= 0" in reason and "-520" in reason
    infinite = sample_db.execute(
        "select count(*) from marts.markt_overheid where isinf(verhouding_regulier) or isinf(verhouding_kwartaalschatting)"
    ).fetchone()
    assert infinite == (0,)


def test_inleen_key_is_linear_between_reference_dates_and_constant_after(sample_db):
    shares = dict(
        sample_db.execute("select kwartaal, inleen_aandeel_overheid from marts.markt_overheid").fetchall()
    )
    assert shares["2016Q4"] == 0.278  # a reference date
    assert 0.278 < shares["2018Q4"] < 0.337
    assert shares["2021Q4"] == shares["2023Q4"] == 0.337  # after the last reference date
    parts = sample_db.execute(
        "select max(abs(extra_banen_markt_incl_inleen + extra_banen_overheid_incl_inleen - "
        "(extra_banen_regulier_markt + extra_banen_regulier_overheid + extra_banen_inleen))) "
        "from marts.markt_overheid"
    ).fetchone()[0]
    assert parts < 0.2


def test_agency_work_goes_to_each_segment_by_its_own_share(sample_db):
    """The split itself, per segment: government takes the inleen share of the SEO key (27.8% at the
    end of 2016), the market the rest; swapping them keeps the sum and the key, and fails here."""
    row = sample_db.execute(
        "select extra_banen_regulier_overheid, extra_banen_regulier_markt, extra_banen_inleen, "
        "extra_banen_overheid_incl_inleen, extra_banen_markt_incl_inleen, inleen_aandeel_overheid "
        "from marts.kwartaalschatting where kwartaal = '2016Q4' and is_actueel"
    ).fetchone()
    regulier_overheid, regulier_markt, inleen, overheid, markt, share = row
    assert share == 0.278 and inleen > 0
    assert overheid == pytest.approx(regulier_overheid + 0.278 * inleen, abs=0.1)
    assert markt == pytest.approx(regulier_markt + 0.722 * inleen, abs=0.1)
    wrong = sample_db.execute(
        "select count(*) from marts.kwartaalschatting where abs(extra_banen_overheid_incl_inleen - "
        "(extra_banen_regulier_overheid + extra_banen_inleen * inleen_aandeel_overheid)) > 1"  # the share is rounded to 4 decimals
    ).fetchone()
    assert wrong == (0,)


def test_projection_reaches_2026q4_with_nested_bands(sample_db):
    last = dict(
        sample_db.execute("select segment, max(kwartaal) from marts.projectie group by segment").fetchall()
    )
    assert last == {"markt": "2026Q4", "overheid": "2026Q4", "totaal": "2026Q4"}
    bad = sample_db.execute(
        "select count(*) from marts.projectie where is_prognose and not "
        "(ondergrens_95 <= ondergrens_80 and ondergrens_80 <= verwacht and verwacht <= bovengrens_80 "
        "and bovengrens_80 <= bovengrens_95)"
    ).fetchone()
    assert bad == (0,)
    forecasts = sample_db.execute(
        "select count(*) from marts.projectie where is_prognose and segment = 'totaal'"
    ).fetchone()
    assert forecasts == (12,)  # 2024Q1 .. 2026Q4


def test_needed_pace_and_target_quarter(sample_db):
    needed, last, target = sample_db.execute(
        "select any_value(benodigd_tempo_per_kwartaal_2025), any_value(laatste_kwartaal), "
        "max(doel) filter (where kwartaal = '2025Q4') from marts.projectie where segment = 'overheid'"
    ).fetchone()
    assert last == "2023Q4" and target == 25000
    latest = sample_db.execute(
        "select gerealiseerd from marts.projectie where segment = 'overheid' and kwartaal = '2023Q4'"
    ).fetchone()[0]
    assert latest == 11634  # the official 2023 level (totaal - markt), not the quarterly estimate
    assert needed == round((25000 - latest) / 8)


def test_rolling_origin_backtest_on_the_samples(sample_db):
    rows = sample_db.execute(
        "select segment, methode, count(distinct oorsprong), min(oorsprong), max(oorsprong), min(horizon), "
        "max(horizon), count(distinct oorsprong) filter (where voor_keuze), max(oorsprong) filter (where voor_keuze) "
        "from marts.projectie_backtest group by all order by all"
    ).fetchall()
    assert len(rows) == 9  # 3 segments x 3 methods
    # origins: 12 quarters of history (2015Q4..2018Q3) up to the last but one (2023Q3); the rule
    # chooses on those whose eighth horizon ends before 2022Q1
    assert {r[2:] for r in rows} == {(21, "2018Q3", "2023Q3", 1, 8, 6, "2019Q4")}


def test_one_published_method_per_segment_chosen_by_its_score(sample_db):
    published = sample_db.execute(
        "select segment, any_value(methode), count(*), count(distinct methode) "
        "from marts.projectie_kalibratie where gepubliceerd group by segment order by segment"
    ).fetchall()
    assert [r[0] for r in published] == ["markt", "overheid", "totaal"]
    assert {r[2:] for r in published} == {(8, 1)}
    for segment, method, _n, _m in published:
        lowest = sample_db.execute(
            "select methode from marts.projectie_kalibratie where segment = ? and banden = 'eigen' "
            "group by methode order by any_value(keuze_score), methode limit 1",
            [segment],
        ).fetchone()[0]
        assert method == lowest
    methods = sample_db.execute("select distinct methode from marts.projectie").fetchall()
    assert all(m[0].split(":")[0] in {r[1] for r in published} for m in methods)


def test_chance_of_reaching_the_target(sample_db):
    rows = sample_db.execute(
        "select d.segment, d.kwartaal, d.doel, d.verwacht, d.kans_doel_bereikt, p.verwacht "
        "from marts.projectie_doel d join marts.projectie p using (segment, kwartaal) order by all"
    ).fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (s, q, t)
        for s, t in (("markt", 100000), ("overheid", 25000), ("totaal", 125000))
        for q in ("2025Q4", "2026Q4")
    ]
    for _s, _q, _t, expected, chance, projected in rows:
        assert expected == projected and 0 <= chance <= 1
    chances = {(r[0], r[1]): r[4] for r in rows}
    # government projects about 12,500 of 25,000: no real chance; later quarters have the larger chance
    assert chances[("overheid", "2026Q4")] < 0.01
    assert chances[("markt", "2025Q4")] <= chances[("markt", "2026Q4")]


def test_published_national_quarterly_figures_are_reproduced(sample_db):
    statuses = sample_db.execute(
        "select status, count(*) from marts.reconciliatie where bron = 'published_quarterly' group by status"
    ).fetchall()
    assert statuses == [("gelijk", 78)]
    revised = sample_db.execute(
        "select warehouse, berekend_uit from marts.reconciliatie "
        "where bron = 'published_quarterly' and periode = '2020Q2' and maat = 'extra_banen_totaal'"
    ).fetchone()
    assert revised[0] == 58267 and "since revised; current: 58301" in revised[1]


def test_jaarmeting_overheid_equals_the_sum_of_sectors(sample_db):
    rows = sample_db.execute(
        "select status from marts.reconciliatie where bron = 'published_jaarmeting' and maat = 'extra_banen_overheid'"
    ).fetchall()
    assert rows and {r[0] for r in rows} == {"gelijk"}


def test_exports_are_readable_by_another_process_while_the_warehouse_is_held(sample_run):
    settings = sample_run[0]
    reader = (
        "import json, pathlib, sys, pyarrow.parquet as pq\n"
        "root = pathlib.Path(sys.argv[1])\n"
        "manifest = json.loads((root / 'manifest.json').read_text())\n"
        "for t in manifest['tables']:\n"
        "    assert pq.read_table(root / t['path']).num_rows == t['rows'], t['table']\n"
        "print(len(manifest['tables']))\n"
    )
    with Warehouse(settings.warehouse).writer() as con:  # as a run holds it
        con.execute("begin transaction")
        done = subprocess.run(
            [sys.executable, "-c", reader, str(settings.exports)], capture_output=True, text=True, timeout=60
        )
        con.execute("rollback")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(len(marts.names()))
