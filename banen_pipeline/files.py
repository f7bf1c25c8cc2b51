"""Files the warehouse keeps beside its DuckDB file, written so that a crash or a full disk never
leaves half of one: a temporary file in the same folder, flushed to disk, then renamed over the old
one (a rename within a folder is atomic), and the folder flushed so the rename itself survives."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
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
