from datetime import date

from promo_engine.rules import banner, eligible
from conftest import cart


def test_eligibility():
    assert eligible(cart(("KB-01", 2)), date(2024, 4, 1)) == ["SPRING24"]
    assert eligible(cart(("KB-01", 1), country="SE"), date(2024, 4, 1)) == ["NORDIC"]
    assert eligible(cart(("KB-01", 1)), date(2024, 5, 1)) == []


def test_banner():
    assert banner(cart(("KB-01", 1))) == "Spend more, save more: up to 15% off"
    assert banner(cart(("GC-100", 1))) is None
