from billing.models import Subscription
from billing.renewals import NET_TERMS, run_renewals


def _save(store, sub):
    store.save_subscription(sub)
    return sub


def test_nothing_due(store, ts):
    _save(store, Subscription.start("cus_1", "starter", now=ts("2024-01-10T00:00:00Z"), sub_id="sub_1"))
    assert run_renewals(store, now=ts("2024-02-09T23:59:59Z")) == []


def test_renewal_issues_one_invoice_and_rolls_period(store, ts):
    _save(store, Subscription.start("cus_1", "starter", now=ts("2024-01-10T00:00:00Z"), sub_id="sub_1"))
    (inv,) = run_renewals(store, now=ts("2024-02-10T00:00:00Z"))
    assert inv.amount_cents == 900
    assert (inv.period_start, inv.period_end) == (ts("2024-02-10T00:00:00Z"), ts("2024-03-10T00:00:00Z"))
    assert inv.due_at - inv.issued_at == NET_TERMS
    sub = store.get_subscription("sub_1")
    assert sub.current_period_end == ts("2024-03-10T00:00:00Z")
    assert [e["kind"] for e in store.events(inv.id)] == ["invoice.issued"]


def test_rerun_is_idempotent(store, ts):
    _save(store, Subscription.start("cus_1", "starter", now=ts("2024-01-10T00:00:00Z"), sub_id="sub_1"))
    run_renewals(store, now=ts("2024-02-10T00:00:00Z"))
    assert run_renewals(store, now=ts("2024-02-10T00:15:00Z")) == []
    assert len(store.invoices_for("sub_1")) == 1


def test_catch_up_after_outage(store, ts):
    _save(store, Subscription.start("cus_1", "starter", now=ts("2024-01-31T00:00:00Z"), sub_id="sub_1"))
    invoices = run_renewals(store, now=ts("2024-05-01T00:00:00Z"))
    assert [f"{i.period_start:%m-%d}" for i in invoices] == ["02-29", "03-31", "04-30"]


def test_trial_converts(store, ts):
    _save(store, Subscription.start("cus_1", "team", now=ts("2024-03-01T12:00:00Z"), sub_id="sub_t"))
    (inv,) = run_renewals(store, now=ts("2024-03-15T12:00:00Z"))
    assert inv.amount_cents == 2900
    assert store.get_subscription("sub_t").status == "active"


def test_cancel_at_period_end(store, ts):
    sub = Subscription.start("cus_1", "starter", now=ts("2024-01-10T00:00:00Z"), sub_id="sub_1")
    sub.cancel()
    _save(store, sub)
    assert run_renewals(store, now=ts("2024-02-10T00:00:00Z")) == []
    sub = store.get_subscription("sub_1")
    assert sub.status == "canceled"
    assert sub.canceled_at == ts("2024-02-10T00:00:00Z")


def test_scheduled_run_uses_current_time(store, ts):
    _save(store, Subscription.start("cus_1", "starter", now=ts("2023-06-15T00:00:00Z"), sub_id="sub_1"))
    invoices = run_renewals(store)
    assert len(invoices) >= 12
    assert invoices[-1].period_end > invoices[-1].issued_at >= invoices[-1].period_start


def test_scheduled_run_handles_legacy_rows(store):
    store.conn.execute(
        "INSERT INTO subscriptions VALUES ('sub_old','cus_9','starter','active','2020-11-03 00:00:00',"
        "'2020-11-03 00:00:00','2020-12-03 00:00:00',3,NULL,NULL,0)"
    )
    invoices = run_renewals(store)
    assert invoices
    assert store.get_subscription("sub_old").current_period_end > invoices[-1].issued_at
