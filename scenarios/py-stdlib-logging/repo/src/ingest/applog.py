"""The homegrown JSON logger (2019). Superseded by stdlib logging + :mod:`ingest.logconfig`.

``log("info", "batch.started", batch_id=..., rows=...)`` prints one JSON line to stdout:
``{"ts": "...", "level": "info", "event": "batch.started", "batch_id": ..., "rows": ...}``.
"""
import json
import os
import sys
import time

LEVELS = {"debug": 10, "info": 20, "warn": 30, "error": 40}


def _threshold() -> int:
    return LEVELS.get(os.environ.get("INGEST_LOG_LEVEL", "info").lower(), 20)


def log(level: str, event: str, **fields) -> None:
    if LEVELS[level] < _threshold():
        return
    line = {"ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "level": level, "event": event}
    line.update(fields)
    print(json.dumps(line, default=str), file=sys.stdout, flush=True)
