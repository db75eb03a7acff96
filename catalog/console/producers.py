"""Producer chats as the console manages them: unlink a chat."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.inbox_models import ProducerInbox
from catalog.orders.types import changed_one


async def unlink_chat(session: AsyncSession, producer_id: str, address: str) -> bool:
    """Stops order pings for the producer reaching `address`; False if it was not linked."""
    result = await session.execute(
        delete(ProducerInbox).where(
            ProducerInbox.producer_id == producer_id, ProducerInbox.address == address
        )
    )
    return changed_one(result)
