"""Files the warehouse keeps beside its DuckDB file, written so that a crash or a full disk never
leaves half of one: a temporary file in the same folder, flushed to disk, then renamed over the old
one (a rename within a folder is atomic), and the folder flushed so the rename itself survives. A
folder (the exports, the data docs) is written as a new version beside the old and a link to it is
swapped in the same way. A full disk is a user's error (:class:`DiskFull`), not a bug."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to disk; a no-op where the platform cannot."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def replacing(target: Path, suffix: str = "") -> Iterator[Path]:
    """A temporary path beside ``target`` to write; on success it is flushed and renamed over
    ``target``, on failure removed, and ``target`` is as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix + ".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    # mkstemp makes it readable by its owner only; keep the mode the file had, or the usual 0644
    os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
    try:
        yield tmp
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def write_atomic(target: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``target`` atomically."""
    with replacing(target) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return target


def copy_atomic(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` atomically."""
    with replacing(target) as tmp:
        shutil.copyfile(source, tmp)
    return target


def read_json(path: Path, warn: Callable[[str], None] | None = None) -> Any | None:
    """A state file's JSON, or None when it is missing or damaged (truncated, not JSON): a damaged
    state file counts as absent, with a warning, never as a crash."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        (warn or log.warning)(f"{path} is damaged ({type(exc).__name__}: {exc}); treated as absent")
        return None


KEEP_VERSIONS = 2
"""Versions of a swapped folder kept: the current one and the one before (a reader may still hold it)."""


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as written:
        os.fsync(written.fileno())


@contextlib.contextmanager
def new_version(target: Path, keep: int = KEEP_VERSIONS) -> Iterator[Path]:
    """An empty folder to write a new version of the folder ``target`` into. On success its files
    are flushed to disk and ``target``, a link to the current version, is swapped to it in one
    rename: a reader sees the old version or the new one, never a mix. On failure the new version is
    removed and ``target`` is as it was."""
    versions = target.parent / f".{target.name}-versions"
    version = versions / f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    version.mkdir(parents=True)
    try:
        yield version
        for path in sorted(version.rglob("*"), reverse=True):
            fsync_file(path) if path.is_file() else fsync_folder(path)
        fsync_folder(version)
        if target.exists() and not target.is_symlink():
            # a folder from before versioning (or made by hand): kept among the versions
            target.rename(versions / f"legacy-{uuid.uuid4().hex[:8]}")
        link = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.link")
        link.symlink_to(os.path.relpath(version, target.parent))
        os.replace(link, target)
        fsync_folder(target.parent)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    old = sorted((p for p in versions.iterdir() if p != version), key=lambda p: p.stat().st_mtime)
    for path in old[: max(0, len(old) - (keep - 1))]:
        shutil.rmtree(path, ignore_errors=True)


NO_SPACE = ("no space left on device", "disk is full", "not enough space")


def is_disk_full(exc: BaseException) -> bool:
    """Whether an error (or one it was raised from) is a full disk: an OSError ENOSPC or EDQUOT, or
    DuckDB's IO error that says so."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if any(words in str(exc).lower() for words in NO_SPACE):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class DiskFull(OSError):
    """There is no space left where the warehouse writes. Nothing is half-written: every delivery
    and table is a transaction, every file beside the warehouse is swapped in whole."""

    def __init__(self, folder: Path):
        super().__init__(
            errno.ENOSPC,
            f"No space left on the device of {folder}: the run stopped, and nothing was half-written "
            "(every delivery, table and file beside the warehouse is as it was before the write that "
            "failed). Free space and run again; the next run completes what this one could not.",
        )
        self.folder = folder

    def __str__(self) -> str:
        return self.strerror


@contextlib.contextmanager
def disk_full_as(folder: Path) -> Iterator[None]:
    """Turn a full disk met inside into :class:`DiskFull` naming ``folder``."""
    try:
        yield
    except DiskFull:
        raise
    except BaseException as exc:
        if is_disk_full(exc):
            raise DiskFull(folder) from exc
        raise
