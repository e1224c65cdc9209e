import json

from ingest import worker
from ingest.worker import main, process_file, run_once
from conftest import csv_text, good_rows


def test_happy_batch(spool, drop, store):
    drop("acme__2024-03-01.csv", csv_text(good_rows(30)))
    (result,) = run_once(spool, store)
    assert (result.status, result.accepted, result.rejected) == ("done", 30, 0)
    assert (spool / "done" / "acme__2024-03-01.csv").exists()
    assert store.count("acme") == 30


def test_rejects_are_written_beside_the_batch(spool, drop, store):
    drop("acme__1.csv", csv_text(good_rows(20) + ["BAD1,2024-03-01,SKU-1,0,1.00,EUR,"]))
    (result,) = run_once(spool, store)
    assert (result.accepted, result.rejected) == (20, 1)
    rejects = (spool / "done" / "acme__1.rejects.jsonl").read_text().splitlines()
    assert json.loads(rejects[0])["reason"] == "quantity must be positive"


def test_bad_file_goes_to_failed(spool, drop, store):
    drop("acme__1.csv", "order_id,order_date\nA1,2024-03-01\n")
    drop("nopartner.csv", csv_text(good_rows(1)))
    results = run_once(spool, store)
    assert [(r.batch_id, r.status) for r in results] == [("acme__1", "failed"), ("nopartner", "failed")]
    assert "missing required columns" in results[0].error
    assert sorted(p.name for p in (spool / "failed").iterdir()) == ["acme__1.csv", "nopartner.csv"]


def test_crash_keeps_worker_alive(spool, drop, store, monkeypatch):
    def boom(*args):
        raise RuntimeError("disk on fire")
    drop("acme__1.csv", csv_text(good_rows(3)))
    drop("acme__2.csv", csv_text(good_rows(3, start=10)))
    monkeypatch.setattr(worker, "validate", boom)
    results = run_once(spool, store)
    assert [r.status for r in results] == ["failed", "failed"]
    assert results[0].error == "RuntimeError('disk on fire')"


def test_empty_batch_completes(spool, drop, store):
    drop("acme__1.csv", csv_text([]))
    (result,) = run_once(spool, store)
    assert (result.status, result.accepted) == ("done", 0)


def test_leftovers_in_processing_are_resumed(spool, store):
    (spool / "processing" / "acme__old.csv").write_text(csv_text(good_rows(2)))
    (result,) = run_once(spool, store)
    assert (result.batch_id, result.status) == ("acme__old", "done")


def test_process_file_directly(spool, store):
    path = spool / "processing" / "acme__x.csv"
    path.write_text(csv_text(good_rows(4)))
    assert process_file(path, spool, store).accepted == 4


def test_main_once_exit_codes(spool, drop):
    drop("acme__1.csv", csv_text(good_rows(3)))
    assert main(["--spool", str(spool), "--once"]) == 0
    drop("acme__2.csv", "garbage\n")
    assert main(["--spool", str(spool), "--once"]) == 1


def test_batch_summary_is_logged(spool, drop, store, capsys):
    # The ingest dashboard's throughput panel is built from this line.
    drop("acme__1.csv", csv_text(good_rows(20) + ["BAD1,2024-03-01,SKU-1,0,1.00,EUR,"]))
    run_once(spool, store)
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (summary,) = [line for line in lines if line["event"] == "batch.completed"]
    assert summary["level"] == "info"
    assert summary["batch_id"] == "acme__1"
    assert (summary["accepted"], summary["rejected"]) == (20, 1)
