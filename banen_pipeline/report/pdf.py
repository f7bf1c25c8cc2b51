"""The report as an A4 PDF, printed by headless Chromium (its print stylesheet keeps charts and table
rows whole). Chromium is the one outside program the project uses: ``apt-get install chromium``, or
name it in BANEN_CHROMIUM."""

from __future__ import annotations

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
    "--generate-pdf-document-outline",  # the PDF's bookmarks: one per heading
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: no request leaves the machine
    "--proxy-server=http://127.0.0.1:9",  # and none goes through a proxy either
)
"""Chromium without a screen, without reaching out to the network. Scripts are off through the page
itself: the report's Content-Security-Policy (``default-src 'none'``, no ``script-src``) runs no
script and loads no file or URL a value might name. Chromium 156 has no switch for it that still
prints (``--blink-settings=scriptEnabled=false`` prints nothing, ``--disable-javascript`` is ignored)."""

BASE_TIMEOUT_S = 60.0
TIMEOUT_S_PER_MB = 20.0
"""Printing time allowed: a minute, and 20 s more for each MB of the page (the samples' report is
about 1 MB and prints in a few seconds)."""


class NoBrowser(FileNotFoundError):
    """No Chromium to print with."""


class PrintFailed(RuntimeError):
    """Chromium did not print the page: it failed, or did not finish within its time."""


def time_allowed(page: Path) -> float:
    """Seconds allowed to print ``page``, by its size."""
    return BASE_TIMEOUT_S + TIMEOUT_S_PER_MB * page.stat().st_size / 1e6


def browser(configured: str | None = None) -> str:
    """The Chromium to print with: ``configured`` (the setting chromium, BANEN_CHROMIUM), else the
    first of BROWSERS on the PATH."""
    found = configured or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        raise NoBrowser(
            "banen report --pdf prints with headless Chromium, which is not installed: "
            "apt-get install chromium (or set BANEN_CHROMIUM to its path)"
        )
    return found


def print_pdf(page: Path, target: Path, timeout_s: float | None = None, chromium: str | None = None) -> Path:
    """Print ``page`` (the report's index.html) to ``target`` as A4, atomically, within
    ``timeout_s`` (by default :func:`time_allowed`), with ``chromium`` (:func:`browser`)."""
    command = browser(chromium)
    timeout_s = timeout_s or time_allowed(page)
    with tempfile.TemporaryDirectory(prefix="banen-chromium-") as profile, replacing(target, ".pdf") as tmp:
        try:
            subprocess.run(
                [
                    command,
                    *FLAGS,
                    f"--user-data-dir={profile}",
                    f"--print-to-pdf={tmp}",
                    page.resolve().as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=timeout_s,
            )
        except subprocess.TimeoutExpired:
            raise PrintFailed(f"pdf: {command} did not print {page} within {timeout_s:.0f} s") from None
        except subprocess.CalledProcessError as exc:
            said = (exc.stderr or b"").decode(errors="replace").strip().splitlines()
            raise PrintFailed(
                f"pdf: {command} failed printing {page} (exit {exc.returncode}){': ' + said[-1] if said else ''}"
            ) from None
        if tmp.stat().st_size == 0:
            raise PrintFailed(f"pdf: {command} printed an empty PDF of {page}")
    return target
