"""Merchant webhook dispatcher: POSTs payment events to merchants' endpoints, with retries.

Moving to the events platform (EVT-310), which has its own delivery/retry machinery; until then it stays as is.
"""
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field

from retrykit import v1 as retrykit_v1

from .transport import HTTPError, Transport

DELIVERY_POLICY = dict(tries=6, delay_ms=1000, backoff=2.0, max_delay_ms=30000,
                       retry_on=(ConnectionError, TimeoutError, HTTPError))


@dataclass
class DeliveryResult:
    event_id: str
    delivered: bool
    attempts: int
    error: str | None = None


@dataclass
class WebhookDispatcher:
    transport: Transport
    signing_secret: bytes
    sleep: object = time.sleep
    dead_letters: list = field(default_factory=list)

    def sign(self, payload: bytes, timestamp: int) -> str:
        mac = hmac.new(self.signing_secret, f"{timestamp}.".encode() + payload, hashlib.sha256)
        return f"t={timestamp},v1={mac.hexdigest()}"

    def deliver(self, endpoint_path: str, event: dict, now: int | None = None) -> DeliveryResult:
        payload = json.dumps(event, sort_keys=True, separators=(",", ":")).encode()
        headers = {"Webhook-Signature": self.sign(payload, int(now if now is not None else time.time()))}
        attempts = 0

        def post():
            nonlocal attempts
            attempts += 1
            resp = self.transport.send("POST", endpoint_path, event, headers)
            if resp.status >= 300:
                raise HTTPError(resp.status, resp.body)
            return resp

        try:
            retrykit_v1.call(post, sleep=self.sleep, **DELIVERY_POLICY)
        except retrykit_v1.RetryError as exc:
            self.dead_letters.append((endpoint_path, event))
            return DeliveryResult(event["id"], False, exc.attempts, str(exc.last_exc))
        return DeliveryResult(event["id"], True, attempts)
