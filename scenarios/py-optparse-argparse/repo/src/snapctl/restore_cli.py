"""``snapctl-restore``: copy a snapshot's dump back to a path, checking its checksum.

Owned by the storage team (see OWNERS); they are rewriting it around the new restore service.
"""
import hashlib
import optparse
import shutil
import sys
from pathlib import Path

from . import __version__, catalog, config


def build_parser() -> optparse.OptionParser:
    parser = optparse.OptionParser(usage="%prog [options] SNAPSHOT_ID DEST", prog="snapctl-restore",
                                   version=f"%prog {__version__}")
    parser.add_option("-c", "--config", metavar="FILE", help="INI config file")
    parser.add_option("--catalog", metavar="FILE", help="snapshot catalog")
    parser.add_option("--force", action="store_true", default=False, help="overwrite DEST if it exists")
    parser.add_option("--no-verify", action="store_false", dest="verify", default=True,
                      help="skip the checksum check")
    return parser


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return "sha256:" + h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    opts, args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        parser.error("expected SNAPSHOT_ID and DEST")
    snap_id, dest = args[0], Path(args[1])
    try:
        path, required = config.config_path(opts.config)
        cfg = config.load(path, required)
        snaps = {s.id: s for s in catalog.load(config.catalog_path(cfg, opts.catalog))}
    except (config.ConfigError, catalog.CatalogError) as exc:
        print(f"snapctl-restore: error: {exc}", file=sys.stderr)
        return 2
    snap = snaps.get(snap_id)
    if snap is None:
        print(f"snapctl-restore: no snapshot {snap_id!r}", file=sys.stderr)
        return 1
    if "://" in snap.location:
        print("snapctl-restore: remote snapshots are restored through the restore service", file=sys.stderr)
        return 1
    if dest.exists() and not opts.force:
        print(f"snapctl-restore: {dest} exists (use --force)", file=sys.stderr)
        return 1
    source = Path(snap.location)
    if opts.verify and _sha256(source) != snap.checksum:
        print(f"snapctl-restore: checksum mismatch for {snap_id}", file=sys.stderr)
        return 1
    shutil.copyfile(source, dest)
    print(f"restored {snap_id} to {dest}")
    return 0


def run() -> None:
    sys.exit(main())
