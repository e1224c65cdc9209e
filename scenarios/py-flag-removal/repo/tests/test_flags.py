import pytest

from pricing.flags import FLAGS, FlagError, RetiredFlagWarning, UnknownFlagError, load


def test_code_defaults(default_flags):
    assert default_flags.enabled("legacy_coupon_stacking") is True
    assert default_flags.enabled("new_shipping_matrix") is False
    assert default_flags.enabled("tiered_discounts_v2") is False


def test_prod_config(prod_flags):
    assert prod_flags.enabled("tiered_discounts_v2") is True
    assert prod_flags.enabled("legacy_coupon_stacking") is False
    assert prod_flags.active() == ["new_shipping_matrix", "round_half_even_tax", "tiered_discounts_v2"]


def test_retired_flags_are_ignored_with_a_warning():
    with pytest.warns(RetiredFlagWarning, match="checkout_v3"):
        flags = load("staging", env={})
    assert flags.enabled("new_shipping_matrix") is True
    with pytest.raises(UnknownFlagError):
        flags.enabled("checkout_v3")


def test_unknown_flags_are_errors(default_flags):
    with pytest.raises(UnknownFlagError):
        load({"new_shiping_matrix": True}, env={})
    with pytest.raises(UnknownFlagError):
        default_flags.enabled("new_shiping_matrix")
    with pytest.raises(UnknownFlagError):
        load(env={"PRICING_FLAG_NOPE": "on"})


def test_values_must_be_booleans():
    with pytest.raises(FlagError, match="true or false"):
        load({"new_shipping_matrix": "yes"}, env={})
    with pytest.raises(FlagError, match="on/off"):
        load(env={"PRICING_FLAG_NEW_SHIPPING_MATRIX": "maybe"})


def test_environment_beats_config():
    flags = load("prod", env={"PRICING_FLAG_NEW_SHIPPING_MATRIX": "off", "PRICING_FLAG_LEGACY_COUPON_STACKING": "1",
                              "UNRELATED": "x"})
    assert flags.enabled("new_shipping_matrix") is False
    assert flags.enabled("legacy_coupon_stacking") is True


def test_with_overrides(default_flags):
    assert default_flags.with_overrides(new_shipping_matrix=True).enabled("new_shipping_matrix")
    assert not default_flags.enabled("new_shipping_matrix")
    with pytest.raises(UnknownFlagError):
        default_flags.with_overrides(nope=True)


def test_every_flag_has_an_owner():
    assert all(flag.owner and flag.description for flag in FLAGS.values())
