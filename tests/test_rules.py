"""Every rule a delivery must meet is proven by a delivery that breaks it.

The cases are found from the suites, not from a list kept beside them: each critical expectation of
every staging suite (``expectations/staging_*.json``, and ``microdata_steekproef``, the rules of the
payroll extract's rows) is a test here. A critical expectation without a case in :data:`CASES` fails
its test, naming it. The quick :func:`test_the_cases_are_the_suites_rules` (in ``make test-fast``,
no delivery sent) fails on a rule without a case, a case without a rule, or a rule whose severity
differs from its case's.

A case is one of:

- :class:`Breaks`: a delivery made from a sample that breaks that rule and no other (sums and totals
  still agree where another rule checks them), sent through the delivery step (``ingest.deliver``) on
  a small loaded warehouse. It must be ``afgewezen`` with the rule's description in the reason, the
  validation naming only that rule (and those ``also`` names, where breaking it alone is impossible),
  and the warehouse unchanged but for the rejection's record. For a warning: the delivery loads and
  its warnings name the rule.
- :class:`Guarded`: a delivery cannot reach the rule, because the reader, or another rule checked
  first, rejects what would break it (``by``), or the loader writes the column itself (no delivery).
  The delivery is rejected naming ``by``; and the rule itself is shown to hold the staging table: one
  row of it broken in a rolled-back transaction (``breaking.break_table``; in the suite's frame where
  a NOT NULL constraint of the table refuses the row) fails the table's suite.

The mart suites follow at the end: each critical rule of each mart, broken in one row of a copy of
the sample warehouse (or, for a column only the suite's frame computes, in the frame), fails the
mart's check naming the rule.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pytest

from banen_pipeline import microdata
from banen_pipeline.config import DEFAULTS
from banen_pipeline.db import Warehouse
from banen_pipeline.deliveries import MICRODATA_FOLDER, Status
from banen_pipeline.ingest import Batch, deliver, load_regions
from banen_pipeline.reference import load_reference
from banen_pipeline.validation import Request, suite_asset, validator_for

from . import breaking
from .broken import (
    EXTRACT_FILE,
    RIJK_FILE,
    SECTOR_FILE,
    STEEKPROEF,
    UWV_FILE,
    csv_figure,
    csv_shifted,
    extract_row_broken,
    rijk_cells,
    rijk_moved,
    rijk_set,
    rijk_shifted,
    sector_cell,
    sector_merged,
    sector_moved,
    sector_shifted,
    sector_split,
    uwv_cell,
    uwv_in_three_regions,
    uwv_lines,
    uwv_shifted,
)
from .conftest import REFERENCE, SAMPLES, table_checksums

BASE = [  # the small warehouse every case starts from: the quarter (year) before each case's file
    "uwv/UWV_Trendrapportage_Banenafspraak_2019K1.csv",
    "sectoren/Voortgangsrapportage_publieke_sectoren_2018.csv",
    "rijk/Monitor_Banenafspraak_Rijk_2019_Q1.xlsx",
]
EXTRACT_QUARTERS = ("2012Q4", "2016Q1")
EXTRACT_ROWS = 1500
"""Rows per quarter of the small payroll extract: all of them fit in its suite's sample of 5,000."""


# -- the cases ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Breaks:
    """A delivery to ``path`` (built by ``build``) that breaks the rule; ``also``: the rules that
    break with it whatever the delivery (``doelgroep_personen`` below 0 puts ``werkzame_personen``,
    never negative, above it). For the payroll extract ``build`` edits the small extract in place."""

    path: str
    build: Callable
    also: tuple[str, ...] = ()
    severity: str = "critical"


@dataclass(frozen=True)
class Guarded:
    """No delivery reaches the rule: the rule ``by`` rejects it first (a reader's, or one of the
    extract's suite ``microdata_steekproef``), or the loader writes the column (``build`` None)."""

    by: str
    path: str | None = None
    build: Callable | None = None
    severity = "critical"


LOADER = "the loader writes it"
FOLDER = "the extract's folder name kwartaal=... gives it"
GROUPED = "the aggregation's GROUP BY gives it (a cell exists because a person is in it)"
NL = "NL"


def _extract_guard(rule: str) -> Guarded:
    return Guarded(rule, EXTRACT_FILE, extract_row_broken(STEEKPROEF, rule))


CASES: dict[tuple[str, str], Breaks | Guarded] = {
    # UWV's quarterly trend report (CSV, 2019 Q2; the base holds 2019 Q1)
    ("staging_uwv_kwartaal", "kwartaal is always filled"): Guarded(
        "expected 'Stand per DD-MM-YYYY'", UWV_FILE, uwv_lines(lambda lines: lines.__setitem__(1, ";" * 8))
    ),
    ("staging_uwv_kwartaal", "regiocode is always filled"): Guarded(
        "unknown regiocode ''", UWV_FILE, uwv_lines(uwv_cell("AM09", 1, ""))
    ),
    ("staging_uwv_kwartaal", "bestand is always filled"): Guarded(LOADER),
    ("staging_uwv_kwartaal", "publicatiedatum is always filled"): Guarded(
        "expected 'Publicatiedatum: DD-MM-YYYY'",
        UWV_FILE,
        uwv_lines(lambda lines: lines.__setitem__(2, ";" * 8)),
    ),
    ("staging_uwv_kwartaal", "one row per (kwartaal, regiocode, version)"): Guarded(
        "appears twice", UWV_FILE, uwv_lines(lambda lines: lines.insert(6, lines[5]))
    ),
    ("staging_uwv_kwartaal", "the categories add up to the total within 2 banen per row"): Breaks(
        UWV_FILE, uwv_shifted({("AM09", 6): 10, (NL, 6): 10})
    ),
    **{
        ("staging_uwv_kwartaal", f"the 35 regions add up to the NL row within 2 in column {name}"): Breaks(
            UWV_FILE, build
        )
        for name, build in {
            "doelgroep_personen": uwv_shifted({(NL, 2): 10}),
            "werkzame_personen": uwv_shifted({(NL, 3): -10}),
            "extra_banen_regulier_overheid": uwv_in_three_regions(4),
            "extra_banen_regulier_markt": uwv_in_three_regions(5),
            "extra_banen_inleen": uwv_in_three_regions(6),
            "extra_banen_totaal": uwv_in_three_regions(7),
            "banen_totaal": uwv_shifted({(NL, 8): 10}),
        }.items()
    },
    ("staging_uwv_kwartaal", "absolute count doelgroep_personen is never negative"): Breaks(
        UWV_FILE,
        lambda: csv_shifted({(code, 2): -(csv_figure("AM09", 2) + 100) for code in ("AM09", NL)}),
        also=("werkzame_personen <= doelgroep_personen",),
    ),
    ("staging_uwv_kwartaal", "absolute count werkzame_personen is never negative"): Breaks(
        UWV_FILE, lambda: csv_shifted({(code, 3): -(csv_figure("AM09", 3) + 100) for code in ("AM09", NL)})
    ),
    ("staging_uwv_kwartaal", "absolute count banen_totaal is never negative"): Breaks(
        UWV_FILE, lambda: csv_shifted({(code, 8): -(csv_figure("AM09", 8) + 100) for code in ("AM09", NL)})
    ),
    ("staging_uwv_kwartaal", "werkzame_personen <= doelgroep_personen"): Breaks(
        UWV_FILE,
        lambda: csv_shifted(
            {(c, 3): csv_figure("AM09", 2) - csv_figure("AM09", 3) + 10 for c in ("AM09", NL)}
        ),
    ),
    ("staging_uwv_kwartaal", "the publication date falls after the end of the quarter"): Breaks(
        UWV_FILE, uwv_shifted({}, published="15-06-2019")
    ),
    (
        "staging_uwv_kwartaal",
        "the national total moves by at most 15% against the previous current quarter",
    ): Breaks(
        UWV_FILE,  # a fifth more regulier markt in Achterhoek, and so in the totals
        lambda: csv_shifted({(c, k): csv_figure(NL, 7) // 5 for c in ("AM09", NL) for k in (5, 7)}),
        severity="warning",
    ),
    # the yearly report of the 13 public sectors (CSV, 2019; the base holds 2018)
    ("staging_sector_rapportage", "jaar is always filled"): Guarded(
        "'' in column 'Jaar' is not a number", SECTOR_FILE, sector_cell("Provincies", 1, "")
    ),
    ("staging_sector_rapportage", "sector is always filled"): Guarded(
        "sector", SECTOR_FILE, sector_cell("Provincies", 0, "")
    ),
    ("staging_sector_rapportage", "bestand is always filled"): Guarded(LOADER),
    ("staging_sector_rapportage", "taakstelling is always filled"): Guarded(
        "not a number", SECTOR_FILE, sector_cell("Provincies", 2, "")
    ),
    ("staging_sector_rapportage", "realisatie is always filled"): Guarded(
        "not a number", SECTOR_FILE, sector_cell("Provincies", 3, "")
    ),
    ("staging_sector_rapportage", "only the 13 public sectors"): Guarded(
        "sector 'Gemeente' is not one of the 13 public sectors",
        SECTOR_FILE,
        sector_cell("Gemeenten", 0, "Gemeente"),
    ),
    ("staging_sector_rapportage", "the 13 sectors are present"): Guarded(
        "expected the 13 public sectors, missing Provincies", SECTOR_FILE, sector_merged()
    ),
    ("staging_sector_rapportage", "one row per (jaar, sector, version)"): Guarded(
        "sector 'Provincies' appears twice", SECTOR_FILE, sector_split()
    ),
    ("staging_sector_rapportage", "targets are >= 0"): Breaks(
        SECTOR_FILE, sector_moved(2, "Provincies", -10)
    ),
    (
        "staging_sector_rapportage",
        "the targets add up to the government target of the year (referentie.doelen)",
    ): Breaks(SECTOR_FILE, sector_shifted("Gemeenten", 2, 50)),
    (
        "staging_sector_rapportage",
        "the realisations add up to the published jaarmeting for government, where one exists",
    ): Breaks(SECTOR_FILE, sector_shifted("Gemeenten", 3, 50)),
    # the Rijk's quarterly monitor (XLSX, 2019 Q2; the base holds 2019 Q1)
    ("staging_rijk_monitor", "kwartaal is always filled"): Guarded(
        "Stand", RIJK_FILE, rijk_cells(lambda sheet: setattr(sheet.cell(2, 1), "value", None))
    ),
    ("staging_rijk_monitor", "organisatie is always filled"): Guarded(
        "organisation name is empty", RIJK_FILE, rijk_set("Algemene Zaken", 1, None)
    ),
    ("staging_rijk_monitor", "bestand is always filled"): Guarded(LOADER),
    ("staging_rijk_monitor", "one row per (kwartaal, organisatie, version)"): Guarded(
        "organisation 'Buitenlandse Zaken' appears twice",
        RIJK_FILE,
        rijk_set("Algemene Zaken", 1, "Buitenlandse Zaken"),
    ),
    (
        "staging_rijk_monitor",
        "the organisations add up to Totaal Rijk within 0.5 banen (realisatie)",
    ): Guarded(
        "'Totaal Rijk' realisatie 1872.7 differs from the sum of the organisations 1862.7 by more than 0.5 banen",
        RIJK_FILE,
        rijk_shifted("Totaal Rijk", 3, 10),
    ),
    (
        "staging_rijk_monitor",
        "the organisations add up to Totaal Rijk within 0.5 banen (taakstelling)",
    ): Guarded(
        "'Totaal Rijk' taakstelling 3541 differs from the sum of the organisations 3531 by more than 0.5 banen",
        RIJK_FILE,
        rijk_shifted("Totaal Rijk", 2, 10),
    ),
    ("staging_rijk_monitor", "targets are >= 0"): Breaks(RIJK_FILE, rijk_moved(2, -10)),
    ("staging_rijk_monitor", "realisation is >= 0"): Breaks(RIJK_FILE, rijk_moved(3, -10.0)),
    # the payroll extract: rows in Parquet (its suite runs on a sample; the small extract fits in it) ...
    **{
        (STEEKPROEF, e["meta"]["beschrijving"]): Breaks(
            EXTRACT_FILE, extract_row_broken(STEEKPROEF, e["meta"]["beschrijving"])
        )
        for _, e in breaking.rules(STEEKPROEF, "critical")
        if e["kwargs"].get("column") != "kwartaal"
    },
    (STEEKPROEF, "kwartaal is always filled"): Guarded(FOLDER),
    # ... and its aggregate in staging
    ("staging_microdata_aggregaat", "kwartaal is always filled"): Guarded(FOLDER),
    ("staging_microdata_aggregaat", "regiocode is always filled"): _extract_guard(
        "regiocode is always filled"
    ),
    ("staging_microdata_aggregaat", "personen is always filled"): Guarded(GROUPED),
    ("staging_microdata_aggregaat", "rijen is always filled"): Guarded(GROUPED),
    ("staging_microdata_aggregaat", "banen are >= 0"): _extract_guard("paid hours are >= 0"),
    ("staging_microdata_aggregaat", "every cell has a person"): Guarded(GROUPED),
    ("staging_microdata_aggregaat", "categories"): _extract_guard("contractsoort is regulier or inleen"),
    ("staging_microdata_aggregaat", "13 or 14 payroll weeks"): _extract_guard(
        "a quarter has 13 or 14 payroll weeks"
    ),
}

STAGING_RULES = breaking.rules("staging_", "critical") + breaking.rules(STEEKPROEF, "critical")
WARNINGS = breaking.rules("staging_", "warning") + breaking.rules(STEEKPROEF, "warning")


# -- the warehouse the cases start from ------------------------------------------------------------


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A warehouse with the reference, the period before each case's file, and a small payroll
    extract (1,500 rows of 2012 Q4 and of 2016 Q1)."""
    root = tmp_path_factory.mktemp("rules")
    landing = root / "landing"
    for name in BASE:
        (landing / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / name, landing / name)
    for quarter in EXTRACT_QUARTERS:
        target = landing / MICRODATA_FOLDER / f"kwartaal={quarter}" / "part-0.parquet"
        target.parent.mkdir(parents=True)
        pl.read_parquet(SAMPLES / MICRODATA_FOLDER / f"kwartaal={quarter}" / "part-0.parquet").head(
            EXTRACT_ROWS
        ).write_parquet(target)
    warehouse = Warehouse(root / "banen.duckdb")
    with warehouse.writer() as con:
        warehouse.init_schema(con)
        load_reference(con, REFERENCE)
        batch = _deliver_landing(con, landing)
    assert [o.status for o in batch.outcomes] == [Status.GELADEN] * len(BASE)
    assert batch.extract == ["2016Q1"] and not batch.failed_suites
    return root


def _deliver_landing(con: duckdb.DuckDBPyConnection, landing: Path, run_id: str = "base") -> Batch:
    return deliver(
        con, landing, load_regions(REFERENCE), None, validator_for(DEFAULTS["expectations"]), run_id
    )


@dataclass
class Delivered:
    batch: Batch
    failed: list[str]
    """The descriptions of the rules the delivery's validation failed (meta.validaties)."""
    changed: set[str]
    """The tables that differ from the base but meta.leveringen (which records every delivery)."""
    records: list[tuple[str, str]]
    """The delivery's rows added to meta.leveringen: (bestand, status)."""


def _send(base: Path, tmp_path: Path, path: str, build: Callable) -> Delivered:
    """One delivery through the delivery step on a copy of the base warehouse."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(base / "banen.duckdb", tmp_path / "banen.duckdb")
    landing = tmp_path / "landing"
    if path.startswith(MICRODATA_FOLDER):
        shutil.copytree(base / "landing" / MICRODATA_FOLDER, landing / MICRODATA_FOLDER)
        build(landing)
    else:
        (landing / path).parent.mkdir(parents=True)
        (landing / path).write_bytes(build())
    before = table_checksums(tmp_path / "banen.duckdb")
    warehouse = Warehouse(tmp_path / "banen.duckdb")
    with warehouse.writer() as con:
        batch = _deliver_landing(con, landing, "case")
        failed = [
            f"{rule['severity']}: {rule['beschrijving']}"
            for (details,) in con.execute(
                "SELECT details FROM meta.validaties WHERE run_id = 'case'"
            ).fetchall()
            for rule in json.loads(details or "[]")
        ]
        records = con.execute("SELECT bestand, status FROM meta.leveringen WHERE run_id = 'case'").fetchall()
    after = table_checksums(tmp_path / "banen.duckdb")
    changed = {t for t in before if before[t] != after[t]} - {"meta.leveringen"}
    return Delivered(batch, failed, changed, records)


def _rejection(delivered: Delivered) -> str:
    """The reason the delivery was refused: a file's, or the payroll extract's."""
    outcomes = delivered.batch.outcomes
    if outcomes:
        [outcome] = outcomes
        assert outcome.status == Status.AFGEWEZEN, outcome
        return outcome.reden
    assert delivered.batch.extract == [] and delivered.batch.extract_failure, delivered.batch
    return delivered.batch.extract_failure


# -- the staging suites -------------------------------------------------------------------------------


def test_the_cases_are_the_suites_rules():
    """Quick (no delivery is sent): every rule of the staging suites has a case, of its severity, and
    every case has its rule. A rule added without a case, removed, renamed, or turned from critical
    into a warning (or back) fails here, naming it; the slow tests below send the deliveries."""
    rules = {(suite, e["meta"]["beschrijving"]): e["severity"] for suite, e in STAGING_RULES + WARNINGS}
    assert sorted(set(rules) - set(CASES)) == [], "rules without a breaking case in tests/test_rules.py"
    assert sorted(set(CASES) - set(rules)) == [], "cases whose rule is not in its suite"
    assert {
        rule: (rules[rule], case.severity) for rule, case in CASES.items() if rules[rule] != case.severity
    } == {}


@pytest.mark.slow
@pytest.mark.parametrize("rule", STAGING_RULES, ids=breaking.rule_id)
def test_a_delivery_breaking_a_critical_rule_is_rejected_naming_it(rule, base, tmp_path):
    suite, expectation = rule
    description, case = _case(rule, "critical")
    if isinstance(case, Guarded):
        if case.build is not None:
            delivered = _send(base, tmp_path, case.path, case.build)
            assert case.by in _rejection(delivered)
            assert delivered.changed == set()
        _the_suite_holds_its_table(base, tmp_path, suite, expectation)
        return
    delivered = _send(base, tmp_path, case.path, case.build)
    assert description in _rejection(delivered)
    assert sorted(delivered.failed) == sorted(f"critical: {d}" for d in (description, *case.also))
    assert delivered.changed == set()
    if delivered.batch.outcomes:
        assert delivered.records == [(case.path.split("/")[-1], "afgewezen")]


@pytest.mark.slow
@pytest.mark.parametrize("rule", WARNINGS, ids=breaking.rule_id)
def test_a_delivery_breaking_a_warning_loads_and_names_it(rule, base, tmp_path):
    description, case = _case(rule, "warning")
    delivered = _send(base, tmp_path, case.path, case.build)
    [outcome] = delivered.batch.outcomes
    assert outcome.status == Status.GELADEN
    assert [w for w in outcome.waarschuwingen if description in w]
    assert set(delivered.failed) == {f"warning: {description}"}


def _case(rule: tuple[str, dict], severity: str) -> tuple[str, Breaks | Guarded]:
    """A rule's description and its case, which must exist and be of the rule's severity."""
    suite, expectation = rule
    description = expectation["meta"]["beschrijving"]
    case = CASES.get((suite, description))
    assert case is not None, (
        f"{severity} rule of {suite} without a breaking case in tests/test_rules.py: {description!r}"
    )
    assert case.severity == severity, f"{suite}: {description!r} is {severity}, its case says {case.severity}"
    return description, case


def _the_suite_holds_its_table(base: Path, tmp_path: Path, suite: str, expectation: dict) -> None:
    """One row of the suite's staging table broken (rolled back): the suite fails naming the rule."""
    table = _table(suite)
    shutil.copyfile(base / "banen.duckdb", tmp_path / "held.duckdb")
    validator = validator_for(DEFAULTS["expectations"])
    with duckdb.connect(str(tmp_path / "held.duckdb")) as con:
        frame = broken_frame(con, validator, suite, table, expectation, base / "landing" / MICRODATA_FOLDER)
    [outcome] = validator.validate_frames([(suite, frame, None, "tabel")])
    assert expectation["meta"]["beschrijving"] in [e.beschrijving for e in outcome[None].critical_failed]


def broken_frame(con, validator, suite: str, table: str, expectation: dict, base_extract: Path | None = None):
    """The suite's frame with one row of ``table`` broken (rolled back afterwards); where the table
    itself refuses that row (a NOT NULL constraint: one more guard), or the column is the frame's
    own, the frame's row is broken instead."""
    if suite == STEEKPROEF:  # rows of the extract in Parquet: only its frame can be broken
        extract = microdata.parquet_glob(base_extract)
        return breaking.break_frame(validator.frame(con, Request(suite, {"bestanden": extract})), expectation)
    request = Request(suite, {"bestanden": None})
    con.begin()
    try:
        breaking.break_table(con, table, expectation)
        return validator.frame(con, request)
    except (duckdb.ConstraintException, duckdb.BinderException):
        con.rollback()
        con.begin()
        return breaking.break_frame(validator.frame(con, request), expectation)
    finally:
        con.rollback()


@pytest.mark.slow
def test_the_unbroken_deliveries_load(base, tmp_path):
    """The samples the cases start from load as they are: a rejection above is the case's."""
    for path in (UWV_FILE, SECTOR_FILE, RIJK_FILE):
        delivered = _send(base, tmp_path / path.split("/")[0], path, (SAMPLES / path).read_bytes)
        assert [o.status for o in delivered.batch.outcomes] == [Status.GELADEN], path
        assert not delivered.failed
    delivered = _send(base, tmp_path / "extract", EXTRACT_FILE, lambda landing: None)
    assert delivered.batch.extract == [] and delivered.batch.extract_failure is None  # nothing changed


# -- the mart suites ------------------------------------------------------------------------------------

MART_RULES = breaking.rules("marts_", "critical")


@pytest.mark.slow
def test_a_mart_breaking_a_critical_rule_fails_its_check_naming_it(sample_copy):
    """Every critical rule of every mart suite, each broken in one row of its mart in a copy of the
    sample warehouse (in the suite's frame where the column is the frame's own, or the table refuses
    the row): the mart's suite fails that rule. All frames are validated in one call."""
    settings, _ = sample_copy
    validator = validator_for(DEFAULTS["expectations"])
    with duckdb.connect(str(settings.warehouse)) as con:
        frames = [
            (suite, broken_frame(con, validator, suite, _table(suite), expectation), None, "tabel")
            for suite, expectation in MART_RULES
        ]
    outcomes = validator.validate_frames(frames)
    missed = [
        breaking.rule_id(rule)
        for rule, outcome in zip(MART_RULES, outcomes, strict=True)
        if rule[1]["meta"]["beschrijving"] not in [e.beschrijving for e in outcome[None].critical_failed]
    ]
    assert len(MART_RULES) > 150 and missed == []


def _table(suite: str) -> str:
    return suite_asset(suite, breaking.suites(suite)[suite]["meta"]).replace("/", ".")


@pytest.mark.slow
def test_sector_targets_below_the_government_target_are_rejected_too(base, tmp_path):
    """The enumeration's case for the government target adds 50 to one sector; 50 fewer is refused
    the same way (the rule is a range around the target, not a ceiling)."""
    delivered = _send(base, tmp_path, SECTOR_FILE, sector_shifted("Gemeenten", 2, -50))
    assert "the targets add up to the government target of the year" in _rejection(delivered)
    assert delivered.changed == set()
