from decimal import Decimal

import pytest

from ingest.validate import BatchRejected, validate, validate_row


def row(**over):
    base = {"order_id": "A1", "order_date": "2024-03-01", "sku": "SKU-1", "quantity": "2",
            "unit_price": "19.90", "currency": "EUR", "customer_ref": ""}
    base.update(over)
    return base


def test_valid_row():
    out = validate_row(row())
    assert out["quantity"] == 2 and out["unit_price"] == Decimal("19.90") and out["customer_ref"] is None


@pytest.mark.parametrize("over, reason", [
    ({"quantity": "0"}, "positive"), ({"sku": " "}, "sku is empty"), ({"currency": "E"}, "currency"),
])
def test_invalid_rows(over, reason):
    with pytest.raises(ValueError, match=reason):
        validate_row(row(**over))


def test_rejects_within_budget():
    rows = [row(order_id=f"A{i}") for i in range(20)] + [row(order_id="B1", quantity="-1")]
    result = validate("p__1", list(rows[0]), rows)
    assert len(result.accepted) == 20
    assert [(r.line, r.reason) for r in result.rejected] == [(22, "quantity must be positive")]


def test_duplicates_are_rejected():
    result = validate("p__1", list(row()), [row(order_id=f"A{i}") for i in range(10)] + [row(order_id="A3")])
    assert result.rejected[0].reason == "duplicate order_id A3"


def test_budget_exceeded():
    rows = [row(order_id=f"A{i}") for i in range(8)] + [row(order_id=f"B{i}", currency="?") for i in range(2)]
    with pytest.raises(BatchRejected, match="2 of 10"):
        validate("p__1", list(rows[0]), rows)


def test_missing_columns():
    with pytest.raises(BatchRejected, match="sku, quantity"):
        validate("p__1", ["order_id", "order_date", "unit_price", "currency"], [])
