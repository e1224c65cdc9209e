"""VAT contained in gross prices (the storefront shows gross prices; invoices need the VAT part)."""
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from .flags import Flags

RATES = {
    "DE": {"standard": Decimal("19"), "reduced": Decimal("7")},
    "AT": {"standard": Decimal("20"), "reduced": Decimal("10")},
    "NL": {"standard": Decimal("21"), "reduced": Decimal("9")},
    "FR": {"standard": Decimal("20"), "reduced": Decimal("5.5")},
}
DEFAULT_COUNTRY = "DE"


def rate(country: str, vat_class: str) -> Decimal:
    if vat_class == "exempt":
        return Decimal("0")
    return RATES.get(country, RATES[DEFAULT_COUNTRY])[vat_class]


def vat_included(gross: Decimal, country: str, vat_class: str, flags: Flags) -> Decimal:
    r = rate(country, vat_class)
    vat = gross * r / (100 + r)
    mode = ROUND_HALF_EVEN if flags.enabled("round_half_even_tax") else ROUND_HALF_UP
    return vat.quantize(Decimal("0.01"), rounding=mode)
