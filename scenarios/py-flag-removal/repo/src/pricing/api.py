"""Request handlers behind POST /quote and GET /features (the HTTP layer lives in the platform gateway)."""
from decimal import Decimal

from .cart import Cart
from .flags import Flags, FlagError
from .quote import price
from .reporting import quote_event
from .shipping import NotShippable


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def handle_quote(request: dict, flags: Flags, events: list | None = None) -> tuple[int, dict]:
    """``{"country": "DE", "items": [{"sku": ..., "quantity": ...}], "coupons": [...]}`` -> (status, body)."""
    try:
        cart = Cart(country=request.get("country", "DE"), coupons=list(request.get("coupons", [])))
        for item in request.get("items", []):
            cart.add(item["sku"], int(item.get("quantity", 1)))
        if request.get("debug_flags"):
            flags = flags.with_overrides(**request["debug_flags"])
        quote = price(cart, flags)
    except (KeyError, ValueError, FlagError) as exc:
        status = 422 if isinstance(exc, NotShippable) else 400
        return status, {"error": str(exc).strip("'\"")}
    if events is not None:
        events.append(quote_event(cart, quote, flags))
    return 200, {
        "subtotal": _money(quote.subtotal),
        "discount": _money(quote.tier_discount + sum(quote.coupon_discounts.values(), Decimal("0"))),
        "shipping": _money(quote.shipping),
        "vat": _money(quote.vat),
        "total": _money(quote.total),
        "explanations": quote.explanations,
    }


def features(flags: Flags) -> tuple[int, dict]:
    """What the storefront may show (e.g. the tier table only with tiered discounts)."""
    return 200, {"features": flags.active()}
