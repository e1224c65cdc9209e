from datetime import datetime
import json

from snapctl.catalog import Snapshot
from snapctl.report import as_json, human_size, table


def test_human_size():
    assert human_size(512) == "512 B"
    assert human_size(1536) == "1.5 KiB"
    assert human_size(3 * 1024 ** 3) == "3.0 GiB"
    assert human_size(5 * 1024 ** 5) == "5120.0 TiB"


def test_table_layout():
    snaps = [Snapshot("a1", "orders-db", datetime(2024, 3, 1, 2), 2048, "x", "/b/a1", ("nightly",))]
    lines = table(snaps).splitlines()
    assert lines[0].split() == ["ID", "TARGET", "TAKEN", "SIZE", "TAGS"]
    assert lines[1].split() == ["a1", "orders-db", "2024-03-01", "02:00", "2.0", "KiB", "nightly"]
    assert "/b/a1" in table(snaps, verbose=1)
    assert table([]) == "(no snapshots)"


def test_json():
    snaps = [Snapshot("a1", "orders-db", datetime(2024, 3, 1, 2), 2048, "x", "/b/a1", ())]
    doc = json.loads(as_json(snaps, dry_run=True))
    assert doc == {"dry_run": True, "snapshots": [{"id": "a1", "target": "orders-db",
                                                   "taken_at": "2024-03-01T02:00:00Z", "size_bytes": 2048, "tags": []}]}
