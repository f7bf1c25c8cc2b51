"""What each asset is made from, declared once: the one way to know what changed.

An asset's inputs are the code that makes it (modules of this package, each with the modules it
imports and the SQL files it names), its own files (SQL, suites with their frames, templates), the
data it reads (the deliveries, the reference facts) and the settings that shape it (the report's
language). One declaration per asset (:func:`declared`) gives:

- the code version Dagster shows (:func:`code_version`: its code and files);
- what a run rebuilds (:func:`rebuild`): the assets and checks whose inputs changed since the last
  successful run, and everything downstream of them;
- whether a run has nothing to do: no input of any asset changed (:func:`state`).

This module imports neither Dagster nor pandas: ``banen run`` finds that nothing changed in a
fraction of a second.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import marts, official, projections
from .config import DEFAULTS, PROJECT_ROOT, SQL_DIR, Settings

PACKAGE = "banen_pipeline"
PACKAGE_DIR = PROJECT_ROOT / PACKAGE
NOT_AN_INPUT = {f"{PACKAGE}.lineage"}
"""Imported where assets are declared (for their code versions), but nothing an asset is made of."""

REFERENTIE = "referentie/tabellen"
LEVERINGEN = "meta/leveringen"
"""The delivery step: it loads deliveries into staging and evaluates the staging checks. A change
to its inputs makes a whole run (it reads everything a run can load)."""
PARQUET, REPORT, SNAPSHOT, DATA_DOCS = (
    "exports/parquet",
    "exports/report",
    "exports/snapshot",
    "checks/data_docs",
)
PUBLISHED = (PARQUET, REPORT, SNAPSHOT, DATA_DOCS)
DDL = ("warehouse/meta/*.sql", "warehouse/raw/*.sql", "warehouse/staging/*.sql")
"""The tables every run makes sure exist (``Warehouse.init_schema``)."""


@dataclass(frozen=True)
class Inputs:
    """What one asset or check is made from."""

    modules: tuple[str, ...] = ()
    """Modules of this package (``banen_pipeline.defs.marts``), each with every module of this
    package it imports, and the SQL files they name (``"queries/officieel_jaar"``)."""
    files: tuple[str, ...] = ()
    """Project files, as globs from the project root (``warehouse/marts/revisies.sql``)."""
    suites: tuple[str, ...] = ()
    """Suites in the expectations folder (names or globs), each with its frame SQL."""
    data: tuple[str, ...] = ()
    """``landing`` (the delivered files, the payroll extract, the run's quarters) and ``referentie``
    (the reference facts)."""
    settings: tuple[Callable[[Settings], object], ...] = ()
    """What the asset takes from the settings (the language) or from another input (the columns the
    suites hold required), as a value: only a change of the value counts."""


def mart_key(name: str) -> str:
    return f"marts/{name}"


def check_key(name: str) -> str:
    """A mart's check, as Dagster writes its key: ``marts/revisies:gx_marts_revisies``."""
    return f"marts/{name}:gx_marts_{name}"


def _required_columns(settings: Settings) -> dict[str, list[str]]:
    from .validation import required_columns  # light: Great Expectations is not imported

    return {name: sorted(required_columns(settings.expectations, f"marts_{name}")) for name in marts.names()}


@functools.cache
def declared() -> dict[str, Inputs]:
    """Every asset a run can build and every check it runs, by key, with its inputs."""
    found = {
        REFERENTIE: Inputs(
            modules=("banen_pipeline.defs.reference",),
            files=(*DDL, "warehouse/referentie/*.sql"),
            data=("referentie",),
        ),
        LEVERINGEN: Inputs(
            modules=("banen_pipeline.defs.deliveries",),
            files=(*DDL, "warehouse/staging/updates/*.sql", "banen_pipeline/deliveries/*.py"),
            suites=("staging_*", "microdata_steekproef"),
        ),
    }
    found |= _staging_tables()
    computed = {name: f"{PACKAGE}.defs.official" for name in official.TABLES}
    computed |= {name: f"{PACKAGE}.defs.projections" for name in projections.TABLES}
    for name in marts.names():
        found[mart_key(name)] = Inputs(
            modules=(computed.get(name, f"{PACKAGE}.defs.marts"),),
            files=("warehouse/marts/_macros.sql", *(f"warehouse/{f}.sql" for f in marts.sql_files(name))),
        )
        found[check_key(name)] = Inputs(
            modules=("banen_pipeline.defs.mart_checks",), suites=(f"marts_{name}",)
        )
    step = "banen_pipeline/defs/publish.py"
    found |= {
        PARQUET: Inputs(
            modules=("banen_pipeline.exports",),
            files=(step,),
            settings=(_required_columns,),
        ),
        REPORT: Inputs(
            modules=("banen_pipeline.report",),
            files=(step, "banen_pipeline/templates/report.html.j2", "warehouse/queries/rapport/*.sql"),
            settings=(lambda s: s.taal,),
        ),
        SNAPSHOT: Inputs(modules=("banen_pipeline.db",), files=(step,)),
        DATA_DOCS: Inputs(
            modules=("banen_pipeline.validation.gx_engine",),
            files=(step, "banen_pipeline/templates/*data_docs*.j2"),
            settings=(lambda s: s.taal,),
        ),
    }
    return found


MICRODATA_TABLE = "staging.microdata_aggregaat"
"""The staging table of the payroll extract (``microdata``), beside the suppliers' own."""


def staging_tables() -> dict[str, str]:
    """Each supplier's staging table (``microdata``: the payroll extract's), by supplier."""
    from .deliveries import SUPPLIERS

    return {bron: s.staging_table for bron, s in SUPPLIERS.items()} | {"microdata": MICRODATA_TABLE}


def _staging_tables() -> dict[str, Inputs]:
    """Each staging table's own inputs, for its code version: its DDL, its update SQL, its suites
    and the module that fills it. (The delivery step, which writes every staging table, declares all
    of them among its inputs.)"""
    from . import microdata
    from .deliveries import SUPPLIERS

    def inputs(table: str, suites: tuple[str, ...], modules: tuple[str, ...] = ()) -> Inputs:
        return Inputs(
            modules=modules,
            files=("warehouse/staging/*.sql", f"warehouse/staging/updates/{table}*.sql"),
            suites=suites,
        )

    found = {s.staging_table.replace(".", "/"): inputs(s.table, (s.suite,)) for s in SUPPLIERS.values()}
    found[MICRODATA_TABLE.replace(".", "/")] = inputs(
        "microdata", (microdata.SUITE, microdata.SAMPLE_SUITE), (f"{PACKAGE}.microdata",)
    )
    return found


CODE_VERSION_TAG = "dagster/code_version"
DATA_VERSION_TAG = "dagster/data_version"
"""The tags in which Dagster stores a materialization's code version and data version."""


def code_version(inputs: Inputs, expectations: Path = DEFAULTS["expectations"]) -> str:
    """The digest of an asset's code and files (not its data): what Dagster shows as its code version."""
    return _Digests(expectations).version(inputs)


def state(settings: Settings, landed: Iterable, first: str, last: str) -> dict[str, str]:
    """Each asset's and check's inputs as one digest: equal to the last successful run's when nothing
    it is made from changed. ``landed``: the landing folder's files (``scan_landing``), loaded in a
    run of the quarters ``first..last``."""
    digests = _Digests(settings.expectations)
    data = {"referentie": reference_digest(settings.reference)}
    out = landing_digests(settings, landed, first, last)
    for key, inputs in declared().items():
        digest = hashlib.sha256(digests.code(inputs).encode())
        for name in inputs.data:
            digest.update(data[name].encode())
        for value in inputs.settings:
            digest.update(json.dumps(value(settings), sort_keys=True).encode())
        out[key] = digest.hexdigest()[:16]
    return out


def changed(previous: dict[str, str], now: dict[str, str]) -> set[str]:
    return {key for key in previous.keys() | now.keys() if previous.get(key) != now.get(key)}


def label(key: str) -> str:
    """A changed key as a person reads it: a check by its suite (``suite/marts_revisies``)."""
    return f"suite/{key.partition(':')[2].removeprefix('gx_')}" if ":" in key else key


LANDING = "landing/"
"""The prefix of a supplier's files in a run's inputs (``landing/uwv``): not an asset, what it feeds."""


def landing_digests(settings: Settings, landed: Iterable, first: str, last: str) -> dict[str, str]:
    """Per supplier (``landing/uwv``), its delivered files by name and sha256 and the quarters of
    the run; the payroll extract (``landing/microdata``) by the fingerprint of each quarter's files."""
    from .deliveries import MICRODATA_FOLDER, fingerprints

    digests: dict = {}
    for f in landed:
        digest = digests.setdefault(f.bron, hashlib.sha256(f"{first}..{last}\n".encode()))
        digest.update(f"{f.path.relative_to(settings.landing)}\0{f.sha256}\n".encode())
    extract = settings.landing / MICRODATA_FOLDER
    if extract.is_dir():
        digests["microdata"] = hashlib.sha256(f"{first}..{last}\n".encode())
        digests["microdata"].update(json.dumps(fingerprints(extract), sort_keys=True).encode())
    return {LANDING + bron: digest.hexdigest()[:16] for bron, digest in digests.items()}


def for_suppliers(graph, suppliers: Iterable[str]) -> set:
    """What a run for new deliveries of ``suppliers`` builds, whoever starts it (the landing sensor,
    ``banen run``): the reference facts and the delivery step's register, those suppliers' staging
    tables and every asset downstream of them in Dagster's asset graph (``graph``): the marts that
    read them, those built from them, the report and the exports. A supplier with no staging table (a file no format
    knows): the delivery step alone, which records it as rejected."""
    import dagster as dg

    tables = staging_tables()
    staging = [dg.AssetKey(tables[bron].split(".")) for bron in suppliers if bron in tables]
    below = dg.AssetSelection.assets(*staging).downstream().resolve(graph) if staging else set()
    steps = {dg.AssetKey.from_user_string(k) for k in (REFERENTIE, LEVERINGEN)}
    return steps | (set(below) & set(graph.executable_asset_keys))


def reference_digest(folder: Path) -> str:
    """The reference facts' content: every CSV file of ``folder``, by name and bytes."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Digests:
    """File digests, each file read once."""

    def __init__(self, expectations: Path):
        self.expectations = expectations

    @functools.cache  # noqa: B019 - one instance per call of state() or code_version()
    def file(self, path: Path) -> tuple[str, bytes]:
        """A file's name, by its place in its folder (the same suites in another folder are the same
        inputs), and the digest of its bytes."""
        root = self.expectations if path.is_relative_to(self.expectations) else PROJECT_ROOT
        name = path.relative_to(root).as_posix()
        return name, hashlib.sha256(path.read_bytes()).digest()

    def version(self, inputs: Inputs) -> str:
        """:func:`code_version` with this instance's file digests."""
        return self.code(inputs)[:16]

    def code(self, inputs: Inputs) -> str:
        digest = hashlib.sha256()
        for name, content in sorted(self.file(path) for path in paths(inputs, self.expectations)):
            digest.update(name.encode() + b"\0" + content)
        return digest.hexdigest()


def paths(inputs: Inputs, expectations: Path) -> set[Path]:
    """Every file of an asset's code and files."""
    found: set[Path] = set()
    for module in inputs.modules:
        found |= module_files(module)
    for pattern in inputs.files:
        found |= set(PROJECT_ROOT.glob(pattern))
    for pattern in inputs.suites:
        found |= suite_files(expectations, pattern)
    return found


def suite_files(expectations: Path, pattern: str) -> set[Path]:
    """The suites matching ``pattern`` and the frame SQL each names."""
    from .validation import frame_file  # light: Great Expectations is not imported

    found = set()
    for suite in expectations.glob(f"{pattern}.json"):
        found.add(suite)
        if (frame := frame_file(expectations, suite.stem)) is not None:
            found.add(frame)
    return found


@functools.cache
def module_files(module: str) -> frozenset[Path]:
    """The files of ``module`` (``banen_pipeline.x``) and of every module of this package it imports,
    at any depth (lazy imports in functions too), and the SQL files they name as constants."""
    seen: set[str] = set()
    todo = [module]
    files: set[Path] = set()
    while todo:
        name = todo.pop()
        if name in seen or name in NOT_AN_INPUT:
            continue
        seen.add(name)
        path = _module_path(name)
        if path is None:  # a name imported from a module, not a module
            continue
        files.add(path)
        imported, sql = _read_module(path, name)
        files |= sql
        todo.extend(imported)
        parent = name.rpartition(".")[0]
        if parent:  # importing banen_pipeline.x.y runs banen_pipeline/x/__init__.py
            todo.append(parent)
    if _module_path(module) is None:
        raise ValueError(f"no module {module} in {PACKAGE_DIR}")
    return frozenset(files)


def _module_path(name: str) -> Path | None:
    if name != PACKAGE and not name.startswith(PACKAGE + "."):
        return None
    base = PROJECT_ROOT.joinpath(*name.split("."))
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


@functools.cache
def _read_module(path: Path, name: str) -> tuple[frozenset[str], frozenset[Path]]:
    """The modules of this package ``path`` imports, and the SQL files it names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_bytes(), filename=str(path))
    imported, sql = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            imported.add(base)
            imported |= {f"{base}.{alias.name}" for alias in node.names}  # from . import x: a module
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "/" in node.value:
            candidate = SQL_DIR / f"{node.value}.sql"
            if len(node.value) < 200 and candidate.is_file():
                sql.add(candidate)
    return frozenset(m for m in imported if m.split(".")[0] == PACKAGE), frozenset(sql)


CODE_VERSION = "code_version"
"""The metadata entry of a mart check's result that holds the digest of its suite (Dagster records
an asset's code version, not a check's): what :func:`recorded_changes` compares."""


def recorded_changes(instance, expectations: Path, reference: Path) -> set[str]:
    """The assets and checks whose inputs differ from what the Dagster ``instance`` recorded when they
    last ran: an asset's code version on its latest materialization, a mart check's suite digest on
    its latest evaluation, and the reference facts' data version. What a run started by Dagster
    rebuilds follows from them as for ``banen run`` (:func:`rebuild`); never run counts as changed."""
    import dagster as dg

    digests = _Digests(expectations)
    changed = set()
    for key, inputs in declared().items():
        now = digests.version(inputs)
        if ":" in key:
            record = instance.get_latest_asset_check_evaluation_record(_check(key))
            evaluation = record.event.dagster_event.event_specific_data if record and record.event else None
            entry = evaluation.metadata.get(CODE_VERSION) if evaluation else None
            was = entry.value if entry is not None else None
        else:
            event = instance.get_latest_materialization_event(dg.AssetKey.from_user_string(key))
            tags = event.asset_materialization.tags if event and event.asset_materialization else {}
            was = tags.get(CODE_VERSION_TAG)
            if key == REFERENTIE and tags.get(DATA_VERSION_TAG) != reference_digest(reference):
                was = None
        if was != now:
            changed.add(key)
    return changed


def rebuild(graph, keys: set[str]):
    """What a run rebuilds when the inputs of ``keys`` (assets and checks, and suppliers' files as
    ``landing/<bron>``) changed: those, every asset downstream of them (:func:`for_suppliers` for new
    files) and the checks on what is rebuilt; when a table is rebuilt, everything is published again;
    when a check runs, the data docs are written. None: a whole run (the delivery step's code
    changed, or an asset is no longer declared). ``graph``: Dagster's asset graph. Returns (asset
    keys, check keys)."""
    import dagster as dg

    suppliers = {k.removeprefix(LANDING) for k in keys if k.startswith(LANDING)}
    keys = {k for k in keys if not k.startswith(LANDING)}
    if LEVERINGEN in keys or keys - declared().keys():
        return None
    roots = {dg.AssetKey.from_user_string(k) for k in keys if ":" not in k}
    checks = {_check(k) for k in keys if ":" in k}
    # only what a run can materialise (not what the suppliers deliver: external assets)
    downstream = dg.AssetSelection.assets(*roots).downstream().resolve(graph) if roots else set()
    assets = set(downstream) & set(graph.executable_asset_keys)
    assets |= for_suppliers(graph, suppliers) if suppliers else set()
    published = {dg.AssetKey.from_user_string(k) for k in PUBLISHED}
    if assets - published:  # a table changed: publish everything again, and check what changed
        assets |= published
        checks |= {_check(k) for k in declared() if ":" in k and _check(k).asset_key in assets}
    if checks:
        assets.add(dg.AssetKey.from_user_string(DATA_DOCS))
    return frozenset(assets), frozenset(checks)


def _check(key: str):
    import dagster as dg

    asset, _, name = key.partition(":")
    return dg.AssetCheckKey(dg.AssetKey.from_user_string(asset), name)
