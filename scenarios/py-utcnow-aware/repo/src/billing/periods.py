"""Billing-period arithmetic.

Periods are anchored on the subscription's start day. A subscription started on the 31st renews on the last
day of shorter months and goes back to the 31st when the month has one (the "anchor day" rule the payment
provider uses, so our invoices line up with its charges).
"""
import calendar
from datetime import datetime

INTERVALS = ("month", "year")


def add_months(dt: datetime, months: int, anchor_day: int | None = None) -> datetime:
    day = anchor_day or dt.day
    month_index = dt.month - 1 + months
    year = dt.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if day > last:
        day = last
    return dt.replace(year=year, month=month, day=day)


def add_years(dt: datetime, years: int, anchor_day: int | None = None) -> datetime:
    day = anchor_day or dt.day
    year = dt.year + years
    last = calendar.monthrange(year, dt.month)[1]
    if day > last:
        day = last
    return dt.replace(year=year, day=day)


def period_end(start: datetime, interval: str, count: int = 1, anchor_day: int | None = None) -> datetime:
    """End of the billing period that begins at ``start`` (exclusive)."""
    if interval == "month":
        return add_months(start, count, anchor_day)
    if interval == "year":
        return add_years(start, count, anchor_day)
    raise ValueError(f"unknown billing interval {interval!r} (expected one of {INTERVALS})")


def periods_between(start: datetime, until: datetime, interval: str, count: int = 1) -> list[tuple[datetime, datetime]]:
    """All whole periods from ``start`` whose start lies before ``until`` (used by the backfill tooling)."""
    out = []
    anchor = start.day
    cursor = start
    while cursor < until:
        nxt = period_end(cursor, interval, count, anchor)
        out.append((cursor, nxt))
        cursor = nxt
    return out


def prorate(amount_cents: int, period_start: datetime, period_end_: datetime, at: datetime) -> int:
    """Unused share of ``amount_cents`` when a plan changes at ``at`` inside the period, rounded down."""
    total = (period_end_ - period_start).total_seconds()
    if total <= 0:
        raise ValueError("empty billing period")
    remaining = (period_end_ - at).total_seconds()
    remaining = min(max(remaining, 0.0), total)
    return int(amount_cents * remaining // total)
