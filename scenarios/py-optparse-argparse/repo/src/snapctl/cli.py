"""The ``snapctl`` command line.

Runs from cron on every database host (``snapctl prune --all -q``) and by hand during incidents, so the
command line is an interface: options, aliases and exit codes are relied upon by crontabs and runbooks.
"""
import copy
import optparse
import re
import sys
from datetime import date, datetime, timedelta

from . import __version__, catalog, config, report, retention

COMMANDS = ("list", "prune", "verify")
USAGE = "%prog [options] COMMAND [TARGET ...]"
DESCRIPTION = ("Manage the database snapshot catalog. COMMAND is one of: list (show snapshots), "
               "prune (apply the retention policy), verify (check the catalog; exit 1 on problems).")
_RELATIVE = re.compile(r"^(\d+)([dw])$")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _parse_date(text: str) -> date:
    return datetime.strptime(text, "%Y-%m-%d").date()


def _check_date(option, opt, value):
    try:
        return _parse_date(value)
    except ValueError:
        raise optparse.OptionValueError(f"option {opt}: invalid date (expected YYYY-MM-DD): {value!r}")


class _Option(optparse.Option):
    """optparse's way of adding a value type: ``type="date"``."""
    TYPES = optparse.Option.TYPES + ("date",)
    TYPE_CHECKER = copy.copy(optparse.Option.TYPE_CHECKER)
    TYPE_CHECKER["date"] = _check_date


def _deprecated_keep(option, opt_str, value, parser):
    sys.stderr.write("snapctl: warning: --keep is deprecated, use --keep-daily\n")
    parser.values.keep_daily = value


def resolve_since(text: str, as_of: date) -> date:
    """``--since`` accepts an absolute date or a distance back from the as-of day (``10d``, ``2w``)."""
    m = _RELATIVE.match(text)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return as_of - timedelta(days=n if unit == "d" else 7 * n)
    return _parse_date(text)


def build_parser() -> optparse.OptionParser:
    parser = optparse.OptionParser(usage=USAGE, description=DESCRIPTION, version=f"%prog {__version__}",
                                   option_class=_Option, prog="snapctl")
    parser.add_option("-c", "--config", metavar="FILE",
                      help="INI config file (default: $SNAPCTL_CONFIG, else /etc/snapctl.ini)")
    parser.add_option("--catalog", metavar="FILE", help="snapshot catalog (default: from the config, else ./snapshots.json)")
    parser.add_option("-v", "--verbose", action="count", default=0, help="more output; repeat for more")
    parser.add_option("-q", "--quiet", action="store_true", default=False, help="only print errors")
    parser.add_option("-f", "--format", type="choice", choices=["table", "json"], default="table",
                      help="output format: table or json [default: %default]")

    retention_opts = optparse.OptionGroup(parser, "Retention (prune)",
                                          "Unset options come from the config: [target:NAME], then [retention].")
    retention_opts.add_option("-n", "--dry-run", action="store_true", default=False,
                              help="show what would be deleted, delete nothing")
    retention_opts.add_option("--all", action="store_true", default=False, dest="all_targets",
                              help="prune every target in the catalog")
    retention_opts.add_option("--keep-daily", type="int", metavar="N", help="daily snapshots to keep (default 7)")
    retention_opts.add_option("--keep-weekly", type="int", metavar="N", help="weekly snapshots to keep (default 4)")
    retention_opts.add_option("--keep-monthly", type="int", metavar="N", help="monthly snapshots to keep (default 6)")
    retention_opts.add_option("--keep", type="int", metavar="N", action="callback", callback=_deprecated_keep,
                              help="deprecated alias of --keep-daily")
    parser.add_option_group(retention_opts)

    filters = optparse.OptionGroup(parser, "Filters (list)")
    filters.add_option("-t", "--tag", action="append", dest="tags", default=[], metavar="TAG",
                       help="only snapshots tagged TAG; repeat to require several")
    filters.add_option("--since", metavar="WHEN", help="only snapshots from WHEN on: YYYY-MM-DD, or Nd / Nw ago")
    filters.add_option("--as-of", type="date", metavar="DATE", help="evaluate as if today were DATE")
    parser.add_option_group(filters)
    return parser


def parse_args(argv: list[str]):
    """Parse and validate; usage errors exit with status 2 like every other parse error."""
    parser = build_parser()
    opts, args = parser.parse_args(argv)
    if not args:
        parser.error("missing COMMAND (one of: %s)" % ", ".join(COMMANDS))
    opts.command, opts.targets = args[0], args[1:]
    if opts.command not in COMMANDS:
        parser.error("unknown command %r (choose from %s)" % (opts.command, ", ".join(COMMANDS)))
    if opts.quiet and opts.verbose:
        parser.error("-q/--quiet and -v/--verbose are mutually exclusive")
    for name in ("keep_daily", "keep_weekly", "keep_monthly"):
        value = getattr(opts, name)
        if value is not None and value < 0:
            parser.error("--%s must not be negative" % name.replace("_", "-"))
    if opts.command == "prune" and not opts.targets and not opts.all_targets:
        parser.error("prune needs at least one TARGET, or --all")
    if opts.all_targets and opts.targets:
        parser.error("--all and TARGET are mutually exclusive")
    if opts.as_of is None:
        opts.as_of = date.today()
    if opts.since is not None:
        try:
            opts.since = resolve_since(opts.since, opts.as_of)
        except ValueError:
            parser.error("invalid --since value %r (expected YYYY-MM-DD, Nd or Nw)" % opts.since)
    return opts


# -- commands --------------------------------------------------------------------------------------


def _filtered(snaps, opts):
    out = snaps
    if opts.targets:
        out = [s for s in out if s.target in opts.targets]
    if opts.tags:
        out = [s for s in out if all(t in s.tags for t in opts.tags)]
    if opts.since:
        out = [s for s in out if s.day >= opts.since]
    return out


def cmd_list(opts, cfg, snaps, out) -> int:
    shown = _filtered(snaps, opts)
    if opts.format == "json":
        print(report.as_json(shown), file=out)
    else:
        print(report.table(shown, opts.verbose), file=out)
    return EXIT_OK


def cmd_prune(opts, cfg, snaps, out, catalog_file) -> int:
    names = catalog.targets(snaps) if opts.all_targets else opts.targets
    overrides = {"keep_daily": opts.keep_daily, "keep_weekly": opts.keep_weekly, "keep_monthly": opts.keep_monthly}
    doomed: set[str] = set()
    summary = {}
    for name in names:
        policy = config.policy_for(cfg, name, overrides)
        keep, prune = retention.select([s for s in snaps if s.target == name], policy, opts.as_of)
        summary[name] = {"policy": {"keep_daily": policy.keep_daily, "keep_weekly": policy.keep_weekly,
                                    "keep_monthly": policy.keep_monthly},
                         "kept": [s.id for s in keep], "pruned": [s.id for s in prune]}
        if opts.verbose >= 2 and opts.format == "table":
            print(f"{name}: policy daily={policy.keep_daily} weekly={policy.keep_weekly} "
                  f"monthly={policy.keep_monthly}", file=out)
        for s in prune:
            doomed.add(s.id)
            if opts.dry_run:
                if not opts.quiet and opts.format == "table":
                    print(f"would delete {s.id} ({s.target} {s.taken_at:%Y-%m-%d})", file=out)
            else:
                catalog.remove_artifact(s)
                if not opts.quiet and opts.format == "table":
                    print(f"deleted {s.id} ({s.target} {s.taken_at:%Y-%m-%d})", file=out)
        if not opts.quiet and opts.format == "table":
            print(f"{name}: kept {len(keep)}, {'would prune' if opts.dry_run else 'pruned'} {len(prune)}", file=out)
    if doomed and not opts.dry_run:
        catalog.save(catalog_file, [s for s in snaps if s.id not in doomed])
    if opts.format == "json":
        print(report.as_json([], targets=summary, dry_run=opts.dry_run), file=out)
    return EXIT_OK


def cmd_verify(opts, cfg, snaps, out) -> int:
    seen: dict[str, int] = {}
    problems = []
    for s in _filtered(snaps, opts):
        seen[s.id] = seen.get(s.id, 0) + 1
        problems += [f"{s.id}: {p}" for p in s.problems()]
    problems += [f"{sid}: duplicate id ({n} entries)" for sid, n in seen.items() if n > 1]
    if opts.format == "json":
        print(report.as_json([], problems=problems), file=out)
    else:
        for p in problems:
            print(p, file=out)
        if not opts.quiet:
            print(f"{len(seen)} snapshot(s) checked, {len(problems)} problem(s)", file=out)
    return EXIT_PROBLEMS if problems else EXIT_OK


def main(argv: list[str] | None = None, out=None) -> int:
    out = out or sys.stdout
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        path, required = config.config_path(opts.config)
        cfg = config.load(path, required)
        catalog_file = config.catalog_path(cfg, opts.catalog)
        snaps = catalog.load(catalog_file)
        if opts.command == "list":
            return cmd_list(opts, cfg, snaps, out)
        if opts.command == "prune":
            return cmd_prune(opts, cfg, snaps, out, catalog_file)
        return cmd_verify(opts, cfg, snaps, out)
    except (config.ConfigError, catalog.CatalogError) as exc:
        print(f"snapctl: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def run() -> None:
    sys.exit(main())
