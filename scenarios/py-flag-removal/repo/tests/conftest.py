import pytest

from pricing import flags as flags_module
from pricing.cart import Cart


@pytest.fixture
def default_flags():
    """Code defaults only (no config file, no environment)."""
    return flags_module.load(env={})


@pytest.fixture
def prod_flags():
    return flags_module.load("prod", env={})


def cart(*items, country="DE", coupons=()):
    c = Cart(country=country, coupons=list(coupons))
    for sku, qty in items:
        c.add(sku, qty)
    return c
