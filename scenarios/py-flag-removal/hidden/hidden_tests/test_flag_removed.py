"""Hidden checks: tiered_discounts_v2 is gone, its behaviour is unconditional, old configs keep loading,
and the other flags still switch their features."""
import json
import re
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

from pricing import flags as flags_module
from pricing.api import features, handle_quote
from pricing.cart import Cart
from pricing.discounts import discounts
from pricing.quote import price
from pricing.reporting import quote_event
from pricing.tax import vat_included

ROOT = Path(__file__).resolve().parents[1]
FLAG = "tiered_discounts_v2"


def cart(*items, country="DE", coupons=()):
    c = Cart(country=country, coupons=list(coupons))
    for sku, qty in items:
        c.add(sku, qty)
    return c


def quiet_load(source=None, env=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return flags_module.load(source, env={} if env is None else env)


ALL_WAYS = {
    "defaults": lambda: quiet_load(),
    "prod": lambda: quiet_load("prod"),
    "staging": lambda: quiet_load("staging"),
    "old config true": lambda: quiet_load({FLAG: True}),
    "old config false": lambda: quiet_load({FLAG: False, "new_shipping_matrix": True}),
    "old env off": lambda: quiet_load(env={"PRICING_FLAG_TIERED_DISCOUNTS_V2": "off"}),
}


def test_flag_is_no_longer_declared():
    assert FLAG not in flags_module.FLAGS
    assert {"legacy_coupon_stacking", "new_shipping_matrix", "round_half_even_tax"} <= set(flags_module.FLAGS)


def test_no_references_left_in_the_service_or_its_configs():
    for path in sorted((ROOT / "src" / "pricing").glob("*.py")):
        if path.name == "flags.py":
            continue
        assert FLAG not in path.read_text(), path.name
        assert not re.search(r"def _tier_discount_v1|whole-cart-v1", path.read_text()), path.name
    flags_source = (ROOT / "src" / "pricing" / "flags.py").read_text()
    assert flags_source.count(FLAG) <= 1  # at most its RETIRED entry
    for cfg in sorted((ROOT / "config").glob("flags.*.json")):
        assert FLAG not in json.loads(cfg.read_text()), cfg.name


@pytest.mark.parametrize("way", sorted(ALL_WAYS))
def test_configs_still_mentioning_the_flag_keep_loading(way):
    flags = ALL_WAYS[way]()
    assert FLAG not in flags.active()


def test_other_configs_stay_strict():
    with pytest.raises(flags_module.UnknownFlagError):
        quiet_load({"tiered_discount_v2": True})
    with pytest.raises(flags_module.UnknownFlagError):
        quiet_load({"new_shiping_matrix": True})


@pytest.mark.parametrize("way", sorted(ALL_WAYS))
def test_marginal_tiers_are_unconditional(way):
    flags = ALL_WAYS[way]()
    assert discounts(cart(("MN-27", 1), ("CB-10", 1)), flags).tier == Decimal("11.40")
    assert discounts(cart(("DK-01", 1), ("KB-01", 1)), flags).tier == Decimal("53.20")
    assert discounts(cart(("GC-100", 3)), flags).tier == 0
    assert discounts(cart(("MN-27", 1), ("GC-100", 1)), flags).tier == Decimal("10.40")
    c = cart(("MN-27", 1), ("CB-10", 1))
    q = price(c, flags)
    assert q.explanations[0] == "Volume discount (tiered): -11.40"
    assert quote_event(c, q, flags)["discount_model"] == "tiered-v2"


def test_debug_override_of_the_removed_flag_is_rejected_like_any_unknown_flag():
    status, _ = handle_quote({"items": [{"sku": "KB-01"}], "debug_flags": {FLAG: False}}, quiet_load("prod"))
    assert status == 400


def test_features_no_longer_advertise_it():
    assert features(quiet_load("prod")) == (200, {"features": ["new_shipping_matrix", "round_half_even_tax"]})


def test_coupon_stacking_flag_still_switches():
    c = cart(("DK-01", 1), coupons=["DESK50", "WELCOME10"])
    sequential = discounts(c, quiet_load({"legacy_coupon_stacking": False}))
    legacy = discounts(c, quiet_load({"legacy_coupon_stacking": True}))
    assert sequential.tier == legacy.tier == Decimal("39.85")
    assert sequential.coupons == {"DESK50": Decimal("50.00"), "WELCOME10": Decimal("45.92")}
    assert legacy.coupons == {"DESK50": Decimal("50.00"), "WELCOME10": Decimal("49.90")}


def test_shipping_and_tax_flags_still_switch():
    c = cart(("MS-02", 1))
    assert price(c, quiet_load({"new_shipping_matrix": False})).shipping == Decimal("5.90")
    assert price(c, quiet_load({"new_shipping_matrix": True})).shipping == Decimal("4.90")
    assert vat_included(Decimal("0.99"), "AT", "standard", quiet_load({"round_half_even_tax": False})) == Decimal("0.17")
    assert vat_included(Decimal("0.99"), "AT", "standard", quiet_load({"round_half_even_tax": True})) == Decimal("0.16")


def test_full_quote_matches_production_pricing():
    q = price(cart(("MN-27", 1), ("CB-10", 1), ("BK-01", 1), coupons=["SAVE20"]), quiet_load("prod"))
    assert (q.tier_discount, q.total, q.vat) == (Decimal("13.85"), Decimal("279.64"), Decimal("42.59"))

