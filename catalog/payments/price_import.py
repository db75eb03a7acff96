"""The operator's bulk import of sellers' prices from a CSV table (Excel's "Save as CSV"):

    product_id,amount_vnd,unit
    nuoc-mam-cai-rong,120000,chai 500ml
    tra-hoa-vang-quy-hoa,350k,hộp 100g

All or nothing, like ``python -m catalog import``: every problem is listed as
``file:row: field: problem`` and nothing is written while one remains. Each price is set for
the product's own producer, marked as set by the operator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.io.problems import FileError
from catalog.io.readers import read_csv
from catalog.models import Product
from catalog.payments.prices import UNIT_CHARS, SellerPrices, read_amount

SECTION = "seller_prices"
COLUMNS = {"product_id", "amount_vnd", "unit"}


@dataclass
class PriceImport:
    """What an import did (or, with problems, why it did nothing)."""

    problems: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        if self.problems:
            return "\n".join(self.problems)
        counts = f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}"
        return f"seller_prices: {counts}"


async def import_prices(
    session: AsyncSession, path: Path, set_by: str, now: datetime, dry_run: bool = False
) -> PriceImport:
    """Validates every row, then (unless `dry_run` or a problem) writes them all.

    Raises:
        FileError: the file cannot be read as CSV.
    """
    if path.suffix.lower() != ".csv":
        raise FileError(f"{path.name}: seller prices are imported from a .csv file")
    rows = read_csv(path, SECTION)[SECTION]
    result = PriceImport()
    owners = dict((await session.execute(select(Product.id, Product.producer_id))).tuples().all())
    valid: list[tuple[str, str, int, str | None]] = []
    seen: set[str] = set()
    for raw in rows:
        data = {str(k).strip(): v for k, v in raw.data.items()}
        for extra in sorted(set(data) - COLUMNS):
            result.problems.append(f"{raw.where}: {extra}: unknown column")
        product = str(data.get("product_id") or "").strip()
        amount = read_amount(str(data.get("amount_vnd") or ""))
        unit = " ".join(str(data.get("unit") or "").split()) or None
        if product not in owners:
            result.problems.append(f"{raw.where}: product_id: unknown product {product!r}")
        elif owners[product] is None:
            result.problems.append(f"{raw.where}: product_id: {product!r} has no producer")
        elif product in seen:
            result.problems.append(f"{raw.where}: product_id: {product!r} given twice")
        if amount is None:
            result.problems.append(f"{raw.where}: amount_vnd: not an amount in VND")
        if unit is not None and len(unit) > UNIT_CHARS:
            result.problems.append(f"{raw.where}: unit: longer than {UNIT_CHARS} characters")
        seen.add(product)
        if amount is not None and owners.get(product):
            valid.append((product, str(owners[product]), amount, unit))
    if result.problems:
        return result
    prices = SellerPrices(session)
    before = await prices.for_products(p for p, *_ in valid)
    for product, producer, amount, unit in valid:
        old = before.get(product)
        if old is not None and (old.amount_vnd, old.unit) == (amount, unit):
            result.unchanged += 1
            continue
        if old is None:
            result.created += 1
        else:
            result.updated += 1
        if not dry_run:
            await prices.set(producer, product, amount, unit, set_by, now)
    return result
