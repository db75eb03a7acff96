"""A child process for the crash tests: it commits, or claims, and is then killed (SIGKILL).

Usage: python -m tests.orders.crash_worker DB_URL (place | dispatch)
  place     places an order (its ping is committed to the outbox), prints "committed",
            then hangs before any dispatcher could send it.
  dispatch  runs a dispatcher whose channel prints "sending" and hangs inside send.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import timedelta

from bot.core.messages import Reply
from bot.notify import OutboxDispatcher
from catalog.db import make_engine, make_session_factory
from catalog.orders import CartLine, Contact, Customer, Delivery, OrderPolicy, OrderService

LEASE = timedelta(minutes=2)


class HangingChannel:
    name = "telegram"

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        print("sending", flush=True)
        await asyncio.Event().wait()


async def main(url: str, mode: str) -> None:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    if mode == "place":
        async with sessions() as session, session.begin():
            await OrderService(session, policy=OrderPolicy(operator="telegram:900")).place(
                Customer("web:crash"),
                [CartLine("ga-tien-yen", 1), CartLine("ngoc-trai-akoya", 1)],
                Contact("An", "0912345678"),
                Delivery("delivery", address="Hạ Long"),
                None,
                "crash-1",
            )
        print("committed", flush=True)
    else:
        render = lambda payload: [Reply(str(payload.get("key")))]  # noqa: E731
        worker = OutboxDispatcher(sessions, {"telegram": HangingChannel()}, render, lease=LEASE)
        await worker.run_once()
    await asyncio.Event().wait()  # the parent kills us here


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
