"""Campaign eligibility rules.

Marketing runs its own experiments here; the names are theirs and unrelated to the pricing service's flags
(yes, "tiered_discounts_v2" here is the *campaign* experiment of the same name, see MKT-881).
"""
from dataclasses import dataclass
from datetime import date

from pricing.cart import Cart

EXPERIMENTS = {
    "tiered_discounts_v2": True,     # show the tier ladder banner in campaign landing pages
    "bundle_badges": False,
}


@dataclass(frozen=True)
class Campaign:
    code: str
    starts: date
    ends: date
    min_items: int = 1
    countries: tuple[str, ...] = ()


CAMPAIGNS = (
    Campaign("SPRING24", date(2024, 3, 20), date(2024, 4, 30), min_items=2),
    Campaign("NORDIC", date(2024, 1, 1), date(2024, 12, 31), countries=("DK", "SE", "NO")),
)


def eligible(cart: Cart, today: date) -> list[str]:
    items = sum(line.quantity for line in cart.lines)
    return [c.code for c in CAMPAIGNS
            if c.starts <= today <= c.ends and items >= c.min_items and (not c.countries or cart.country in c.countries)]


def banner(cart: Cart) -> str | None:
    if EXPERIMENTS["tiered_discounts_v2"] and cart.discountable_subtotal >= 80:
        return "Spend more, save more: up to 15% off"
    return None
