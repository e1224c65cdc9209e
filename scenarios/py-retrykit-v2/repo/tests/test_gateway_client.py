import pytest

from payments_gateway.errors import GatewayRejected, GatewayUnavailable, PaymentDeclined
from payments_gateway.transport import Response
from conftest import ok

AUTH = {"id": "auth_1", "amount": 1250, "currency": "EUR", "status": "authorized"}


def test_authorize(client, processor):
    processor.script("/v2/authorizations", ok(**AUTH))
    auth = client.authorize(1250, "EUR", "tok_visa", idempotency_key="order-17")
    assert (auth.id, auth.status) == ("auth_1", "authorized")
    method, path, body, headers = processor.requests[0]
    assert (method, body) == ("POST", {"amount": 1250, "currency": "EUR", "source": "tok_visa"})
    assert headers == {"Authorization": "Bearer sk_test_123", "Idempotency-Key": "order-17"}


def test_authorize_validates_amount(client):
    with pytest.raises(ValueError):
        client.authorize(0, "EUR", "tok_visa")


def test_decline_is_not_retried(client, processor, slept):
    processor.script("/v2/authorizations", Response(402, {"decline_code": "insufficient_funds"}))
    with pytest.raises(PaymentDeclined) as info:
        client.authorize(1250, "EUR", "tok_visa")
    assert info.value.decline_code == "insufficient_funds"
    assert processor.calls("/v2/authorizations") == 1 and slept == []


def test_authorize_survives_a_dropped_connection(client, processor):
    processor.script("/v2/authorizations", ConnectionError("reset by peer"), ok(**AUTH))
    assert client.authorize(1250, "EUR", "tok_visa").id == "auth_1"


def test_capture_retries_server_errors(client, processor):
    processor.script("/v2/authorizations/auth_1/capture", Response(503, {}), Response(502, {}),
                     ok(id="pay_1", status="captured"))
    assert client.capture("auth_1")["status"] == "captured"
    assert processor.calls("/v2/authorizations/auth_1/capture") == 3
    keys = {r[3]["Idempotency-Key"] for r in processor.requests}
    assert keys == {"capture-auth_1-None"}


def test_capture_conflict_is_rejected(client, processor):
    processor.script("/v2/authorizations/auth_1/capture", Response(409, {"error": "already captured"}))
    with pytest.raises(GatewayRejected) as info:
        client.capture("auth_1")
    assert info.value.status == 409
    assert "already captured" in str(info.value)


def test_refund_and_void(client, processor):
    processor.script("/v2/payments/pay_1/refunds", ok(id="re_1", status="pending"))
    processor.script("/v2/authorizations/auth_2/void", ok(id="auth_2", status="voided"))
    assert client.refund("pay_1", 500)["id"] == "re_1"
    assert client.void("auth_2")["status"] == "voided"
    assert processor.requests[1][3]["Idempotency-Key"] == "void-auth_2"


def test_status(client, processor):
    processor.script("/v2/payments/pay_1", TimeoutError("read timeout"), ok(status="settled"))
    assert client.status("pay_1") == "settled"


def test_unreachable_processor(client, processor):
    processor.script("/v2/payments/pay_1", ConnectionError("refused"))
    with pytest.raises(GatewayUnavailable):
        client.status("pay_1")


def test_request_metrics(client, processor):
    processor.script("/v2/payments/pay_1", ok(status="settled"))
    client.status("pay_1")
    client.status("pay_1")
    assert client.metrics.get("gateway.request", operation="status") == 2
