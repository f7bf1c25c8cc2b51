"""The projection method on synthetic series with known properties: rolling origins that never look
ahead, a selection rule that is deterministic, and bands that cover what they say."""

import numpy as np
import pandas as pd
import pytest

from banen_pipeline import projections
from banen_pipeline.quarters import Quarter, quarter_range


def _series(values) -> pd.Series:
    quarters = quarter_range(Quarter(2015, 4), Quarter(2015, 4).shift(len(values) - 1))
    return pd.Series(np.asarray(values, dtype=float), index=quarters)


@pytest.fixture(scope="module")
def linear():
    """A linear trend with independent normal noise: 32 quarters, 13 rolling origins."""
    rng = np.random.default_rng(20)
    t = np.arange(32)
    series = _series(1000 + 50 * t + rng.normal(0, 60, size=len(t)))
    return series, projections.segment_projection(series, "test")


def test_origins_have_twelve_quarters_of_history_and_eight_observed_horizons(linear):
    series, result = linear
    backtest = result["backtest"]
    origins = sorted(backtest["oorsprong"].unique())
    assert origins[0] == str(series.index[11]) and origins[-1] == str(series.index[-9])
    assert len(origins) == len(series) - 12 - 8 + 1
    assert set(backtest.groupby(["methode", "oorsprong"]).size()) == {8}
    chosen_from = sorted(backtest.loc[backtest["voor_keuze"], "oorsprong"].unique())
    # the rule never sees the last 8 quarters: the eighth horizon of its last origin ends before them
    assert Quarter.from_index(max(q.index for q in map(_quarter, chosen_from)) + 8) < series.index[-8]


def _quarter(text: str) -> Quarter:
    return Quarter(int(text[:4]), int(text[-1]))


def test_bands_cover_their_level_on_a_linear_trend_with_noise(linear):
    _series_, result = linear
    published = [row for row in result["kalibratie"] if row["gepubliceerd"]]
    assert len(published) == 8
    cover80 = np.mean([row["dekking_80"] for row in published])
    cover95 = np.mean([row["dekking_95"] for row in published])
    assert 0.70 <= cover80 <= 0.90
    assert 0.85 <= cover95 <= 1.0
    # on a correctly specified series the OLS method's own bands already cover about right
    own = [r for r in result["kalibratie"] if r["methode"] == "ols_trend_kwartaal" and r["banden"] == "eigen"]
    assert 0.65 <= np.mean([r["dekking_80"] for r in own]) <= 0.95


def test_no_fit_reads_data_after_its_origin():
    series = _series(1000 + 40 * np.arange(24) + np.sin(np.arange(24)) * 30)
    seen = []

    def spy(method, train, steps, start=None):
        origin = train.index[-1]
        position = list(series.index).index(origin)
        assert train.equals(series.iloc[: position + 1]), "a fit got more than the history up to its origin"
        seen.append((method, origin))
        return projections.fit_forecast(method, train, steps, start)

    backtest, _params = projections.rolling_backtest(series, "test", fit=spy)
    assert len(seen) == 3 * len(backtest["oorsprong"].unique())
    # and the projections from an origin do not change when everything after it is replaced
    origin = 13
    poisoned = series.copy()
    poisoned.iloc[origin + 1 :] = 1e9
    again, _params = projections.rolling_backtest(poisoned, "test")
    mine = backtest["oorsprong"] == str(series.index[origin])
    pd.testing.assert_series_equal(
        backtest.loc[mine, "voorspeld"].reset_index(drop=True),
        again.loc[again["oorsprong"] == str(series.index[origin]), "voorspeld"].reset_index(drop=True),
    )


def test_selection_rule_is_deterministic_and_uses_only_the_early_origins():
    rows = []
    for method, early, late in (
        ("ols_trend_kwartaal", 2.0, 9.0),
        ("ets_gedempt", 1.0, 0.1),
        ("lokaal_lineair", 1.0, 0.1),
    ):
        rows += [{"methode": method, "geschaalde_fout": early, "voor_keuze": True}] * 4
        rows += [{"methode": method, "geschaalde_fout": late, "voor_keuze": False}] * 4
    frame = pd.DataFrame(rows)
    first = projections.choose_method(frame)
    assert first == projections.choose_method(frame.sample(frac=1, random_state=3))
    # a tie between ets_gedempt and lokaal_lineair goes to the earlier in METHODS; the late origins
    # (where ols is worst and the others best) do not count
    assert first[0] == "ets_gedempt"
    assert first[1] == {"ols_trend_kwartaal": 2.0, "ets_gedempt": 1.0, "lokaal_lineair": 1.0}


def test_conformal_quantile_and_chance():
    scores = np.arange(1, 11, dtype=float)  # 1..10
    assert projections.conformal_quantile(scores, 0.80) == 9.0  # ceil(11 * 0.8) = 9th smallest
    assert projections.conformal_quantile(scores, 0.95) == 10.0  # ceil(11 * 0.95) = 11 > n: the largest
    assert projections._chance_at_least(100.0, 100.0, 10.0) == pytest.approx(0.5)
    assert projections._chance_at_least(100.0, 100.0 + 10.0 * projections.Z80, 10.0) == pytest.approx(0.9)
    assert projections._chance_at_least(None, 1.0, 1.0) is None


def test_unchanged_inputs_fit_nothing(sample_run, tmp_path, monkeypatch):
    import shutil

    import duckdb

    from banen_pipeline import marts, worker

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(sample_run[0].warehouse, copy)
    con = duckdb.connect(str(copy))
    before = con.execute("SELECT count(*) FROM meta.berekeningen").fetchone()[0]
    calls = []
    monkeypatch.setattr(worker.Worker, "call", lambda self, *a: calls.append(a))
    for name in projections.MARTS:
        assert marts.build_mart(con, name) > 0
    assert calls == []  # nothing was sent to the worker to fit
    assert con.execute("SELECT count(*) FROM meta.berekeningen").fetchone()[0] == before == 4
    # a changed input (one more target year) makes it fit again
    monkeypatch.undo()
    con.execute("UPDATE referentie.doelen SET doel_markt = doel_markt + 1 WHERE jaar = 2026")
    assert projections.build(con, "projectie_doel") is True
    assert con.execute(
        "SELECT doel FROM marts.projectie_doel WHERE segment = 'markt' LIMIT 1"
    ).fetchone() == (100001,)
