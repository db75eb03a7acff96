"""The engine: dedup -> lock -> load state -> NLU -> route -> handler -> save -> replies."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.cleaning import clean_text
from bot.core.dedup import Deduplicator, SessionDeduplicator
from bot.core.i18n import I18n
from bot.core.inputs import describe, is_low_confidence, pick_option
from bot.core.language import choose_language
from bot.core.locks import LockProvider
from bot.core.messages import ConversationKey, IncomingMessage, Reply
from bot.core.nlu import NluParser, Parse
from bot.core.notify import Notifier
from bot.core.observe import TurnObserver
from bot.core.opening import DEDUP, HELD, STATE, Leg, OpeningRead
from bot.core.payloads import parse_payload
from bot.core.reply_codec import replies_from_json, replies_to_json
from bot.core.router import LOW_CONFIDENCE, Router
from bot.core.state import IDLE, Conversation, SessionStateStore, StateStore
from bot.core.turn import EngineSettings, Turn
from catalog.durable_session import transaction

logger = logging.getLogger(__name__)


class _Duplicate(Exception):
    """The message was claimed by another turn: roll this one back, answer nothing.

    ``stored`` is what the first turn answered (JSON, kept with its claim) when known.
    """

    def __init__(self, stored: Any = None) -> None:
        super().__init__()
        self.stored = stored


#: What a transport keeps of a turn, written on the turn's session so it commits with the
#: turn (the web chat's visible history): called with the replies ([] for a held chat).
TurnKeeper = Callable[[AsyncSession, list[Reply]], Awaitable[None]]


@dataclass(frozen=True)
class Answer:
    """What a message got: fresh replies, or (``replayed``) the replies a first delivery of
    the same message got, for a transport that shows them again (the web chat's retry).
    ``kept``: the keeper's writes committed with the turn (not for an apology, whose turn
    rolled back, nor for a duplicate)."""

    replies: list[Reply]
    replayed: bool = False
    kept: bool = False


class _HandlerFailed(Exception):
    """The handler raised (already logged): roll the turn back, apologise in ``lang``."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.lang = lang


class Engine:
    """Turns one IncomingMessage into the replies for that chat, whatever the channel."""

    def __init__(
        self,
        *,
        session_factory: async_sessionmaker[AsyncSession],
        nlu: NluParser,
        store: StateStore,
        dedup: Deduplicator,
        locks: LockProvider,
        notifier: Notifier,
        router: Router,
        i18n: I18n,
        settings: EngineSettings,
        observer: TurnObserver | None = None,
    ) -> None:
        self._sessions = session_factory
        self._nlu = nlu
        self._store = store
        self._dedup = dedup
        self._locks = locks
        self.notifier = notifier
        self._router = router
        self._i18n = i18n
        self._settings = settings
        self._observer = observer  # the operator console: hand-off holds, transcript, analytics
        # SQL stores join the turn's transaction; others keep their own commits.
        self._session_store = store if isinstance(store, SessionStateStore) else None
        self._claims = dedup if isinstance(dedup, SessionDeduplicator) else None
        limit = settings.max_concurrent_turns
        self._slots = asyncio.Semaphore(limit) if limit else None
        self._opening = OpeningRead()

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """Answers one message; a duplicate (channel, message_id) gets [] and changes nothing.

        Args:
            msg: the neutral message from a channel adapter.

        Returns:
            The replies to show in the sender's chat. Never raises: an unexpected error
            is logged and answered with an apology, and the stored state stays as it was.
        """
        answer = await self.answer(msg)
        return [] if answer.replayed else answer.replies

    async def answer(self, msg: IncomingMessage, keep: TurnKeeper | None = None) -> Answer:
        """Like :meth:`handle`, but a duplicate returns what its first delivery got, when
        that was kept (``replayed``; [] otherwise), read in the same statement as the turn's
        state: a transport that shows a retried message's answer again needs no extra read.
        ``keep`` writes what the transport keeps of the turn in the turn's transaction.

        Args:
            msg: the neutral message from a channel adapter.

        Returns:
            The replies to show in the sender's chat. Never raises: an unexpected error
            is logged and answered with an apology, and the stored state stays as it was.
        """
        msg = _cleaned(msg)  # polling channels and the console come here unfiltered too
        try:
            # Telegram and Zalo number messages per chat, so the chat is part of the id.
            delivery = f"{msg.chat_id}:{msg.message_id}" if msg.message_id else None
            # Without SQL claims the claim commits on its own, before the turn.
            early = delivery and self._claims is None
            if early and not await self._dedup.claim(msg.channel, delivery or ""):
                logger.info("duplicate message %s on %s dropped", msg.message_id, msg.channel)
                return Answer([], replayed=True)
            async with self._locks.lock(msg.key):
                if self._slots is None:
                    return await self._handle_locked(msg, delivery, keep)
                # Inside the chat's lock, so a slot never waits for another turn of its chat.
                async with self._slots:
                    return await self._handle_locked(msg, delivery, keep)
        except Exception:
            logger.exception("engine failed on a %s message", msg.channel)
            return Answer([Reply(self._i18n.t(self._settings.default_lang, "error.apology"))])

    async def replies_for(self, msg: IncomingMessage) -> list[Reply] | None:
        """The replies an already processed message got (kept with its de-duplication
        record, on any process), or None if it was not processed (or they were not kept)."""
        if not msg.message_id:
            return None
        stored = await self._dedup.replies(msg.channel, f"{msg.chat_id}:{msg.message_id}")
        return replies_from_json(stored)

    async def remember_options(self, key: ConversationKey, replies: list[Reply]) -> None:
        """Lets a typed "1" pick a button shown outside a turn.

        Text-only channels (Zalo) call this after delivering an outbox message with
        buttons (a producer's accept/decline ping), since no turn stored its payloads.

        Args:
            key: the chat the replies were delivered to.
            replies: what was shown there.
        """
        payloads = [b.payload for r in replies for b in r.buttons if b.url is None]
        if not payloads:
            return
        async with self._locks.lock(key):
            conv = Conversation.from_dict(await self._store.get(key))
            conv.options = payloads
            await self._store.set(key, conv.to_dict())

    async def _handle_locked(
        self, msg: IncomingMessage, delivery: str | None, keep: TurnKeeper | None
    ) -> Answer:
        started = time.perf_counter()
        try:
            # One transaction per message: the dedup claim, the handler's changes and the
            # state (when the stores are SQL) commit together.
            async with transaction(self._sessions) as session:
                replies, conv = await self._turn(msg, delivery, session, started, keep)
        except _Duplicate as duplicate:
            logger.info("duplicate message %s on %s dropped", msg.message_id, msg.channel)
            return Answer(replies_from_json(duplicate.stored) or [], replayed=True)
        except _HandlerFailed as failed:
            apology = [Reply(self._i18n.t(failed.lang, "error.apology"))]
            if delivery and self._claims is not None:
                # The rollback took the claim too: claim alone, so a redelivery is dropped.
                await self._dedup.claim(msg.channel, delivery, replies_to_json(apology))
            return Answer(apology)
        if self._session_store is None:
            await self._store.set(msg.key, conv.to_dict())  # outside the database: after it
        return Answer(replies, kept=keep is not None)

    async def _turn(
        self,
        msg: IncomingMessage,
        delivery: str | None,
        session: AsyncSession,
        started: float,
        keep: TurnKeeper | None,
    ) -> tuple[list[Reply], Conversation]:
        """Runs one turn on the session; raises _Duplicate or _HandlerFailed to roll back."""
        store = self._session_store.in_session(session) if self._session_store else self._store
        claims = self._claims.in_session(session) if self._claims and delivery else None
        # Claimed already? The state? Held by a person? One statement for all three.
        legs: list[Leg] = []
        if claims is not None and self._claims is not None:
            legs.append(self._claims.opening_leg(msg.channel, delivery or ""))
        if self._session_store is not None:
            legs.append(self._session_store.opening_leg(msg.key))
        if self._observer is not None:
            legs.append(self._observer.held_leg(msg))
        found = await self._opening.read(session, legs)
        if DEDUP in found:
            raise _Duplicate(found[DEDUP])
        saved = found.get(STATE) if self._session_store is not None else await store.get(msg.key)
        conv = self._conversation(saved, msg)
        if self._observer is not None and HELD in found:
            # A person of the OCOP centre holds this chat: they answer, the bot stays quiet.
            # "No replies" is kept too, so a retry is known as answered (web: no 2nd entry).
            await self._observer.record_held(session, msg)
            if claims is not None and not await claims.claim(msg.channel, delivery or "", []):
                raise _Duplicate
            if keep is not None:
                await keep(session, [])
            logger.info("%s turn: held by a person, the bot stays quiet", msg.channel)
            return [], conv
        before = conv.step
        msg = pick_option(msg, conv.options)
        text = (msg.text or "").strip()[: self._settings.max_text_chars]
        command = None
        parse = None
        if msg.payload is None and msg.location is None and text.startswith("/"):
            command = text.split()[0].lower().split("@")[0]
        elif msg.payload is None and msg.location is None:
            parse = await self._parse(text)
        lang = choose_language(conv, parse, msg.language_hint, self._settings.default_lang)
        conv.lang = lang
        turn = Turn(
            msg=msg,
            lang=lang,
            conv=conv,
            session=session,
            notifier=self.notifier,
            i18n=self._i18n,
            settings=self._settings,
            parse=parse,
            payload=parse_payload(msg.payload) if msg.payload is not None else None,
            command_args=text.split()[1:] if command else [],
        )
        try:
            outcome = await self._router.dispatch(turn, command)
        except Exception as exc:
            intent = parse.intent if parse else None
            logger.exception("handler failed (step %s, intent %s)", conv.step, intent)
            raise _HandlerFailed(lang) from exc
        # Claimed last, so SQLite's single writer is held only for the final statements.
        stored = replies_to_json(outcome.replies) if claims is not None else None
        if claims is not None and not await claims.claim(msg.channel, delivery or "", stored):
            raise _Duplicate
        if keep is not None:
            await keep(session, outcome.replies)
        conv.step = outcome.step or IDLE
        conv.options = [b.payload for r in outcome.replies for b in r.buttons if b.url is None]
        if self._session_store is not None:
            await store.set(msg.key, conv.to_dict())
        if self._observer is not None:
            await self._observer.observed(session, msg, parse, before, outcome.replies)
        if logger.isEnabledFor(logging.INFO):  # describe() is work: only when it is kept
            logger.info(
                "%s turn: %s, step %s -> %s, %d replies, %.0f ms",
                msg.channel,
                describe(msg, parse),
                before,
                conv.step,
                len(outcome.replies),
                (time.perf_counter() - started) * 1000,
            )
        return outcome.replies, conv

    def _conversation(self, saved: Any, msg: IncomingMessage) -> Conversation:
        try:
            return Conversation.from_dict(saved if isinstance(saved, dict) else None)
        except (TypeError, ValueError, AttributeError):
            # An unreadable state must not trap the person in apologies: start afresh.
            logger.warning("unreadable state for a %s chat; starting afresh", msg.channel)
            return Conversation()

    async def _parse(self, text: str) -> Parse:
        if not text:
            return Parse(text=text, intent=LOW_CONFIDENCE, confidence=0.0)
        try:
            parse = Parse.from_rasa(text, await self._nlu.parse_async(text))
        except Exception:
            logger.exception("NLU failed on a %d-character message", len(text))
            return Parse(text=text, intent=LOW_CONFIDENCE, confidence=0.0)
        if is_low_confidence(parse, self._settings.threshold):
            guess = next((n for n, _ in parse.ranking if n != "out_of_scope"), parse.intent)
            logger.debug("low confidence %.2f, best guess %s", parse.confidence, guess)
            return replace(parse, intent=LOW_CONFIDENCE, guess=guess)
        return parse


def _cleaned(msg: IncomingMessage) -> IncomingMessage:
    """The message with control characters removed from what the person typed."""
    text = clean_text(msg.text) if msg.text else msg.text
    payload = clean_text(msg.payload) if msg.payload else msg.payload
    if text == msg.text and payload == msg.payload:
        return msg
    return replace(msg, text=text, payload=payload)
