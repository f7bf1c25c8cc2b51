"""Why a step failed, in one line and in full.

Dagster keeps a failed step's error as a chain (``SerializableErrorInfo``): its own wrapper
("Error occurred while executing op ...") around the error our code raised, and that error's causes.
:func:`describe` finds our error in the chain and gives the line a person reads first: the step, the
exception's own message and the place it was raised (``module:line``), e.g.

    publish: TypeError: expected string or bytes-like object (banen_pipeline.texts:201)

and the whole chain as text for ``--debug``. A call that failed in the worker process names the
worker's place, not the place that waited for it. ``banen run``, ``meta.runs.fout``, ``banen
status``, the run failure sensor and the notifications all use this one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_FRAME = re.compile(r'File "(?P<path>[^"]+)", line (?P<line>\d+), in (?P<function>\S+)')
_WRAPPERS = (
    "DagsterExecutionStepExecutionError",
    "DagsterUserCodeExecutionError",
    "DagsterExecutionInterruptedError",
)


@dataclass(frozen=True)
class Failure:
    step: str
    oorzaak: str
    """The exception's class and first message line, with where it was raised."""
    traceback: str
    """The whole chain, the worker's traceback included."""

    @property
    def line(self) -> str:
        return f"{self.step}: {self.oorzaak}"


def place(path: str, line: int | str) -> str:
    """``/…/banen_pipeline/report/content/sectors.py``, 123 -> ``banen_pipeline.report.content.sectors:123``; a
    library's file by its module (``…/site-packages/statsmodels/api.py`` -> ``statsmodels.api``)."""
    parts = Path(path).with_suffix("").parts
    if "site-packages" in parts:
        parts = parts[len(parts) - parts[::-1].index("site-packages") :]
    elif "banen_pipeline" in parts:
        parts = parts[len(parts) - parts[::-1].index("banen_pipeline") - 1 :]
    else:
        parts = parts[-2:]
    return f"{'.'.join(parts).removesuffix('.__init__')}:{line}"


def last_place(traceback_text: str) -> str | None:
    """Where a formatted traceback's exception was raised: the innermost frame of this package and,
    when the innermost frame of all is a library's, that one too (``banen_pipeline.projections:320,
    in statsmodels.regression.linear_model:466``)."""
    places = [place(frame["path"], frame["line"]) for frame in _FRAME.finditer(traceback_text)]
    if not places:
        return None
    ours = [p for p in places if p.startswith("banen_pipeline.")]
    if not ours or ours[-1] == places[-1]:
        return places[-1]
    return f"{ours[-1]}, in {places[-1]}"


def _ours(error):
    """The error our code raised: the first in the chain that is not Dagster's wrapper."""
    while error.cls_name in _WRAPPERS and error.cause is not None:
        error = error.cause
    return error


def first_line(message: str) -> str:
    return next((line.strip() for line in message.splitlines() if line.strip()), "")


def describe(step: str, error) -> Failure:
    """A step's failure from Dagster's error (``SerializableErrorInfo``)."""
    ours = _ours(error)
    message = first_line(ours.message)  # "TypeError: ...", as Python prints an exception
    message = re.sub(r"^banen_pipeline\.[\w.]+\.(\w+):", r"\1:", message)  # our classes by name alone
    if ours.cls_name == "WorkerError":  # its first line names the worker's exception and place
        return Failure(step, message.split(": ", 1)[-1], error.to_string())
    if ours.cls_name == "DagsterAssetCheckFailedError":  # a blocking check: which ones, not Dagster's place
        names = [line.strip() for line in ours.message.splitlines()[1:] if line.strip()]
        checks = message.split(": ", 1)[-1].rstrip(":")
        return Failure(step, f"{checks}: {', '.join(names)}" if names else checks, error.to_string())
    where = last_place("".join(ours.stack or []))
    return Failure(step, f"{message} ({where})" if where else message, error.to_string())
