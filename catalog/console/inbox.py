"""The console's inbox: hand-off requests and orders nobody else answers, and who holds them.

While an open hand-off is held by a person, the bot stays quiet in that conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, bindparam, exists, insert, literal_column, null, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.models import InboxItem, TranscriptLine
from catalog.fast_sql import FastStatement

TEXT_CHARS = 2000
#: Whether a person holds a conversation, asked on every turn as one row ("held", NULL) or
#: none: a leg of the engine's opening read (built once, so its compiled SQL is reused).
HELD_ROW = select(literal_column("'held'"), null()).where(
    exists().where(
        InboxItem.address == bindparam("address"),
        InboxItem.done_at.is_(None),
        InboxItem.held_by.is_not(None),
    )
)

_items: Table = InboxItem.__table__  # type: ignore[assignment]
_lines: Table = TranscriptLine.__table__  # type: ignore[assignment]
#: The turn log's batches of lines (every message, two lines): straight to the driver.
_APPEND_LINES = FastStatement(
    insert(_lines).values({name: bindparam(name) for name in ("address", "author", "text", "at")})
)
#: Every order nobody else receives comes here as it is placed (no ORM object to flush).
_NEW_ORDER_ITEM = insert(_items).returning(_items.c.id)


@dataclass(frozen=True, slots=True)
class InboxItemDTO:
    """One inbox entry."""

    id: int
    kind: str
    address: str
    order_id: int | None
    text: str | None
    language: str
    created_at: datetime
    updated_at: datetime
    held_by: str | None
    done_at: datetime | None
    done_by: str | None

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass(frozen=True, slots=True)
class LineDTO:
    """One message of a conversation's transcript."""

    id: int
    author: str
    text: str
    at: datetime


def _dto(r: InboxItem) -> InboxItemDTO:
    return InboxItemDTO(
        r.id,
        r.kind,
        r.address,
        r.order_id,
        r.text,
        r.language,
        r.created_at,
        r.updated_at,
        r.held_by,
        r.done_at,
        r.done_by,
    )


class Inbox:
    """Inbox items, conversation holds and transcripts; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_handoff(
        self, address: str, text: str | None, now: datetime, language: str = "vi"
    ) -> int:
        """Opens a hand-off for the chat, or refreshes the one already open; returns its id."""
        row = await self._open_handoff(address)
        if row is None:
            row = InboxItem(kind="handoff", address=address, created_at=now)
            self._session.add(row)
        row.text = (text or "")[:TEXT_CHARS] or row.text
        row.language = language
        row.updated_at = now
        await self._session.flush()
        return row.id

    async def add_order(
        self, order_id: int, address: str, now: datetime, language: str = "vi"
    ) -> int:
        """Puts an order that no producer chat receives into the inbox."""
        row = {
            "kind": "order",
            "address": address,
            "order_id": order_id,
            "language": language,
            "created_at": now,
            "updated_at": now,
        }
        return int((await self._session.execute(_NEW_ORDER_ITEM, row)).scalar_one())

    async def items(self, *, include_done: bool = False, limit: int = 100) -> list[InboxItemDTO]:
        """Open items, newest activity first (done ones too when asked)."""
        query = select(InboxItem)
        if not include_done:
            query = query.where(InboxItem.done_at.is_(None))
        rows = await self._session.scalars(
            query.order_by(InboxItem.updated_at.desc(), InboxItem.id.desc()).limit(limit)
        )
        return [_dto(r) for r in rows]

    async def get(self, item_id: int) -> InboxItemDTO | None:
        row = await self._session.get(InboxItem, item_id)
        return None if row is None else _dto(row)

    async def for_order(self, order_id: int) -> list[InboxItemDTO]:
        """The inbox entries about one order."""
        rows = await self._session.scalars(
            select(InboxItem).where(InboxItem.order_id == order_id).order_by(InboxItem.id)
        )
        return [_dto(r) for r in rows]

    async def hold(self, item_id: int, actor: str, now: datetime) -> bool:
        """A person takes the conversation: the bot stops answering it."""
        result = await self._session.execute(
            update(InboxItem)
            .where(InboxItem.id == item_id, InboxItem.done_at.is_(None))
            .values(held_by=actor, updated_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def close(self, item_id: int, actor: str, now: datetime) -> bool:
        """Ends the item (a hand-off gives the conversation back to the bot)."""
        result = await self._session.execute(
            update(InboxItem)
            .where(InboxItem.id == item_id, InboxItem.done_at.is_(None))
            .values(done_at=now, done_by=actor, held_by=None, updated_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def close_order(self, order_id: int, actor: str, now: datetime) -> None:
        """Ends the open inbox entries of an order (answered, reassigned or cancelled)."""
        await self._session.execute(
            update(InboxItem)
            .where(InboxItem.order_id == order_id, InboxItem.done_at.is_(None))
            .values(done_at=now, done_by=actor, updated_at=now)
        )

    async def touch(self, address: str, now: datetime) -> None:
        """Moves the chat's open hand-off up the list (the customer wrote again)."""
        await self._session.execute(
            update(InboxItem)
            .where(
                InboxItem.address == address,
                InboxItem.kind == "handoff",
                InboxItem.done_at.is_(None),
            )
            .values(updated_at=now)
        )

    async def append(self, address: str, author: str, text: str, now: datetime) -> None:
        """Adds one message to the chat's transcript."""
        await self.append_lines([(address, author, text, now)])

    async def append_lines(self, lines: list[tuple[str, str, str, datetime]]) -> None:
        """Adds (address, author, text, at) lines in one statement (a batch of turns)."""
        rows = [
            {"address": address, "author": author, "text": text[:TEXT_CHARS], "at": at}
            for address, author, text, at in lines
            if text
        ]
        await _APPEND_LINES.run_many(self._session, rows)  # no ORM bulk insert machinery

    async def transcript(self, address: str, limit: int = 100) -> list[LineDTO]:
        """The chat's last `limit` messages, oldest first (by when they were said)."""
        rows = await self._session.scalars(
            select(TranscriptLine)
            .where(TranscriptLine.address == address)
            .order_by(TranscriptLine.at.desc(), TranscriptLine.id.desc())
            .limit(limit)
        )
        return [LineDTO(r.id, r.author, r.text, r.at) for r in reversed(list(rows))]

    async def _open_handoff(self, address: str) -> InboxItem | None:
        return await self._session.scalar(
            select(InboxItem).where(
                InboxItem.address == address,
                InboxItem.kind == "handoff",
                InboxItem.done_at.is_(None),
            )
        )
