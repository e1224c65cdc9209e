"""Wire and storage format for timestamps, and epoch conversions.

Every timestamp the service handles is UTC. Clients and the database see ``YYYY-MM-DDTHH:MM:SSZ``
(second precision). Rows written before the 2021 schema change used ``YYYY-MM-DD HH:MM:SS`` without a
zone marker; they are UTC too, so they are accepted on read but never written.
"""
import calendar
from datetime import datetime

WIRE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_LEGACY_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def format_ts(dt: datetime) -> str:
    """Render a UTC timestamp for the wire or the database."""
    return dt.replace(microsecond=0).isoformat() + "Z"


def parse_ts(text: str) -> datetime:
    """Parse a timestamp written by :func:`format_ts` or by the legacy service."""
    text = text.strip()
    if text.endswith("Z"):
        return datetime.strptime(text, WIRE_FORMAT)
    for fmt in _LEGACY_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"unrecognised timestamp: {text!r}")


def parse_optional(text: str | None) -> datetime | None:
    return None if text in (None, "") else parse_ts(text)


def format_optional(dt: datetime | None) -> str | None:
    return None if dt is None else format_ts(dt)


def from_epoch(seconds: float) -> datetime:
    """Seconds since the Unix epoch to a UTC datetime."""
    return datetime.utcfromtimestamp(seconds)


def to_epoch(dt: datetime) -> float:
    """A UTC datetime to seconds since the Unix epoch (fractional)."""
    return calendar.timegm(dt.utctimetuple()) + dt.microsecond / 1_000_000
