"""Volume discounts and coupons."""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .cart import Cart
from .flags import Flags

CENT = Decimal("0.01")

# (threshold, rate): the rate applies from the threshold upwards
TIERS = ((Decimal("100"), Decimal("0.05")), (Decimal("250"), Decimal("0.10")), (Decimal("500"), Decimal("0.15")))


@dataclass(frozen=True)
class Coupon:
    code: str
    percent: Decimal = Decimal("0")
    amount: Decimal = Decimal("0")
    min_subtotal: Decimal = Decimal("0")


COUPONS = {
    "WELCOME10": Coupon("WELCOME10", percent=Decimal("10")),
    "SAVE20": Coupon("SAVE20", amount=Decimal("20"), min_subtotal=Decimal("150")),
    "DESK50": Coupon("DESK50", amount=Decimal("50"), min_subtotal=Decimal("500")),
}


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _tier_discount_v1(cart: Cart) -> Decimal:
    """Whole-cart tiers: the highest tier reached applies to the whole subtotal (gift cards included)."""
    base = cart.subtotal
    rate = Decimal("0")
    for threshold, tier_rate in TIERS:
        if base >= threshold:
            rate = tier_rate
    return cents(base * rate)


def _tier_discount_v2(cart: Cart) -> Decimal:
    """Marginal tiers over the discountable subtotal: each rate applies only to the part inside its band."""
    base = cart.discountable_subtotal
    discount = Decimal("0")
    bounds = [t for t, _ in TIERS[1:]] + [None]
    for (threshold, rate), upper in zip(TIERS, bounds):
        if base <= threshold:
            break
        top = base if upper is None else min(base, upper)
        discount += (top - threshold) * rate
    return cents(discount)


def tier_discount(cart: Cart, flags: Flags) -> Decimal:
    if flags.enabled("tiered_discounts_v2"):
        return _tier_discount_v2(cart)
    return _tier_discount_v1(cart)


def coupon_discount(coupon: Coupon, base: Decimal) -> Decimal:
    if base < coupon.min_subtotal:
        return Decimal("0")
    value = base * coupon.percent / 100 + coupon.amount
    return cents(min(value, base))


@dataclass(frozen=True)
class DiscountBreakdown:
    tier: Decimal
    coupons: dict[str, Decimal]
    rejected_coupons: list[str]

    @property
    def total(self) -> Decimal:
        return self.tier + sum(self.coupons.values(), Decimal("0"))


def discounts(cart: Cart, flags: Flags) -> DiscountBreakdown:
    """Tier discount plus coupons. With legacy stacking, coupons are computed on the undiscounted subtotal."""
    tier = tier_discount(cart, flags)
    base = cart.subtotal if flags.enabled("legacy_coupon_stacking") else cart.subtotal - tier
    applied: dict[str, Decimal] = {}
    rejected = []
    for code in cart.coupons:
        coupon = COUPONS.get(code.upper())
        if coupon is None or coupon.code in applied:
            rejected.append(code)
            continue
        value = coupon_discount(coupon, base)
        if value == 0:
            rejected.append(code)
            continue
        applied[coupon.code] = value
        base -= value
    return DiscountBreakdown(tier, applied, rejected)
