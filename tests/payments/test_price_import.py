"""The operator's CSV import of sellers' prices: all or nothing, every problem listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.admin_cli import AdminError
from bot.payments_cli import import_prices, set_bank, set_price
from catalog.payments.prices import SellerPrices
from tests.payments.conftest import DB


async def prices(db: DB) -> dict[str, tuple[int, str | None, str]]:
    async with db() as session:
        found = await SellerPrices(session).for_products(
            ["nuoc-mam-cai-rong", "tra-hoa-vang-quy-hoa"]
        )
    return {k: (v.amount_vnd, v.unit, v.set_by) for k, v in found.items()}


async def test_a_good_file_sets_every_price_and_a_second_run_changes_nothing(
    db: DB, tmp_path: Path
) -> None:
    file = tmp_path / "gia.csv"
    file.write_text(
        "\ufeffproduct_id;amount_vnd;unit\n"
        "nuoc-mam-cai-rong;120.000;chai 500ml\n"
        "tra-hoa-vang-quy-hoa;350k;hộp 100g\n",
        encoding="utf-8",
    )
    assert await import_prices(db, file, dry_run=True) == (
        "seller_prices: created 2, updated 0, unchanged 0 (dry run: nothing written)"
    )
    assert await prices(db) == {}
    assert await import_prices(db, file) == "seller_prices: created 2, updated 0, unchanged 0"
    assert await prices(db) == {
        "nuoc-mam-cai-rong": (120_000, "chai 500ml", "operator:cli"),
        "tra-hoa-vang-quy-hoa": (350_000, "hộp 100g", "operator:cli"),
    }
    assert await import_prices(db, file) == "seller_prices: created 0, updated 0, unchanged 2"


async def test_one_bad_row_writes_nothing_and_every_problem_is_listed(
    db: DB, tmp_path: Path
) -> None:
    file = tmp_path / "gia.csv"
    file.write_text(
        "product_id,amount_vnd,unit,ghi chu\n"
        "nuoc-mam-cai-rong,120000,chai,\n"
        "ga-tien-yen,300k,con,\n"
        "khong-co-that,mot tram,,\n"
        "nuoc-mam-cai-rong,130000,chai,x\n",
        encoding="utf-8",
    )
    with pytest.raises(AdminError) as refused:
        await import_prices(db, file)
    message = str(refused.value)
    for problem in (
        "gia.csv:3: product_id: 'ga-tien-yen' has no producer",
        "gia.csv:4: product_id: unknown product 'khong-co-that'",
        "gia.csv:4: amount_vnd: not an amount in VND",
        "gia.csv:5: product_id: 'nuoc-mam-cai-rong' given twice",
        "gia.csv:5: ghi chu: unknown column",
    ):
        assert problem in message
    assert await prices(db) == {}


async def test_the_operator_sets_one_price_and_a_bank_account(db: DB) -> None:
    said = await set_price(db, "nuoc-mam-cai-rong", "95k", "chai 500ml")
    assert said == "Seller price of nuoc-mam-cai-rong (nuoc-mam-cai-rong-jsc): 95.000 ₫/chai 500ml"
    said = await set_bank(db, "nuoc-mam-cai-rong-jsc", "970436", "0011 001 234567", "Lê Thị Hoa")
    assert said.endswith("Vietcombank (970436), *********4567, LE THI HOA")
    with pytest.raises(AdminError, match="There is no producer nope"):
        await set_bank(db, "nope", "VCB", "0011001234567", "A B")
    with pytest.raises(AdminError, match="unknown bank"):
        await set_bank(db, "nuoc-mam-cai-rong-jsc", "XYZ", "0011001234567", "A B")
