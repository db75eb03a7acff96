"""aiogram handlers: convert an update, ask the engine, render and send its replies."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Router
from aiogram.enums import ChatAction
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendChatAction
from aiogram.types import CallbackQuery, Message, Update

from bot.channels.telegram.callback_data import CallbackCodec
from bot.channels.telegram.convert import CHANNEL, BotIdentity, from_callback, from_message
from bot.channels.telegram.protocols import ChatMoved, MessageHandler, ignore_move
from bot.channels.telegram.render import Renderer
from bot.channels.telegram.sender import Sender
from bot.channels.telegram.texts import TelegramTexts
from bot.core.messages import IncomingMessage, Reply

logger = logging.getLogger(__name__)


class UpdateHandlers:
    """The adapter's only aiogram handlers; no business logic, just conversion."""

    def __init__(
        self,
        engine: MessageHandler,
        sender: Sender,
        renderer: Renderer,
        codec: CallbackCodec,
        texts: TelegramTexts,
        typing_after: float = 0.5,
        chat_moved: ChatMoved = ignore_move,
    ) -> None:
        self._engine = engine
        self._chat_moved = chat_moved
        self._sender = sender
        self._renderer = renderer
        self._codec = codec
        self._texts = texts
        self._typing_after = typing_after

    def router(self) -> Router:
        """A router with the message and callback query handlers registered."""
        router = Router(name="telegram-adapter")
        router.message.register(self.on_message)
        router.callback_query.register(self.on_callback)
        return router

    async def on_message(self, message: Message, event_update: Update, bot: Bot) -> None:
        """Answers a text, command, shared location or contact; follows a group's upgrade."""
        if await self._follow_migration(message):
            return
        incoming = from_message(event_update.update_id, message, await self._identity(bot))
        if incoming is None:
            return
        replies = await self._ask(incoming)
        await self._deliver(incoming, replies)

    async def _follow_migration(self, message: Message) -> bool:
        """A group upgraded to a supergroup gets a new id: its links follow it. Telegram
        posts migrate_to_chat_id in the old chat and migrate_from_chat_id in the new."""
        if message.migrate_to_chat_id is not None:
            old, new = message.chat.id, message.migrate_to_chat_id
        elif message.migrate_from_chat_id is not None:
            old, new = message.migrate_from_chat_id, message.chat.id
        else:
            return False
        try:
            await self._chat_moved(f"{CHANNEL}:{old}", f"{CHANNEL}:{new}")
        except Exception:
            logger.exception("telegram: could not move a migrated group's links")
        return True

    @staticmethod
    async def _identity(bot: Bot) -> BotIdentity:
        """Who the bot is (cached by aiogram); unknown while Telegram cannot be reached."""
        try:
            me = await bot.me()
        except TelegramAPIError as exc:
            logger.warning("getMe failed (%s); answering private chats only", type(exc).__name__)
            return BotIdentity(0, "")
        return BotIdentity(me.id, me.username or "")

    async def on_callback(self, query: CallbackQuery, event_update: Update) -> None:
        """Answers a pressed button: always acknowledges it, edits in place when paging."""
        payload = self._codec.decode(query.data)
        language = query.from_user.language_code
        expired = None if payload else self._texts.get("button_expired", language)
        answer = AnswerCallbackQuery(
            callback_query_id=query.id, text=expired, show_alert=expired is not None
        )
        try:
            await self._sender.call(answer)
        except TelegramAPIError as exc:
            logger.warning("answerCallbackQuery failed: %s", type(exc).__name__)
        if payload is None:
            return
        incoming = from_callback(event_update.update_id, query, payload)
        replies = await self._ask(incoming)
        message = query.message
        editable = message.message_id if isinstance(message, Message) else None
        await self._deliver(incoming, replies, editable)

    async def _ask(self, incoming: IncomingMessage) -> list[Reply]:
        """Asks the engine; shows "typing…" if it takes a moment."""
        task = asyncio.create_task(self._engine.handle(incoming))
        done, _ = await asyncio.wait({task}, timeout=self._typing_after)
        if not done:
            action = SendChatAction(chat_id=incoming.chat_id, action=ChatAction.TYPING)
            try:
                await self._sender.call(action)
            except TelegramAPIError as exc:
                logger.debug("sendChatAction failed: %s", type(exc).__name__)
        return await task

    async def _edit(self, edit: EditMessageText, chat_id: str) -> bool:
        """Edits a message in place; False when Telegram refuses (then a new message goes)."""
        try:
            await self._sender.call(edit, chat_id=chat_id)
        except TelegramBadRequest as exc:
            if "not modified" in exc.message:
                return True
            logger.info("edit refused (%s), sending a new message", exc.message)
            return False
        return True

    async def _deliver(
        self, incoming: IncomingMessage, replies: list[Reply], editable: int | None = None
    ) -> None:
        """Sends the replies in order; a paging reply to a button edits that message."""
        chat_id = incoming.chat_id
        try:
            async with self._sender.chat(chat_id):
                if editable is not None and replies and replies[0].replace_previous:
                    edit = self._renderer.edit(chat_id, editable, replies[0])
                    if edit is not None and await self._edit(edit, chat_id):
                        replies = replies[1:]
                for reply in replies:
                    for method in self._renderer.messages(chat_id, reply, incoming.language_hint):
                        await self._sender.call(method, chat_id=chat_id)
        except TelegramAPIError as exc:
            logger.error("could not answer chat %s: %s", chat_id, type(exc).__name__)
