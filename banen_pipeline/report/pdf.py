"""The report as an A4 PDF, printed by headless Chromium (its print stylesheet keeps charts and table
rows whole). Chromium is the one outside program the project uses: ``apt-get install chromium``, or
name it in BANEN_CHROMIUM."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..files import replacing

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",  # root in a container has no sandbox to drop into
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)
"""Chromium without a screen, without reaching out to the network."""


class NoBrowser(FileNotFoundError):
    """No Chromium to print with."""


def browser() -> str:
    """The Chromium to print with: BANEN_CHROMIUM, else the first of BROWSERS on the PATH."""
    found = os.environ.get("BANEN_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        raise NoBrowser(
            "banen report --pdf prints with headless Chromium, which is not installed: "
            "apt-get install chromium (or set BANEN_CHROMIUM to its path)"
        )
    return found


def print_pdf(page: Path, target: Path, timeout_s: float = 180) -> Path:
    """Print ``page`` (the report's index.html) to ``target`` as A4, atomically."""
    command = browser()
    with tempfile.TemporaryDirectory(prefix="banen-chromium-") as profile, replacing(target, ".pdf") as tmp:
        subprocess.run(
            [command, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp}", page.resolve().as_uri()],
            check=True,
            capture_output=True,
            timeout=timeout_s,
        )
        if tmp.stat().st_size == 0:
            raise RuntimeError(f"{command} printed an empty PDF of {page}")
    return target
