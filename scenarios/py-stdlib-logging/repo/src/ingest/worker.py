"""The batch worker: claims files from the spool, ingests them, files them under done/ or failed/.

File names are ``<partner>__<anything>.csv``; the batch id is the file name without ``.csv``.
"""
import argparse
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from . import applog
from .parser import ParseError, parse
from .sink import OrderStore, write_rejects
from .validate import BatchRejected, validate

SPOOL_DIRS = ("incoming", "processing", "done", "failed")


@dataclass
class BatchResult:
    batch_id: str
    status: str  # "done" | "failed"
    accepted: int = 0
    rejected: int = 0
    error: str | None = None


def ensure_spool(spool: Path) -> None:
    for name in SPOOL_DIRS:
        (spool / name).mkdir(parents=True, exist_ok=True)


def partner_of(batch_id: str) -> str:
    partner, sep, _ = batch_id.partition("__")
    if not sep or not partner:
        raise BatchRejected(f"file name does not start with <partner>__: {batch_id}")
    return partner


def claim_next(spool: Path) -> Path | None:
    """Move the oldest incoming file to processing/; None when there is nothing to do."""
    for path in sorted((spool / "incoming").glob("*.csv")):
        target = spool / "processing" / path.name
        try:
            path.rename(target)
        except FileNotFoundError:  # another worker got it first
            continue
        return target
    return None


def process_file(path: Path, spool: Path, store: OrderStore) -> BatchResult:
    batch_id = path.stem
    started = time.monotonic()
    applog.log("info", "batch.started", batch_id=batch_id, size_bytes=path.stat().st_size)
    try:
        partner = partner_of(batch_id)
        parsed = parse(path)
        if not parsed.rows:
            print(f"{batch_id}: no data rows, nothing to ingest")
        result = validate(batch_id, parsed.columns, parsed.rows)
        new, replaced = store.write_batch(partner, batch_id, result.accepted)
    except (ParseError, BatchRejected) as exc:
        applog.log("error", "batch.failed", batch_id=batch_id, reason=str(exc))
        path.rename(spool / "failed" / path.name)
        return BatchResult(batch_id, "failed", error=str(exc))
    except Exception as exc:  # a bug: keep the file for the on-call, and keep the worker alive
        applog.log("error", "batch.crashed", batch_id=batch_id, error=repr(exc))
        traceback.print_exc()
        path.rename(spool / "failed" / path.name)
        return BatchResult(batch_id, "failed", error=repr(exc))
    if result.rejected:
        write_rejects(spool / "done" / f"{batch_id}.rejects.jsonl", result.rejected)
    path.rename(spool / "done" / path.name)
    applog.log("info", "batch.completed", batch_id=batch_id, accepted=len(result.accepted),
               rejected=len(result.rejected), new=new, replaced=replaced,
               duration_ms=round((time.monotonic() - started) * 1000))
    return BatchResult(batch_id, "done", len(result.accepted), len(result.rejected))


def run_once(spool: Path, store: OrderStore) -> list[BatchResult]:
    """Process everything currently in incoming/ (and anything a crashed worker left in processing/)."""
    ensure_spool(spool)
    results = []
    for leftover in sorted((spool / "processing").glob("*.csv")):
        applog.log("warn", "batch.resumed", batch_id=leftover.stem)
        results.append(process_file(leftover, spool, store))
    while (path := claim_next(spool)) is not None:
        results.append(process_file(path, spool, store))
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="orders-ingest", description="Ingest partner order feeds from a spool.")
    ap.add_argument("--spool", required=True, type=Path)
    ap.add_argument("--db", default=":memory:")
    ap.add_argument("--once", action="store_true", help="process what is there, then exit")
    ap.add_argument("--poll-seconds", type=float, default=5.0)
    args = ap.parse_args(argv)
    store = OrderStore(args.db)
    applog.log("info", "worker.started", spool=str(args.spool))
    try:
        while True:
            results = run_once(args.spool, store)
            if args.once:
                failed = sum(r.status == "failed" for r in results)
                applog.log("info", "worker.finished", batches=len(results), failed=failed)
                return 1 if failed else 0
            time.sleep(args.poll_seconds)
    finally:
        store.close()


def run() -> None:
    sys.exit(main())
