"""A sensor on the landing folder: one run per new or changed file, for that file's quarter.

The run key is the file's sha256, and the cursor remembers every hash seen, so the same bytes never
start a second run (renamed, touched or copied elsewhere in the landing folder).
"""

import json
from pathlib import Path

import dagster as dg

from ..deliveries import scan_landing
from .jobs import banen_job
from .partitions import quarterly
from .resources import FoldersResource


@dg.sensor(job=banen_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def landing_sensor(context: dg.SensorEvaluationContext, folders: FoldersResource) -> dg.SensorResult:
    seen: set[str] = set(json.loads(context.cursor)) if context.cursor else set()
    keys = set(quarterly.get_partition_keys())
    requests, skipped = [], []
    for landed in scan_landing(Path(folders.landing)):
        if landed.sha256 in seen:
            continue
        seen.add(landed.sha256)
        if landed.partition in keys:
            requests.append(
                dg.RunRequest(
                    run_key=landed.sha256,
                    partition_key=landed.partition,
                    tags={"banen/bestand": landed.bestand},
                )
            )
        else:
            skipped.append(landed.bestand)
    if skipped:
        context.log.warning(
            f"No quarter for {', '.join(skipped)}: not a known delivery name, or outside the partitions. "
            "The next run records unknown names as afgewezen."
        )
    return dg.SensorResult(run_requests=requests, cursor=json.dumps(sorted(seen)))
