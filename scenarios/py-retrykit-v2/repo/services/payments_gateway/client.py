"""Card processor client: authorize, capture, refund, void, status.

Every call goes through the retry policy of its operation (policies.py); transport and HTTP errors are mapped
to the errors in errors.py so callers never see them.
"""
import time
import uuid
from dataclasses import dataclass

from retrykit import v1 as retrykit_v1

from . import policies
from .errors import GatewayRejected, GatewayUnavailable, PaymentDeclined
from .metrics import Metrics
from .transport import HTTPError, Transport


@dataclass(frozen=True)
class Authorization:
    id: str
    amount: int
    currency: str
    status: str


class GatewayClient:
    def __init__(self, transport: Transport, api_key: str, sleep=time.sleep, metrics: Metrics | None = None):
        self.transport = transport
        self.api_key = api_key
        self._sleep = sleep
        self.metrics = metrics or Metrics()

    # -- plumbing --------------------------------------------------------------------------------------

    def _send(self, method: str, path: str, body: dict | None, idempotency_key: str | None) -> dict:
        headers = {"Authorization": f"Bearer {self.api_key}"}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        resp = self.transport.send(method, path, body, headers)
        if resp.status >= 400:
            raise HTTPError(resp.status, resp.body)
        return resp.body

    def _on_retry(self, operation: str):
        def hook(attempt: int, exc: BaseException) -> None:
            self.metrics.incr("gateway.retry", operation=operation, reason=type(exc).__name__)
        return hook

    def _call(self, operation: str, method: str, path: str, body: dict | None = None,
              idempotency_key: str | None = None) -> dict:
        self.metrics.incr("gateway.request", operation=operation)
        try:
            return retrykit_v1.call(self._send, method, path, body, idempotency_key,
                                    sleep=self._sleep, on_retry=self._on_retry(operation),
                                    **policies.BY_OPERATION[operation])
        except retrykit_v1.RetryError as exc:
            self.metrics.incr("gateway.unavailable", operation=operation)
            raise GatewayUnavailable(operation, exc.attempts, exc.last_exc) from exc.last_exc
        except HTTPError as exc:
            raise self._map_http_error(operation, exc) from exc
        except (ConnectionError, TimeoutError) as exc:
            # not retried for this operation (or retried elsewhere): still "unavailable" to callers
            self.metrics.incr("gateway.unavailable", operation=operation)
            raise GatewayUnavailable(operation, 1, exc) from exc

    @staticmethod
    def _map_http_error(operation: str, exc: HTTPError) -> Exception:
        if exc.status == 402:
            return PaymentDeclined(exc.body.get("decline_code", "unknown"))
        if exc.status >= 500 or exc.status == 429:
            return GatewayUnavailable(operation, 1, exc)
        return GatewayRejected(operation, exc.status, exc.body.get("error", ""))

    # -- operations ------------------------------------------------------------------------------------

    def authorize(self, amount: int, currency: str, card_token: str, idempotency_key: str | None = None) -> Authorization:
        if amount <= 0:
            raise ValueError("amount must be positive (minor units)")
        body = self._call("authorize", "POST", "/v2/authorizations",
                          {"amount": amount, "currency": currency, "source": card_token},
                          idempotency_key or str(uuid.uuid4()))
        return Authorization(body["id"], body["amount"], body["currency"], body["status"])

    def capture(self, authorization_id: str, amount: int | None = None, idempotency_key: str | None = None) -> dict:
        body = {} if amount is None else {"amount": amount}
        return self._call("capture", "POST", f"/v2/authorizations/{authorization_id}/capture", body,
                          idempotency_key or f"capture-{authorization_id}-{amount}")

    def refund(self, payment_id: str, amount: int, reason: str = "requested_by_customer",
               idempotency_key: str | None = None) -> dict:
        return self._call("refund", "POST", f"/v2/payments/{payment_id}/refunds",
                          {"amount": amount, "reason": reason}, idempotency_key or str(uuid.uuid4()))

    def void(self, authorization_id: str) -> dict:
        return self._call("void", "POST", f"/v2/authorizations/{authorization_id}/void", None,
                          f"void-{authorization_id}")

    def status(self, payment_id: str) -> str:
        return self._call("status", "GET", f"/v2/payments/{payment_id}")["status"]
