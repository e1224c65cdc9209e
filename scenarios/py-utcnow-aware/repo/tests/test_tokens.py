import time
from datetime import timedelta

import pytest

from billing.tokens import TokenExpired, TokenInvalid, expires_at, issue, verify

SECRET = b"portal-test-secret"


def test_round_trip(ts):
    now = ts("2024-05-01T10:00:00Z")
    token = issue(SECRET, "sub_1", now=now)
    assert verify(SECRET, token, now=now + timedelta(minutes=59)) == "sub_1"


def test_expiry_is_embedded(ts):
    now = ts("2024-05-01T10:00:00Z")
    token = issue(SECRET, "sub_1", ttl=timedelta(minutes=15), now=now)
    assert expires_at(token) == now + timedelta(minutes=15)


def test_expired(ts):
    now = ts("2024-05-01T10:00:00Z")
    token = issue(SECRET, "sub_1", now=now)
    with pytest.raises(TokenExpired):
        verify(SECRET, token, now=now + timedelta(hours=1))


def test_tampered_subscription_id(ts):
    token = issue(SECRET, "sub_1", now=ts("2024-05-01T10:00:00Z"))
    with pytest.raises(TokenInvalid):
        verify(SECRET, "sub_2" + token[len("sub_1"):], now=ts("2024-05-01T10:01:00Z"))


def test_wrong_secret(ts):
    token = issue(SECRET, "sub_1", now=ts("2024-05-01T10:00:00Z"))
    with pytest.raises(TokenInvalid):
        verify(b"other", token, now=ts("2024-05-01T10:01:00Z"))


@pytest.mark.parametrize("bad", ["", "sub_1", "sub_1.abc.def.ghi", "a.b.c"])
def test_malformed(bad):
    with pytest.raises(TokenInvalid):
        verify(SECRET, bad)


def test_fresh_link_works_and_then_expires():
    # Real clock on purpose: this is the path the portal takes (no injected time).
    # Timing-sensitive; has flaked on overloaded CI runners before (BILL-1182).
    token = issue(SECRET, "sub_1", ttl=timedelta(milliseconds=200))
    assert verify(SECRET, token) == "sub_1"
    time.sleep(0.3)
    with pytest.raises(TokenExpired):
        verify(SECRET, token)
