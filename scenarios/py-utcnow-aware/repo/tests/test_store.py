from datetime import timedelta

import pytest

from billing.models import Invoice, Subscription
from billing.timefmt import format_ts


def test_subscription_round_trip(store, ts):
    sub = Subscription.start("cus_1", "starter", now=ts("2024-01-31T10:00:00Z"), sub_id="sub_1")
    store.save_subscription(sub)
    assert store.get_subscription("sub_1") == sub


def test_missing_subscription(store):
    with pytest.raises(KeyError):
        store.get_subscription("nope")


def test_invoice_round_trip(store, ts):
    sub = Subscription.start("cus_1", "starter", now=ts("2024-01-31T10:00:00Z"), sub_id="sub_1")
    store.save_subscription(sub)
    inv = Invoice("in_1", "sub_1", "cus_1", 900, sub.current_period_start, sub.current_period_end,
                  ts("2024-02-29T10:00:00Z"), ts("2024-03-07T10:00:00Z"), lines=["starter"])
    store.save_invoice(inv)
    assert store.get_invoice("in_1") == inv
    assert store.invoices_for("sub_1") == [inv]
    assert store.open_invoices() == [inv]


def test_legacy_rows_load(store):
    store.conn.execute(
        "INSERT INTO subscriptions VALUES ('sub_old','cus_9','team','active','2019-05-02 00:00:00',"
        "'2019-05-16 00:00:00','2019-06-16 00:00:00',16,'2019-05-16 00:00:00',NULL,0)"
    )
    sub = store.get_subscription("sub_old")
    assert format_ts(sub.started_at) == "2019-05-02T00:00:00Z"
    assert sub.trial_end == sub.current_period_start


def test_due_for_renewal(store, ts):
    a = Subscription.start("cus_1", "starter", now=ts("2024-01-10T00:00:00Z"), sub_id="sub_a")
    b = Subscription.start("cus_2", "starter", now=ts("2024-01-20T00:00:00Z"), sub_id="sub_b")
    store.save_subscription(a)
    store.save_subscription(b)
    assert [s.id for s in store.due_for_renewal(ts("2024-02-15T00:00:00Z"))] == ["sub_a"]


def test_events_are_recorded(store):
    store.record_event("invoice.issued", "in_1", {"amount": 900})
    (event,) = store.events("in_1")
    assert event["kind"] == "invoice.issued"
    assert event["payload"] == {"amount": 900}


def test_purge_events_keeps_recent_ones(store):
    store.conn.execute("INSERT INTO events (kind, subject, payload, created_at) "
                       "VALUES ('x', 's', '{}', '2020-01-01 00:00:00')")
    store.record_event("invoice.issued", "in_1")
    assert store.purge_events(timedelta(days=30)) == 1
    assert [e["subject"] for e in store.events()] == ["in_1"]
