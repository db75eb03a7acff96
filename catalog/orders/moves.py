"""A chat that changed its address (a Telegram group upgraded to a supergroup gets a new
id): its producer links and its undelivered messages follow it."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.inbox_models import Outbox, ProducerInbox


async def move_chat(session: AsyncSession, old: str, new: str) -> int:
    """Re-addresses everything sent to `old` to `new`; safe to run twice.

    Args:
        session: the caller's session (the caller commits).
        old: the chat's former address, e.g. "telegram:-4001".
        new: its address now, e.g. "telegram:-1004001".

    Returns:
        How many producer links moved.
    """
    if old == new:
        return 0
    query = select(ProducerInbox).where(ProducerInbox.address == old)
    moved = 0
    for inbox in list(await session.scalars(query)):
        already = select(ProducerInbox.id).where(
            ProducerInbox.producer_id == inbox.producer_id, ProducerInbox.address == new
        )
        if await session.scalar(already) is not None:
            await session.execute(delete(ProducerInbox).where(ProducerInbox.id == inbox.id))
        else:
            inbox.address = new
            moved += 1
    pending = (Outbox.recipient == old) & Outbox.delivered_at.is_(None)
    await session.execute(update(Outbox).where(pending).values(recipient=new))
    return moved
