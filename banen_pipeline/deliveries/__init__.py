"""Deliveries: one reader per supplier format (``sources/specs/deliveries.md``, copied from the delivery agreement).

A reader turns a file into a :class:`ParsedDelivery` or raises :class:`DeliveryRejected` with the
file, the line or cell, and the rule. Readers enforce structure; value rules live in ``validation`` (Great Expectations suites).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import ModuleType

from .base import DeliveryFormat, DeliveryRejected, ParsedDelivery, Regions, Supplier

__all__ = [
    "FORMATS",
    "DeliveryFormat",
    "DeliveryRejected",
    "LandedFile",
    "ParsedDelivery",
    "Regions",
    "SUPPLIERS",
    "COUNTED",
    "Status",
    "Supplier",
    "scan_landing",
]


def _reader_modules() -> tuple[ModuleType, ...]:
    """Every module of this package that declares a ``FORMAT``: a new reader module is found
    without being listed anywhere."""
    modules = (importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__))
    return tuple(sorted((m for m in modules if hasattr(m, "FORMAT")), key=lambda m: m.__name__))


READERS = _reader_modules()
"""Every reader module (``rijk_xlsx``, ``sectoren_csv``, ``uwv_csv``, ``uwv_xlsx``); each declares its
``FORMAT`` and with it its supplier."""
FORMATS: list[DeliveryFormat] = [reader.FORMAT for reader in READERS]
SUPPLIERS: dict[str, Supplier] = {f.supplier.bron: f.supplier for f in FORMATS}
"""Every supplier by its name (``bron``), in the order of READERS."""


MAX_DELIVERY_BYTES = 16 * 1024 * 1024
"""A delivery larger than this is rejected before it is read. The agreement's files are small (the
samples: at most 12 KB; a quarterly table has 36 rows): 16 MiB is over a thousand times that, and
bounds what reading one file may cost (a CSV reader holds a few times the file's size)."""
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".filepart")
"""Files still being transferred (the usual names of uploads in progress): not deliveries yet."""


class Status(StrEnum):
    """What a run did with a landed file: the first three are recorded in ``meta.leveringen``."""

    GELADEN = "geladen"
    AFGEWEZEN = "afgewezen"
    DUBBEL = "dubbel"
    AL_GEZIEN = "al gezien"
    """The same name and bytes were seen before: not recorded again."""
    NOG_IN_AANVOER = "nog in aanvoer"
    """Still being written: not recorded; the next run reads it."""

    @property
    def column(self) -> str:
        """The column of ``meta.runs`` that counts it (``al_gezien``)."""
        return self.value.replace(" ", "_")


COUNTED = (Status.GELADEN, Status.AFGEWEZEN, Status.DUBBEL, Status.AL_GEZIEN)
"""The statuses a run counts: in ``meta.runs``, its log and ``banen run``'s summary."""


@dataclass(frozen=True)
class LandedFile:
    """A file in the landing folder, identified by its bytes (a symbolic link: by its target's name,
    which is never read)."""

    path: Path
    sha256: str
    format: DeliveryFormat | None
    partition: str | None
    """The quarter a run selects the file by (a yearly report: its Q4); None for a name no format knows."""
    size: int = 0
    mtime_ns: int = 0
    link_target: str | None = None

    @property
    def bestand(self) -> str:
        return self.path.name

    @property
    def bron(self) -> str:
        """The supplier: from the format, else from the folder the file was dropped in."""
        if self.format:
            return self.format.supplier.bron
        parent = self.path.parent.name
        return parent if parent in SUPPLIERS else "onbekend"

    def changed_since_scan(self) -> bool:
        """Whether the file was still being written: its size or modification time differs from
        what the scan saw (its hash then belongs to bytes that are gone)."""
        if self.link_target is not None:
            return False
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return True
        return (stat.st_size, stat.st_mtime_ns) != (self.size, self.mtime_ns)

    def read(self, regions: Regions) -> ParsedDelivery:
        if self.link_target is not None:
            raise DeliveryRejected(
                self.bestand,
                None,
                f"a symbolic link (to {self.link_target}) is not a delivery: deliveries are regular files "
                "in the landing folder; the link was not followed",
            )
        if self.size > MAX_DELIVERY_BYTES:
            raise DeliveryRejected(
                self.bestand,
                None,
                f"the file has {self.size:,} bytes, more than the {MAX_DELIVERY_BYTES:,} a delivery may have; not read",
            )
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


def extract_quarters(folder: Path) -> list[str]:
    """The quarters an extract folder holds (``kwartaal=2019Q3`` subfolders), baseline included."""
    return sorted(p.name.split("=", 1)[1] for p in folder.glob("kwartaal=*") if p.is_dir())


def fingerprints(folder: Path) -> dict[str, tuple[str, int]]:
    """Per quarter of the extract: a fingerprint of its files (names, sizes, modification times;
    they are large, and not read) and their number. The run's input digest and the choice of the
    quarters to aggregate again both use it."""
    found = {}
    for quarter in extract_quarters(folder):
        files = sorted(p for p in (folder / f"kwartaal={quarter}").rglob("*") if p.is_file())
        digest = hashlib.sha256()
        for path in files:
            stat = path.stat()
            digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        found[quarter] = (digest.hexdigest()[:16], len(files))
    return found


def parquet_glob(folder: Path) -> str:
    return str(folder / "kwartaal=*" / "*.parquet")


def quarter_glob(folder: Path, quarter: str) -> str:
    """The Parquet files of one quarter of the extract."""
    return str(folder / f"kwartaal={quarter}" / "*.parquet")


def _ignored(relative: Path) -> bool:
    """Not a delivery (yet): hidden files and folders, Excel's lock files (``~$...``), transfers in
    progress (``*.part`` and the like) and the payroll extract's folder."""
    return (
        any(part.startswith((".", "~$")) for part in relative.parts)
        or relative.name.lower().endswith(PARTIAL_SUFFIXES)
        or relative.parts[0] == MICRODATA_FOLDER
    )


def _landed_paths(landing: Path) -> list[Path]:
    """Every file and symbolic link below the landing folder; links to folders are not entered."""
    found = []
    for folder, dirs, names in os.walk(landing, followlinks=False):
        base = Path(folder)
        dirs[:] = [d for d in dirs if not _ignored((base / d).relative_to(landing))]
        found += [base / n for n in names] + [base / d for d in dirs if (base / d).is_symlink()]
    return sorted(p for p in found if not _ignored(p.relative_to(landing)))


def scan_landing(landing: Path) -> list[LandedFile]:
    """Every visible file below the landing folder, sorted by name, with its hash, partition, size
    and modification time. A symbolic link is listed (to be rejected) but never followed."""
    files = []
    for path in _landed_paths(landing):
        fmt, partition = identify(path)
        if path.is_symlink():
            target = os.readlink(path)
            digest = hashlib.sha256(f"symlink:{target}".encode()).hexdigest()
            files.append(LandedFile(path, digest, fmt, partition, link_target=target))
        elif path.is_file():
            stat = path.stat()
            files.append(LandedFile(path, sha256_of(path), fmt, partition, stat.st_size, stat.st_mtime_ns))
    return files
