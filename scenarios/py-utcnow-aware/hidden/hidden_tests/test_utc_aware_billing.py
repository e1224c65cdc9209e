"""Hidden checks: billing produces, stores and returns timezone-aware UTC datetimes, with unchanged formats."""
import os
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from billing import dunning, renewals, timefmt, tokens
from billing.models import Subscription
from billing.store import Store

UTC = timezone.utc
SRC = Path(__file__).resolve().parents[1] / "src" / "billing"
SECRET = b"hidden-secret"


def is_utc(dt):
    return isinstance(dt, datetime) and dt.tzinfo is not None and dt.utcoffset() == timedelta(0)


@pytest.fixture(autouse=True)
def non_utc_local_zone():
    """Run everything with the machine's local zone at UTC+05:30, so local-time mistakes show."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "IST-5:30"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def store():
    s = Store()
    yield s
    s.close()


def test_no_deprecated_naive_constructors_left():
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"\butc(now|fromtimestamp)\s*\(", line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert offenders == []


def test_parse_returns_aware_utc_for_wire_and_legacy_formats():
    for text in ("2024-03-01T12:00:00Z", "2024-03-01 12:00:00", "2024-03-01T12:00:00"):
        dt = timefmt.parse_ts(text)
        assert is_utc(dt), text
        assert dt == datetime(2024, 3, 1, 12, tzinfo=UTC)


def test_format_keeps_wire_format_and_converts_to_utc():
    assert timefmt.format_ts(datetime(2024, 3, 1, 12, 0, 0, 500, tzinfo=UTC)) == "2024-03-01T12:00:00Z"
    plus_two = timezone(timedelta(hours=2))
    assert timefmt.format_ts(datetime(2024, 3, 1, 12, 0, tzinfo=plus_two)) == "2024-03-01T10:00:00Z"


def test_epoch_conversions_are_aware_and_zone_independent():
    assert timefmt.from_epoch(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert is_utc(timefmt.from_epoch(1_700_000_000.5))
    assert timefmt.to_epoch(datetime(1970, 1, 2, tzinfo=UTC)) == 86400


def test_new_subscription_defaults_are_aware():
    before = datetime.now(UTC)
    sub = Subscription.start("cus_1", "team")
    assert is_utc(sub.started_at) and is_utc(sub.trial_end) and is_utc(sub.current_period_end)
    assert before - timedelta(seconds=5) <= sub.started_at <= datetime.now(UTC) + timedelta(seconds=5)
    assert sub.in_trial()
    sub.cancel(at_period_end=False)
    assert is_utc(sub.canceled_at)


def test_store_round_trip_and_legacy_rows_are_aware(store):
    sub = Subscription.start("cus_1", "starter", now=datetime(2024, 1, 31, 10, tzinfo=UTC), sub_id="sub_1")
    store.save_subscription(sub)
    loaded = store.get_subscription("sub_1")
    assert loaded == sub and is_utc(loaded.current_period_end)
    row = store.conn.execute("SELECT started_at, current_period_end FROM subscriptions").fetchone()
    assert tuple(row) == ("2024-01-31T10:00:00Z", "2024-02-29T10:00:00Z")

    store.conn.execute(
        "INSERT INTO subscriptions VALUES ('sub_old','cus_9','team','active','2019-05-02 00:00:00',"
        "'2019-05-16 00:00:00','2019-06-16 00:00:00',16,'2019-05-16 00:00:00',NULL,0)"
    )
    old = store.get_subscription("sub_old")
    assert is_utc(old.started_at) and is_utc(old.trial_end)
    assert old.started_at == datetime(2019, 5, 2, tzinfo=UTC)


def test_audit_events_are_aware_and_purge_works(store):
    store.conn.execute("INSERT INTO events (kind, subject, payload, created_at) "
                       "VALUES ('x', 'old', '{}', '2020-01-01 00:00:00')")
    store.record_event("invoice.issued", "in_1")
    (event,) = store.events("in_1")
    assert is_utc(event["created_at"])
    assert abs(event["created_at"] - datetime.now(UTC)) < timedelta(minutes=1)
    assert store.purge_events(timedelta(days=30)) == 1


def test_scheduled_renewal_issues_aware_invoices(store):
    start = datetime.now(UTC) - timedelta(days=70)
    store.save_subscription(Subscription.start("cus_1", "starter", now=start, sub_id="sub_1"))
    invoices = renewals.run_renewals(store)
    assert len(invoices) == 2
    for inv in invoices:
        assert is_utc(inv.issued_at) and is_utc(inv.due_at) and is_utc(inv.period_start)
        assert abs(inv.issued_at - datetime.now(UTC)) < timedelta(minutes=1)
    stored = store.get_invoice(invoices[0].id)
    assert is_utc(stored.issued_at)


def test_dunning_defaults_work_with_aware_invoices(store):
    start = datetime.now(UTC) - timedelta(days=40)
    store.save_subscription(Subscription.start("cus_1", "starter", now=start, sub_id="sub_1"))
    (inv,) = renewals.run_renewals(store)
    assert not dunning.is_past_grace(inv)
    dunning.record_failed_attempt(store, inv, "card_declined")
    assert is_utc(inv.next_attempt_at)
    assert abs(inv.next_attempt_at - datetime.now(UTC) - timedelta(hours=1)) < timedelta(minutes=1)
    assert dunning.retries_due(store) == []
    assert dunning.retries_due(store, now=datetime.now(UTC) + timedelta(hours=2))[0].id == inv.id


def test_tokens_are_zone_independent():
    now = datetime(2024, 5, 1, 10, tzinfo=UTC)
    token = tokens.issue(SECRET, "sub_1", ttl=timedelta(minutes=15), now=now)
    assert tokens.expires_at(token) == now + timedelta(minutes=15)
    assert is_utc(tokens.expires_at(token))
    assert tokens.verify(SECRET, token, now=now + timedelta(minutes=14)) == "sub_1"
    with pytest.raises(tokens.TokenExpired):
        tokens.verify(SECRET, token, now=now + timedelta(minutes=15))
    # same absolute instant expressed in another zone
    with pytest.raises(tokens.TokenExpired):
        tokens.verify(SECRET, token, now=datetime(2024, 5, 1, 12, 15, tzinfo=timezone(timedelta(hours=2))))


def test_fresh_token_with_real_clock():
    token = tokens.issue(SECRET, "sub_1")
    assert tokens.verify(SECRET, token) == "sub_1"
    assert abs(tokens.expires_at(token) - datetime.now(UTC) - timedelta(hours=1)) < timedelta(minutes=1)
    stale = tokens.issue(SECRET, "sub_1", now=datetime.now(UTC) - timedelta(hours=2))
    with pytest.raises(tokens.TokenExpired):
        tokens.verify(SECRET, stale)
