"""Hidden checks: the gateway client runs on retrykit 2 with exactly the retry behaviour it had on 1.x."""
import os
import re
import subprocess
import sys
from collections import defaultdict, deque
from pathlib import Path

import pytest

from payments_gateway.client import GatewayClient
from payments_gateway.errors import GatewayRejected, GatewayUnavailable, PaymentDeclined
from payments_gateway.transport import HTTPError, Response

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "services" / "payments_gateway"


class Processor:
    def __init__(self):
        self.scripts = defaultdict(deque)
        self.requests = []

    def script(self, path, *outcomes):
        self.scripts[path].extend(outcomes)

    def send(self, method, path, body, headers):
        self.requests.append(path)
        queue = self.scripts[path]
        outcome = queue.popleft() if len(queue) > 1 else queue[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


@pytest.fixture
def env():
    processor, slept = Processor(), []
    return processor, slept, GatewayClient(processor, "sk_test", sleep=slept.append)


OPERATIONS = {
    # operation: (path, invoke, calls when the failure persists, delays between them)
    "authorize": ("/v2/authorizations", lambda c: c.authorize(100, "EUR", "tok"), 3, [0.2, 0.4]),
    "capture": ("/v2/authorizations/a1/capture", lambda c: c.capture("a1"), 5, [0.25, 0.5, 1.0, 1.0]),
    "refund": ("/v2/payments/p1/refunds", lambda c: c.refund("p1", 100), 5, [0.25, 0.5, 1.0, 1.0]),
    "void": ("/v2/authorizations/a1/void", lambda c: c.void("a1"), 4, [0.25, 0.5, 1.0]),
    "status": ("/v2/payments/p1", lambda c: c.status("p1"), 6, [0.1, 0.15, 0.225, 0.3375, 0.5]),
}


def test_client_no_longer_uses_the_v1_api():
    for name in ("client.py", "policies.py"):
        source = (PKG / name).read_text()
        assert not re.search(r"retrykit\.v1|from\s+retrykit\s+import\s+[^\n]*\bv1\b", source), name


def test_importing_the_client_does_not_touch_deprecated_v1():
    code = "import payments_gateway.client, payments_gateway.policies"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "libs/retrykit/src"), str(ROOT / "services")])}
    proc = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_persistent_connection_failure_keeps_1x_attempts_and_delays(env, operation):
    processor, slept, client = env
    path, invoke, calls, delays = OPERATIONS[operation]
    last = ConnectionError("refused")
    processor.script(path, ConnectionError("first"), last)
    with pytest.raises(GatewayUnavailable) as info:
        invoke(client)
    assert processor.requests.count(path) == calls
    assert slept == pytest.approx(delays)
    assert info.value.attempts == calls
    assert info.value.cause is last
    assert info.value.__cause__ is last
    assert client.metrics.get("gateway.retry", operation=operation, reason="ConnectionError") == calls - 1
    assert client.metrics.get("gateway.unavailable", operation=operation) == 1


@pytest.mark.parametrize("operation", ["capture", "refund", "void", "status"])
def test_server_errors_retry_for_idempotent_operations(env, operation):
    processor, slept, client = env
    path, invoke, calls, delays = OPERATIONS[operation]
    processor.script(path, Response(503, {"error": "maintenance"}))
    with pytest.raises(GatewayUnavailable) as info:
        invoke(client)
    assert processor.requests.count(path) == calls
    assert slept == pytest.approx(delays)
    assert isinstance(info.value.cause, HTTPError) and info.value.cause.status == 503
    assert client.metrics.get("gateway.retry", operation=operation, reason="HTTPError") == calls - 1


def test_authorize_never_retries_a_server_error(env):
    processor, slept, client = env
    processor.script("/v2/authorizations", Response(500, {}))
    with pytest.raises(GatewayUnavailable) as info:
        client.authorize(100, "EUR", "tok")
    assert processor.requests == ["/v2/authorizations"] and slept == []
    assert info.value.attempts == 1


def test_rate_limiting_is_retried(env):
    processor, slept, client = env
    processor.script("/v2/authorizations/a1/capture", Response(429, {}), Response(429, {}), Response(200, {"id": "x"}))
    assert client.capture("a1") == {"id": "x"}
    assert slept == pytest.approx([0.25, 0.5])


@pytest.mark.parametrize("status, error", [(400, GatewayRejected), (404, GatewayRejected), (409, GatewayRejected),
                                           (402, PaymentDeclined)])
def test_client_errors_give_up_at_once(env, status, error):
    processor, slept, client = env
    processor.script("/v2/payments/p1/refunds", Response(status, {"error": "nope", "decline_code": "x"}))
    with pytest.raises(error):
        client.refund("p1", 100)
    assert processor.requests == ["/v2/payments/p1/refunds"] and slept == []
    assert client.metrics.get("gateway.unavailable", operation="refund") == 0


def test_recovery_mid_way(env):
    processor, slept, client = env
    processor.script("/v2/payments/p1", TimeoutError("t"), Response(502, {}), TimeoutError("t"),
                     Response(200, {"status": "settled"}))
    assert client.status("p1") == "settled"
    assert slept == pytest.approx([0.1, 0.15, 0.225])
    assert client.metrics.get("gateway.retry", operation="status", reason="TimeoutError") == 2
    assert client.metrics.get("gateway.retry", operation="status", reason="HTTPError") == 1


def test_delays_are_deterministic(env):
    processor, slept, client = env
    processor.script("/v2/authorizations/a1/void", Response(503, {}))
    for _ in range(3):
        with pytest.raises(GatewayUnavailable):
            client.void("a1")
    assert slept == pytest.approx([0.25, 0.5, 1.0] * 3)
