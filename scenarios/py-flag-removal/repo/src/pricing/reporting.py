"""The analytics event emitted for every quote (consumed by the pricing-analytics pipeline)."""
from .cart import Cart
from .flags import Flags
from .quote import Quote


def quote_event(cart: Cart, quote: Quote, flags: Flags) -> dict:
    return {
        "type": "pricing.quote",
        "country": cart.country,
        "items": sum(line.quantity for line in cart.lines),
        "subtotal": str(quote.subtotal),
        "tier_discount": str(quote.tier_discount),
        "coupon_discount": str(sum(quote.coupon_discounts.values())),
        "shipping": str(quote.shipping),
        "total": str(quote.total),
        # The analytics pipeline splits discount reports by model; keep the values stable.
        "discount_model": "tiered-v2" if flags.enabled("tiered_discounts_v2") else "whole-cart-v1",
        "coupon_stacking": "legacy" if flags.enabled("legacy_coupon_stacking") else "sequential",
        "flags": flags.active(),
    }
