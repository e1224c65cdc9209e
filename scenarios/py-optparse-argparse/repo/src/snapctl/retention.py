"""Grandfather-father-son retention.

For each target: keep the newest snapshot of each of the last ``keep_daily`` days that have a snapshot, of each of
the last ``keep_weekly`` ISO weeks, and of each of the last ``keep_monthly`` months. Pinned snapshots and anything
taken on the as-of day itself (a dump may still be uploading) are always kept.
"""
from dataclasses import dataclass
from datetime import date

from .catalog import Snapshot


@dataclass(frozen=True)
class Policy:
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 6

    def __post_init__(self):
        for name in ("keep_daily", "keep_weekly", "keep_monthly"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.keep_daily == 0 and self.keep_weekly == 0 and self.keep_monthly == 0:
            raise ValueError("a policy that keeps nothing is refused; delete the target instead")


def _newest_per_bucket(snaps: list[Snapshot], bucket, limit: int) -> set[str]:
    keep: dict[object, Snapshot] = {}
    for s in snaps:
        b = bucket(s)
        if b not in keep or s.taken_at > keep[b].taken_at:
            keep[b] = s
    newest_buckets = sorted(keep, reverse=True)[:limit]
    return {keep[b].id for b in newest_buckets}


def select(snapshots: list[Snapshot], policy: Policy, as_of: date) -> tuple[list[Snapshot], list[Snapshot]]:
    """Split one target's snapshots into (keep, prune), both oldest first."""
    past = [s for s in snapshots if s.day <= as_of]
    keep_ids = {s.id for s in snapshots if s.pinned or s.day >= as_of}
    keep_ids |= _newest_per_bucket(past, lambda s: s.day, policy.keep_daily)
    keep_ids |= _newest_per_bucket(past, lambda s: tuple(s.day.isocalendar())[:2], policy.keep_weekly)
    keep_ids |= _newest_per_bucket(past, lambda s: (s.day.year, s.day.month), policy.keep_monthly)
    keep = [s for s in snapshots if s.id in keep_ids]
    prune = [s for s in snapshots if s.id not in keep_ids]
    return keep, prune
