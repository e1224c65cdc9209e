"""Hidden checks: the ingest worker logs through stdlib logging, and the JSON lines on stdout are unchanged."""
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import worker
from ingest.sink import OrderStore
from ingest.worker import ensure_spool, main, run_once

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "ingest"
LEGACY = {"applog.py", "legacy_sftp.py"}
HEADER = "order_id,order_date,sku,quantity,unit_price,currency,customer_ref"


def rows(n, start=1):
    return [f"A{i:05d},2024-03-0{1 + i % 9},SKU-{i % 7},{1 + i % 3},19.90,EUR,C{i}" for i in range(start, start + n)]


def csv_text(lines, header=HEADER):
    return "\n".join([header, *lines]) + "\n"


@pytest.fixture(autouse=True)
def clean_logging(monkeypatch):
    monkeypatch.delenv("INGEST_LOG_LEVEL", raising=False)
    root = logging.getLogger()
    level = root.level
    yield
    for h in [h for h in root.handlers if getattr(h, "_platform_json", False)]:
        root.removeHandler(h)
    root.setLevel(level)


@pytest.fixture
def spool(tmp_path):
    ensure_spool(tmp_path / "spool")
    return tmp_path / "spool"


@pytest.fixture
def store():
    s = OrderStore()
    yield s
    s.close()


def ingest_records(caplog):
    recs = [r for r in caplog.records if r.name == "ingest" or r.name.startswith("ingest.")]
    return recs


def one(recs, event):
    found = [r for r in recs if r.getMessage() == event]
    assert len(found) == 1, (event, [r.getMessage() for r in recs])
    return found[0]


def test_migrated_modules_use_logging_only():
    for path in sorted(SRC.glob("*.py")):
        if path.name in LEGACY:
            continue
        source = path.read_text()
        assert not re.search(r"\bapplog\b", source), path.name
        assert not re.search(r"^\s*print\(", source, re.M), path.name
        assert "print_exc" not in source, path.name
        assert "basicConfig" not in source, path.name


def test_importing_the_package_does_not_configure_logging():
    code = ("import logging, ingest.worker, ingest.parser, ingest.validate, ingest.sink, ingest.schema\n"
            "root = logging.getLogger()\nprint(len(root.handlers), root.level)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}).stdout
    assert out.split() == ["0", str(logging.WARNING)]


def test_batch_events_are_records_with_structured_fields(spool, store, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    (spool / "incoming" / "acme__1.csv").write_text(csv_text(rows(20) + ["BAD1,2024-03-01,SKU-1,0,1.00,EUR,"]))
    run_once(spool, store)
    recs = ingest_records(caplog)
    assert recs and all(r.name.startswith("ingest.") for r in recs)
    assert not [r for r in caplog.records if r.name == "root"]

    started = one(recs, "batch.started")
    assert (started.name, started.levelno, started.batch_id) == ("ingest.worker", logging.INFO, "acme__1")
    assert started.size_bytes > 0

    parsed = one(recs, "file.parsed")
    assert (parsed.name, parsed.levelno) == ("ingest.parser", logging.DEBUG)
    assert (parsed.file, parsed.rows, parsed.delimiter, parsed.encoding) == ("acme__1.csv", 21, ",", "utf-8-sig")

    rejected = one(recs, "row.rejected")
    assert (rejected.name, rejected.levelno) == ("ingest.validate", logging.WARNING)
    assert (rejected.batch_id, rejected.line, rejected.reason) == ("acme__1", 22, "quantity must be positive")

    done = one(recs, "batch.completed")
    assert done.levelno == logging.INFO
    assert (done.accepted, done.rejected, done.new, done.replaced) == (20, 1, 20, 0)
    assert isinstance(done.duration_ms, int)
    assert capsys.readouterr().out == ""


def test_replaced_orders_and_resumed_batches(spool, store, caplog):
    caplog.set_level(logging.INFO)
    (spool / "incoming" / "acme__1.csv").write_text(csv_text(rows(3)))
    run_once(spool, store)
    (spool / "processing" / "acme__2.csv").write_text(csv_text(rows(2)))
    caplog.clear()
    run_once(spool, store)
    recs = ingest_records(caplog)
    resumed = one(recs, "batch.resumed")
    assert (resumed.levelno, resumed.batch_id) == (logging.WARNING, "acme__2")
    replaced = one(recs, "orders.replaced")
    assert (replaced.name, replaced.levelno) == ("ingest.sink", logging.INFO)
    assert (replaced.partner, replaced.batch_id, replaced.count) == ("acme", "acme__2", 2)


def test_failures_are_errors_and_crashes_carry_the_traceback(spool, store, caplog, monkeypatch, capsys):
    caplog.set_level(logging.INFO)
    (spool / "incoming" / "acme__1.csv").write_text("order_id,order_date\nA1,2024-03-01\n")
    rows_ = rows(8) + [f"B{i},2024-03-01,SKU-1,1,1.00,??,-" for i in range(2)]
    (spool / "incoming" / "acme__2.csv").write_text(csv_text(rows_))
    run_once(spool, store)
    recs = ingest_records(caplog)
    failed = [r for r in recs if r.getMessage() == "batch.failed"]
    assert [(r.levelno, r.batch_id) for r in failed] == [(logging.ERROR, "acme__1"), (logging.ERROR, "acme__2")]
    assert "missing required columns" in failed[0].reason
    budget = one(recs, "batch.reject_budget_exceeded")
    assert (budget.levelno, budget.rejected, budget.rows, budget.budget) == (logging.ERROR, 2, 10, 0.10)

    def boom(*args):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(worker, "validate", boom)
    (spool / "incoming" / "acme__3.csv").write_text(csv_text(rows(2)))
    caplog.clear()
    run_once(spool, store)
    crashed = one(ingest_records(caplog), "batch.crashed")
    assert (crashed.levelno, crashed.batch_id, crashed.error) == (logging.ERROR, "acme__3", "RuntimeError('disk on fire')")
    assert crashed.exc_info and crashed.exc_info[0] is RuntimeError
    assert "Traceback" not in capsys.readouterr().err


def test_former_prints_are_warnings(spool, store, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    (spool / "incoming" / "acme__1.csv").write_text(csv_text(rows(2), header=HEADER + ",colour"))
    (spool / "incoming" / "acme__2.csv").write_text(csv_text([]))
    run_once(spool, store)
    assert capsys.readouterr().out == ""
    recs = ingest_records(caplog)

    def mentions(r, needle):
        return needle in r.getMessage() or any(needle in str(v) for v in vars(r).values())
    unknown = [r for r in recs if r.name == "ingest.parser" and r.levelno == logging.WARNING and mentions(r, "colour")]
    assert unknown, [r.getMessage() for r in recs]
    usual = {"batch.started", "batch.completed", "file.parsed"}
    empty = [r for r in recs if r.name == "ingest.worker" and r.levelno >= logging.INFO
             and r.getMessage() not in usual and mentions(r, "acme__2")]
    assert empty, [r.getMessage() for r in recs]


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_main_writes_platform_json_lines_to_stdout(spool, capsys):
    (spool / "incoming" / "acme__1.csv").write_text(csv_text(rows(20) + ["BAD1,2024-03-01,SKU-1,0,1.00,EUR,"]))
    assert main(["--spool", str(spool), "--once"]) == 0
    lines = json_lines(capsys.readouterr().out)
    events = [line["event"] for line in lines]
    assert events == ["worker.started", "batch.started", "row.rejected", "batch.completed", "worker.finished"]
    by_event = {line["event"]: line for line in lines}
    assert by_event["row.rejected"]["level"] == "warn"
    assert by_event["row.rejected"]["logger"] == "ingest.validate"
    summary = by_event["batch.completed"]
    assert summary["level"] == "info" and summary["logger"] == "ingest.worker"
    assert {k: summary[k] for k in ("batch_id", "accepted", "rejected", "new", "replaced")} == {
        "batch_id": "acme__1", "accepted": 20, "rejected": 1, "new": 20, "replaced": 0}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", summary["ts"])
    assert by_event["worker.finished"]["batches"] == 1


def test_log_level_from_environment(spool, capsys, monkeypatch):
    monkeypatch.setenv("INGEST_LOG_LEVEL", "warn")
    (spool / "incoming" / "acme__1.csv").write_text(csv_text(rows(20) + ["BAD1,2024-03-01,SKU-1,0,1.00,EUR,"]))
    main(["--spool", str(spool), "--once"])
    assert [line["event"] for line in json_lines(capsys.readouterr().out)] == ["row.rejected"]
