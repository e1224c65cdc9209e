import hashlib
import hmac

from payments_gateway.transport import Response
from payments_gateway.webhooks import WebhookDispatcher
from conftest import FakeProcessor

EVENT = {"id": "evt_1", "type": "payment.captured", "data": {"id": "pay_1"}}


def dispatcher(processor, slept):
    return WebhookDispatcher(processor, b"whsec", sleep=slept.append)


def test_delivers_signed_payload():
    processor, slept = FakeProcessor().script("/hooks/m1", Response(200, {})), []
    result = dispatcher(processor, slept).deliver("/hooks/m1", EVENT, now=1_700_000_000)
    assert (result.delivered, result.attempts) == (True, 1)
    signature = processor.requests[0][3]["Webhook-Signature"]
    payload = b'{"data":{"id":"pay_1"},"id":"evt_1","type":"payment.captured"}'
    expected = hmac.new(b"whsec", b"1700000000." + payload, hashlib.sha256).hexdigest()
    assert signature == f"t=1700000000,v1={expected}"


def test_retries_then_dead_letters():
    processor, slept = FakeProcessor().script("/hooks/m1", Response(500, {})), []
    d = dispatcher(processor, slept)
    result = d.deliver("/hooks/m1", EVENT, now=0)
    assert (result.delivered, result.attempts) == (False, 7)
    assert slept == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0]
    assert d.dead_letters == [("/hooks/m1", EVENT)]
