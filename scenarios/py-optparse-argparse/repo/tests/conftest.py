import json
from datetime import datetime, timedelta

import pytest

from snapctl import config

CHECKSUM = "sha256:" + "ab" * 32


@pytest.fixture(autouse=True)
def no_host_config(monkeypatch, tmp_path):
    """Never read the real /etc/snapctl.ini or the caller's $SNAPCTL_CONFIG."""
    monkeypatch.delenv("SNAPCTL_CONFIG", raising=False)
    monkeypatch.setattr(config, "DEFAULT_CONFIG", str(tmp_path / "absent.ini"))


def snapshot_entry(target: str, taken: str, n: int = 0, tags=("nightly",), location: str | None = None, **kw) -> dict:
    entry = {"id": f"{target}-{taken[:10]}-{n}", "target": target, "taken_at": taken, "size_bytes": 1024 ** 3,
             "checksum": CHECKSUM, "tags": list(tags), "location": f"s3://backups/{target}/{taken}.dump" if location is None else location}
    entry.update(kw)
    return entry


def daily(target: str, start: str, days: int, hour: int = 2, tags=("nightly",)) -> list[dict]:
    first = datetime.strptime(start, "%Y-%m-%d").replace(hour=hour)
    return [snapshot_entry(target, (first + timedelta(days=i)).strftime("%Y-%m-%dT%H:%M:%SZ"), tags=tags)
            for i in range(days)]


@pytest.fixture
def write_catalog(tmp_path):
    def write(entries: list[dict]) -> str:
        path = tmp_path / "snapshots.json"
        path.write_text(json.dumps({"version": 1, "snapshots": entries}))
        return str(path)
    return write
