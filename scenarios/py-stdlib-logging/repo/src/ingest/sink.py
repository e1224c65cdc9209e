"""The orders store (SQLite) and the reject files returned to partners."""
import json
import sqlite3
from pathlib import Path

from . import applog
from .validate import Rejected

SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    partner TEXT NOT NULL,
    order_id TEXT NOT NULL,
    order_date TEXT NOT NULL,
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price TEXT NOT NULL,
    currency TEXT NOT NULL,
    customer_ref TEXT,
    batch_id TEXT NOT NULL,
    PRIMARY KEY (partner, order_id)
);
"""


class OrderStore:
    def __init__(self, path: str = ":memory:"):
        self.conn = sqlite3.connect(path)
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def write_batch(self, partner: str, batch_id: str, rows: list[dict]) -> tuple[int, int]:
        """Insert a batch in one transaction. Re-sent orders replace the earlier version; returns (new, replaced)."""
        new = replaced = 0
        with self.conn:
            for row in rows:
                exists = self.conn.execute("SELECT 1 FROM orders WHERE partner = ? AND order_id = ?",
                                           (partner, row["order_id"])).fetchone()
                self.conn.execute(
                    "INSERT OR REPLACE INTO orders VALUES (?,?,?,?,?,?,?,?,?)",
                    (partner, row["order_id"], row["order_date"].isoformat(), row["sku"], row["quantity"],
                     str(row["unit_price"]), row["currency"], row.get("customer_ref"), batch_id),
                )
                if exists:
                    replaced += 1
                else:
                    new += 1
        if replaced:
            applog.log("info", "orders.replaced", partner=partner, batch_id=batch_id, count=replaced)
        return new, replaced

    def count(self, partner: str | None = None) -> int:
        if partner is None:
            return self.conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
        return self.conn.execute("SELECT COUNT(*) FROM orders WHERE partner = ?", (partner,)).fetchone()[0]

    def get(self, partner: str, order_id: str) -> dict | None:
        cur = self.conn.execute("SELECT * FROM orders WHERE partner = ? AND order_id = ?", (partner, order_id))
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))


def write_rejects(path: Path, rejected: list[Rejected]) -> None:
    with path.open("w") as fh:
        for r in rejected:
            fh.write(json.dumps({"line": r.line, "reason": r.reason, "row": r.raw}, sort_keys=True) + "\n")
