import io
import json

from snapctl import catalog
from snapctl.cli import main
from conftest import daily, snapshot_entry


def run(argv):
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_list_table(write_catalog):
    path = write_catalog(daily("orders-db", "2024-03-01", 3) + daily("users-db", "2024-03-01", 2))
    code, out = run(["--catalog", path, "list"])
    assert code == 0
    assert len(out.splitlines()) == 1 + 5
    assert "orders-db-2024-03-03-0" in out


def test_list_json_for_one_target(write_catalog):
    path = write_catalog(daily("orders-db", "2024-03-01", 3) + daily("users-db", "2024-03-01", 2))
    code, out = run(["--catalog", path, "--format", "json", "list", "users-db"])
    assert code == 0
    assert [s["id"] for s in json.loads(out)["snapshots"]] == ["users-db-2024-03-01-0", "users-db-2024-03-02-0"]


def test_prune_deletes_and_rewrites_catalog(write_catalog, tmp_path):
    entries = daily("orders-db", "2024-03-01", 10)
    dump = tmp_path / "oldest.dump"
    dump.write_bytes(b"x")
    entries[0]["location"] = str(dump)
    path = write_catalog(entries)
    code, out = run(["--catalog", path, "--keep-daily", "3", "--keep-weekly", "0", "--keep-monthly", "0",
                     "--as-of", "2024-03-10", "prune", "orders-db"])
    assert code == 0
    assert "orders-db: kept 3, pruned 7" in out
    assert [s.day.day for s in catalog.load(path)] == [8, 9, 10]
    assert not dump.exists()


def test_verify_reports_problems(write_catalog):
    path = write_catalog([snapshot_entry("a", "2024-03-01T02:00:00Z"),
                          snapshot_entry("a", "2024-03-02T02:00:00Z", size_bytes=0)])
    code, out = run(["--catalog", path, "verify"])
    assert code == 1
    assert "a-2024-03-02-0: empty snapshot" in out
    assert "2 snapshot(s) checked, 1 problem(s)" in out


def test_prune_large_catalog(write_catalog):
    # Two years of snapshots every six hours for three targets (~9k entries), the size of the biggest fleet
    # catalog. Slow-ish (a second or two on CI), but it guards against the quadratic prune we shipped in 2.1.
    entries = []
    for target in ("orders-db", "users-db", "billing-db"):
        for hour in (0, 6, 12, 18):
            entries += daily(target, "2022-03-01", 730, hour=hour, tags=())
    for i, e in enumerate(entries):
        e["id"] = f"{e['id']}-{i}"
    path = write_catalog(entries)
    code, out = run(["--catalog", path, "-q", "--as-of", "2024-03-01", "prune", "--all"])
    assert code == 0
    assert out == ""
    # per target: 7 days (22..28 Feb) + 2 more Sundays (11, 18 Feb) + 5 more month ends (Sep..Jan)
    remaining = catalog.load(path)
    assert len(remaining) == 3 * 14
    assert all(s.taken_at.hour == 18 for s in remaining)
