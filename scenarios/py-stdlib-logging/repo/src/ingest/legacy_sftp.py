"""SFTP mirror poller: moves complete partner uploads from the mirror into the spool.

Being decommissioned (INGEST-77) once the last two partners are on the upload API; keep it untouched until then.
A file is complete when its ``.done`` marker exists (the partners' SFTP clients write it last).
"""
import argparse
import shutil
import sys
from pathlib import Path

from . import applog


def poll(mirror: Path, spool: Path) -> list[str]:
    moved = []
    (spool / "incoming").mkdir(parents=True, exist_ok=True)
    for partner_dir in sorted(p for p in mirror.iterdir() if p.is_dir()):
        for path in sorted(partner_dir.glob("*.csv")):
            marker = path.with_suffix(".csv.done")
            if not marker.exists():
                applog.log("debug", "sftp.incomplete", file=path.name, partner=partner_dir.name)
                continue
            target = spool / "incoming" / f"{partner_dir.name}__{path.name}"
            shutil.move(str(path), target)
            marker.unlink()
            applog.log("info", "sftp.moved", file=path.name, partner=partner_dir.name)
            moved.append(target.name)
    return moved


def run() -> None:
    ap = argparse.ArgumentParser(prog="orders-ingest-sftp")
    ap.add_argument("--mirror", required=True, type=Path)
    ap.add_argument("--spool", required=True, type=Path)
    args = ap.parse_args()
    poll(args.mirror, args.spool)
    sys.exit(0)
