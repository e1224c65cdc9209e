from datetime import date
from decimal import Decimal

import pytest

from ingest.schema import BY_NAME, CoercionError, canonical_name


@pytest.mark.parametrize("header, name", [
    ("order_id", "order_id"), ("Order No", "order_id"), ("ORDERNR", "order_id"), ("qty", "quantity"),
    ("Unit-Price", "unit_price"), ("ccy", "currency"), ("colour", None),
])
def test_canonical_names(header, name):
    assert canonical_name(header) == name


def test_money():
    coerce = BY_NAME["unit_price"].coerce
    assert coerce("19.90") == Decimal("19.90")
    assert coerce("19,90") == Decimal("19.90")
    assert coerce(" 1 250.00 ") == Decimal("1250.00")
    with pytest.raises(CoercionError):
        coerce("19.999")
    with pytest.raises(CoercionError):
        coerce("cheap")


def test_dates():
    coerce = BY_NAME["order_date"].coerce
    assert coerce("2024-03-01") == date(2024, 3, 1)
    assert coerce("01.03.2024") == date(2024, 3, 1)
    assert coerce("03/01/2024") == date(2024, 3, 1)
    with pytest.raises(CoercionError):
        coerce("1st of March")


def test_currency_and_int():
    assert BY_NAME["currency"].coerce(" eur ") == "EUR"
    with pytest.raises(CoercionError):
        BY_NAME["currency"].coerce("EURO")
    assert BY_NAME["quantity"].coerce("1 000") == 1000
    with pytest.raises(CoercionError):
        BY_NAME["quantity"].coerce("1.5")
