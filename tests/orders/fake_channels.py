"""Channels for outbox tests: record what was sent, fail on demand."""

from __future__ import annotations

import asyncio

from bot.core.i18n import I18n
from bot.core.messages import Reply
from bot.notify_render import OutboxRenderer

CATALOGS = {
    "vi": {
        "orders.ping.producer.new": "Đơn mới {number}:\n{items}\n{delivery}\n{payment}",
        "orders.ping.operator.new": "Đơn {number} ({producer}):\n{items}",
        "orders.customer.accepted": "Đơn {number} đã được nhận.",
        "orders.delivery.address": "Giao tới: {address}",
        "orders.payment.cod": "Thanh toán khi nhận hàng",
        "orders.button.accept": "Nhận đơn",
        "orders.button.decline": "Từ chối",
    },
    "en": {"orders.customer.accepted": "Order {number} was accepted."},
}


def renderer() -> OutboxRenderer:
    return OutboxRenderer(I18n(CATALOGS).t)


class RecordingChannel:
    """Keeps every send; the first `failures` sends raise."""

    def __init__(self, name: str, failures: int = 0, delay: float = 0.0) -> None:
        self.name = name
        self.failures = failures
        self.delay = delay
        self.sent: list[tuple[str, list[Reply]]] = []

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError("api.example.test/bot123456:AAAAAAAAAAAAAAAAAAAAAAAA down")
        self.sent.append((chat_id, replies))
