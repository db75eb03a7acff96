"""TurnLog: what the operator console needs from every turn.

- While a person holds a conversation (a hand-off taken in the console), the bot does not
  answer it; the customer's messages go to the transcript (in the turn's transaction) and
  the hand-off moves up the inbox.
- Every answered turn adds the customer's message and the bot's replies to the transcript,
  and one analytics event (hashed user, intent, products and places; the text only for a
  message the bot did not understand, and never in a step where the person types their own
  data: checkout, a decline reason). These are buffered and written in batches by `run`
  (every half second): inside each turn's transaction they tripled its cost on SQLite.
  A crash loses at most the last half second of them, never an order or a hand-off.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.messages import IncomingMessage, Reply
from bot.core.nlu import Parse
from bot.core.opening import HELD, Leg
from bot.core.router import LOW_CONFIDENCE
from catalog.console import Analytics, Inbox, TurnEvent
from catalog.console.inbox import HELD_ROW
from catalog.orders import Clock, utc_now

logger = logging.getLogger(__name__)
NOT_UNDERSTOOD = (LOW_CONFIDENCE, "out_of_scope")
#: Steps where a person types their own data (name, phone, address, a decline reason).
PRIVATE = ("order:", "producer:")
MAX_PENDING = 20_000  # turns kept while the database is unreachable; the oldest go first


def user_hash(msg: IncomingMessage) -> str:
    """A stable pseudonym of the sender: counts unique users without keeping who they are."""
    return _pseudonym(msg.channel, msg.user_id)


@functools.lru_cache(maxsize=4096)  # a chat's messages come in a row: hash its sender once
def _pseudonym(channel: str, user_id: str | None) -> str:
    return hashlib.sha256(f"ocopbot:{channel}:{user_id}".encode()).hexdigest()[:24]


def shown_text(msg: IncomingMessage) -> str:
    """The customer's message as staff read it in the transcript."""
    if msg.text:
        return msg.text
    if msg.location is not None:
        return f"📍 {msg.location.lat:.5f}, {msg.location.lon:.5f}"
    return f"[{msg.payload}]" if msg.payload else ""


def turn_event(msg: IncomingMessage, parse: Parse | None, step_before: str) -> TurnEvent:
    """What the analytics keep of one turn."""
    understood = parse is None or parse.intent not in NOT_UNDERSTOOD
    private = step_before.startswith(PRIVATE)
    return TurnEvent(
        channel=msg.channel,
        user_hash=user_hash(msg),
        intent=parse.intent if parse else None,
        confidence=round(parse.confidence, 3) if parse else None,
        product_ids=tuple(str(v) for v in parse.values("product")) if parse else (),
        place_ids=tuple(str(v) for v in parse.values("location")) if parse else (),
        understood=understood,
        text=msg.text if not understood and not private else None,
    )


class TurnLog:
    """Implements bot.core.observe.TurnObserver on the console's tables.

    Args:
        sessions: where the buffered lines and events are written.
        clock: aware UTC time.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock = utc_now) -> None:
        self._sessions = sessions
        self._clock = clock
        self._lines: list[tuple[str, str, str, datetime]] = []
        self._events: list[tuple[TurnEvent, datetime]] = []

    def held_leg(self, msg: IncomingMessage) -> Leg:
        return Leg(HELD, HELD_ROW, {"address": str(msg.key)})

    async def record_held(self, session: AsyncSession, msg: IncomingMessage) -> None:
        inbox = Inbox(session)
        address = str(msg.key)
        now = self._clock()
        await inbox.append(address, "customer", shown_text(msg), now)
        await inbox.touch(address, now)

    async def observed(
        self,
        session: AsyncSession,
        msg: IncomingMessage,
        parse: Parse | None,
        step_before: str,
        replies: list[Reply],
    ) -> None:
        now = self._clock()
        address = str(msg.key)
        self._lines.append((address, "customer", shown_text(msg), now))
        self._lines.append((address, "bot", "\n\n".join(r.text for r in replies), now))
        self._events.append((turn_event(msg, parse, step_before), now))
        if len(self._events) > MAX_PENDING:
            del self._events[: len(self._events) - MAX_PENDING]
            del self._lines[: len(self._lines) - 2 * MAX_PENDING]

    async def flush(self) -> int:
        """Writes what is buffered in one transaction; returns how many turns."""
        lines, events = self._lines, self._events
        if not events and not lines:
            return 0
        self._lines, self._events = [], []
        try:
            async with self._sessions() as session, session.begin():
                await Inbox(session).append_lines(lines)
                await Analytics(session).record_many(events)
        except Exception:
            logger.exception("turn log: could not write %d turn(s); will retry", len(events))
            self._lines, self._events = lines + self._lines, events + self._events
            return 0
        return len(events)

    async def run(self, interval: float = 0.5) -> None:
        """Flushes every `interval` seconds until cancelled, then once more."""
        try:
            while True:
                await asyncio.sleep(interval)
                await self.flush()
        finally:
            await asyncio.shield(self.flush())
