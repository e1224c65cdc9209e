"""Row validation and the reject budget.

A batch may reject a few rows (they go to a reject file the partner gets back), but when more than
``REJECT_BUDGET`` of the rows are bad the file is probably malformed as a whole and the batch fails.
"""
from dataclasses import dataclass, field

from . import applog
from .schema import BY_NAME, COLUMNS, CoercionError

REJECT_BUDGET = 0.10


class BatchRejected(Exception):
    pass


@dataclass
class Rejected:
    line: int
    reason: str
    raw: dict[str, str]


@dataclass
class ValidationResult:
    accepted: list[dict] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def missing_required(columns: list[str]) -> list[str]:
    return [c.name for c in COLUMNS if c.required and c.name not in columns]


def validate_row(raw: dict[str, str]) -> dict:
    out = {}
    for name, text in raw.items():
        col = BY_NAME[name]
        if not text.strip():
            if col.required:
                raise CoercionError(f"{name} is empty")
            out[name] = None
            continue
        try:
            out[name] = col.coerce(text)
        except CoercionError as exc:
            raise CoercionError(f"{name}: {exc}") from None
    if out.get("quantity") is not None and out["quantity"] <= 0:
        raise CoercionError("quantity must be positive")
    return out


def validate(batch_id: str, columns: list[str], rows: list[dict[str, str]]) -> ValidationResult:
    missing = missing_required(columns)
    if missing:
        raise BatchRejected(f"missing required columns: {', '.join(missing)}")
    result = ValidationResult()
    seen: set[str] = set()
    for line, raw in enumerate(rows, start=2):  # line 1 is the header
        try:
            row = validate_row(raw)
            if row["order_id"] in seen:
                raise CoercionError(f"duplicate order_id {row['order_id']}")
            seen.add(row["order_id"])
            result.accepted.append(row)
        except CoercionError as exc:
            result.rejected.append(Rejected(line, str(exc), raw))
            applog.log("warn", "row.rejected", batch_id=batch_id, line=line, reason=str(exc))
    if rows and len(result.rejected) / len(rows) > REJECT_BUDGET:
        applog.log("error", "batch.reject_budget_exceeded", batch_id=batch_id,
                   rejected=len(result.rejected), rows=len(rows), budget=REJECT_BUDGET)
        raise BatchRejected(f"{len(result.rejected)} of {len(rows)} rows rejected (budget {REJECT_BUDGET:.0%})")
    return result
