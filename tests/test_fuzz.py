"""Hostile input: every reader, fed mutated copies of the sample deliveries, either loads the file or
raises the project's own DeliveryRejected with a reason. Any other exception is a bug.

`make test` runs a fixed number of examples per reader; `make fuzz` runs many more
(HYPOTHESIS_PROFILE=fuzz) and prints the statistics.
"""

import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from banen_pipeline.deliveries import DeliveryRejected, rijk_xlsx, sectoren_csv, uwv_csv, uwv_xlsx

from .conftest import SAMPLES

# A fixed, reproducible number of examples in `make test`; many more in `make fuzz`. Here, not in
# conftest: importing Hypothesis costs a second, which only this module needs.
settings.register_profile("ci", max_examples=40, derandomize=True, print_blob=True)
settings.register_profile("fuzz", max_examples=3000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CSV_READERS = {
    "uwv_csv": (uwv_csv.read, SAMPLES / "uwv" / "UWV_Trendrapportage_Banenafspraak_2019K3.csv"),
    "sectoren_csv": (
        sectoren_csv.read,
        SAMPLES / "sectoren" / "Voortgangsrapportage_publieke_sectoren_2022.csv",
    ),
}
XLSX_READERS = {
    "uwv_xlsx": (uwv_xlsx.read, SAMPLES / "uwv" / "Dashboard_Banenafspraak_export_2022-Q3.xlsx"),
    "rijk_xlsx": (rijk_xlsx.read, SAMPLES / "rijk" / "Monitor_Banenafspraak_Rijk_2022_Q4.xlsx"),
}
COMMON = settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
    deadline=None,
)


def outcome(reader, name: str, data: bytes, regions) -> str:
    """'loaded' or 'rejected'; anything else propagates and fails the test."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            reader(path, regions)
        except DeliveryRejected as exc:
            assert str(exc).startswith(name) and exc.rule
            return "rejected"
    return "loaded"


# --- byte- and line-level mutations (any format) ---------------------------------------------

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=12)
SAMPLE_BYTES = {name: sample.read_bytes() for name, (_, sample) in {**CSV_READERS, **XLSX_READERS}.items()}


@st.composite
def mutated_bytes(draw, sample: str) -> bytes:
    data = bytearray(SAMPLE_BYTES[sample])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            del data[at:]
    return bytes(data)


@st.composite
def mutated_lines(draw, sample: str) -> bytes:
    original = SAMPLE_BYTES[sample]
    newline = b"\r\n" if b"\r\n" in original else b"\n"
    lines = original.split(newline)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["drop", "duplicate", "swap", "edit_field", "reencode"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "drop" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "edit_field":
            separator = b";" if b";" in lines[i] else b","
            fields = lines[i].split(separator)
            k = draw(st.integers(0, len(fields) - 1))
            fields[k] = draw(texts).encode(draw(st.sampled_from(["utf-8", "cp1252"])), errors="replace")
            lines[i] = separator.join(fields)
        else:
            codec = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-sig"]))
            return original.decode("cp1252", errors="replace").encode(codec, errors="replace")
    return newline.join(lines)


@pytest.mark.parametrize("name", sorted(CSV_READERS))
@COMMON
@given(draw=st.data())
def test_csv_readers_reject_or_load_mutated_files(name, regions, draw):
    reader, sample = CSV_READERS[name]
    data = draw.draw(st.one_of(mutated_bytes(name), mutated_lines(name)), label="mutated file")
    event(outcome(reader, sample.name, data, regions))


# --- workbook-level mutations ------------------------------------------------------------------

cell_values = st.one_of(
    st.none(),
    texts,
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
)


@st.composite
def mutated_workbook(draw, sample: str) -> bytes:
    workbook = load_workbook(io.BytesIO(SAMPLE_BYTES[sample]))
    for _ in range(draw(st.integers(1, 4))):
        ws = draw(st.sampled_from(workbook.worksheets))
        kind = draw(
            st.sampled_from(
                ["cell", "header", "delete_row", "insert_row", "sheet_order", "rename", "drop_sheet"]
            )
        )
        if kind == "cell":
            row = draw(st.integers(1, max(ws.max_row, 1) + 2))
            column = draw(st.integers(1, max(ws.max_column, 1) + 1))
            ws.cell(row, column).value = draw(cell_values)
        elif kind == "header":
            row = 4 if ws.title == "Monitor" else 1
            ws.cell(row, draw(st.integers(1, max(ws.max_column, 1)))).value = draw(texts)
        elif kind == "delete_row":
            ws.delete_rows(draw(st.integers(1, max(ws.max_row, 1))))
        elif kind == "insert_row":
            ws.insert_rows(draw(st.integers(1, max(ws.max_row, 1))))
        elif kind == "sheet_order":
            workbook.move_sheet(ws, offset=draw(st.integers(-2, 2)))
        elif kind == "rename":
            ws.title = draw(
                st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij ", min_size=1, max_size=20)
            )
        elif len(workbook.worksheets) > 1:
            workbook.remove(ws)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(XLSX_READERS))
@COMMON
@given(draw=st.data())
def test_xlsx_readers_reject_or_load_mutated_workbooks(name, regions, draw):
    reader, sample = XLSX_READERS[name]
    data = draw.draw(st.one_of(mutated_workbook(name), mutated_bytes(name)), label="mutated workbook")
    event(outcome(reader, sample.name, data, regions))


def test_unmutated_samples_load(regions):
    for reader, sample in (*CSV_READERS.values(), *XLSX_READERS.values()):
        assert outcome(reader, sample.name, sample.read_bytes(), regions) == "loaded"


def test_a_copy_loads_under_its_own_name(tmp_path, regions):
    """The harness itself: a rejected file names itself, a good one loads."""
    reader, sample = CSV_READERS["uwv_csv"]
    shutil.copyfile(sample, tmp_path / sample.name)
    assert outcome(reader, sample.name, b"garbage", regions) == "rejected"


@pytest.mark.parametrize(
    ("name", "sheet", "cell", "value"),
    [
        ("uwv_xlsx", "Banen", "E2", 3.4e38),  # found by `make fuzz`: overflowed the BIGINT column
        ("uwv_xlsx", "Personen", "D2", 2**64),
        ("rijk_xlsx", "Monitor", "C5", float("inf")),
    ],
)
def test_numbers_out_of_range_are_rejected_not_crashed(name, sheet, cell, value, regions):
    reader, sample = XLSX_READERS[name]
    workbook = load_workbook(io.BytesIO(SAMPLE_BYTES[name]))
    workbook[sheet][cell] = value
    out = io.BytesIO()
    workbook.save(out)
    assert outcome(reader, sample.name, out.getvalue(), regions) == "rejected"


def test_csv_number_beyond_bigint_is_rejected(regions):
    reader, sample = CSV_READERS["uwv_csv"]
    data = SAMPLE_BYTES["uwv_csv"].replace(b";2.836;", b";99999999999999999999999;", 1)
    assert data != SAMPLE_BYTES["uwv_csv"]
    assert outcome(reader, sample.name, data, regions) == "rejected"
