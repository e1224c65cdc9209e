from decimal import Decimal

import pytest

from pricing.api import features, handle_quote
from pricing.quote import price
from pricing.reporting import quote_event
from conftest import cart


def test_full_quote(prod_flags):
    q = price(cart(("MN-27", 1), ("CB-10", 1), ("BK-01", 1), coupons=["SAVE20"]), prod_flags)
    # subtotal 313.49; tier 7.50 + 10% of 63.49 = 13.85; SAVE20 on 299.64
    assert (q.subtotal, q.tier_discount, q.coupon_discounts) == (Decimal("313.49"), Decimal("13.85"),
                                                                 {"SAVE20": Decimal("20.00")})
    assert (q.shipping, q.total) == (Decimal("0"), Decimal("279.64"))
    assert q.explanations == ["Volume discount (tiered): -13.85", "Coupon SAVE20: -20.00", "Free shipping"]
    assert q.vat == Decimal("42.59")


def test_quote_without_discounts(prod_flags):
    q = price(cart(("MS-02", 1)), prod_flags)
    assert q.total == Decimal("44.80")
    assert q.explanations == ["Shipping: 4.90"]


def test_empty_cart(prod_flags):
    with pytest.raises(ValueError):
        price(cart(), prod_flags)


def test_quote_event(prod_flags):
    c = cart(("DK-01", 1), country="AT")
    event = quote_event(c, price(c, prod_flags), prod_flags)
    assert event["type"] == "pricing.quote"
    assert (event["subtotal"], event["tier_discount"], event["shipping"]) == ("549.00", "39.85", "24.90")
    assert event["coupon_stacking"] == "sequential"
    assert "new_shipping_matrix" in event["flags"]


def test_handle_quote(prod_flags):
    events = []
    status, body = handle_quote({"country": "DE", "items": [{"sku": "KB-01", "quantity": 2}]}, prod_flags, events)
    assert status == 200
    assert body["subtotal"] == "178.00" and body["discount"] == "3.90" and body["total"] == "174.10"
    assert len(events) == 1


@pytest.mark.parametrize("request_, status", [
    ({"items": [{"sku": "NOPE"}]}, 400),
    ({"items": [{"sku": "KB-01", "quantity": 0}]}, 400),
    ({"items": []}, 400),
    ({"country": "US", "items": [{"sku": "KB-01"}]}, 422),
    ({"items": [{"sku": "KB-01"}], "debug_flags": {"nope": True}}, 400),
])
def test_handle_quote_errors(prod_flags, request_, status):
    assert handle_quote(request_, prod_flags)[0] == status


def test_debug_flags_override(prod_flags):
    _, body = handle_quote({"items": [{"sku": "MS-02"}], "debug_flags": {"new_shipping_matrix": False}}, prod_flags)
    assert body["shipping"] == "5.90"


def test_features(prod_flags):
    assert features(prod_flags) == (200, {"features": ["new_shipping_matrix", "round_half_even_tax",
                                                      "tiered_discounts_v2"]})
