"""The operator's payment commands: `payments bank|price|notifications`, and the payment
column and lines of `orders list|show` (text for a person, or JSON)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.admin_cli import AdminError
from bot.core.i18n import I18n
from catalog.io.problems import FileError
from catalog.orders import OrderDTO, utc_now
from catalog.orders.notices import money
from catalog.payments import price_import
from catalog.payments.accounts import BankAccounts
from catalog.payments.banks import find_bank
from catalog.payments.errors import PaymentError
from catalog.payments.models import BankNotification
from catalog.payments.prices import SellerPrices, read_amount
from catalog.payments.repository import PaymentRepository

Sessions = async_sessionmaker[AsyncSession]
PAYMENT_STATES = ("unpaid", "paid", "mismatch")
OPERATOR = "operator:cli"


def _english(error: PaymentError) -> str:
    """The refusal as the message catalogs say it in English."""
    return I18n.load().t("en", error.key, **error.params)


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at else "-"


async def payment_states(session: AsyncSession, orders: list[OrderDTO]) -> dict[int, str]:
    """Each order's payment state; an order without a payment row is unpaid."""
    found = await PaymentRepository(session).many(o.id for o in orders)
    return {o.id: found[o.id].state if o.id in found else "unpaid" for o in orders}


async def payment_lines(session: AsyncSession, order: OrderDTO) -> list[str]:
    """`orders show`'s payment part: state, amount, who marked it paid, bank notifications."""
    payment = await PaymentRepository(session).get(order.id)
    if payment is None:
        return [f"Payment:   unpaid ({order.payment})"]
    amount = money(payment.amount_vnd) or "amount to confirm"
    lines = [
        f"Payment:   {payment.state} - {payment.method}, {amount}, content {payment.content!r}"
    ]
    if payment.qr_sent_at:
        lines.append(f"  VietQR sent {_when(payment.qr_sent_at)}")
    if payment.paid_at:
        lines.append(f"  paid {_when(payment.paid_at)} by {payment.paid_by}")
    if payment.received_vnd is not None and payment.received_vnd != payment.amount_vnd:
        lines.append(f"  received {money(payment.received_vnd)} (due {amount})")
    query = select(BankNotification).where(BankNotification.order_id == order.id)
    for n in await session.scalars(query.order_by(BankNotification.id)):
        lines.append(
            f"  bank {n.provider} {n.txn_id}: {money(n.amount_vnd)} {n.outcome}"
            f" at {_when(n.received_at)}"
        )
    return lines


async def set_bank(
    sessions: Sessions, producer_id: str, bank: str, number: str, holder: str
) -> str:
    """Sets a producer's bank account for it (`payments bank PRODUCER BANK NUMBER HOLDER`)."""
    found = find_bank(bank)
    if found is None:
        raise AdminError(f"unknown bank {bank!r}: use a short name (VCB, BIDV, ICB, MB) or a BIN")
    try:
        async with sessions() as session, session.begin():
            account = await BankAccounts(session).set(
                producer_id, found, number, holder, OPERATOR, utc_now()
            )
    except PaymentError as error:
        raise AdminError(_english(error)) from None
    return (
        f"Bank account of {producer_id}: {account.bank_name} ({account.bank_bin}), "
        f"{account.masked}, {account.holder}"
    )


async def set_price(sessions: Sessions, product_id: str, amount: str, unit: str | None) -> str:
    """Sets a product's seller price for its producer (`payments price PRODUCT AMOUNT [UNIT]`)."""
    vnd = read_amount(amount)
    if vnd is None:
        raise AdminError(f"not an amount in VND: {amount!r}")
    from catalog.models import Product

    try:
        async with sessions() as session, session.begin():
            producer = await session.scalar(
                select(Product.producer_id).where(Product.id == product_id)
            )
            if producer is None:
                raise AdminError(f"no product {product_id!r} with a producer")
            price = await SellerPrices(session).set(
                producer, product_id, vnd, unit, OPERATOR, utc_now()
            )
    except PaymentError as error:
        raise AdminError(_english(error)) from None
    per = f"/{price.unit}" if price.unit else ""
    return f"Seller price of {product_id} ({producer}): {money(price.amount_vnd)}{per}"


async def import_prices(sessions: Sessions, path: Path, dry_run: bool = False) -> str:
    """Sets many sellers' prices from a CSV (`payments prices FILE [--dry-run]`), all or none."""
    try:
        async with sessions() as session, session.begin():
            result = await price_import.import_prices(session, path, OPERATOR, utc_now(), dry_run)
            if result.problems:
                raise AdminError(f"nothing imported:\n{result}")
    except FileError as error:
        raise AdminError(str(error)) from None
    return f"{result} (dry run: nothing written)" if dry_run else str(result)


async def notifications(sessions: Sessions, unmatched: bool = True, as_json: bool = False) -> str:
    """Bank notifications, newest first; by default only those that matched no order exactly."""
    async with sessions() as session:
        query = select(BankNotification).order_by(BankNotification.id.desc()).limit(200)
        if unmatched:
            query = query.where(BankNotification.outcome != "matched")
        rows = list(await session.scalars(query))
    items = [
        {
            "provider": n.provider,
            "txn_id": n.txn_id,
            "amount_vnd": n.amount_vnd,
            "content": n.content,
            "order_id": n.order_id,
            "outcome": n.outcome,
            "received_at": n.received_at.isoformat(),
        }
        for n in rows
    ]
    if as_json:
        return json.dumps(items, ensure_ascii=False, indent=2)
    if not items:
        return "no bank notifications"
    return "\n".join(
        f"{i['received_at'][:16]}  {i['provider']:<6} {i['txn_id']:<16} {i['amount_vnd']:>12}"
        f"  {i['outcome']:<13} {i['content'][:60]}"
        for i in items
    )
