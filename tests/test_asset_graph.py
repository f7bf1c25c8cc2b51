"""The asset graph comes from the SQL: each mart depends on the tables its SQL reads."""

import dagster as dg
import pytest

from banen_pipeline import marts
from banen_pipeline.defs import assets


def _keys(name: str) -> set[str]:
    return {key.to_user_string() for key in assets.MART_DEPS[name]}


def test_mart_edges_are_the_tables_their_sql_reads():
    # the two edges that were missing when they were kept by hand
    assert "referentie/tabellen" in _keys("reconciliatie")
    assert "referentie/tabellen" in _keys("projectie_backtest")  # via warehouse/queries/projectie_doelen.sql
    assert _keys("projectie") == {"marts/markt_overheid", "marts/landelijk_kwartaal", "referentie/tabellen"}
    assert _keys("microdata_duurzaamheid") == {"staging/microdata_aggregaat"}
    # table comments mention other tables; they are not edges
    assert marts.reads("realisatie_regio") == {"staging.uwv_kwartaal", "referentie.regios"}


def test_every_step_builds_a_mart_after_the_marts_it_reads():
    for step in (marts.MARTS, marts.ANALYSES):
        for position, name in enumerate(step):
            later = set(step[position:])
            assert not {t.split(".")[1] for t in marts.reads(name) if t.startswith("marts.")} & later, name


def test_a_table_no_asset_writes_is_an_error():
    with pytest.raises(ValueError, match="reads staging.bestaat_niet, which no asset writes"):
        assets._asset_of("landelijk_kwartaal", "staging.bestaat_niet")


def test_the_definitions_carry_the_derived_edges():
    from banen_pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    parents = {k.to_user_string() for k in graph.get(dg.AssetKey(["marts", "reconciliatie"])).parent_keys}
    assert parents == _keys("reconciliatie")
