"""One-off: re-issue invoices for subscriptions whose renewals were missed during the March 2023 outage.

Data-team tooling. Runs from the analytics image, not with the service; see DATA-412.

    python3 scripts/backfill_invoices.py billing.sqlite3 --since 2023-03-01 [--dry-run]
"""
import argparse
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from billing.models import Invoice, new_id  # noqa: E402
from billing.periods import periods_between  # noqa: E402
from billing.renewals import NET_TERMS  # noqa: E402
from billing.store import Store  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("database")
    ap.add_argument("--since", required=True, type=lambda s: datetime.strptime(s, "%Y-%m-%d"))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)

    store = Store(args.database)
    now = datetime.utcnow()
    created = 0
    for sub in store.active_subscriptions():
        have = {inv.period_start for inv in store.invoices_for(sub.id)}
        plan = sub.plan_info
        for start, end in periods_between(sub.started_at, now, plan.interval, plan.interval_count):
            if start < args.since or start in have or end > now:
                continue
            issued_at = datetime.utcnow()
            inv = Invoice(new_id("in"), sub.id, sub.customer_id, plan.amount_cents, start, end,
                          issued_at, issued_at + NET_TERMS, lines=[f"backfill {plan.code}"])
            print(f"{sub.id}: {start:%Y-%m-%d}..{end:%Y-%m-%d} {plan.amount_cents}")
            if not args.dry_run:
                store.save_invoice(inv)
            created += 1
    print(f"{created} invoice(s) {'would be ' if args.dry_run else ''}created", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
