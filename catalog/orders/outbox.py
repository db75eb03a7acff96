"""The outbox table's operations: enqueue in the business transaction, claim, mark.

Delivery is claimed with a lease: a claim commits ``next_attempt_at = now + lease`` and a
random token, the message is sent outside any transaction, and only the holder of the
token may mark it delivered or failed. A dispatcher that dies mid-send leaves a row that
becomes due again when the lease runs out, so nothing is ever lost.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.orders.inbox_models import Outbox
from catalog.orders.types import changed_one, insert_if_absent

ERROR_CHARS = 500


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """A claimed message: deliver it, then mark it with `claim_token`."""

    id: int
    recipient: str
    kind: str
    payload: dict[str, Any]
    attempts: int
    claim_token: str


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    """Where one message stands (the operator's `orders show`)."""

    id: int
    recipient: str
    kind: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    delivered_at: datetime | None
    last_error: str | None


_outbox: Table = Outbox.__table__  # type: ignore[assignment]
# Every order ping and notice: the look-up of its dedup key and the insert in one statement,
# built once (no ORM object to flush).
_COLUMNS = ("recipient", "kind", "payload", "order_id", "dedup_key", "created_at", "attempts")
_ENQUEUE = insert_if_absent(
    _outbox, (*_COLUMNS, "next_attempt_at"), lambda p: _outbox.c.dedup_key == p["dedup_key"]
)


class OutboxRepository:
    """Outbox rows; the caller owns the session and its transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def enqueue(
        self,
        recipient: str,
        kind: str,
        payload: dict[str, Any],
        dedup_key: str,
        now: datetime,
        order_id: int | None = None,
    ) -> bool:
        """Queues a message unless one with the same `dedup_key` exists.

        Returns:
            True if a row was added (it commits with the caller's transaction).
        """
        row = {
            "recipient": recipient,
            "kind": kind,
            "payload": payload,
            "order_id": order_id,
            "dedup_key": dedup_key,
            "created_at": now,
            "attempts": 0,
            "next_attempt_at": now,
        }
        return changed_one(await self._session.execute(_ENQUEUE, row))

    async def claim_due(self, now: datetime, limit: int, lease: timedelta) -> list[OutboxMessage]:
        """Claims up to `limit` due messages for `lease` (commit right after).

        PostgreSQL skips rows another dispatcher has locked (FOR UPDATE SKIP LOCKED; SQLite
        ignores the clause and serialises writers instead); the compare-and-set on
        `attempts` makes a claim exclusive on both.
        """
        due = (
            select(Outbox.id, Outbox.attempts)
            .where(Outbox.delivered_at.is_(None), Outbox.next_attempt_at <= now)
            .order_by(Outbox.next_attempt_at, Outbox.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        claimed: list[int] = []
        tokens: dict[int, str] = {}
        for row_id, attempts in (await self._session.execute(due)).all():
            token = secrets.token_hex(8)
            result = await self._session.execute(
                update(Outbox)
                .where(Outbox.id == row_id, Outbox.attempts == attempts)
                .where(Outbox.delivered_at.is_(None))
                .values(attempts=attempts + 1, claim_token=token, next_attempt_at=now + lease)
            )
            if changed_one(result):
                claimed.append(row_id)
                tokens[row_id] = token
        if not claimed:
            return []
        rows = await self._session.scalars(
            select(Outbox).where(Outbox.id.in_(claimed)).order_by(Outbox.id)
        )
        return [
            OutboxMessage(r.id, r.recipient, r.kind, r.payload, r.attempts, tokens[r.id])
            for r in rows
        ]

    async def mark_delivered(self, message: OutboxMessage, now: datetime) -> bool:
        """Sets `delivered_at` once; False if the claim was lost (lease ran out, re-claimed)."""
        result = await self._session.execute(
            update(Outbox)
            .where(Outbox.id == message.id, Outbox.claim_token == message.claim_token)
            .where(Outbox.delivered_at.is_(None))
            .values(delivered_at=now, claim_token=None, last_error=None)
        )
        return changed_one(result)

    async def mark_failed(self, message: OutboxMessage, error: str, retry_at: datetime) -> bool:
        """Records the error and when to try again; False if the claim was lost."""
        result = await self._session.execute(
            update(Outbox)
            .where(Outbox.id == message.id, Outbox.claim_token == message.claim_token)
            .where(Outbox.delivered_at.is_(None))
            .values(next_attempt_at=retry_at, claim_token=None, last_error=error[:ERROR_CHARS])
        )
        return changed_one(result)

    async def for_order(self, order_id: int) -> list[OutboxStatus]:
        """The messages about one order, oldest first."""
        query = select(Outbox).where(Outbox.order_id == order_id).order_by(Outbox.id)
        return [
            OutboxStatus(
                r.id,
                r.recipient,
                r.kind,
                r.attempts,
                r.created_at,
                r.next_attempt_at,
                r.delivered_at,
                r.last_error,
            )
            for r in await self._session.scalars(query)
        ]
