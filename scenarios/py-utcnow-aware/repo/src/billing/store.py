"""SQLite persistence for subscriptions, invoices and the audit trail.

Timestamps are stored as TEXT in the wire format (see :mod:`billing.timefmt`); the legacy rows imported from
the 2019 service carry the old zone-less format and are read through the same parser.
"""
import json
import sqlite3
from datetime import datetime, timedelta

from .models import ACTIVE_STATUSES, Invoice, Subscription
from .timefmt import format_optional, format_ts, parse_optional, parse_ts

SCHEMA = """
CREATE TABLE IF NOT EXISTS subscriptions (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    plan TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    current_period_start TEXT NOT NULL,
    current_period_end TEXT NOT NULL,
    anchor_day INTEGER NOT NULL,
    trial_end TEXT,
    canceled_at TEXT,
    cancel_at_period_end INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS invoices (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
    customer_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    lines TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


class Store:
    def __init__(self, path: str = ":memory:"):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    # -- subscriptions -------------------------------------------------------------------------------

    def save_subscription(self, sub: Subscription) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO subscriptions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (sub.id, sub.customer_id, sub.plan, sub.status, format_ts(sub.started_at),
             format_ts(sub.current_period_start), format_ts(sub.current_period_end), sub.anchor_day,
             format_optional(sub.trial_end), format_optional(sub.canceled_at), int(sub.cancel_at_period_end)),
        )
        self.conn.commit()

    def get_subscription(self, sub_id: str) -> Subscription:
        row = self.conn.execute("SELECT * FROM subscriptions WHERE id = ?", (sub_id,)).fetchone()
        if row is None:
            raise KeyError(sub_id)
        return _subscription(row)

    def active_subscriptions(self) -> list[Subscription]:
        marks = ",".join("?" * len(ACTIVE_STATUSES))
        rows = self.conn.execute(f"SELECT * FROM subscriptions WHERE status IN ({marks}) ORDER BY id", ACTIVE_STATUSES)
        return [_subscription(r) for r in rows]

    def due_for_renewal(self, now: datetime) -> list[Subscription]:
        # Compared in Python, not SQL: legacy rows use a different text format, so string order is unreliable.
        return [s for s in self.active_subscriptions() if s.current_period_end <= now]

    # -- invoices ------------------------------------------------------------------------------------

    def save_invoice(self, inv: Invoice) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO invoices VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (inv.id, inv.subscription_id, inv.customer_id, inv.amount_cents, format_ts(inv.period_start),
             format_ts(inv.period_end), format_ts(inv.issued_at), format_ts(inv.due_at), inv.status, inv.attempts,
             format_optional(inv.next_attempt_at), json.dumps(inv.lines)),
        )
        self.conn.commit()

    def get_invoice(self, inv_id: str) -> Invoice:
        row = self.conn.execute("SELECT * FROM invoices WHERE id = ?", (inv_id,)).fetchone()
        if row is None:
            raise KeyError(inv_id)
        return _invoice(row)

    def invoices_for(self, sub_id: str) -> list[Invoice]:
        rows = self.conn.execute("SELECT * FROM invoices WHERE subscription_id = ? ORDER BY period_start", (sub_id,))
        return [_invoice(r) for r in rows]

    def open_invoices(self) -> list[Invoice]:
        return [_invoice(r) for r in self.conn.execute("SELECT * FROM invoices WHERE status = 'open' ORDER BY id")]

    # -- audit events --------------------------------------------------------------------------------

    def record_event(self, kind: str, subject: str, payload: dict | None = None) -> None:
        self.conn.execute(
            "INSERT INTO events (kind, subject, payload, created_at) VALUES (?,?,?,?)",
            (kind, subject, json.dumps(payload or {}, sort_keys=True), format_ts(datetime.utcnow())),
        )
        self.conn.commit()

    def events(self, subject: str | None = None) -> list[dict]:
        if subject is None:
            rows = self.conn.execute("SELECT * FROM events ORDER BY id")
        else:
            rows = self.conn.execute("SELECT * FROM events WHERE subject = ? ORDER BY id", (subject,))
        return [{"kind": r["kind"], "subject": r["subject"], "payload": json.loads(r["payload"]),
                 "created_at": parse_ts(r["created_at"])} for r in rows]

    def purge_events(self, older_than: timedelta) -> int:
        """Drop audit events older than the retention window; returns how many went."""
        cutoff = datetime.utcnow() - older_than
        stale = [r["id"] for r in self.conn.execute("SELECT id, created_at FROM events")
                 if parse_ts(r["created_at"]) < cutoff]
        self.conn.executemany("DELETE FROM events WHERE id = ?", [(i,) for i in stale])
        self.conn.commit()
        return len(stale)


def _subscription(r: sqlite3.Row) -> Subscription:
    return Subscription(
        id=r["id"], customer_id=r["customer_id"], plan=r["plan"], status=r["status"],
        started_at=parse_ts(r["started_at"]), current_period_start=parse_ts(r["current_period_start"]),
        current_period_end=parse_ts(r["current_period_end"]), anchor_day=r["anchor_day"],
        trial_end=parse_optional(r["trial_end"]), canceled_at=parse_optional(r["canceled_at"]),
        cancel_at_period_end=bool(r["cancel_at_period_end"]),
    )


def _invoice(r: sqlite3.Row) -> Invoice:
    return Invoice(
        id=r["id"], subscription_id=r["subscription_id"], customer_id=r["customer_id"],
        amount_cents=r["amount_cents"], period_start=parse_ts(r["period_start"]),
        period_end=parse_ts(r["period_end"]), issued_at=parse_ts(r["issued_at"]), due_at=parse_ts(r["due_at"]),
        status=r["status"], attempts=r["attempts"], next_attempt_at=parse_optional(r["next_attempt_at"]),
        lines=json.loads(r["lines"]),
    )
