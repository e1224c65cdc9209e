"""The renewal run: converts ended trials, rolls periods over and issues invoices.

Runs every 15 minutes from the scheduler. Idempotent per period: a subscription whose period end is still in
the future is left alone, so a re-run after a crash issues nothing twice.
"""
from datetime import datetime, timedelta

from .models import Invoice, new_id
from .store import Store

NET_TERMS = timedelta(days=7)


def run_renewals(store: Store, now: datetime | None = None) -> list[Invoice]:
    now = now or datetime.utcnow()
    issued = []
    for sub in store.due_for_renewal(now):
        if sub.cancel_at_period_end:
            sub.status = "canceled"
            sub.canceled_at = sub.current_period_end
            store.save_subscription(sub)
            store.record_event("subscription.canceled", sub.id, {"reason": "period_end"})
            continue
        if sub.status == "trialing":
            sub.status = "active"
            store.record_event("subscription.trial_converted", sub.id)
        # Catch up on every missed period (the scheduler may have been down), one invoice each.
        while sub.current_period_end <= now:
            sub.roll_period()
            invoice = _invoice_for(sub)
            store.save_invoice(invoice)
            store.record_event("invoice.issued", invoice.id, {"subscription": sub.id, "amount": invoice.amount_cents})
            issued.append(invoice)
        store.save_subscription(sub)
    return issued


def _invoice_for(sub) -> Invoice:
    plan = sub.plan_info
    issued_at = datetime.utcnow()
    return Invoice(
        id=new_id("in"),
        subscription_id=sub.id,
        customer_id=sub.customer_id,
        amount_cents=plan.amount_cents,
        period_start=sub.current_period_start,
        period_end=sub.current_period_end,
        issued_at=issued_at,
        due_at=issued_at + NET_TERMS,
        lines=[f"{plan.code} {sub.current_period_start:%Y-%m-%d}..{sub.current_period_end:%Y-%m-%d}"],
    )
