from decimal import Decimal

from pricing.discounts import discounts, tier_discount
from conftest import cart


def test_no_tier_below_100(prod_flags, default_flags):
    c = cart(("MS-02", 2))
    assert tier_discount(c, prod_flags) == 0
    assert tier_discount(c, default_flags) == 0


def test_marginal_tiers(prod_flags):
    # 279 + 9.99 = 288.99: 5% of 100..250 (7.50) + 10% of 250..288.99 (3.899 -> 3.90)
    assert tier_discount(cart(("MN-27", 1), ("CB-10", 1)), prod_flags) == Decimal("11.40")
    # 549 + 89 = 638: 7.50 + 25.00 + 15% of 138 (20.70)
    assert tier_discount(cart(("DK-01", 1), ("KB-01", 1)), prod_flags) == Decimal("53.20")


def test_marginal_tiers_exclude_gift_cards(prod_flags):
    assert tier_discount(cart(("GC-100", 3)), prod_flags) == 0
    assert tier_discount(cart(("MN-27", 1), ("GC-100", 1)), prod_flags) == Decimal("10.40")


def test_whole_cart_tiers(default_flags):
    assert tier_discount(cart(("MN-27", 1), ("CB-10", 1)), default_flags) == Decimal("28.90")
    assert tier_discount(cart(("GC-100", 3)), default_flags) == Decimal("30.00")


def test_coupons_after_volume_discount(prod_flags):
    d = discounts(cart(("DK-01", 1), coupons=["welcome10", "DESK50", "BOGUS"]), prod_flags)
    # tier: 7.50 + 25.00 + 15% of 49 = 39.85; base 509.15 -> 10% = 50.92; base 458.23 < 500 -> DESK50 rejected
    assert d.tier == Decimal("39.85")
    assert d.coupons == {"WELCOME10": Decimal("50.92")}
    assert d.rejected_coupons == ["DESK50", "BOGUS"]


def test_legacy_stacking(prod_flags):
    flags = prod_flags.with_overrides(legacy_coupon_stacking=True)
    d = discounts(cart(("DK-01", 1), coupons=["DESK50", "WELCOME10"]), flags)
    assert d.coupons == {"DESK50": Decimal("50.00"), "WELCOME10": Decimal("49.90")}
    assert d.total == Decimal("139.75")


def test_coupon_used_twice(prod_flags):
    d = discounts(cart(("KB-01", 2), coupons=["SAVE20", "save20"]), prod_flags)
    assert list(d.coupons) == ["SAVE20"] and d.rejected_coupons == ["save20"]
