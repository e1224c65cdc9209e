"""Platform log format for stdlib logging (PLAT-233): one JSON object per line on stdout.

The record's message is the ``event``; anything passed in ``extra=`` becomes a top-level field, so
``logger.info("batch.started", extra={"batch_id": b})`` renders as
``{"ts": ..., "level": "info", "logger": "ingest.worker", "event": "batch.started", "batch_id": ...}``.
Levels use the names the log pipeline has always used (``warn``, not ``warning``). Exceptions logged with
``exc_info`` add an ``exc`` field with the formatted traceback.

Only applications configure logging (:func:`configure`, from their entry point); library modules just
``logging.getLogger(__name__)``.
"""
import json
import logging
import os
import sys
import time

_STANDARD_ATTRS = set(vars(logging.LogRecord("x", logging.INFO, __file__, 0, "x", None, None))) | {
    "message", "asctime", "taskName"}
_LEVEL_NAMES = {logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warn",
                logging.ERROR: "error", logging.CRITICAL: "critical"}
_ENV_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warn": logging.WARNING, "warning": logging.WARNING,
               "error": logging.ERROR}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(record.created)),
            "level": _LEVEL_NAMES.get(record.levelno, record.levelname.lower()),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                doc[key] = value
        if record.exc_info:
            doc["exc"] = self.formatException(record.exc_info)
        return json.dumps(doc, default=str)


def level_from_env(default: str = "info") -> int:
    name = os.environ.get("INGEST_LOG_LEVEL", default).lower()
    return _ENV_LEVELS.get(name, logging.INFO)


def configure(level: int | None = None, stream=None) -> logging.Handler:
    """Install the JSON handler on the root logger (replacing one installed earlier). Call once, from main."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_platform_json", False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    handler._platform_json = True
    root.addHandler(handler)
    root.setLevel(level_from_env() if level is None else level)
    return handler
