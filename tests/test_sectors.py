"""The sector deliveries: Rijk monitor and yearly sector reports, and the realisation marts."""

import io

import pytest
from openpyxl import load_workbook

from banen_pipeline.deliveries import DeliveryRejected, rijk_xlsx, sectoren_csv

from .conftest import SAMPLES

RIJK = SAMPLES / "rijk"
SECTOREN = SAMPLES / "sectoren"

FURTHEST_BEHIND_2023 = """
    select sector, taakstelling, realisatie, realisatie_pct, tekort
    from marts.realisatie_sector
    where jaar = 2023 and niveau = 'sector'
    order by realisatie_pct
    limit 5
"""


def test_rijk_totals_per_quarter(sample_db):
    rows = dict(
        (k, (t, r, p))
        for k, t, r, p in sample_db.execute(
            "select kwartaal, taakstelling, realisatie, realisatie_pct from marts.realisatie_rijk "
            "where organisatie = 'Totaal Rijk'"
        ).fetchall()
    )
    assert rows["2022Q4"] == (5144, 3749.0, 72.9)
    assert rows["2023Q1"][1] == 3995.0
    assert len(rows) == 20


def test_rijk_organisations_and_supplier_percentage(sample_db):
    organisations = sample_db.execute(
        "select count(*) from marts.realisatie_rijk where kwartaal = '2022Q4' and not is_totaal"
    ).fetchone()
    assert organisations == (13,)
    supplier = sample_db.execute(
        "select realisatie_pct, realisatie_pct_geleverd from marts.realisatie_rijk "
        "where kwartaal = '2021Q2' and is_totaal"
    ).fetchone()
    assert supplier == (65.6, 70.6)


def test_realisatie_sector_2022(sample_db):
    rows = {
        sector: rest
        for sector, *rest in sample_db.execute(
            "select sector, realisatie, taakstelling, realisatie_pct, tekort, jaarmeting, verschil_jaarmeting "
            "from marts.realisatie_sector where jaar = 2022"
        ).fetchall()
    }
    assert rows["Rijk"][:3] == [3749, 5144, 72.9]
    assert rows["Overheid"] == [10004, 22500, 44.5, 12496, 10004, 0]
    assert rows["Markt"][:4] == [71113, 70000, 101.6, 0]
    assert len(rows) == 13 + 2


def test_sectors_furthest_behind_query_from_the_readme(sample_db):
    rows = sample_db.execute(FURTHEST_BEHIND_2023).fetchall()
    assert len(rows) == 5
    pcts = [r[3] for r in rows]
    assert pcts == sorted(pcts)
    all_2023 = sample_db.execute(
        "select min(realisatie_pct) from marts.realisatie_sector where jaar = 2023 and niveau = 'sector'"
    ).fetchone()[0]
    assert pcts[0] == all_2023


def test_wrong_supplier_percentage_loads_with_a_warning(sample_db):
    status, warnings = sample_db.execute(
        "select status, waarschuwingen from meta.leveringen where bestand = 'Monitor_Banenafspraak_Rijk_2021_Q2.xlsx'"
    ).fetchone()
    assert status == "geladen"
    assert len(warnings) == 1 and "70.6" in warnings[0] and "65.6" in warnings[0] and "D18" in warnings[0]
    others = sample_db.execute(
        "select count(*) from meta.leveringen where bron = 'rijk' and len(waarschuwingen) > 0"
    ).fetchone()
    assert others == (1,)


def test_sector_reports_land_per_year(sample_db):
    years = sample_db.execute(
        "select jaar, count(*), sum(taakstelling) from staging.sector_rapportage where is_actueel group by jaar order by jaar"
    ).fetchall()
    assert [y for y, _, _ in years] == list(range(2015, 2024))
    assert all(n == 13 for _, n, _ in years)
    assert dict((y, t) for y, _, t in years)[2023] == 25000


def edited_rijk(edit, name="Monitor_Banenafspraak_Rijk_2022_Q4.xlsx") -> bytes:
    workbook = load_workbook(RIJK / name)
    edit(workbook.worksheets[0])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_rijk_organisations_not_adding_up_are_rejected_naming_the_row(tmp_path):
    def raise_one(ws):
        ws["C5"] = ws["C5"].value + 10

    path = tmp_path / "Monitor_Banenafspraak_Rijk_2022_Q4.xlsx"
    path.write_bytes(edited_rijk(raise_one))
    with pytest.raises(DeliveryRejected) as caught:
        rijk_xlsx.read(path)
    message = str(caught.value)
    assert message.startswith(path.name)
    assert "row 18" in message and "'Totaal Rijk' realisatie 3749" in message and "3759" in message


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda ws: ws.__setitem__("A2", "Stand: 31 december 2021"),
            "contents are for 2021Q4 but the file name says 2022Q4",
        ),
        (
            lambda ws: ws.__setitem__("A2", "Stand: eind van het jaar"),
            "cell A2: expected 'Stand: <day> <Dutch month> <year>'",
        ),
        (
            lambda ws: ws.__setitem__("A2", "Stand: 31 november 2022"),
            "'Stand: 31 november 2022' is not a date",
        ),
        (
            lambda ws: ws.__setitem__("B4", "Opmerking"),
            "cell B4: header 'Opmerking' has no known meaning (words seen: opmerking;",
        ),
        (
            lambda ws: ws.__setitem__("B4", "Gerealiseerd 2022"),
            "row 4: header has 0 columns meaning 'taakstelling'",
        ),
        (
            lambda ws: ws.__setitem__("C7", "n.b."),
            "cell C7: 'n.b.' in column 'Realisatie' is not a (finite) number",
        ),
        (lambda ws: ws.delete_rows(18, 3), "no 'Totaal Rijk' row"),
    ],
)
def test_rijk_structure_rules(tmp_path, edit, expected):
    path = tmp_path / "Monitor_Banenafspraak_Rijk_2022_Q4.xlsx"
    path.write_bytes(edited_rijk(edit))
    with pytest.raises(DeliveryRejected, match=expected.replace("(", r"\(").replace(")", r"\)")):
        rijk_xlsx.read(path)


def test_rijk_header_is_matched_by_meaning_in_both_wordings():
    before = rijk_xlsx.read(RIJK / "Monitor_Banenafspraak_Rijk_2021_Q4.xlsx")
    after = rijk_xlsx.read(RIJK / "Monitor_Banenafspraak_Rijk_2022_Q1.xlsx")  # 'Organisatie ' with a space
    assert before.staging.columns == after.staging.columns
    assert after.staging["peildatum"][0].isoformat() == "2022-03-31"


def test_sector_report_missing_a_sector_is_rejected(tmp_path):
    lines = (SECTOREN / "Voortgangsrapportage_publieke_sectoren_2022.csv").read_text().splitlines()
    path = tmp_path / "Voortgangsrapportage_publieke_sectoren_2022.csv"
    path.write_text("\n".join(line for line in lines if not line.startswith("Politie")) + "\n")
    with pytest.raises(DeliveryRejected, match="expected the 13 public sectors, missing Politie"):
        sectoren_csv.read(path)


def test_sector_report_for_another_year_is_rejected(tmp_path):
    source = SECTOREN / "Voortgangsrapportage_publieke_sectoren_2022.csv"
    path = tmp_path / "Voortgangsrapportage_publieke_sectoren_2021.csv"
    path.write_bytes(source.read_bytes())
    with pytest.raises(DeliveryRejected, match="line 2: contents are for 2022 but the file name says 2021"):
        sectoren_csv.read(path)
