"""A priced cart: totals, VAT and the explanation lines shown under the total."""
from dataclasses import dataclass, field
from decimal import Decimal

from .cart import Cart
from .discounts import discounts
from .flags import Flags
from .shipping import shipping_cost
from .tax import vat_included


@dataclass(frozen=True)
class Quote:
    subtotal: Decimal
    tier_discount: Decimal
    coupon_discounts: dict[str, Decimal]
    shipping: Decimal
    vat: Decimal
    total: Decimal
    explanations: list[str] = field(default_factory=list)
    rejected_coupons: list[str] = field(default_factory=list)


def _vat(cart: Cart, total_discount: Decimal, shipping: Decimal, flags: Flags) -> Decimal:
    """VAT per VAT class, with discounts spread over the discountable goods in proportion to their value."""
    by_class: dict[str, Decimal] = {}
    discountable = cart.discountable_subtotal
    for line in cart.lines:
        amount = line.amount
        if line.product.discountable and discountable > 0:
            amount -= total_discount * line.amount / discountable
        by_class[line.product.vat_class] = by_class.get(line.product.vat_class, Decimal("0")) + amount
    by_class = {cls: max(gross, Decimal("0")) for cls, gross in by_class.items()}
    by_class["standard"] = by_class.get("standard", Decimal("0")) + shipping
    return sum((vat_included(gross, cart.country, cls, flags) for cls, gross in sorted(by_class.items())),
               Decimal("0"))


def price(cart: Cart, flags: Flags) -> Quote:
    if not cart.lines:
        raise ValueError("empty cart")
    d = discounts(cart, flags)
    merchandise = cart.subtotal - d.total
    shipping = shipping_cost(cart, merchandise, flags)
    total = merchandise + shipping
    explanations = []
    if d.tier:
        label = "Volume discount (tiered)" if flags.enabled("tiered_discounts_v2") else "Volume discount"
        explanations.append(f"{label}: -{d.tier}")
    for code, value in d.coupons.items():
        explanations.append(f"Coupon {code}: -{value}")
    for code in d.rejected_coupons:
        explanations.append(f"Coupon {code} not applicable")
    explanations.append("Free shipping" if shipping == 0 else f"Shipping: {shipping}")
    return Quote(cart.subtotal, d.tier, d.coupons, shipping, _vat(cart, d.total, shipping, flags), total,
                 explanations, d.rejected_coupons)
