"""A warehouse as it stood on an earlier day: built, in a folder of its own, from only what had been
published by then. ``banen report --per YYYY-MM-DD`` reports from it when the warehouse holds a
figure published after that day, so that nothing published later leaks into an earlier report: not
a quarter, not a revision, not a reference fact.

When each thing counts as published (also in ``docs/methods.md``):

- a UWV delivery: its ``Publicatiedatum`` (``meta.leveringen.publicatiedatum``; a revision has its
  own, so an earlier day sees the version before it);
- a Rijk monitor: its ``Stand`` date (``staging.rijk_monitor.peildatum``);
- a yearly sector report: 30 November of the year after (BZK's yearly letter), by rule;
- a payroll extract's quarter: with UWV's delivery of that quarter (the baseline quarter always);
- a reference fact: the day the warehouse dates it (``referentie.jaarmeting.gepubliceerd_op``,
  ``referentie.gepubliceerd_sectoren.gepubliceerd_op``: the source's date, else a rule) or its
  ``datum`` (publicaties); a printed quarterly figure and a quarter's provenance with UWV's delivery of that
  quarter; an inleen key from its ``peildatum`` on. Targets and the baseline are set in law
  beforehand and always known.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import duckdb
import polars as pl

from .config import Settings
from .db import sql_text
from .deliveries import MICRODATA_FOLDER, extract_quarters, scan_landing
from .pipeline import EXIT_OK, Say, run_pipeline
from .quarters import parse_quarter
from .texts import Language

REFERENCE_DATED = ("publicaties.csv", "datum"), ("inleen_verdeelsleutel.csv", "peildatum")
"""Reference files whose rows carry the day they are known from, in a column of the file."""


def _dated(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str | None, str, dt.date | None]]:
    """Every loaded delivery (sha256, supplier, period, file, the day it counts as published)."""
    return con.execute(sql_text("queries/leveringen_gedateerd")).fetchall()


def newest_publication(con: duckdb.DuckDBPyConnection) -> tuple[str, dt.date] | None:
    """The newest publication the warehouse's figures rest on: (what, when), of the deliveries and
    the printed reference figures."""
    dated = [(bestand, day) for _sha, _bron, _periode, bestand, day in _dated(con) if day is not None]
    dated += con.execute(sql_text("queries/nieuwste_referentie")).fetchall()
    return max(dated, key=lambda found: found[1], default=None)


def published_by(settings: Settings, con: duckdb.DuckDBPyConnection, per: dt.date, into: Path) -> Settings:
    """Fill ``into`` with the deliveries and reference facts published by ``per`` (from the landing
    folder and reference folder of ``settings``, as the warehouse on ``con`` dated them) and return
    the settings of a warehouse there; building it is ``run_pipeline``'s."""
    rows = [r for r in _dated(con) if r[4] is not None and r[4] <= per]
    known = {sha for sha, *_rest in rows}
    last_quarter = max(
        (parse_quarter(p).index for _sha, b, p, *_rest in rows if b == "uwv" and p), default=None
    )
    landing, reference = into / "landing", into / "reference"
    for landed in scan_landing(settings.landing):
        if landed.sha256 in known:
            target = landing / landed.path.relative_to(settings.landing)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(landed.path, target)
    extract = settings.landing / MICRODATA_FOLDER
    for quarter in extract_quarters(extract) if extract.is_dir() else []:
        if quarter == "2012Q4" or (last_quarter is not None and parse_quarter(quarter).index <= last_quarter):
            folder = f"kwartaal={quarter}"
            shutil.copytree(extract / folder, landing / MICRODATA_FOLDER / folder)
    landing.mkdir(parents=True, exist_ok=True)
    _reference_by(con, settings.reference, reference, per, last_quarter)
    return settings.replace(
        landing=landing,
        reference=reference,
        warehouse=into / "warehouse" / "banen.duckdb",
        exports=into / "warehouse" / "exports",
        ducklake=None,
        ducklake_data=None,
        notify_webhook=None,
        notify_smtp=None,
    )


def _reference_by(
    con: duckdb.DuckDBPyConnection, source: Path, target: Path, per: dt.date, last_quarter: int | None
) -> None:
    """Copy the reference files, keeping the rows known by ``per``. The printed jaarmetingen and
    sector figures go by the day the warehouse on ``con`` dated them (referentie.jaarmeting,
    referentie.gepubliceerd_sectoren: their source's date, else the rule); ``last_quarter`` is the
    index of the last quarter UWV had published by then."""
    jaren = [r[0] for r in con.execute(sql_text("queries/rapport/jaarmetingen"), {"per": per}).fetchall()]
    sectoren = con.execute(sql_text("queries/sectorcijfers_per"), {"per": per}).pl()
    quarter = pl.col("jaar").cast(pl.Int32) * 4 + pl.col("kwartaal").cast(pl.Int32) - 1
    keep = {
        "published_jaarmeting.csv": pl.col("jaar").cast(pl.Int32).is_in(jaren),
        "published_quarterly.csv": quarter <= (-1 if last_quarter is None else last_quarter),
    }
    keep["provenance_quarterly.csv"] = keep["published_quarterly.csv"]
    for name, column in REFERENCE_DATED:
        keep[name] = pl.col(column).str.to_date("%Y-%m-%d") <= per
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.csv")):
        frame = pl.read_csv(path, infer_schema=False)  # every value as written
        if path.name == "published_sectors.csv":
            known = sectoren.with_columns(pl.col("jaar", "kwartaal").cast(pl.String))
            frame = frame.join(known, on=["sector", "jaar", "kwartaal", "maat"], how="semi", nulls_equal=True)
        elif path.name in keep:
            frame = frame.filter(keep[path.name])
        frame.write_csv(target / path.name)


class EarlierBuildFailed(RuntimeError):
    """The warehouse of what was published by an earlier day could not be built."""


def report_as_of(settings: Settings, per: dt.date, language: Language, say: Say) -> Path:
    """Write the report as read on ``per`` to ``<report>/<per>/`` and return its index. From the
    warehouse itself when it holds nothing published after ``per``; else from a warehouse built, in
    a temporary folder, from what was published by then (removed afterwards)."""
    from .db import Warehouse
    from .report import build_report

    out = settings.report / per.isoformat()
    with Warehouse.of(settings).reader(on_fallback=lambda message: say("warning", message)) as con:
        later = newest_publication(con)
        if later is None or later[1] <= per:
            return build_report(con, out, settings.warehouse, language, per)
        work = Path(tempfile.mkdtemp(prefix=f"banen-per-{per}-"))
        earlier = published_by(settings, con, per, work)
    try:
        say(
            "note",
            f"banen report --per {per}: the warehouse holds {later[0]}, published {later[1]}; building a "
            f"warehouse from what was published by {per} in {work}",
        )
        code, summary = run_pipeline(earlier, say=say, isolated=True)
        if code != EXIT_OK:
            causes = "; ".join(summary.get("failures") or summary.get("not_built") or ["see above"])
            raise EarlierBuildFailed(f"banen report --per {per}: the warehouse as of {per} failed: {causes}")
        with Warehouse.of(earlier).reader() as con:
            return build_report(con, out, settings.warehouse, language, per)
    finally:
        shutil.rmtree(work, ignore_errors=True)
