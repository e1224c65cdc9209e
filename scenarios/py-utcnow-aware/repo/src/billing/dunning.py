"""Dunning: what happens after a payment attempt fails.

Retries follow a fixed back-off; once the grace period after the due date is over the subscription goes
``past_due`` and the storefront restricts the account.
"""
from datetime import datetime, timedelta

from .models import Invoice
from .store import Store

RETRY_BACKOFF = (timedelta(hours=1), timedelta(days=1), timedelta(days=3), timedelta(days=5))
GRACE_PERIOD = timedelta(days=14)


def record_failed_attempt(store: Store, invoice: Invoice, reason: str, now: datetime | None = None) -> Invoice:
    """Count a failed charge and schedule the next one (or none, when retries are exhausted)."""
    now = now or datetime.utcnow()
    invoice.attempts += 1
    if invoice.attempts <= len(RETRY_BACKOFF):
        invoice.next_attempt_at = now + RETRY_BACKOFF[invoice.attempts - 1]
    else:
        invoice.next_attempt_at = None
    store.save_invoice(invoice)
    store.record_event("invoice.payment_failed", invoice.id, {"attempt": invoice.attempts, "reason": reason})
    if is_past_grace(invoice, now):
        sub = store.get_subscription(invoice.subscription_id)
        if sub.status != "past_due":
            sub.status = "past_due"
            store.save_subscription(sub)
            store.record_event("subscription.past_due", sub.id, {"invoice": invoice.id})
    return invoice


def is_past_grace(invoice: Invoice, now: datetime | None = None) -> bool:
    now = now or datetime.utcnow()
    return invoice.is_open and now > invoice.due_at + GRACE_PERIOD


def retries_due(store: Store, now: datetime | None = None) -> list[Invoice]:
    """Open invoices whose next retry time has come, oldest first."""
    now = now or datetime.utcnow()
    due = [inv for inv in store.open_invoices() if inv.next_attempt_at is not None and inv.next_attempt_at <= now]
    return sorted(due, key=lambda inv: inv.next_attempt_at)


def mark_paid(store: Store, invoice: Invoice) -> None:
    invoice.status = "paid"
    invoice.next_attempt_at = None
    store.save_invoice(invoice)
    store.record_event("invoice.paid", invoice.id, {"attempts": invoice.attempts})
    sub = store.get_subscription(invoice.subscription_id)
    if sub.status == "past_due" and not any(i.is_open for i in store.invoices_for(sub.id)):
        sub.status = "active"
        store.save_subscription(sub)
