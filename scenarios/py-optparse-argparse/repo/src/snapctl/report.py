"""Output formatting for list/prune/verify."""
import json

from .catalog import Snapshot


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def table(snapshots: list[Snapshot], verbose: int = 0) -> str:
    if not snapshots:
        return "(no snapshots)"
    headers = ["ID", "TARGET", "TAKEN", "SIZE", "TAGS"]
    if verbose:
        headers.append("LOCATION")
    rows = []
    for s in snapshots:
        row = [s.id, s.target, s.taken_at.strftime("%Y-%m-%d %H:%M"), human_size(s.size_bytes), ",".join(s.tags) or "-"]
        if verbose:
            row.append(s.location)
        rows.append(row)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def as_json(snapshots: list[Snapshot], **extra) -> str:
    doc = {"snapshots": [
        {"id": s.id, "target": s.target, "taken_at": s.taken_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
         "size_bytes": s.size_bytes, "tags": list(s.tags)} for s in snapshots]}
    doc.update(extra)
    return json.dumps(doc, indent=2, sort_keys=True)
