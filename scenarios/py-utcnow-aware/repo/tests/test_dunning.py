from datetime import timedelta

from billing.dunning import GRACE_PERIOD, is_past_grace, mark_paid, record_failed_attempt, retries_due
from billing.models import Subscription
from billing.renewals import run_renewals


def _issue(store, ts):
    store.save_subscription(Subscription.start("cus_1", "starter", now=ts("2024-01-10T00:00:00Z"), sub_id="sub_1"))
    (inv,) = run_renewals(store, now=ts("2024-02-10T00:00:00Z"))
    return inv


def test_first_failure_retries_in_an_hour(store, ts):
    inv = _issue(store, ts)
    now = ts("2024-02-10T06:00:00Z")
    record_failed_attempt(store, inv, "card_declined", now=now)
    assert store.get_invoice(inv.id).next_attempt_at == ts("2024-02-10T07:00:00Z")


def test_retries_exhaust(store, ts):
    inv = _issue(store, ts)
    for _ in range(5):
        record_failed_attempt(store, inv, "card_declined", now=ts("2024-02-11T00:00:00Z"))
    assert inv.attempts == 5
    assert inv.next_attempt_at is None


def test_retries_due_sorted(store, ts):
    inv = _issue(store, ts)
    record_failed_attempt(store, inv, "insufficient_funds", now=ts("2024-02-10T06:00:00Z"))
    assert retries_due(store, now=ts("2024-02-10T06:30:00Z")) == []
    assert [i.id for i in retries_due(store, now=ts("2024-02-10T07:00:00Z"))] == [inv.id]


def test_past_grace_marks_subscription_past_due(store, ts):
    inv = _issue(store, ts)
    late = inv.due_at + GRACE_PERIOD
    assert not is_past_grace(inv, now=late)
    record_failed_attempt(store, inv, "card_declined", now=late + timedelta(seconds=1))
    assert store.get_subscription("sub_1").status == "past_due"


def test_paying_restores_active(store, ts):
    inv = _issue(store, ts)
    record_failed_attempt(store, inv, "card_declined", now=inv.due_at + GRACE_PERIOD + timedelta(days=1))
    assert store.get_subscription("sub_1").status == "past_due"
    mark_paid(store, inv)
    assert store.get_subscription("sub_1").status == "active"
    assert not is_past_grace(store.get_invoice(inv.id), now=inv.due_at + GRACE_PERIOD * 10)
