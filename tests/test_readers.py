"""Readers accept every sample and reject each broken copy with file, place and rule."""

from pathlib import Path

import polars as pl
import pytest

from banen_pipeline.deliveries import DeliveryRejected, identify, scan_landing

from .broken import BROKEN_UWV, csv_lines, join
from .conftest import SAMPLES, UWV


def read(path: Path, regions):
    fmt, _partition = identify(path)
    assert fmt is not None, path
    return fmt.reader(path, regions)


def test_every_uwv_sample_reads_with_35_regions_plus_nl(regions):
    files = sorted(UWV.iterdir())
    assert len(files) == 34
    for path in files:
        delivery = read(path, regions)
        assert delivery.staging.height == 36
        assert sorted(delivery.staging["regiocode"])[-1] == "NL"
        assert delivery.publicatiedatum is not None


def test_csv_and_xlsx_give_the_published_national_totals(regions):
    def nl_total(name):
        staging = read(UWV / name, regions).staging
        return staging.filter(regiocode="NL")["extra_banen_totaal"].item()

    assert nl_total("UWV_Trendrapportage_Banenafspraak_2019K3.csv") == 58544
    assert nl_total("Dashboard_Banenafspraak_export_2023-Q4.xlsx") == 86264


def test_dutch_thousands_separator_and_negative_numbers(regions):
    staging = read(UWV / "Dashboard_Banenafspraak_export_2023-Q4.xlsx", regions).staging
    assert staging.filter(regiocode="NL")["extra_banen_inleen"].item() == -830
    csv = read(UWV / "UWV_Trendrapportage_Banenafspraak_2019K3.csv", regions).staging
    assert csv.filter(regiocode="NL")["doelgroep_personen"].item() == 227072


def test_revised_csv_with_note_line_and_utf8_bom(regions, tmp_path):
    original = UWV / "UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv"
    utf8 = b"\xef\xbb\xbf" + original.read_bytes().decode("cp1252").encode("utf-8")
    copy = tmp_path / "UWV_Trendrapportage_Banenafspraak_2020K2_v3.csv"
    copy.write_bytes(utf8)
    assert read(copy, regions).staging.equals(
        read(original, regions).staging.with_columns(bestand=pl.lit(copy.name))
    )


@pytest.mark.parametrize("name", sorted(BROKEN_UWV))
def test_broken_copies_are_rejected_naming_file_place_and_rule(name, regions, tmp_path):
    make, place, rule = BROKEN_UWV[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(DeliveryRejected) as caught:
        read(path, regions)
    message = str(caught.value)
    assert message.startswith(name)
    assert place in message
    assert rule in message


def test_region_name_may_differ_in_case_and_spacing_but_not_in_meaning(regions, tmp_path):
    lines = csv_lines()
    lines[5] = lines[5].replace(b"Achterhoek;", b"  ACHTERHOEK ;")
    path = tmp_path / "UWV_Trendrapportage_Banenafspraak_2019K2.csv"
    path.write_bytes(join(lines))
    assert read(path, regions).staging.filter(regiocode="AM09")["regio"].item() == "Achterhoek"

    lines[5] = lines[5].replace(b"ACHTERHOEK", b"Twente")
    path.write_bytes(join(lines))
    with pytest.raises(DeliveryRejected, match="line 6: region name 'Twente' does not belong to code AM09"):
        read(path, regions)


def test_unknown_file_names_have_no_format_and_are_rejected_on_read(regions, tmp_path):
    (tmp_path / "uwv").mkdir()
    (tmp_path / "uwv" / "notes.txt").write_text("hello")
    (tmp_path / "uwv" / ".hidden.csv").write_text("ignored")
    [landed] = scan_landing(tmp_path)
    assert landed.format is None and landed.bron == "uwv"
    with pytest.raises(DeliveryRejected, match="notes.txt: file name matches no delivery format"):
        landed.read(regions)


def test_scan_assigns_quarter_partitions_from_file_names():
    partitions = {f.bestand: f.partition for f in scan_landing(SAMPLES) if f.bron == "uwv"}
    assert partitions["UWV_Trendrapportage_Banenafspraak_2020K2_v2.csv"] == "2020Q2"
    assert partitions["Dashboard_Banenafspraak_export_2021-Q3.xlsx"] == "2021Q3"


DUCKDB_TYPES = {
    pl.String: "VARCHAR",
    pl.Date: "DATE",
    pl.Int64: "BIGINT",
    pl.Int32: "INTEGER",
    pl.Float64: "DOUBLE",
}


def test_every_format_delivers_exactly_its_tables_columns_and_types(regions, tmp_path):
    """The DDL is the one declaration of the raw and staging tables: what each reader delivers
    matches DESCRIBE of the warehouse's tables (staging minus the columns the version rule sets)."""
    from banen_pipeline.db import Warehouse
    from banen_pipeline.deliveries import FORMATS

    warehouse = Warehouse(tmp_path / "banen.duckdb")
    with warehouse.writer() as con:
        warehouse.init_schema(con)

        def described(table: str) -> dict[str, str]:
            return {name: kind for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()}

        seen = set()
        for path in sorted(SAMPLES.rglob("*.*")):
            fmt, _partition = identify(path)
            if fmt is None or fmt.name in seen:
                continue
            seen.add(fmt.name)
            parsed = fmt.reader(path, regions)
            staging = described(fmt.supplier.staging_table)
            assert {c: DUCKDB_TYPES[t] for c, t in parsed.staging.schema.items()} == {
                c: kind for c, kind in staging.items() if c not in ("versie", "is_actueel")
            }, fmt.name
            for table, frame in parsed.raw.items():
                assert {c: DUCKDB_TYPES[t] for c, t in frame.schema.items()} == described(table), table
    assert seen == {f.name for f in FORMATS}
