import json

import pytest

from snapctl import catalog
from conftest import CHECKSUM, snapshot_entry


def test_load_sorts_and_parses(write_catalog):
    path = write_catalog([snapshot_entry("b", "2024-03-02T02:00:00Z"), snapshot_entry("a", "2024-03-01T02:00:00Z")])
    snaps = catalog.load(path)
    assert [s.target for s in snaps] == ["a", "b"]
    assert snaps[0].tags == ("nightly",)
    assert catalog.targets(snaps) == ["a", "b"]


def test_load_errors(tmp_path, write_catalog):
    with pytest.raises(catalog.CatalogError, match="not found"):
        catalog.load(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(catalog.CatalogError, match="not valid JSON"):
        catalog.load(bad)
    bad.write_text(json.dumps({"version": 9}))
    with pytest.raises(catalog.CatalogError, match="version"):
        catalog.load(bad)
    with pytest.raises(catalog.CatalogError, match="bad catalog entry"):
        catalog.load(write_catalog([{"id": "x", "target": "a", "taken_at": "yesterday"}]))


def test_save_round_trip(tmp_path, write_catalog):
    snaps = catalog.load(write_catalog([snapshot_entry("a", "2024-03-01T02:00:00Z", tags=("nightly", "pinned"))]))
    out = tmp_path / "out.json"
    catalog.save(out, snaps)
    assert catalog.load(out) == snaps
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".catalog-")]


def test_problems():
    ok = catalog._parse(snapshot_entry("a", "2024-03-01T02:00:00Z"))
    assert ok.problems() == []
    broken = catalog._parse(snapshot_entry("a", "2024-03-01T02:00:00Z", size_bytes=0, checksum="md5:x", location=""))
    assert broken.problems() == ["empty snapshot", "bad checksum 'md5:x'", "no location"]
    assert ok.checksum == CHECKSUM


def test_remove_artifact(tmp_path):
    dump = tmp_path / "a.dump"
    dump.write_bytes(b"x")
    local = catalog._parse(snapshot_entry("a", "2024-03-01T02:00:00Z", location=str(dump)))
    assert catalog.remove_artifact(local) is True
    assert not dump.exists()
    assert catalog.remove_artifact(local) is False
    remote = catalog._parse(snapshot_entry("a", "2024-03-01T02:00:00Z"))
    assert catalog.remove_artifact(remote) is False
