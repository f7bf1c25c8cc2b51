"""The official measure: the jaarmeting as printed or derived, its nowcast and the backtest that tests
it, and the official series per quarter the projections fit on."""

import csv
import math
import shutil

import duckdb
import pandas as pd
import pytest

from banen_pipeline import intervals
from banen_pipeline.official import measure as official
from banen_pipeline.projections import projection
from banen_pipeline.quarters import Quarter, quarter_range

from .broken import uwv_xlsx
from .conftest import REFERENCE, SAMPLES, copy_sample_warehouse, run, settings_for

YEARS = list(range(2015, 2023))


def _fixture(shift: dict[int, float] | None = None):
    """A small world: the Q4 estimate grows 1,000 a year; the jaarmeting is 500 above it for markt
    and 300 below it for overheid, plus ``shift`` in some years."""
    shift = shift or {}
    q4 = {y: {"markt": 10_000.0 + 1_000 * (y - 2015), "overheid": 2_000.0 + 100 * (y - 2015)} for y in YEARS}
    for values in q4.values():
        values["totaal"] = values["markt"] + values["overheid"]
    annual = {
        "markt": {y: q4[y]["markt"] + 500 + shift.get(y, 0) for y in YEARS},
        "overheid": {y: q4[y]["overheid"] - 300 for y in YEARS},
    }
    annual["totaal"] = {y: annual["markt"][y] + annual["overheid"][y] for y in YEARS}
    return annual, q4


def test_the_rule_uses_the_first_bridge_until_it_has_three_years_then_the_lowest_error():
    few = {"gemiddeld_verschil": [9.0, 9.0], "vorig_verschil": [1.0, 1.0], "geen_correctie": [0.0, 0.0]}
    assert official.choose(few) == "gemiddeld_verschil"
    enough = {b: errors + [errors[-1]] for b, errors in few.items()}
    assert official.choose(enough) == "geen_correctie"
    tie = {
        "gemiddeld_verschil": [1.0, -1.0, 1.0],
        "vorig_verschil": [-1.0, 1.0, 1.0],
        "geen_correctie": [5.0] * 3,
    }
    assert official.choose(tie) == "gemiddeld_verschil"  # ties go to the earlier bridge


def test_a_constant_difference_is_nowcast_exactly_once_learned():
    annual, q4 = _fixture()
    rows = official.backtest(annual, q4)
    ruled = [r for r in rows if r["methode"] == official.BY_RULE]
    assert sorted({r["jaar"] for r in ruled}) == YEARS[1:]
    assert all(abs(r["fout"]) < 1e-9 for r in ruled)
    uncorrected = [r for r in rows if r["methode"] == "geen_correctie" and r["segment"] == "markt"]
    assert {round(r["fout"]) for r in uncorrected} == {-500}


def test_the_backtest_never_uses_a_jaarmeting_from_the_year_it_nowcasts_or_later():
    annual, q4 = _fixture()
    poisoned, _ = _fixture(shift={2021: 50_000, 2022: 90_000})
    before = {(r["jaar"], r["segment"], r["methode"]): r for r in official.backtest(annual, q4)}
    after = {(r["jaar"], r["segment"], r["methode"]): r for r in official.backtest(poisoned, q4)}
    for key, row in before.items():
        year = key[0]
        if year <= 2021:  # made before 2021's jaarmeting existed: the same nowcast and interval
            assert after[key]["nowcast"] == row["nowcast"]
            assert after[key]["ondergrens_80"] == row["ondergrens_80"]
        if year == 2022 and key[1] != "overheid" and key[2] != "geen_correctie":  # 2021's is history then
            assert after[key]["nowcast"] != row["nowcast"]


def test_the_interval_needs_four_errors_for_its_empirical_form():
    assert intervals.min_for_empirical(0.80) == 4
    assert intervals.min_for_empirical(0.95) == 19
    assert intervals.halfwidth([5.0], 0.8) == (None, intervals.TOO_FEW)
    wide, kind = intervals.halfwidth([100.0, -100.0], 0.8)
    assert kind == intervals.T_APPROXIMATION and wide > 300  # t with 1 df: far wider than the errors
    assert intervals.halfwidth([1.0, -2.0, 3.0, -4.0], 0.8) == (4.0, intervals.EMPIRICAL)
    assert intervals.coverage_standard_error(0.8, 10) == pytest.approx(0.126, abs=0.001)


def test_the_quarterly_official_series_meets_every_jaarmeting_and_moves_linearly_between():
    annual, q4 = _fixture()
    annual["markt"][2016] += 400  # the difference moves from +500 (2015) to +900 (2016)
    quarters = quarter_range(Quarter(2015, 4), Quarter(2017, 2))
    indicator = pd.DataFrame(
        {
            "markt": [10_000.0 + 250 * i for i in range(len(quarters))],
            "overheid": [2_000.0 + 25 * i for i in range(len(quarters))],
        },
        index=quarters,
    )
    indicator["totaal"] = indicator["markt"] + indicator["overheid"]
    herkomst = {s: dict.fromkeys(YEARS, "gepubliceerd") for s in official.SEGMENTS}
    q4 = {y: {c: indicator.at[Quarter(y, 4), c] for c in indicator} for y in (2015, 2016)}
    values, kinds = official.quarterly(indicator, annual, q4, herkomst, known=[2015, 2016])
    assert values.at[Quarter(2015, 4), "markt"] == annual["markt"][2015]
    assert values.at[Quarter(2016, 4), "markt"] == annual["markt"][2016]
    assert values.at[Quarter(2016, 2), "markt"] == indicator.at[Quarter(2016, 2), "markt"] + 700  # halfway
    assert kinds.at[Quarter(2016, 2), "markt"] == "geinterpoleerd"
    # after the last jaarmeting: the nowcast, with the bridge learned from 2015-2016
    bridge = official.bridges(annual, q4, [2015, 2016])["markt"]
    assert kinds.at[Quarter(2017, 2), "markt"] == "nowcast"
    assert values.at[Quarter(2017, 2), "markt"] == indicator.at[Quarter(2017, 2), "markt"] + bridge.correctie
    # knowing only 2015, everything after 2015Q4 is a nowcast
    _values, early = official.quarterly(indicator, annual, q4, herkomst, known=[2015])
    assert set(early["markt"].iloc[1:]) == {"nowcast"}


def _printed() -> dict[tuple[int, str], int]:
    with open(REFERENCE / "published_jaarmeting.csv", newline="") as f:
        return {
            (int(row["jaar"]), segment): int(row[f"extra_banen_{segment}"])
            for row in csv.DictReader(f)
            for segment in ("overheid", "markt", "totaal")
            if row[f"extra_banen_{segment}"]
        }


def test_the_official_series_is_every_printed_jaarmeting_and_what_they_imply(sample_db):
    rows = {
        (int(p), s): (w, h, a)
        for p, s, w, h, a in sample_db.execute(
            "select periode, segment, waarde, herkomst, afleiding from marts.officiele_meting where kwartaal is null"
        ).fetchall()
    }
    printed = _printed()
    assert len(printed) == 27
    for key, value in printed.items():
        assert rows[key] == (value, "gepubliceerd", None), key
    assert rows[(2023, "overheid")] == (11634, "gepubliceerd", None)  # printed in July 2024 (gemeente.nu)
    assert rows[(2017, "totaal")] == (36904, "gepubliceerd", None)  # quotumwet.nl; 6471 + 30432 = 36903
    assert len(rows) == 27
    # the samples end with the quarter of the last jaarmeting: nothing to nowcast
    assert sample_db.execute(
        "select count(*) from marts.officiele_meting where herkomst = 'nowcast'"
    ).fetchone() == (0,)


def test_the_official_ratio_is_the_jaarmetings(sample_db):
    ratios = dict(
        sample_db.execute(
            "select kwartaal, (verhouding_officieel, herkomst_officieel) from marts.markt_overheid "
            "where verhouding_officieel is not null"
        ).fetchall()
    )
    assert ratios["2023Q4"] == (round(74031 / 11634, 2), "gepubliceerd") == (6.36, "gepubliceerd")
    assert ratios["2015Q4"] == (round(15604 / 5453, 2), "gepubliceerd") == (2.86, "gepubliceerd")
    assert set(ratios) == {f"{y}Q4" for y in range(2015, 2024)}
    # the SEO-key estimate stays, named as the quarterly estimate it is
    estimate = sample_db.execute(
        "select verhouding_kwartaalschatting from marts.markt_overheid where kwartaal = '2023Q4'"
    ).fetchone()[0]
    assert estimate == 7.17 != ratios["2023Q4"][0]


def test_the_nowcast_backtest_covers_2016_to_2023_with_its_mean_absolute_error(sample_db):
    rows = sample_db.execute(
        "select segment, min(jaar), max(jaar), count(*), any_value(gemiddelde_absolute_fout), avg(abs(fout)), "
        "max(n_eerdere_fouten - (jaar - 2016)) from marts.nowcast_backtest where methode = 'volgens_regel' "
        "group by segment order by segment"
    ).fetchall()
    assert [r[:4] for r in rows] == [(s, 2016, 2023, 8) for s in ("markt", "overheid", "totaal")]
    for _s, _first, _last, _n, mae, recomputed, extra in rows:
        assert mae == pytest.approx(recomputed, abs=0.6)
        assert extra == 0  # each year's interval rests only on the years before it
    mae = {r[0]: r[4] for r in rows}
    assert 500 < mae["totaal"] < mae["markt"] < mae["overheid"] < 2_000


def test_projections_start_from_the_official_level_and_say_so(sample_db):
    last = sample_db.execute(
        "select segment, kwartaal, gerealiseerd, herkomst from marts.projectie where not is_prognose "
        "qualify row_number() over (partition by segment order by kwartaal desc) = 1 order by segment"
    ).fetchall()
    assert last == [
        ("markt", "2023Q4", 74031, "gepubliceerd"),
        ("overheid", "2023Q4", 11634, "gepubliceerd"),
        ("totaal", "2023Q4", 85665, "gepubliceerd"),
    ]
    assert sample_db.execute("select distinct meting from marts.projectie").fetchall() == [("officieel",)]
    assert sample_db.execute("select distinct meting from marts.projectie_doel").fetchall() == [
        ("officieel",)
    ]


def test_each_backtest_origin_saw_only_the_jaarmetingen_published_by_then(sample_db):
    inputs = official.read_inputs(sample_db)
    found, _herkomst = projection.tracks(inputs)
    overheid = found["overheid"]
    at_2019q4 = overheid.histories[Quarter(2019, 4)]
    assert at_2019q4[Quarter(2018, 4)] == 7940  # published in July 2019
    assert at_2019q4[Quarter(2019, 4)] != 9786  # published in July 2020: a nowcast then
    assert overheid.known[Quarter(2019, 4)] == Quarter(2018, 4)
    assert overheid.known[Quarter(2020, 1)] == Quarter(2018, 4)
    assert overheid.known[Quarter(2020, 2)] == Quarter(2019, 4)


def test_coverage_is_measured_out_of_time_and_differs_by_segment_and_horizon(sample_db):
    rows = sample_db.execute(
        "select segment, horizon, n, dekking_80, dekking_80_se from marts.projectie_kalibratie "
        "where gepubliceerd order by segment, horizon"
    ).fetchall()
    assert len(rows) == 24
    for _segment, _h, n, cover, se in rows:
        assert (cover is None) == (n == 0)
        if n:
            assert se == pytest.approx(math.sqrt(0.8 * 0.2 / n), abs=1e-4)
    assert len({(r[3], r[2]) for r in rows}) > 10  # not one figure for every segment and horizon
    ns = [r[2] for r in rows if r[0] == "markt"]
    assert ns == sorted(ns, reverse=True) and ns[0] > ns[-1]  # fewer outcomes further ahead
    # on the samples the government bands would have been too narrow: the 2022 fall surprised them
    overheid = [r for r in rows if r[0] == "overheid" and r[1] <= 4]
    assert all(r[3] < 0.8 - 2 * r[4] for r in overheid)


@pytest.mark.slow
def test_new_quarters_after_the_last_jaarmeting_get_nowcasts_without_code_changes(sample_run, tmp_path):
    landing = tmp_path / "landing"
    shutil.copytree(SAMPLES, landing)
    for quarter in (1, 2):
        (landing / "uwv" / f"Dashboard_Banenafspraak_export_2024-Q{quarter}.xlsx").write_bytes(
            uwv_xlsx(2024, quarter)
        )
    settings = copy_sample_warehouse(sample_run, settings_for(tmp_path, landing))
    code, _summary = run(settings)
    assert code == 0
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        nowcasts = con.execute(
            "select periode, segment, waarde, ondergrens_80, bovengrens_80, band from marts.officiele_meting "
            "where herkomst = 'nowcast' order by all"
        ).fetchall()
        assert [(p, s) for p, s, *_ in nowcasts] == [
            (q, s) for q in ("2024Q1", "2024Q2") for s in ("markt", "overheid", "totaal")
        ]
        for _p, _s, value, low, high, band in nowcasts:
            assert low < value < high and band == "empirisch"
        ratio = con.execute(
            "select verhouding_officieel, herkomst_officieel from marts.markt_overheid where kwartaal = '2024Q2'"
        ).fetchone()
        assert ratio[0] > 0 and ratio[1] == "nowcast"
        start = con.execute(
            "select distinct laatste_kwartaal from marts.projectie where segment = 'overheid'"
        ).fetchall()
        assert start == [("2024Q2",)]
        herkomst = con.execute(
            "select herkomst from marts.projectie where segment = 'overheid' and kwartaal = '2024Q2'"
        ).fetchone()
        assert herkomst == ("nowcast",)
