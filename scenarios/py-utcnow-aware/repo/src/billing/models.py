"""Plans, subscriptions and invoices."""
from dataclasses import dataclass, field
from datetime import datetime, timedelta
import uuid

from .periods import period_end


@dataclass(frozen=True)
class Plan:
    code: str
    amount_cents: int
    interval: str = "month"
    interval_count: int = 1
    trial_days: int = 0


PLANS: dict[str, Plan] = {
    "starter": Plan("starter", 900),
    "team": Plan("team", 2900, trial_days=14),
    "team-annual": Plan("team-annual", 29000, interval="year", trial_days=14),
    "enterprise-quarterly": Plan("enterprise-quarterly", 120000, interval_count=3),
}

ACTIVE_STATUSES = ("trialing", "active", "past_due")


def new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


@dataclass
class Subscription:
    id: str
    customer_id: str
    plan: str
    status: str
    started_at: datetime
    current_period_start: datetime
    current_period_end: datetime
    anchor_day: int
    trial_end: datetime | None = None
    canceled_at: datetime | None = None
    cancel_at_period_end: bool = False

    @classmethod
    def start(cls, customer_id: str, plan_code: str, now: datetime | None = None, sub_id: str | None = None) -> "Subscription":
        plan = PLANS[plan_code]
        now = now or datetime.utcnow()
        if plan.trial_days:
            trial_end = now + timedelta(days=plan.trial_days)
            return cls(sub_id or new_id("sub"), customer_id, plan_code, "trialing", now, now, trial_end,
                       anchor_day=trial_end.day, trial_end=trial_end)
        end = period_end(now, plan.interval, plan.interval_count)
        return cls(sub_id or new_id("sub"), customer_id, plan_code, "active", now, now, end, anchor_day=now.day)

    @property
    def plan_info(self) -> Plan:
        return PLANS[self.plan]

    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def in_trial(self, now: datetime | None = None) -> bool:
        now = now or datetime.utcnow()
        return self.status == "trialing" and self.trial_end is not None and now < self.trial_end

    def cancel(self, at_period_end: bool = True, now: datetime | None = None) -> None:
        """Cancel now, or at the end of the current period (the default the portal offers)."""
        if at_period_end:
            self.cancel_at_period_end = True
            return
        self.status = "canceled"
        self.canceled_at = now or datetime.utcnow()

    def roll_period(self) -> None:
        """Advance to the next billing period."""
        plan = self.plan_info
        self.current_period_start = self.current_period_end
        self.current_period_end = period_end(self.current_period_start, plan.interval, plan.interval_count, self.anchor_day)


@dataclass
class Invoice:
    id: str
    subscription_id: str
    customer_id: str
    amount_cents: int
    period_start: datetime
    period_end: datetime
    issued_at: datetime
    due_at: datetime
    status: str = "open"
    attempts: int = 0
    next_attempt_at: datetime | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status == "open"
