from datetime import date, datetime, timedelta

import pytest

from snapctl.catalog import Snapshot
from snapctl.retention import Policy, select


def snaps_daily(start: date, days: int, tags=()) -> list[Snapshot]:
    out = []
    for i in range(days):
        day = start + timedelta(days=i)
        out.append(Snapshot(f"s{i}", "db", datetime(day.year, day.month, day.day, 2), 1, "x", "loc", tuple(tags)))
    return out


def test_policy_rejects_negative_and_keep_nothing():
    with pytest.raises(ValueError):
        Policy(keep_daily=-1)
    with pytest.raises(ValueError):
        Policy(0, 0, 0)


def test_daily_only():
    snaps = snaps_daily(date(2024, 3, 1), 10)
    keep, prune = select(snaps, Policy(3, 0, 0), as_of=date(2024, 3, 10))
    assert [s.day.day for s in keep] == [8, 9, 10]
    assert len(prune) == 7


def test_weekly_keeps_newest_of_each_iso_week():
    snaps = snaps_daily(date(2024, 3, 4), 21)  # Monday 4 March .. Sunday 24 March
    keep, _ = select(snaps, Policy(1, 3, 0), as_of=date(2024, 3, 24))
    assert [s.day for s in keep] == [date(2024, 3, 10), date(2024, 3, 17), date(2024, 3, 24)]


def test_monthly():
    snaps = snaps_daily(date(2024, 1, 1), 91)
    keep, _ = select(snaps, Policy(1, 0, 3), as_of=date(2024, 3, 31))
    assert [s.day for s in keep] == [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31)]


def test_pinned_and_future_snapshots_survive():
    snaps = snaps_daily(date(2024, 3, 1), 10)
    snaps[0] = Snapshot("s0", "db", snaps[0].taken_at, 1, "x", "loc", ("pinned",))
    keep, _ = select(snaps, Policy(2, 0, 0), as_of=date(2024, 3, 8))
    assert [s.id for s in keep] == ["s0", "s6", "s7", "s8", "s9"]


def test_several_snapshots_per_day_keeps_newest():
    base = snaps_daily(date(2024, 3, 1), 3)
    extra = Snapshot("late", "db", datetime(2024, 3, 3, 23), 1, "x", "loc")
    keep, prune = select(base + [extra], Policy(1, 0, 0), as_of=date(2024, 3, 4))
    assert [s.id for s in keep] == ["late"]
    assert {s.id for s in prune} == {"s0", "s1", "s2"}
