from pathlib import Path

import pytest

from ingest.sink import OrderStore
from ingest.worker import ensure_spool

HEADER = "order_id,order_date,sku,quantity,unit_price,currency,customer_ref"


def csv_text(rows: list[str], header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def good_rows(n: int, start: int = 1) -> list[str]:
    return [f"A{i:05d},2024-03-{1 + i % 28:02d},SKU-{i % 7},{1 + i % 3},19.90,EUR,C{i}" for i in range(start, start + n)]


@pytest.fixture
def spool(tmp_path) -> Path:
    root = tmp_path / "spool"
    ensure_spool(root)
    return root


@pytest.fixture
def drop(spool):
    def write(name: str, text: str | bytes) -> Path:
        path = spool / "incoming" / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)
        return path
    return write


@pytest.fixture
def store():
    s = OrderStore()
    yield s
    s.close()
