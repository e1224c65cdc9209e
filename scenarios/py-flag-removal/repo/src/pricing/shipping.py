"""Shipping cost."""
from decimal import Decimal

from .cart import Cart
from .flags import Flags

FLAT_RATE = Decimal("5.90")
FREE_FROM = Decimal("150")

ZONES = {"DE": 1, "AT": 2, "NL": 2, "BE": 2, "FR": 2, "DK": 3, "SE": 3, "PL": 3, "CH": 4, "NO": 4}
# zone -> [(max weight g, price)], last row is the per-started-10kg price above the table
MATRIX = {
    1: [(2000, Decimal("4.90")), (10000, Decimal("6.90")), (31500, Decimal("11.90"))],
    2: [(2000, Decimal("9.90")), (10000, Decimal("14.90")), (31500, Decimal("24.90"))],
    3: [(2000, Decimal("12.90")), (10000, Decimal("19.90")), (31500, Decimal("34.90"))],
    4: [(2000, Decimal("19.90")), (10000, Decimal("29.90")), (31500, Decimal("49.90"))],
}


class NotShippable(ValueError):
    pass


def shipping_cost(cart: Cart, merchandise_after_discounts: Decimal, flags: Flags) -> Decimal:
    weight = cart.weight_g
    if weight == 0:
        return Decimal("0")  # gift cards only: e-mailed
    if not flags.enabled("new_shipping_matrix"):
        return Decimal("0") if merchandise_after_discounts >= FREE_FROM else FLAT_RATE
    zone = ZONES.get(cart.country)
    if zone is None:
        raise NotShippable(f"we do not ship to {cart.country}")
    if zone == 1 and merchandise_after_discounts >= FREE_FROM:
        return Decimal("0")
    for max_weight, price in MATRIX[zone]:
        if weight <= max_weight:
            return price
    parcels = -(-weight // 31500)
    return MATRIX[zone][-1][1] * parcels
