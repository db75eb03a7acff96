"""Helpers for the order dialogues: invite codes, the outbox dispatcher, a full checkout."""

from __future__ import annotations

import uuid

from bot.core.i18n import I18n
from bot.core.messages import Reply
from bot.notify import OutboxDispatcher
from bot.notify_render import OutboxRenderer
from catalog.console import OperatorAccounts
from catalog.orders import OrderDTO, OrderService
from tests.chat_client import ChatClient
from tests.dialogues.conftest import Bot
from tests.orders.fake_channels import RecordingChannel

FISH_SAUCE = "nuoc-mam-cai-rong"  # producer nuoc-mam-cai-rong-jsc
OYSTER = "ruoc-hau-bavabi"  # producer bavabi
OYSTER_BUTTON = "Ruốc hàu (Vân Đồn)"  # edition 2 has two "ruốc hàu": Bavabi's is this one


async def send_oyster(chat: ChatClient, text: str) -> None:
    """Types `text` naming ruốc hàu and, when asked which one, picks Bavabi's."""
    await chat.send(text)
    if OYSTER_BUTTON in chat.titles:
        await chat.click(OYSTER_BUTTON)


async def no_console_account(bot: Bot) -> None:
    """Disables every operator-console account: with no `orders.operator` either, an order
    of an unlinked producer (or a hand-off) reaches nobody."""
    async with bot.sessions() as session, session.begin():
        accounts = OperatorAccounts(session)
        for account in await accounts.list():
            await accounts.disable(account.email)


async def console_account(bot: Bot) -> None:
    """An active staff account of the operator console: its inbox receives what nobody
    else can, so the centre staff are reached even without `orders.operator`."""
    from bot.admin.passwords import hash_password
    from catalog.orders import utc_now

    email = f"{new_id('staff')}@ocop.vn"
    async with bot.sessions() as session, session.begin():
        await OperatorAccounts(session).add(
            email, hash_password("mot mat khau dai"), "staff", utc_now()
        )


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def invite(bot: Bot, producer_id: str) -> str:
    """A fresh invite code, as `python -m bot producers invite` prints it."""
    async with bot.sessions() as session, session.begin():
        return (await OrderService(session).create_invite(producer_id)).code


async def linked_producer(bot: Bot, producer_id: str) -> ChatClient:
    """A Telegram chat linked to the producer with /link."""
    chat = bot.chat(new_id("producer"), channel="telegram")
    await chat.send(f"/link {await invite(bot, producer_id)}")
    return chat


async def deliver_outbox(bot: Bot) -> dict[str, list[Reply]]:
    """Runs the dispatcher once; returns what each chat address received."""
    channels = {name: RecordingChannel(name) for name in ("test", "telegram", "web")}
    dispatcher = OutboxDispatcher(bot.sessions, dict(channels), OutboxRenderer(I18n.load().t))
    await dispatcher.run_once()
    got: dict[str, list[Reply]] = {}
    for name, channel in channels.items():
        for chat_id, replies in channel.sent:
            got.setdefault(f"{name}:{chat_id}", []).extend(replies)
    return got


async def orders_of(bot: Bot, chat: ChatClient) -> list[OrderDTO]:
    async with bot.sessions() as session:
        return await OrderService(session).orders_of_customer(f"{chat.channel}:{chat.chat_id}")


async def order_by_id(bot: Bot, order_id: int) -> OrderDTO | None:
    """The order with its status history."""
    async with bot.sessions() as session:
        return await OrderService(session).get(order_id)


async def checkout_vi(chat: ChatClient, first: str = "cho mình 2 chai nước mắm Cái Rồng") -> None:
    """Orders in Vietnamese up to the summary (delivery to an address, no note)."""
    await chat.send(first)
    await chat.send("Nguyễn Văn An")
    await chat.send("0912 345 678")
    await chat.click("Giao tận nơi")
    await chat.send("12 Trần Hưng Đạo, Hạ Long")
    await chat.click("Không có ghi chú")
