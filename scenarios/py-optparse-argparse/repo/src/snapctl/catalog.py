"""The snapshot catalog: a JSON document the snapshot agents append to.

    {"version": 1, "snapshots": [{"id": "...", "target": "orders-db", "taken_at": "2024-03-01T02:00:00Z",
                                  "size_bytes": 123, "checksum": "sha256:...", "tags": ["nightly"],
                                  "location": "/backups/orders-db/2024-03-01.dump"}, ...]}
"""
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

CATALOG_VERSION = 1
_CHECKSUM = re.compile(r"^sha256:[0-9a-f]{64}$")


class CatalogError(Exception):
    pass


@dataclass(frozen=True)
class Snapshot:
    id: str
    target: str
    taken_at: datetime
    size_bytes: int
    checksum: str
    location: str
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def day(self) -> date:
        return self.taken_at.date()

    @property
    def pinned(self) -> bool:
        return "pinned" in self.tags

    def problems(self) -> list[str]:
        out = []
        if self.size_bytes <= 0:
            out.append("empty snapshot")
        if not _CHECKSUM.match(self.checksum):
            out.append(f"bad checksum {self.checksum!r}")
        if not self.location:
            out.append("no location")
        return out


def _parse(entry: dict) -> Snapshot:
    try:
        return Snapshot(
            id=entry["id"],
            target=entry["target"],
            taken_at=datetime.strptime(entry["taken_at"], "%Y-%m-%dT%H:%M:%SZ"),
            size_bytes=int(entry.get("size_bytes", 0)),
            checksum=entry.get("checksum", ""),
            location=entry.get("location", ""),
            tags=tuple(entry.get("tags", ())),
        )
    except (KeyError, ValueError) as exc:
        raise CatalogError(f"bad catalog entry {entry.get('id', '?')}: {exc}") from None


def _dump(s: Snapshot) -> dict:
    return {"id": s.id, "target": s.target, "taken_at": s.taken_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "size_bytes": s.size_bytes, "checksum": s.checksum, "tags": list(s.tags), "location": s.location}


def load(path: str | os.PathLike) -> list[Snapshot]:
    try:
        doc = json.loads(Path(path).read_text())
    except FileNotFoundError:
        raise CatalogError(f"catalog not found: {path}") from None
    except json.JSONDecodeError as exc:
        raise CatalogError(f"catalog {path} is not valid JSON: {exc}") from None
    if doc.get("version") != CATALOG_VERSION:
        raise CatalogError(f"unsupported catalog version {doc.get('version')!r}")
    return sorted((_parse(e) for e in doc.get("snapshots", [])), key=lambda s: (s.target, s.taken_at, s.id))


def save(path: str | os.PathLike, snapshots: list[Snapshot]) -> None:
    """Write atomically: the agents read the catalog concurrently."""
    path = Path(path)
    doc = {"version": CATALOG_VERSION, "snapshots": [_dump(s) for s in snapshots]}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".json")
    with os.fdopen(fd, "w") as fh:
        json.dump(doc, fh, indent=2)
        fh.write("\n")
    os.replace(tmp, path)


def remove_artifact(snapshot: Snapshot) -> bool:
    """Delete the dump file of a local snapshot; remote ones are expired by the bucket lifecycle."""
    if "://" in snapshot.location:
        return False
    try:
        os.unlink(snapshot.location)
        return True
    except FileNotFoundError:
        return False


def targets(snapshots: list[Snapshot]) -> list[str]:
    return sorted({s.target for s in snapshots})
