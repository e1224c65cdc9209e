from decimal import Decimal

import pytest

from pricing.shipping import NotShippable, shipping_cost
from pricing.tax import vat_included
from conftest import cart


def test_flat_rate(default_flags):
    assert shipping_cost(cart(("MS-02", 1)), Decimal("39.90"), default_flags) == Decimal("5.90")
    assert shipping_cost(cart(("MN-27", 1)), Decimal("279.00"), default_flags) == 0


def test_matrix(prod_flags):
    assert shipping_cost(cart(("MS-02", 1)), Decimal("39.90"), prod_flags) == Decimal("4.90")
    assert shipping_cost(cart(("MN-27", 1), country="AT"), Decimal("279"), prod_flags) == Decimal("14.90")
    assert shipping_cost(cart(("DK-01", 2), country="SE"), Decimal("1098"), prod_flags) == Decimal("69.80")
    assert shipping_cost(cart(("GC-50", 1), country="US"), Decimal("50"), prod_flags) == 0
    with pytest.raises(NotShippable):
        shipping_cost(cart(("MS-02", 1), country="US"), Decimal("39.90"), prod_flags)


def test_vat_rounding(default_flags, prod_flags):
    assert vat_included(Decimal("119.00"), "DE", "standard", default_flags) == Decimal("19.00")
    # AT 20%: VAT in 0.99 gross is exactly 0.165
    assert vat_included(Decimal("0.99"), "AT", "standard", default_flags) == Decimal("0.17")
    assert vat_included(Decimal("0.99"), "AT", "standard", prod_flags) == Decimal("0.16")
    assert vat_included(Decimal("50"), "DE", "exempt", prod_flags) == 0
