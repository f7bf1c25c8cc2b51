"""A rule a delivery must meet lives not only in its suite: each rule here has a delivery that breaks
it and no other, sent through the delivery step (``ingest.deliver`` on a fresh warehouse, no Dagster
run), which must reject it naming the rule. Without such a case a rule could leave a suite, or turn
into a warning, with every test still green (``make mutate`` keeps the proof)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from banen_pipeline.config import DEFAULTS
from banen_pipeline.db import Warehouse
from banen_pipeline.deliveries import Status
from banen_pipeline.ingest import deliver, load_regions
from banen_pipeline.reference import load_reference
from banen_pipeline.validation import validator_for

from .broken import csv_figure, csv_shifted
from .conftest import REFERENCE, SAMPLES, UWV


def _deliver(tmp_path: Path, name: str, data: bytes):
    """The one delivery ``name`` through the delivery step on a fresh warehouse: its outcome."""
    landing = tmp_path / "landing"
    (landing / name).parent.mkdir(parents=True)
    (landing / name).write_bytes(data)
    warehouse = Warehouse(tmp_path / "banen.duckdb")
    with warehouse.writer() as con:
        warehouse.init_schema(con)
        load_reference(con, REFERENCE)
        batch = deliver(
            con, landing, load_regions(REFERENCE), None, validator_for(DEFAULTS["expectations"]), "t"
        )
        current = con.execute("SELECT count(*) FROM staging.uwv_kwartaal").fetchone()[0]
        current += con.execute("SELECT count(*) FROM staging.sector_rapportage").fetchone()[0]
    [outcome] = batch.outcomes
    return outcome, current


def test_a_negative_absolute_count_is_rejected(tmp_path):
    """Rule "absolute count banen_totaal is never negative" (staging_uwv_kwartaal): the readers take
    negatives by design (extra banen can be negative), so only the suite stands between them and the
    marts. Achterhoek's banen_totaal becomes -100 and the national row follows, so the regions still
    add up and nothing else is broken."""
    moved = -(csv_figure("AM09", 8) + 100)  # Achterhoek's banen_totaal to -100
    data = csv_shifted({("AM09", 8): moved, ("NL", 8): moved})
    outcome, loaded = _deliver(tmp_path, "uwv/UWV_Trendrapportage_Banenafspraak_2019K2.csv", data)
    assert outcome.status == Status.AFGEWEZEN and loaded == 0
    assert "absolute count banen_totaal is never negative" in outcome.reden
    assert "add up" not in outcome.reden  # that rule and no other


def _sector_report(edit) -> bytes:
    rows = list(csv.reader(io.StringIO((SAMPLES / "sectoren" / "Voortgangsrapportage_publieke_sectoren_2019.csv")
                                       .read_text(encoding="utf-8"))))  # fmt: skip
    edit(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("surplus", [50, -50])
def test_sector_targets_that_miss_the_government_target_are_rejected(tmp_path, surplus):
    """Rule "the targets add up to the government target of the year" (staging_sector_rapportage):
    one sector's target moves by 50 and nothing else changes (the realisations still add up to the
    jaarmeting, every target stays >= 0)."""

    def edit(rows):
        gemeenten = next(r for r in rows if r[0] == "Gemeenten")
        gemeenten[2] = str(int(gemeenten[2]) + surplus)

    outcome, loaded = _deliver(
        tmp_path, "sectoren/Voortgangsrapportage_publieke_sectoren_2019.csv", _sector_report(edit)
    )
    assert outcome.status == Status.AFGEWEZEN and loaded == 0
    assert "the targets add up to the government target of the year" in outcome.reden
    assert "jaarmeting" not in outcome.reden.split("the targets add up")[0]


def test_the_unbroken_deliveries_load(tmp_path):
    """The same step takes the samples these cases start from: a rejection above is the rule's."""
    outcome, loaded = _deliver(tmp_path / "sector", "sectoren/Voortgangsrapportage_publieke_sectoren_2019.csv",
                               _sector_report(lambda rows: None))  # fmt: skip
    assert outcome.status == Status.GELADEN and loaded == 13
    outcome, loaded = _deliver(tmp_path / "uwv", "uwv/UWV_Trendrapportage_Banenafspraak_2019K2.csv",
                               (UWV / "UWV_Trendrapportage_Banenafspraak_2019K2.csv").read_bytes())  # fmt: skip
    assert outcome.status == Status.GELADEN and loaded == 36
