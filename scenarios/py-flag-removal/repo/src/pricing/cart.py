"""Carts and line items."""
from dataclasses import dataclass, field
from decimal import Decimal

from .catalog import Product, get


@dataclass(frozen=True)
class Line:
    product: Product
    quantity: int

    @property
    def amount(self) -> Decimal:
        return self.product.price * self.quantity


@dataclass
class Cart:
    country: str = "DE"
    lines: list[Line] = field(default_factory=list)
    coupons: list[str] = field(default_factory=list)

    def add(self, sku: str, quantity: int = 1) -> "Cart":
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        for i, line in enumerate(self.lines):
            if line.product.sku == sku:
                self.lines[i] = Line(line.product, line.quantity + quantity)
                return self
        self.lines.append(Line(get(sku), quantity))
        return self

    @property
    def subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))

    @property
    def discountable_subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.product.discountable), Decimal("0"))

    @property
    def weight_g(self) -> int:
        return sum(line.product.weight_g * line.quantity for line in self.lines)
