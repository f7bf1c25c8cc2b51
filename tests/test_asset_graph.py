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
    assert _keys("projectie") == {"marts/kwartaalschatting", "referentie/tabellen"}  # via the official inputs
    assert _keys("markt_overheid") == {
        "marts/kwartaalschatting",
        "marts/officiele_meting",
        "referentie/tabellen",
    }
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
    # and the delivery step, which marks the staging tables it reads
    assert parents == _keys("reconciliatie") | {"meta/leveringen"}
    parents = {k.to_user_string() for k in graph.get(dg.AssetKey(["marts", "projectie"])).parent_keys}
    assert parents == _keys("projectie")  # it reads no staging table


def test_table_assets_follow_dagsters_catalog_conventions(sample_db):
    from banen_pipeline.db import declared_comment
    from banen_pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    tables = [
        spec.key for spec in (*assets.STAGING.values(), *assets.MARTS.values(), *assets.ANALYSES.values())
    ]
    for key in tables:
        node = graph.get(key)
        table = ".".join(key.path)
        assert node.description == declared_comment(table) and node.description, table
        assert node.code_version and len(node.code_version) == 16, table
        # the comment the SQL declares is the one DuckDB holds
        schema, name = key.path
        assert sample_db.execute(
            "SELECT comment FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?", [schema, name]
        ).fetchone() == (node.description,)
    metadata = assets.table_metadata(sample_db, "marts.landelijk_kwartaal")
    assert (
        metadata["dagster/row_count"] == 33 and metadata["dagster/table_name"] == "marts.landelijk_kwartaal"
    )
    columns = metadata["dagster/column_schema"].columns
    assert columns[0].name == "kwartaal" and columns[0].type == "VARCHAR" and columns[0].description


def test_an_edited_sql_file_changes_the_code_version(tmp_path):
    from banen_pipeline.db import files_digest

    sql = tmp_path / "x.sql"
    sql.write_text("SELECT 1")
    before = files_digest([sql])
    sql.write_text("SELECT 2")
    assert files_digest([sql]) != before


def test_every_step_that_writes_the_warehouse_is_in_its_pool():
    from banen_pipeline.defs.asset_checks import CHECKS
    from banen_pipeline.defs.resources import POOL

    steps = [d for d in [*assets.ASSETS, *CHECKS] if isinstance(d, dg.AssetsDefinition)]
    assert len(steps) == len(assets.ASSETS) - len(assets.STAGING) - 1 + len(CHECKS)  # not the staging specs
    for definition in steps:
        assert definition.node_def.pool == POOL, definition.node_def.name
