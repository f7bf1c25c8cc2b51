"""What a run must rebuild when some of its inputs changed since the last successful run, and no
more: the assets that depend on a changed part, downstream included, and the checks on them.

The parts are ``pipeline.input_parts``: ``leveringen``, ``referentie``, ``code``, ``sql/<file>``
and ``suite/<name>``. New deliveries, changed code, the DDL and the shared SQL (macros, the
delivery step's queries) rebuild everything. An edited mart's SQL rebuilds that mart and what
reads it; edited reference facts rebuild the reference tables and what reads them; an edited suite
(or its frame SQL) runs only that check. Whatever is rebuilt is published again (exports, report,
snapshot, data docs); a changed check writes only the data docs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import dagster as dg

from .. import marts
from .asset_checks import RUN_CHECKS
from .assets import ANALYSES, MARTS, PUBLISH, REFERENTIE


@dataclass(frozen=True)
class Selection:
    assets: frozenset[dg.AssetKey]
    checks: frozenset[dg.AssetCheckKey]
    why: list[str]
    """The changed parts, for the run's first line."""


def _mart_roots(sql_file: str) -> set[dg.AssetKey] | None:
    """The marts an SQL file makes (a mart's own file, or an input query of a mart computed in
    Python); None when no mart owns it."""
    name = sql_file.removesuffix(".sql")
    owners = {spec.key for mart, spec in (MARTS | ANALYSES).items() if name in marts.sql_files(mart)}
    return owners or None


def _checks_of_suite(suite: str) -> set[dg.AssetCheckKey]:
    return {key for definition in RUN_CHECKS for key in definition.check_keys if key.name == f"gx_{suite}"}


def stale(defs: dg.Definitions, changed: Iterable[str]) -> Selection | None:
    """The assets and checks that depend on the ``changed`` parts; None: everything."""
    changed = sorted(changed)
    roots: set[dg.AssetKey] = set()
    checks: set[dg.AssetCheckKey] = set()
    for part in changed:
        if part == "referentie":
            roots.add(REFERENTIE)
        elif part.startswith("suite/") or part.startswith("sql/frames/"):
            suite = part.removeprefix("suite/").removeprefix("sql/frames/").removesuffix(".sql")
            found = _checks_of_suite(suite)
            if not found:
                return None  # a suite the delivery step runs (or no check at all): everything
            checks |= found
        elif part.startswith("sql/queries/rapport/"):
            roots.add(PUBLISH["report"].key)
        elif part.startswith(("sql/marts/", "sql/queries/")) and (
            owners := _mart_roots(part.removeprefix("sql/"))
        ):
            roots |= owners
        else:
            return None
    assets = (
        set(dg.AssetSelection.assets(*roots).downstream().resolve(defs.resolve_asset_graph()))
        if roots
        else set()
    )
    published = {spec.key for spec in PUBLISH.values()}
    if assets - published:  # a table changed: publish everything again, and check what changed
        assets |= published
        checks |= {
            key for definition in RUN_CHECKS for key in definition.check_keys if key.asset_key in assets
        }
    if checks:
        assets.add(PUBLISH["data_docs"].key)
    return Selection(frozenset(assets), frozenset(checks), changed)
