"""The partner order feed: columns, aliases partners actually send, and value coercion."""
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Callable


class CoercionError(ValueError):
    pass


def _int(text: str) -> int:
    try:
        return int(text.replace(" ", ""))
    except ValueError:
        raise CoercionError(f"not an integer: {text!r}") from None


def _money(text: str) -> Decimal:
    cleaned = text.strip().replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")  # continental decimal comma
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise CoercionError(f"not an amount: {text!r}") from None
    if value.as_tuple().exponent < -2:
        raise CoercionError(f"more than two decimals: {text!r}")
    return value


def _date(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise CoercionError(f"not a date: {text!r}")


def _currency(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise CoercionError(f"not a currency code: {text!r}")
    return code


def _text(text: str) -> str:
    return text.strip()


@dataclass(frozen=True)
class Column:
    name: str
    coerce: Callable[[str], object]
    required: bool = True
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("order_id", _text, aliases=("order", "order no", "order_number", "ordernr")),
    Column("order_date", _date, aliases=("date", "orderdate")),
    Column("sku", _text, aliases=("article", "item", "product_code")),
    Column("quantity", _int, aliases=("qty", "amount_items")),
    Column("unit_price", _money, aliases=("price", "unitprice")),
    Column("currency", _currency, aliases=("cur", "ccy")),
    Column("customer_ref", _text, required=False, aliases=("customer", "cust_ref")),
)
BY_NAME = {c.name: c for c in COLUMNS}


def canonical_name(header: str) -> str | None:
    key = header.strip().lower().replace("-", "_")
    for col in COLUMNS:
        if key == col.name or key in col.aliases or key.replace("_", " ") in col.aliases:
            return col.name
    return None
