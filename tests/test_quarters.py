import datetime as dt

import pytest

from banen_pipeline.quarters import Quarter, latest_published_quarter, parse_quarter, publication_due


@pytest.mark.parametrize("text", ["2019Q3", "2019K3", "2019-Q3", "2019 Q3", "2019_Q3", " 2019 k3 "])
def test_every_written_form_parses_to_the_same_quarter(text):
    assert parse_quarter(text) == Quarter(2019, 3)
    assert str(parse_quarter(text)) == "2019Q3"


@pytest.mark.parametrize("text", ["2019Q5", "2019", "Q3 2019", "2019-09"])
def test_non_quarters_are_refused(text):
    with pytest.raises(ValueError):
        parse_quarter(text)


def test_quarter_from_its_last_day_only():
    assert Quarter.ending_on(dt.date(2019, 9, 30)) == Quarter(2019, 3)
    with pytest.raises(ValueError):
        Quarter.ending_on(dt.date(2019, 9, 29))


def test_publication_lag_matches_the_samples():
    # 2023Q4 was published on 14-04-2024, 2019Q3 on 13-01-2020: due mid-month, 3.5 months after the end.
    assert publication_due(Quarter(2023, 4)) == dt.date(2024, 4, 15)
    assert publication_due(Quarter(2019, 3)) == dt.date(2020, 1, 15)
    assert latest_published_quarter(dt.date(2024, 4, 16)) == Quarter(2023, 4)
    assert latest_published_quarter(dt.date(2024, 4, 14)) == Quarter(2023, 3)
    assert latest_published_quarter(dt.date(2026, 11, 22)) == Quarter(2026, 2)
