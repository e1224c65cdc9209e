"""Randomised invariants over many carts and every flag combination. Takes a couple of seconds."""
import itertools
import random
from decimal import Decimal

from pricing.catalog import CATALOG
from pricing.flags import FLAGS, load
from pricing.quote import price
from conftest import cart

SKUS = sorted(CATALOG)
COUPON_CODES = ["WELCOME10", "SAVE20", "DESK50", "BOGUS"]


def random_cart(rng):
    items = [(sku, rng.randint(1, 4)) for sku in rng.sample(SKUS, rng.randint(1, 5))]
    return cart(*items, country=rng.choice(["DE", "AT", "NL", "FR", "SE"]),
                coupons=rng.sample(COUPON_CODES, rng.randint(0, 2)))


def test_invariants_hold_for_every_flag_combination():
    rng = random.Random(20240611)
    names = sorted(FLAGS)
    combos = [dict(zip(names, values)) for values in itertools.product([False, True], repeat=len(names))]
    for _ in range(150):
        c = random_cart(rng)
        for combo in combos:
            q = price(c, load(combo, env={}))
            discount = q.tier_discount + sum(q.coupon_discounts.values(), Decimal("0"))
            assert 0 <= discount <= q.subtotal
            assert q.total == q.subtotal - discount + q.shipping
            assert 0 <= q.vat < q.total or q.total == 0
            assert q.shipping >= 0
