"""What a SQL file reads, from DuckDB's parser: not fooled by what only looks like a table."""

import pytest

from banen_pipeline import marts, sql_ast


def test_a_cte_named_like_a_table_a_quoted_name_and_a_comment_do_not_fool_it():
    sql = """
        -- reads marts.realisatie_rijk? no: only this comment names it
        CREATE OR REPLACE TABLE marts.voorbeeld AS
        WITH landelijk_kwartaal AS (SELECT * FROM "staging"."Uwv_Kwartaal" WHERE bron <> 'meta.runs')
        SELECT k.*, r.naam
        FROM landelijk_kwartaal AS k
        JOIN referentie.regios AS r USING (regiocode)
        WHERE k.kwartaal IN (SELECT kwartaal FROM marts.kwartaalschatting);
        COMMENT ON TABLE marts.voorbeeld IS 'Built from staging.rijk_monitor, says this text.';
    """
    assert sql_ast.tables_read(sql) == {
        "staging.uwv_kwartaal",
        "referentie.regios",
        "marts.kwartaalschatting",
    }


def test_a_cte_is_not_a_table_but_a_table_of_the_same_name_elsewhere_is():
    sql = "WITH regios AS (SELECT 1 AS x) SELECT * FROM regios, referentie.regios"
    assert sql_ast.tables_read(sql) == {"referentie.regios"}


def test_a_statement_the_parser_rejects_names_where_it_is():
    with pytest.raises(sql_ast.SqlParseError, match="^SQL: Parser Error: syntax error"):
        sql_ast.tables_read("CREATE TABLE marts.x AS SELEC 1")


def test_the_frame_columns_are_what_the_sql_file_reads_from_the_frame():
    columns = sql_ast.frame_columns("marts/officiele_meting")
    assert columns[:3] == ("periode", "jaar", "kwartaal") and "bron_url" in columns
    assert "peildatum" not in columns  # computed in the SQL, then ordered by: not the frame's


def test_every_mart_reads_only_tables_of_the_warehouse_layers():
    for name in marts.names():
        assert {t.split(".")[0] for t in marts.reads(name)} <= {"staging", "referentie", "marts", "meta"}, (
            name
        )


def test_which_file_creates_a_table_and_its_comment_come_from_the_tokens():
    sql = """
        -- CREATE TABLE marts.in_een_commentaar (x INT);
        CREATE TABLE IF NOT EXISTS "meta"."Runs" (x INT);
        CREATE OR REPLACE TABLE marts.b AS SELECT 'CREATE TABLE marts.in_tekst' AS x;
        COMMENT ON TABLE marts.b IS 'It''s; a comment';
    """
    assert sql_ast.tables_created(sql) == {"meta.runs", "marts.b"}
    assert sql_ast.table_comments(sql) == {"marts.b": "It's; a comment"}
