"""Signed, expiring links into the customer portal.

A token is ``<subscription id>.<expiry>.<signature>``: the expiry is Unix seconds (with milliseconds), the
signature an HMAC-SHA256 over the first two parts, so the portal can check a link without a database lookup.
"""
import base64
import hashlib
import hmac
from datetime import datetime, timedelta

from .timefmt import from_epoch, to_epoch

DEFAULT_TTL = timedelta(hours=1)


class TokenError(Exception):
    pass


class TokenExpired(TokenError):
    pass


class TokenInvalid(TokenError):
    pass


def _sign(secret: bytes, message: str) -> str:
    digest = hmac.new(secret, message.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def issue(secret: bytes, subscription_id: str, ttl: timedelta = DEFAULT_TTL, now: datetime | None = None) -> str:
    now = now or datetime.utcnow()
    expiry = f"{to_epoch(now + ttl):.3f}"
    body = f"{subscription_id}.{expiry}"
    return f"{body}.{_sign(secret, body)}"


def _split(token: str) -> tuple[str, str, str]:
    # The expiry itself contains a dot (milliseconds), so split from the right and re-join.
    parts = token.rsplit(".", 3)
    if len(parts) != 4 or not all(parts):
        raise TokenInvalid("malformed token")
    sub_id, whole, millis, signature = parts
    return sub_id, f"{whole}.{millis}", signature


def _expiry_seconds(expiry: str) -> float:
    try:
        return float(expiry)
    except ValueError:
        raise TokenInvalid("malformed expiry") from None


def expires_at(token: str) -> datetime:
    _, expiry, _ = _split(token)
    return from_epoch(_expiry_seconds(expiry))


def verify(secret: bytes, token: str, now: datetime | None = None) -> str:
    """Return the subscription id the token grants access to, or raise."""
    sub_id, expiry, signature = _split(token)
    if not hmac.compare_digest(_sign(secret, f"{sub_id}.{expiry}"), signature):
        raise TokenInvalid("bad signature")
    now = now or datetime.utcnow()
    if now >= datetime.utcfromtimestamp(_expiry_seconds(expiry)):
        raise TokenExpired(f"expired at {expires_at(token):%Y-%m-%d %H:%M:%S}")
    return sub_id
