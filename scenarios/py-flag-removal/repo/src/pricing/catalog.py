"""The product catalogue (loaded from the catalogue service; a static copy for tests and local runs)."""
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    price: Decimal          # gross unit price, VAT included
    weight_g: int
    vat_class: str = "standard"
    discountable: bool = True


CATALOG: dict[str, Product] = {p.sku: p for p in (
    Product("KB-01", "Mechanical keyboard", Decimal("89.00"), 1100),
    Product("MS-02", "Wireless mouse", Decimal("39.90"), 120),
    Product("MN-27", "27in monitor", Decimal("279.00"), 6200),
    Product("CB-10", "USB-C cable", Decimal("9.99"), 60),
    Product("BK-01", "Ergonomics handbook", Decimal("24.50"), 450, vat_class="reduced"),
    Product("GC-50", "Gift card 50", Decimal("50.00"), 0, vat_class="exempt", discountable=False),
    Product("GC-100", "Gift card 100", Decimal("100.00"), 0, vat_class="exempt", discountable=False),
    Product("DK-01", "Standing desk", Decimal("549.00"), 31000),
)}


def get(sku: str) -> Product:
    try:
        return CATALOG[sku]
    except KeyError:
        raise KeyError(f"unknown SKU {sku}") from None
