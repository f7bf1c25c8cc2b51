"""Deliveries: one reader per supplier format (``../shared/specs/deliveries.md``).

A reader turns a file into a :class:`ParsedDelivery` or raises :class:`DeliveryRejected` with the
file, the line or cell, and the rule. Readers enforce structure; value rules live in ``checks``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import rijk_xlsx, sectoren_csv, uwv_csv, uwv_xlsx
from .base import DeliveryRejected, ParsedDelivery, Regions

__all__ = [
    "FORMATS",
    "DeliveryFormat",
    "DeliveryRejected",
    "LandedFile",
    "ParsedDelivery",
    "Regions",
    "scan_landing",
]


@dataclass(frozen=True)
class DeliveryFormat:
    name: str
    bron: str
    file_name: re.Pattern[str]
    reader: Callable[[Path, Regions], ParsedDelivery]
    partition_of: Callable[[re.Match[str]], str]
    """The quarterly partition a file belongs to, from its name (a yearly report: its Q4)."""


def _quarter_key(match: re.Match[str]) -> str:
    quarter = match["quarter"]
    return f"{quarter[:4]}Q{quarter[-1]}"


def _year_end_key(match: re.Match[str]) -> str:
    """A yearly report measures 31 December: it belongs to the year's fourth quarter."""
    return f"{match['year']}Q4"


FORMATS: list[DeliveryFormat] = [
    DeliveryFormat("uwv_trendrapportage_csv", "uwv", uwv_csv.FILE_NAME, uwv_csv.read, _quarter_key),
    DeliveryFormat("uwv_dashboard_xlsx", "uwv", uwv_xlsx.FILE_NAME, uwv_xlsx.read, _quarter_key),
    DeliveryFormat("rijk_monitor_xlsx", "rijk", rijk_xlsx.FILE_NAME, rijk_xlsx.read, _quarter_key),
    DeliveryFormat("sectoren_csv", "sectoren", sectoren_csv.FILE_NAME, sectoren_csv.read, _year_end_key),
]

SOURCES = ("uwv", "rijk", "sectoren")


@dataclass(frozen=True)
class LandedFile:
    """A file in the landing folder, identified by its bytes."""

    path: Path
    sha256: str
    format: DeliveryFormat | None
    partition: str | None

    @property
    def bestand(self) -> str:
        return self.path.name

    @property
    def bron(self) -> str:
        """The supplier: from the format, else from the folder the file was dropped in."""
        if self.format:
            return self.format.bron
        parent = self.path.parent.name
        return parent if parent in SOURCES else "onbekend"

    def read(self, regions: Regions) -> ParsedDelivery:
        if self.format is None:
            raise DeliveryRejected(
                self.bestand,
                None,
                "file name matches no delivery format of the agreement (specs/deliveries.md)",
            )
        return self.format.reader(self.path, regions)


def sha256_of(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def identify(path: Path) -> tuple[DeliveryFormat | None, str | None]:
    for fmt in FORMATS:
        match = fmt.file_name.match(path.name)
        if match:
            return fmt, fmt.partition_of(match)
    return None, None


MICRODATA_FOLDER = "microdata"
"""A payroll extract lands in <landing>/microdata/; it is not a delivery of the agreement's formats."""


def _is_candidate(path: Path, landing: Path) -> bool:
    relative = path.relative_to(landing)
    hidden = any(part.startswith((".", "~$")) for part in relative.parts)
    return path.is_file() and not hidden and relative.parts[0] != MICRODATA_FOLDER


def scan_landing(landing: Path) -> list[LandedFile]:
    """Every visible file below the landing folder, sorted by name, with its hash and partition."""
    files = []
    for path in sorted(p for p in landing.rglob("*") if _is_candidate(p, landing)):
        fmt, partition = identify(path)
        files.append(LandedFile(path, sha256_of(path), fmt, partition))
    return files
