from datetime import date
from decimal import Decimal

from ingest.sink import write_rejects
from ingest.validate import Rejected


def order(order_id, qty=1):
    return {"order_id": order_id, "order_date": date(2024, 3, 1), "sku": "SKU-1", "quantity": qty,
            "unit_price": Decimal("19.90"), "currency": "EUR", "customer_ref": None}


def test_write_and_replace(store):
    assert store.write_batch("acme", "acme__1", [order("A1"), order("A2")]) == (2, 0)
    assert store.write_batch("acme", "acme__2", [order("A2", qty=5), order("A3")]) == (1, 1)
    assert store.count("acme") == 3
    got = store.get("acme", "A2")
    assert got["quantity"] == 5 and got["batch_id"] == "acme__2" and got["unit_price"] == "19.90"
    assert store.get("other", "A2") is None


def test_reject_file(tmp_path):
    path = tmp_path / "x.rejects.jsonl"
    write_rejects(path, [Rejected(3, "quantity must be positive", {"order_id": "A1"})])
    assert path.read_text() == '{"line": 3, "reason": "quantity must be positive", "row": {"order_id": "A1"}}\n'
