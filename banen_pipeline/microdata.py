"""Microdata: a synthetic, pseudonymised payroll extract (spec §5) and its aggregation.

``generate`` writes one row per (person, employer, quarter, contract) as Parquet, partitioned by
quarter (``kwartaal=2019Q3/``), plus the baseline quarter ``2012Q4``. It is calibrated: aggregated with
the 25.5-hour rule, every (quarter, region, category) reproduces the current UWV delivery in the
warehouse, and the baseline reproduces each region's nulmeting (banen_totaal - extra_banen_totaal).
Everything below the calibrated totals (persons, jobs per person, hours per job, sectors, grounds) is
made up: the extract is synthetic and says so in its file metadata.

Persons are followed from quarter to quarter (from the first quarter on; the baseline stands alone):
a person keeps their pseudonym, a working person keeps working with probability ``P_STAY`` a quarter
and keeps their main employer with ``P_SAME_EMPLOYER``; the places left open are filled from the
register's non-working persons (entrants and re-entrants). The number of persons and of working
persons per region still equals the delivery.

The aggregation runs in DuckDB straight over the Parquet files; no row passes through Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from .db import run_sql, sql_text, transaction
from .deliveries import extract_quarters, fingerprints, parquet_glob, quarter_glob
from .deliveries.sectoren_csv import SECTORS
from .quarters import Quarter, parse_quarter, quarter_range

HOURS_PER_BAAN = 25.5
BASELINE = "2012Q4"
CATEGORIES = ("regulier_overheid", "regulier_markt", "inleen")
GRONDSLAGEN = ("wajong", "wsw", "participatiewet", "praktijkroute", "vso_pro", "wiw_id")
GRONDSLAG_WEIGHTS = (0.30, 0.18, 0.38, 0.06, 0.06, 0.02)
SECTOR_WEIGHTS = np.array([14, 22, 2, 2, 5, 5, 9, 7, 5, 5, 5, 6, 2], dtype=float)  # over SECTORS
EXTRA_JOBS_PER_WORKER = 2.1
"""Poisson mean of jobs beyond the first, per working person: about 16 M rows at scale 1."""
P_STAY = 0.93
"""Chance that a working person still works the next quarter (0.93 ** 4: three in four after a year,
before re-entry)."""
P_SAME_EMPLOYER = 0.90
"""Chance that a person who keeps working keeps their main employer from one quarter to the next."""


def payroll_weeks(quarter: Quarter) -> int:
    """14 for a fourth quarter whose payroll year has a 53rd week (ISO: 2015, 2020), else 13."""
    return 14 if quarter.q == 4 and dt.date(quarter.year, 12, 28).isocalendar().week == 53 else 13


def _targets(con: duckdb.DuckDBPyConnection, first: Quarter, last: Quarter) -> pl.DataFrame:
    """Current UWV figures per (kwartaal, regiocode) in the range, with the region's baseline."""
    frame = con.execute(
        """
        SELECT kwartaal, regiocode, doelgroep_personen, werkzame_personen,
               extra_banen_regulier_overheid, extra_banen_regulier_markt, extra_banen_inleen,
               banen_totaal - extra_banen_totaal AS nulmeting
        FROM staging.uwv_kwartaal
        WHERE is_actueel AND regiocode <> 'NL' AND kwartaal BETWEEN ? AND ?
        ORDER BY kwartaal, regiocode
        """,
        [str(first), str(last)],
    ).pl()
    if frame.is_empty():
        raise ValueError(
            f"no current UWV figures for {first}..{last} in the warehouse: run `banen run` first"
        )
    return frame


def _baseline_split(targets: pl.DataFrame) -> pl.DataFrame:
    """Split each region's nulmeting over the categories so that no quarter's total goes below zero."""
    per_region = targets.group_by("regiocode").agg(
        pl.col("nulmeting").first(),
        pl.col("extra_banen_regulier_overheid").min().alias("min_ov"),
        pl.col("extra_banen_inleen").min().alias("min_in"),
        pl.col("doelgroep_personen").first(),
        pl.col("werkzame_personen").first(),
    )
    return per_region.with_columns(
        b_regulier_overheid=pl.max_horizontal(
            0.12 * pl.col("nulmeting"), -pl.col("min_ov") + 0.05 * pl.col("nulmeting")
        ),
        b_inleen=pl.max_horizontal(
            0.18 * pl.col("nulmeting"), -pl.col("min_in") + 0.05 * pl.col("nulmeting")
        ),
    ).with_columns(b_regulier_markt=pl.col("nulmeting") - pl.col("b_regulier_overheid") - pl.col("b_inleen"))


@dataclass
class Workforce:
    """Who works in one region in a quarter: person indices (0..register size - 1, the pseudonym's
    number) and each one's main employer (0..employers - 1)."""

    persons: int
    workers: np.ndarray
    employer: np.ndarray
    employers: int

    @classmethod
    def first(cls, rng: np.random.Generator, persons: int, workers: int, employers: int) -> Workforce:
        chosen = np.sort(rng.choice(persons, size=workers, replace=False))
        return cls(persons, chosen, rng.integers(0, employers, size=workers), employers)

    def next(self, rng: np.random.Generator, persons: int, workers: int) -> Workforce:
        """The next quarter: ``persons`` in the register, ``workers`` of them working."""
        previous = self.workers[self.workers < persons]
        employer = self.employer[self.workers < persons]
        stay = rng.random(len(previous)) < P_STAY
        stayers, employer = previous[stay], employer[stay]
        if len(stayers) > workers:
            keep = np.sort(rng.choice(len(stayers), size=workers, replace=False))
            stayers, employer = stayers[keep], employer[keep]
        moves = rng.random(len(stayers)) >= P_SAME_EMPLOYER
        employer = np.where(moves, rng.integers(0, self.employers, size=len(stayers)), employer)
        # entrants: first from those who did not work last quarter, then from those who just stopped
        idle = np.setdiff1d(np.arange(persons), previous, assume_unique=True)
        stopped = np.setdiff1d(previous, stayers, assume_unique=True)
        needed = workers - len(stayers)
        pool = idle if len(idle) >= needed else np.concatenate([idle, stopped])
        entrants = rng.choice(pool, size=needed, replace=False)
        chosen = np.concatenate([stayers, entrants])
        chosen_employer = np.concatenate([employer, rng.integers(0, self.employers, size=needed)])
        order = np.argsort(chosen)
        return Workforce(persons, chosen[order], chosen_employer[order], self.employers)


def _quarter_rows(
    rng: np.random.Generator,
    kwartaal: str,
    weeks: int,
    regions: list[str],
    workforces: list[Workforce],
    banen: np.ndarray,
    inleen_share_overheid: float,
    year_end: bool,
) -> pl.DataFrame:
    """All rows of one quarter. ``banen`` is (regions x categories): the calibration targets. A
    worker's first job is with their main employer, further jobs with any employer of the region."""
    n_regions = len(regions)
    workers = np.array([len(w.workers) for w in workforces], dtype=int)
    persons = np.array([w.persons for w in workforces], dtype=int)
    employers = np.array([w.employers for w in workforces], dtype=int)
    jobs_per_worker = 1 + rng.poisson(EXTRA_JOBS_PER_WORKER, size=int(workers.sum()))
    worker_region = np.repeat(np.arange(n_regions), workers)
    worker_index = np.concatenate([w.workers for w in workforces]) if n_regions else np.array([], int)
    main_employer = np.concatenate([w.employer for w in workforces]) if n_regions else np.array([], int)
    job_region = np.repeat(worker_region, jobs_per_worker)
    job_person = np.repeat(worker_index, jobs_per_worker)
    first_job = np.zeros(len(job_region), dtype=bool)
    first_job[np.cumsum(jobs_per_worker) - jobs_per_worker] = True
    job_employer = np.where(
        first_job,
        np.repeat(main_employer, jobs_per_worker),
        rng.integers(0, np.maximum(employers[job_region], 1)),
    )
    # category of each job, drawn in proportion to the region's banen per category
    weights = banen / banen.sum(axis=1, keepdims=True)
    cumulative = weights.cumsum(axis=1)[job_region]
    category = (rng.random(len(job_region))[:, None] > cumulative).sum(axis=1).clip(0, 2)
    # hours: lognormal around half a baan, more at year end; then calibrated per (region, category)
    hours = rng.lognormal(mean=np.log(0.55 * HOURS_PER_BAAN * weeks), sigma=0.45, size=len(job_region))
    if year_end:
        hours *= 1.04
    cell = job_region * 3 + category
    raw_sum = np.bincount(cell, weights=hours, minlength=n_regions * 3)
    target_hours = banen.reshape(-1) * HOURS_PER_BAAN * weeks
    missing = (raw_sum == 0) & (target_hours > 0)
    if missing.any():  # a (region, category) without a drawn job: give it one, on the region's first worker
        extra = np.flatnonzero(missing)
        first_worker = [workforces[r].workers[0] for r in extra // 3]
        job_region = np.concatenate([job_region, extra // 3])
        job_person = np.concatenate([job_person, np.asarray(first_worker, dtype=int)])
        job_employer = np.concatenate([job_employer, [workforces[r].employer[0] for r in extra // 3]])
        category = np.concatenate([category, extra % 3])
        hours = np.concatenate([hours, np.ones(len(extra))])
        cell = job_region * 3 + category
        raw_sum = np.bincount(cell, weights=hours, minlength=n_regions * 3)
    factor = np.divide(target_hours, raw_sum, out=np.zeros_like(target_hours), where=raw_sum > 0)
    hours = hours * factor[cell]

    public = rng.choice(len(SECTORS), size=len(job_region), p=SECTOR_WEIGHTS / SECTOR_WEIGHTS.sum())
    # the hiring side of agency work: government by SEO's share, unknown for 5%
    inleen_side = np.where(
        rng.random(len(job_region)) < 0.05,
        2,
        np.where(rng.random(len(job_region)) < inleen_share_overheid, 0, 1),
    )
    jobs = pl.DataFrame(
        {
            "regio_index": job_region,
            "persoon_index": job_person,
            "categorie_index": category,
            "sector_index": public,
            "inleen_kant": inleen_side,
            "verloonde_uren": hours,
            "werkgever_index": job_employer,
        }
    )
    idle_region = np.repeat(np.arange(n_regions), persons - workers)
    idle_index = (
        np.concatenate(
            [np.setdiff1d(np.arange(w.persons), w.workers, assume_unique=True) for w in workforces]
        )
        if n_regions
        else []
    )
    idle = pl.DataFrame(
        {
            "regio_index": idle_region,
            "persoon_index": np.asarray(idle_index, dtype=np.int64),
            "verloonde_uren": np.zeros(len(idle_region)),
        }
    )
    rows = pl.concat([jobs, idle], how="diagonal_relaxed").with_columns(
        regiocode=pl.col("regio_index").replace_strict(
            list(range(n_regions)), regions, return_dtype=pl.String
        ),
    )
    return rows.select(
        persoon_id=pl.concat_str(
            [pl.lit("P"), pl.col("regiocode"), pl.col("persoon_index").cast(pl.String).str.zfill(7)]
        ),
        werkgever_id=pl.when(pl.col("werkgever_index").is_not_null()).then(
            pl.concat_str(
                [pl.lit("W"), pl.col("regiocode"), pl.col("werkgever_index").cast(pl.String).str.zfill(6)]
            )
        ),
        kwartaal=pl.lit(kwartaal),
        sector=pl.when(pl.col("categorie_index") == 0)
        .then(pl.col("sector_index").replace_strict(list(range(len(SECTORS))), list(SECTORS), default=None))
        .when(pl.col("categorie_index").is_not_null())
        .then(pl.lit("markt")),
        regiocode=pl.col("regiocode"),
        contractsoort=pl.when(pl.col("categorie_index") == 2)
        .then(pl.lit("inleen"))
        .when(pl.col("categorie_index").is_not_null())
        .then(pl.lit("regulier")),
        inleen_sector=pl.when(pl.col("categorie_index") == 2).then(
            pl.col("inleen_kant").replace_strict(
                [0, 1, 2], ["overheid", "markt", None], return_dtype=pl.String
            )
        ),
        verloonde_uren=pl.col("verloonde_uren"),
        weken_in_kwartaal=pl.lit(weeks, dtype=pl.Int8),
        # a person's ground for the register is fixed: derive it from the person, not from the row
        doelgroep_grondslag=_grondslag(
            (pl.col("persoon_index") * 2654435761 + pl.col("regio_index") * 97) % 100
        ),
    )


def _grondslag(percentile: pl.Expr) -> pl.Expr:
    """Map a percentile 0..99 onto the grounds by their weights."""
    cuts = np.cumsum(np.array(GRONDSLAG_WEIGHTS) * 100)
    expr = pl.lit(GRONDSLAGEN[-1])
    for name, cut in reversed(list(zip(GRONDSLAGEN[:-1], cuts[:-1], strict=True))):
        expr = pl.when(percentile < cut).then(pl.lit(name)).otherwise(expr)
    return expr


def generate(
    con: duckdb.DuckDBPyConnection,
    out: Path,
    first: str,
    last: str,
    scale: float = 1.0,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Write the extract for quarters ``first..last`` plus the baseline; return rows and seconds."""
    started = dt.datetime.now()
    rng = np.random.default_rng(seed)
    quarters = quarter_range(parse_quarter(first), parse_quarter(last))
    targets = _targets(con, quarters[0], quarters[-1])
    baseline = _baseline_split(targets).sort("regiocode")
    regions = list(baseline["regiocode"])
    share = con.execute(
        "SELECT aandeel_overheid FROM referentie.inleen_verdeelsleutel ORDER BY peildatum DESC LIMIT 1"
    ).fetchone()
    inleen_share = float(share[0]) if share else 0.3
    out.mkdir(parents=True, exist_ok=True)
    total = 0

    def write(kwartaal: str, rows: pl.DataFrame) -> None:
        nonlocal total
        folder = out / f"kwartaal={kwartaal}"
        folder.mkdir(exist_ok=True)
        rows.drop("kwartaal").write_parquet(folder / "part-0.parquet", compression="zstd", statistics=True)
        total += rows.height
        if progress:
            progress(f"{kwartaal}: {rows.height:,} rows")

    b = baseline.select([f"b_{c}" for c in CATEGORIES]).to_numpy()
    register_2012 = 247_739  # referentie.nulmeting: doelgroepregister_personen
    first_persons = baseline["doelgroep_personen"].to_numpy()
    persons_2012 = np.round(first_persons / first_persons.sum() * register_2012 * scale).astype(int)
    workers_2012 = np.round(
        persons_2012 * (baseline["werkzame_personen"] / baseline["doelgroep_personen"]).to_numpy()
    ).astype(int)
    workers_2012 = np.minimum(np.maximum(workers_2012, 1), np.maximum(persons_2012, 1))
    employers = np.maximum(workers_2012 // 3, 1)
    write(
        BASELINE,
        _quarter_rows(
            rng,
            BASELINE,
            13,
            regions,
            [
                Workforce(max(p, 1), np.arange(w), rng.integers(0, e, size=w), e)
                for p, w, e in zip(persons_2012, workers_2012, employers, strict=True)
            ],
            b,
            inleen_share,
            True,
        ),
    )

    workforces: list[Workforce] | None = None

    for quarter in quarters:
        part = targets.filter(pl.col("kwartaal") == str(quarter)).sort("regiocode")
        if part.is_empty():
            continue
        extra = part.select([f"extra_banen_{c}" for c in CATEGORIES]).to_numpy().astype(float)
        workers = np.maximum(np.round(part["werkzame_personen"].to_numpy() * scale).astype(int), 1)
        persons = np.maximum(np.round(part["doelgroep_personen"].to_numpy() * scale).astype(int), workers)
        if workforces is None:
            workforces = [
                Workforce.first(rng, p, w, e) for p, w, e in zip(persons, workers, employers, strict=True)
            ]
        else:
            workforces = [f.next(rng, p, w) for f, p, w in zip(workforces, persons, workers, strict=True)]
        write(
            str(quarter),
            _quarter_rows(
                rng,
                str(quarter),
                payroll_weeks(quarter),
                regions,
                workforces,
                b + extra,
                inleen_share,
                quarter.q == 4,
            ),
        )
    return {
        "rows": total,
        "quarters": len(quarters) + 1,
        "seconds": (dt.datetime.now() - started).total_seconds(),
    }


def changed_quarters(con: duckdb.DuckDBPyConnection, folder: Path, wanted: list[str]) -> list[str]:
    """Of the ``wanted`` quarters of the extract, those whose files changed since they were last
    aggregated (or never were)."""
    known = dict(con.execute(sql_text("queries/microdata_vingerafdrukken")).fetchall())
    now = fingerprints(folder)
    return [q for q in wanted if known.get(q) != now[q][0]]


SUITE = "staging_microdata_aggregaat"
"""The suite the aggregate must pass as a whole."""
SAMPLE_SUITE = "microdata_steekproef"
"""The suite a fixed random sample of the extract's rows must pass before it is aggregated."""


def aggregate_landed(
    con: duckdb.DuckDBPyConnection, folder: Path, quarters: set[str] | None, validator, run_id: str | None
) -> tuple[list[str], str | None]:
    """A payroll extract found in ``<landing>/microdata/`` (Parquet partitioned by quarter),
    aggregated in DuckDB over the files into ``staging.microdata_aggregaat`` once a sample of it
    passed its suite: the quarters of the run (and the baseline) whose files changed since they were
    last aggregated. Returns the quarters aggregated, and the sample's failure (None: passed, or
    nothing to aggregate). ``validator``: a ``validation.Validator``."""
    present = extract_quarters(folder) if folder.is_dir() else []
    wanted = [q for q in present if quarters is None or q in quarters or q == BASELINE]
    wanted = changed_quarters(con, folder, wanted) if wanted else []
    if not wanted:
        return [], None
    sample = validator.validate(con, SAMPLE_SUITE, {"bestanden": parquet_glob(folder)}, scope="steekproef")
    sample.save(con, run_id)
    if not sample.success:
        return [], f"{SAMPLE_SUITE}: {sample.reden()}"
    aggregate(con, folder, wanted, run_id)
    return [q for q in wanted if q != BASELINE], None


def later_quarter(quarter: str) -> str:
    """The quarter whose persons a quarter's durability counts: four quarters on."""
    return str(parse_quarter(quarter).shift(4))


def durability_quarters(present: list[str], changed: list[str]) -> tuple[list[str], list[str]]:
    """For re-aggregated ``changed`` quarters of an extract holding ``present``: the quarters whose
    durability counts go (a changed quarter and the one four before it), and the quarters counted
    again (those whose fourth next quarter is present)."""
    have = set(present) - {BASELINE}
    touched = {q for q in changed if q != BASELINE} | {
        str(parse_quarter(q).shift(-4)) for q in changed if q != BASELINE
    }
    counted = sorted(q for q in touched & have if later_quarter(q) in have)
    return sorted(touched), counted


def aggregate(
    con: duckdb.DuckDBPyConnection, folder: Path, quarters: list[str], run_id: str | None = None
) -> int:
    """(Re)aggregate ``quarters`` of the extract in ``folder`` into staging.microdata_aggregaat, and
    count job durability (staging.microdata_duurzaamheid) where they change it, in one transaction, in
    DuckDB over the Parquet files, with each quarter's fingerprint (meta.microdata_kwartalen); return
    the number of rows read."""
    params = {"kwartalen": quarters}
    files = parquet_glob(folder)
    marks = fingerprints(folder)
    removed, counted = durability_quarters(extract_quarters(folder), quarters)
    con.execute("SET preserve_insertion_order = false")
    with transaction(con):
        run_sql(con, "staging/updates/microdata_verwijder", params)
        run_sql(con, "staging/updates/microdata_aggregaat", {**params, "bestanden": files})
        run_sql(con, "staging/updates/microdata_duurzaamheid_verwijder", {"kwartalen": removed})
        for quarter in counted:  # one quarter and its fourth next at a time: bounded at any size
            later = later_quarter(quarter)
            read = [
                quarter_glob(folder, q)
                for q in (quarter, later)
                if any((folder / f"kwartaal={q}").glob("*.parquet"))
            ]
            if read:  # a quarter folder without files has no persons (and read_parquet would fail on it)
                run_sql(
                    con,
                    "staging/updates/microdata_duurzaamheid",
                    {"kwartaal": quarter, "later": later, "bestanden": read},
                )
        run_sql(con, "meta/updates/microdata_kwartalen_vergeten", params)
        for quarter in quarters:
            mark, count = marks[quarter]
            run_sql(
                con,
                "meta/updates/microdata_kwartaal_vastleggen",
                {"kwartaal": quarter, "vingerafdruk": mark, "bestanden": count, "run_id": run_id},
            )
    return con.execute(
        "SELECT coalesce(sum(rijen), 0) FROM staging.microdata_aggregaat WHERE list_contains(?, kwartaal)",
        [quarters],
    ).fetchone()[0]
