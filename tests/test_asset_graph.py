"""The asset graph comes from the SQL: each mart depends on the tables its SQL reads."""

import dagster as dg
import pytest

from banen_pipeline import marts
from banen_pipeline.defs import marts as mart_assets
from banen_pipeline.defs.staging import STAGING_SPECS
from banen_pipeline.defs.tables import table_metadata

from .conftest import defs


def _keys(name: str) -> set[str]:
    return {key.to_user_string() for key in mart_assets.upstream(name)}


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


def test_every_mart_is_built_after_the_marts_it_reads():
    built = marts.order(marts.names())
    assert sorted(built) == marts.names()
    for position, name in enumerate(built):
        later = set(built[position:])
        assert not {t.split(".")[1] for t in marts.reads(name) if t.startswith("marts.")} & later, name


def test_the_marts_are_the_files_of_their_folder_and_the_computed_ones_are_those_their_packages_make():
    """A mart whose SQL reads a frame is computed in Python: by exactly one package, which is its own
    Dagster multi-asset; the marts step builds none of them."""
    from banen_pipeline import official, projections
    from banen_pipeline.defs import official as official_step
    from banen_pipeline.defs import projections as projection_step

    assert marts.names() == sorted(p.stem for p in (marts.SQL_DIR / "marts").glob("[!_]*.sql"))
    computed = {name for name in marts.names() if marts.is_computed(name)}
    assert computed == set(official.TABLES) | set(projections.TABLES)
    assert not set(official.TABLES) & set(projections.TABLES)
    assert set(official_step.SPECS) == set(official.TABLES)
    assert set(projection_step.SPECS) == set(projections.TABLES)
    assert not computed & (set(mart_assets.FROM_STAGING) | set(mart_assets.FROM_MARTS))
    with pytest.raises(ValueError, match="computed in Python"):
        marts.build_mart(None, "projectie")


def test_a_table_no_asset_writes_is_an_error():
    with pytest.raises(ValueError, match="reads staging.bestaat_niet, which no asset writes"):
        mart_assets._asset_of("landelijk_kwartaal", "staging.bestaat_niet")


def test_the_definitions_carry_the_derived_edges():
    graph = defs().resolve_asset_graph()
    parents = {k.to_user_string() for k in graph.get(dg.AssetKey(["marts", "reconciliatie"])).parent_keys}
    assert parents == _keys("reconciliatie")  # the staging tables themselves, the delivery step's outputs
    parents = {k.to_user_string() for k in graph.get(dg.AssetKey(["marts", "projectie"])).parent_keys}
    assert parents == _keys("projectie")  # it reads no staging table


def test_table_assets_follow_dagsters_catalog_conventions(sample_db):
    from banen_pipeline.db import declared_comment

    graph = defs().resolve_asset_graph()
    from banen_pipeline.defs import official, projections

    marts_specs = mart_assets.FROM_STAGING | mart_assets.FROM_MARTS | official.SPECS | projections.SPECS
    assert len(marts_specs) == len(marts.names())
    tables = [spec.key for spec in (*STAGING_SPECS, *marts_specs.values())]
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
    metadata = table_metadata(sample_db, "marts.landelijk_kwartaal")
    assert (
        metadata["dagster/row_count"] == 33 and metadata["dagster/table_name"] == "marts.landelijk_kwartaal"
    )
    columns = metadata["dagster/column_schema"].columns
    assert columns[0].name == "kwartaal" and columns[0].type == "VARCHAR" and columns[0].description


def test_every_step_that_writes_the_warehouse_is_in_its_pool():
    from banen_pipeline.defs.resources import POOL

    loaded = defs()
    steps = [
        d
        for d in [*loaded.assets, *loaded.asset_checks]
        if isinstance(d, dg.AssetsDefinition) and d.is_executable
    ]
    assert {d.node_def.name for d in steps} == {
        "referentie__tabellen",
        "leveringen",
        "marts",
        "official",
        "projections",
        "analyses",
        "publish",
        "mart_checks",
        "official_checks",
        "analysis_checks",
    }
    for definition in steps:
        assert definition.node_def.pool == POOL, definition.node_def.name


def test_the_ui_names_an_owner_a_group_by_prefix_and_checks_in_words():
    """What a data engineer reads in the UI: every asset has an owner and sits in the group of its
    key's prefix (marts/… in marts, meta/leveringen in meta); every mart check says in words what it
    checks, not only where its suite lives; the schedule says what it does."""
    from banen_pipeline.defs.schedules import quarterly_schedule

    loaded = defs()
    graph = loaded.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.owners == ["team:banenafspraak-data"], key
        assert node.group_name == key.path[0], key
    for check in graph.asset_check_keys:
        spec = graph.get_check_spec(check)
        if check.name.startswith("gx_marts_"):
            assert not spec.description.startswith("expectations/"), check
            assert "A critical failure blocks what reads this mart" in spec.description
    assert "16th of January, April, July and October" in quarterly_schedule.description


def test_a_sensor_run_names_its_files_within_a_tag():
    from banen_pipeline.defs.landing_sensor import _names

    assert _names(["b.csv", "a.csv"]) == "a.csv, b.csv"
    many = [f"UWV_Trendrapportage_Banenafspraak_20{i:02d}K1.csv" for i in range(20)]
    shown = _names(many)
    assert len(shown) <= 250 and shown.endswith("more)") and shown.startswith(many[0])
    assert int(shown.rsplit("(+", 1)[1].split()[0]) + shown.count(".csv") == 20
