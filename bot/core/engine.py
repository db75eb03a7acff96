"""The engine: dedup -> lock -> load state -> NLU -> route -> handler -> save -> replies."""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.dedup import Deduplicator
from bot.core.i18n import I18n
from bot.core.inputs import describe, is_low_confidence, pick_option
from bot.core.language import choose_language
from bot.core.locks import LockProvider
from bot.core.messages import ConversationKey, IncomingMessage, Reply
from bot.core.nlu import NluParser, Parse
from bot.core.notify import Notifier
from bot.core.payloads import parse_payload
from bot.core.router import LOW_CONFIDENCE, Router
from bot.core.state import IDLE, Conversation, StateStore
from bot.core.turn import EngineSettings, Turn

logger = logging.getLogger(__name__)


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

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        """Answers one message; a duplicate (channel, message_id) gets [] and changes nothing.

        Args:
            msg: the neutral message from a channel adapter.

        Returns:
            The replies to show in the sender's chat. Never raises: an unexpected error
            is logged and answered with an apology, and the stored state stays as it was.
        """
        try:
            # Telegram and Zalo number messages per chat, so the chat is part of the id.
            delivery = f"{msg.chat_id}:{msg.message_id}"
            if msg.message_id and not await self._dedup.claim(msg.channel, delivery):
                logger.info("duplicate message %s on %s dropped", msg.message_id, msg.channel)
                return []
            async with self._locks.lock(msg.key):
                return await self._handle_locked(msg)
        except Exception:
            logger.exception("engine failed on a %s message", msg.channel)
            return [Reply(self._i18n.t(self._settings.default_lang, "error.apology"))]

    async def remember_options(self, key: ConversationKey, replies: list[Reply]) -> None:
        """Lets a typed "1" pick a button shown outside a turn.

        Text-only channels (Zalo) call this after delivering an outbox message with
        buttons (a producer's accept/decline ping), since no turn stored its payloads.

        Args:
            key: the chat the replies were delivered to.
            replies: what was shown there.
        """
        payloads = [b.payload for r in replies for b in r.buttons]
        if not payloads:
            return
        async with self._locks.lock(key):
            conv = Conversation.from_dict(await self._store.get(key))
            conv.options = payloads
            await self._store.set(key, conv.to_dict())

    async def _handle_locked(self, msg: IncomingMessage) -> list[Reply]:
        started = time.perf_counter()
        conv = await self._load(msg)
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
        try:
            async with self._sessions() as session, session.begin():
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
                outcome = await self._router.dispatch(turn, command)
        except Exception:
            intent = parse.intent if parse else None
            logger.exception("handler failed (step %s, intent %s)", conv.step, intent)
            return [Reply(self._i18n.t(lang, "error.apology"))]
        conv.step = outcome.step or IDLE
        conv.options = [b.payload for r in outcome.replies for b in r.buttons]
        await self._store.set(msg.key, conv.to_dict())
        logger.info(
            "%s turn: %s, step %s -> %s, %d replies, %.0f ms",
            msg.channel,
            describe(msg, parse),
            before,
            conv.step,
            len(outcome.replies),
            (time.perf_counter() - started) * 1000,
        )
        return outcome.replies

    async def _load(self, msg: IncomingMessage) -> Conversation:
        saved = await self._store.get(msg.key)
        try:
            return Conversation.from_dict(saved)
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
