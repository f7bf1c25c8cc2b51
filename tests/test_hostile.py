"""Nothing a delivery carries becomes markup. Valid deliveries whose free text (the Rijk monitor's
organisation names, the sector reports' notes) holds hostile strings load, and every output shows
them as text: the report, its PDF, every data docs page, the notification's webhook body and mail
headers. A name with CR/LF is rejected naming its cell. And the Content-Security-Policy holds in
Chromium: a script or request slipped into the page runs and fetches nothing."""

from __future__ import annotations

import csv
import http.server
import io
import json
import shutil
import subprocess
import tempfile
import threading
import time
from email import message_from_string
from pathlib import Path

import duckdb
import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook
from pypdf import PdfReader

from banen_pipeline.notifications import Notifier, rejection_message

from .conftest import SAMPLES, run, settings_for

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '<a href="javascript:alert(3)">klik</a>',
    '<iframe src="file:///etc/passwd"></iframe>',
    '<div style="background:url(http://127.0.0.1:9/css)">css</div>',
    "[klik hier](javascript:alert(4))",
    '" onmouseover="alert(5)" x="',
]
CRLF_NAME = "Ministerie van BZK\r\nBcc: iemand@example.org"
RIJK = "rijk/Monitor_Banenafspraak_Rijk_2023_Q4.xlsx"
SECTOREN = "sectoren/Voortgangsrapportage_publieke_sectoren_2023.csv"
HAS_CHROMIUM = any(map(shutil.which, ("chromium", "chromium-browser", "google-chrome")))


def _rijk_with_names(names: list[str]) -> bytes:
    """The 2023Q4 Rijk monitor with its first organisations renamed (figures as they are)."""
    workbook = load_workbook(SAMPLES / RIJK)
    sheet = workbook.active
    for row, name in enumerate(names, start=5):
        sheet.cell(row, 1).value = name
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """(settings, exit code, summary) of a run on the samples with hostile names in the 2023Q4 Rijk
    monitor and the 2023 sector notes, and a 2024Q1 monitor with a CR/LF name."""
    root = tmp_path_factory.mktemp("hostile")
    landing = root / "landing"
    shutil.copytree(SAMPLES, landing)
    (landing / RIJK).write_bytes(_rijk_with_names(HOSTILE))
    rows = list(csv.reader(io.StringIO((SAMPLES / SECTOREN).read_text(encoding="utf-8"))))
    notes = io.StringIO()
    writer = csv.writer(notes, lineterminator="\n")
    writer.writerow(rows[0])
    writer.writerows([*row[:4], HOSTILE[i % len(HOSTILE)]] for i, row in enumerate(rows[1:]))
    (landing / SECTOREN).write_text(notes.getvalue(), encoding="utf-8")
    bad = _rijk_with_names([CRLF_NAME])
    workbook = load_workbook(io.BytesIO(bad))
    workbook.active["A2"].value = "Stand: 31 maart 2024"
    workbook.active["B4"].value = "Taakstelling 2024 (banen)"
    out = io.BytesIO()
    workbook.save(out)
    (landing / "rijk" / "Monitor_Banenafspraak_Rijk_2024_Q1.xlsx").write_bytes(out.getvalue())
    settings = settings_for(root, landing)
    code, summary = run(settings)
    return settings, code, summary


MARKERS = ("alert(", "javascript:", "file:///etc/passwd", "127.0.0.1:9")
"""What each hostile string carries: found in a tag's name or attributes, it became markup."""


def _markup_from_data(html: str) -> list[str]:
    """Elements or attributes a hostile string would have made, had it become markup (the
    project's own pages have no script, iframe or img, and no on* attribute)."""
    page = BeautifulSoup(html, "html.parser")
    found = [tag.name for tag in page.find_all(["script", "iframe", "img", "object", "embed"])]
    for tag in page.find_all(True):
        found += [f"{tag.name}[{attr}]" for attr in tag.attrs if attr.startswith("on")]
        found += [
            f"{tag.name}[{attr}]"
            for attr, value in tag.attrs.items()
            if any(
                marker in " ".join(value) if isinstance(value, list) else marker in value
                for marker in MARKERS
            )
        ]
    return found


@pytest.mark.slow
def test_hostile_names_load_and_a_crlf_name_is_rejected_naming_its_cell(hostile_run):
    settings, code, summary = hostile_run
    assert code == 3 and summary["afgewezen"] == 1, summary
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        names = {
            r[0]
            for r in con.execute(
                "SELECT organisatie FROM staging.rijk_monitor WHERE kwartaal = '2023Q4'"
            ).fetchall()
        }
        notes = {
            r[0]
            for r in con.execute(
                "SELECT opmerking FROM staging.sector_rapportage WHERE jaar = 2023"
            ).fetchall()
        }
        (reason,) = con.execute("SELECT reden FROM meta.leveringen WHERE status = 'afgewezen'").fetchone()
    assert set(HOSTILE) <= names and set(HOSTILE) <= notes  # kept as delivered
    assert "Monitor_Banenafspraak_Rijk_2024_Q1.xlsx" in reason and "cell A5" in reason
    assert "control character" in reason and "\n" not in reason


@pytest.mark.slow
def test_the_report_and_the_data_docs_show_them_as_text(hostile_run):
    settings = hostile_run[0]
    report = (settings.report / "index.html").read_text(encoding="utf-8")
    assert _markup_from_data(report) == []
    text = BeautifulSoup(report, "html.parser").get_text(" ")
    assert all(name in text for name in HOSTILE[:3])  # the per-organisation table shows the names as text
    pages = sorted(settings.data_docs.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert _markup_from_data(html) == [], page
        assert "Content-Security-Policy" in html and "default-src 'none'" in html, page
    assert "default-src 'none'" in report


@pytest.mark.slow
def test_the_notification_carries_them_as_data(hostile_run):
    settings = hostile_run[0]
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        reasons = [
            r[0]
            for r in con.execute("SELECT reden FROM meta.leveringen WHERE status = 'afgewezen'").fetchall()
        ]
    message = rejection_message("run-1", f"cli {HOSTILE[0]}\r\nBcc: x@example.org", reasons + HOSTILE)
    assert json.loads(json.dumps(message.__dict__))["details"] == reasons + HOSTILE  # the webhook body
    email = message_from_string(Notifier(smtp="localhost", to="a@example.org").email(message).as_string())
    assert sorted(email.keys()) == [
        "Content-Transfer-Encoding",
        "Content-Type",
        "From",
        "MIME-Version",
        "Subject",
        "To",
    ]


@pytest.mark.slow
@pytest.mark.skipif(not HAS_CHROMIUM, reason="no Chromium")
def test_the_pdf_prints_the_names_as_text_in_its_normal_time(hostile_run):
    from banen_pipeline.report.pdf import print_pdf

    settings = hostile_run[0]
    began = time.monotonic()
    pdf = print_pdf(settings.report / "index.html", settings.report / "rapport.pdf")
    assert time.monotonic() - began < 60
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "<script>alert(1)</script>" in " ".join(text.split()) or "alert(1)" in text


@pytest.mark.slow
@pytest.mark.skipif(not HAS_CHROMIUM, reason="no Chromium")
def test_the_policy_runs_no_script_and_makes_no_request_in_chromium(hostile_run):
    """An escaping slip simulated: raw markup pasted into the report. Chromium loads the page; a
    local server counts the requests that reach it."""
    requests: list[str] = []

    class Count(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Count)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    slip = (
        f'<script>document.title = "RAN"</script><script src="{url}/s.js"></script>'
        f'<img src="{url}/i.png" onerror="document.title = \'RAN2\'"><link rel="stylesheet" href="{url}/c.css">'
        f'<iframe src="{url}/f.html"></iframe><div style="background:url({url}/u.png)">x</div>'
    )
    page = (
        (hostile_run[0].report / "index.html")
        .read_text(encoding="utf-8")
        .replace("<body>", "<body>" + slip, 1)
    )
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "slip.html"
            path.write_text(page, encoding="utf-8")
            dom = subprocess.run(
                ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={folder}/profile",
                 "--virtual-time-budget=3000", "--dump-dom", path.as_uri()],
                capture_output=True, text=True, timeout=120,
            ).stdout  # fmt: skip
    finally:
        server.shutdown()
    title = BeautifulSoup(dom, "html.parser").title.get_text()
    assert "RAN" not in title and title.startswith("Banenafspraak")
    assert requests == []


def test_dagster_markdown_metadata_shows_them_as_text():
    """The rejection check's Markdown (file, place, rule) renders a delivered string as its text."""
    from markdown_it import MarkdownIt

    from banen_pipeline.defs.staging_checks import markdown_text

    render = MarkdownIt("commonmark").render  # raw HTML allowed, as the strictest case
    for value in [*HOSTILE, CRLF_NAME]:
        html = render(f"- **{markdown_text(value)}** (line 3): {markdown_text(value)}")
        assert _markup_from_data(html) == [], value
        assert BeautifulSoup(html, "html.parser").strong.get_text() == " ".join(value.split())
