"""TurnLog: what the operator console needs from every turn, written in the turn's transaction.

- While a person holds a conversation (an open hand-off taken in the console), the bot does
  not answer it; the customer's messages go to the transcript and the hand-off moves up.
- Every answered turn adds the customer's message and the bot's replies to the transcript,
  and one analytics event (hashed user, intent, products and places; the text only for a
  message the bot did not understand, and never in a step where the person types their own
  data: checkout, a decline reason).
"""

from __future__ import annotations

import hashlib

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.messages import IncomingMessage, Reply
from bot.core.nlu import Parse
from bot.core.router import LOW_CONFIDENCE
from catalog.console import Analytics, Inbox, TurnEvent
from catalog.orders import Clock, utc_now

NOT_UNDERSTOOD = (LOW_CONFIDENCE, "out_of_scope")
#: Steps where a person types their own data (name, phone, address, a decline reason).
PRIVATE = ("order:", "producer:")


def user_hash(msg: IncomingMessage) -> str:
    """A stable pseudonym of the sender: counts unique users without keeping who they are."""
    return hashlib.sha256(f"ocopbot:{msg.channel}:{msg.user_id}".encode()).hexdigest()[:24]


def shown_text(msg: IncomingMessage) -> str:
    """The customer's message as staff read it in the transcript."""
    if msg.text:
        return msg.text
    if msg.location is not None:
        return f"📍 {msg.location.lat:.5f}, {msg.location.lon:.5f}"
    return f"[{msg.payload}]" if msg.payload else ""


class TurnLog:
    """Implements bot.core.observe.TurnObserver on the console's tables."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock

    async def held(self, session: AsyncSession, msg: IncomingMessage) -> bool:
        inbox = Inbox(session)
        address = str(msg.key)
        if not await inbox.is_held(address):
            return False
        now = self._clock()
        await inbox.append(address, "customer", shown_text(msg), now)
        await inbox.touch(address, now)
        return True

    async def observed(
        self,
        session: AsyncSession,
        msg: IncomingMessage,
        parse: Parse | None,
        step_before: str,
        replies: list[Reply],
    ) -> None:
        now = self._clock()
        inbox = Inbox(session)
        address = str(msg.key)
        await inbox.append(address, "customer", shown_text(msg), now)
        await inbox.append(address, "bot", "\n\n".join(r.text for r in replies), now)
        understood = parse is None or parse.intent not in NOT_UNDERSTOOD
        event = TurnEvent(
            channel=msg.channel,
            user_hash=user_hash(msg),
            intent=parse.intent if parse else None,
            confidence=round(parse.confidence, 3) if parse else None,
            product_ids=tuple(str(v) for v in parse.values("product")) if parse else (),
            place_ids=tuple(str(v) for v in parse.values("location")) if parse else (),
            understood=understood,
            # Mid-flow answers (a name, an address) are the customer's data, never analytics.
            text=msg.text if not understood and not step_before.startswith(PRIVATE) else None,
        )
        await Analytics(session).record(event, now)
