"""What the readers and the landing folder refuse: data after the table, oversized files, links out
of the folder, files still being written; and what they leave alone."""

import hashlib
import tracemalloc

import duckdb
import pytest

from banen_pipeline import deliveries
from banen_pipeline.deliveries import DeliveryRejected, scan_landing
from banen_pipeline.ingest import ingest

from .broken import csv_lines, join
from .conftest import UWV

CSV = "UWV_Trendrapportage_Banenafspraak_2019K2.csv"


def _rejection(tmp_path, data: bytes, regions, name: str = CSV) -> DeliveryRejected:
    path = tmp_path / name
    path.write_bytes(data)
    [landed] = scan_landing(tmp_path)
    with pytest.raises(DeliveryRejected) as caught:
        landed.read(regions)
    return caught.value


def test_footnotes_after_the_table_are_accepted(regions, tmp_path):
    lines = csv_lines()
    table_end = lines.index(b";;;;;;;;", 5)
    extra = [b"* Nog een voetnoot;;;;;;;;", b";;;;;;;;", b"Toelichting: zie de website;;;;;;;;"]
    (tmp_path / CSV).write_bytes(join(lines[: table_end + 3] + extra + lines[table_end + 3 :]))
    [landed] = scan_landing(tmp_path)
    assert landed.read(regions).staging.height == 36


@pytest.mark.parametrize(
    "appended, what",
    [
        ("second_table", "a whole second export appended to the first"),
        ("second_nl_row", "a second Nederland row after the footnotes"),
        ("second_header", "a second header"),
    ],
)
def test_data_after_the_table_rejects_the_delivery_naming_the_line(regions, tmp_path, appended, what):
    lines = csv_lines()
    while lines[-1] == b"":
        lines.pop()
    table_end = lines.index(b";;;;;;;;", 5)
    header = lines[table_end - 37]
    nl_row = lines[table_end - 1]
    tail = {
        "second_table": lines,
        "second_nl_row": [nl_row],
        "second_header": [header],
    }[appended]
    first_bad = len(lines) + 1 + (lines.index(header) if appended == "second_table" else 0)
    reason = str(_rejection(tmp_path, join(lines + tail) + b"\r\n", regions))
    assert reason.startswith(f"{CSV} line {first_bad}: data after the table"), (what, reason)


def test_a_delivery_over_the_size_limit_is_rejected_before_it_is_read(regions, tmp_path, monkeypatch):
    data = (UWV / CSV).read_bytes()
    monkeypatch.setattr(deliveries, "MAX_DELIVERY_BYTES", len(data) - 1)
    path = tmp_path / CSV
    path.write_bytes(data)
    [landed] = scan_landing(tmp_path)
    path.unlink()  # any attempt to read it now would fail with FileNotFoundError
    with pytest.raises(DeliveryRejected) as caught:
        landed.read(regions)
    assert str(caught.value) == (
        f"{CSV}: the file has {len(data):,} bytes, more than the {len(data) - 1:,} a delivery may have; not read"
    )


def test_reading_a_large_delivery_takes_a_few_times_its_size(regions, tmp_path):
    """A CSV just under the limit, with a second table appended many times: rejected at the first
    extra line, and Python's allocations while reading stay within a few times the file's size."""
    lines = csv_lines()
    while lines[-1] == b"":
        lines.pop()
    one = join(lines) + b"\r\n"
    data = one * (deliveries.MAX_DELIVERY_BYTES // len(one))
    path = tmp_path / CSV
    path.write_bytes(data)
    [landed] = scan_landing(tmp_path)
    tracemalloc.start()
    with pytest.raises(DeliveryRejected, match="data after the table"):
        landed.read(regions)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{len(data):,} bytes read with a peak of {peak:,} bytes allocated ({peak / len(data):.1f} x)")
    assert peak < 5 * len(data)


def test_a_symlink_is_rejected_and_its_target_never_read(regions, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.csv"
    secret.write_bytes((UWV / CSV).read_bytes())
    landing = tmp_path / "landing"
    (landing / "uwv").mkdir(parents=True)
    (landing / "uwv" / CSV).symlink_to(secret)
    (landing / "elders").symlink_to(outside, target_is_directory=True)
    files = scan_landing(landing)
    assert [f.bestand for f in files] == ["elders", CSV]  # the linked folder is not entered
    target_digest = hashlib.sha256(secret.read_bytes()).hexdigest()
    for landed in files:
        assert landed.link_target is not None and landed.sha256 != target_digest  # the target was not hashed
        with pytest.raises(DeliveryRejected, match="a symbolic link .* is not a delivery"):
            landed.read(regions)


def test_hidden_lock_and_partial_files_are_not_deliveries(tmp_path):
    data = (UWV / CSV).read_bytes()
    for name in (CSV, f".{CSV}", f"~${CSV}", f"{CSV}.part", f"{CSV}.crdownload"):
        (tmp_path / name).write_bytes(data)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / CSV).write_bytes(data)
    assert [f.bestand for f in scan_landing(tmp_path)] == [CSV]


def test_a_file_still_being_written_is_left_for_the_next_run(regions, tmp_path):
    data = (UWV / CSV).read_bytes()
    path = tmp_path / CSV
    path.write_bytes(data[:1000])  # half a file, as an upload in progress
    [landed] = scan_landing(tmp_path)
    path.write_bytes(data)  # the transfer goes on after the scan
    con = duckdb.connect()
    for schema in ("meta", "raw", "staging"):
        con.execute(f"CREATE SCHEMA {schema}")
    from banen_pipeline.config import SQL_DIR

    for layer in ("meta", "raw", "staging"):
        for sql in sorted((SQL_DIR / layer).glob("*.sql")):
            con.execute(sql.read_text())
    [outcome] = ingest(con, [landed], regions)
    assert outcome.status == "nog in aanvoer" and "still being written" in outcome.reden
    assert con.execute("SELECT count(*) FROM meta.leveringen").fetchone() == (0,)  # not recorded
    [again] = scan_landing(tmp_path)  # the next run sees the whole file
    assert ingest(con, [again], regions)[0].status == "geladen"


@pytest.mark.parametrize("appended", ["second_header", "second_nl_rows"])
def test_rows_after_a_workbook_table_reject_it_naming_the_sheet_and_limit(regions, tmp_path, appended):
    """The agreed Banen sheet has a header and 36 x 4 rows: a second header or the national rows
    again below the table take it past that, and the workbook is rejected before it is read, naming
    the sheet and the limit."""
    from .broken import xlsx_edit

    def append(workbook):
        sheet = workbook["Banen"]
        rows = list(sheet.iter_rows(values_only=True))
        tail = [rows[0]] if appended == "second_header" else [r for r in rows[1:] if r[1] == "NL"]
        sheet.append([])
        for row in tail:
            sheet.append(list(row))

    name = "Dashboard_Banenafspraak_export_2022-Q3.xlsx"
    reason = str(_rejection(tmp_path, xlsx_edit(append), regions, name=name))
    assert (
        reason
        == f"{name} sheet 'Banen': has more than 145 filled rows (the limit from the delivery agreement)"
    )
