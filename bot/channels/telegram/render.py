"""Turns neutral `Reply` objects into Bot API calls: HTML text, keyboards, venues, edits."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from aiogram.enums import ParseMode
from aiogram.methods import (
    EditMessageText,
    SendLocation,
    SendMessage,
    SendPhoto,
    SendVenue,
    TelegramMethod,
)
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    LinkPreviewOptions,
    ReplyKeyboardMarkup,
)

from bot.channels.telegram.callback_data import CallbackCodec
from bot.channels.telegram.texts import TelegramTexts
from bot.channels.telegram.textsplit import split_text, utf16_len
from bot.core.images import Image
from bot.core.messages import Button, LocationCard, Reply

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# sendPhoto's caption: 0-1024 characters after entities parsing (UTF-16 units).
MAX_CAPTION_UNITS = 1024


def escape(text: str) -> str:
    """Escapes a catalog or user string for HTML parse mode."""
    return html.escape(text, quote=False)


class Renderer:
    """Renders replies with Telegram's widgets; every string is escaped, nothing trusted."""

    def __init__(self, codec: CallbackCodec, texts: TelegramTexts) -> None:
        self._codec = codec
        self._texts = texts

    def inline_keyboard(self, buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
        """One button per row; callback_data always within 64 bytes."""
        if not buttons:
            return None
        rows = [[self._button(b)] for b in buttons]
        return InlineKeyboardMarkup(inline_keyboard=rows)

    def _button(self, button: Button) -> InlineKeyboardButton:
        """A URL button opens its page; any other sends its payload back."""
        if button.url is not None:
            return InlineKeyboardButton(text=button.title, url=button.url)
        return InlineKeyboardButton(
            text=button.title, callback_data=self._codec.encode(button.payload)
        )

    def location_keyboard(self, language: str | None) -> ReplyKeyboardMarkup:
        """A reply keyboard whose one button shares the user's location."""
        button = KeyboardButton(text=self._texts.get("near_me", language), request_location=True)
        return ReplyKeyboardMarkup(
            keyboard=[[button]], resize_keyboard=True, one_time_keyboard=True
        )

    def messages(
        self, chat_id: str, reply: Reply, language: str | None = None
    ) -> list[TelegramMethod[Any]]:
        """Renders one reply as the messages to send, in order."""
        if reply.image is not None:
            return self._with_photo(chat_id, reply, language)
        methods: list[TelegramMethod[Any]] = []
        inline = self.inline_keyboard(reply.buttons)
        # Telegram allows location request buttons in private chats only.
        ask_location = reply.request_location and not chat_id.startswith("-")
        chunks = split_text(reply.text) if reply.text.strip() else []
        if not chunks and inline is not None:  # Telegram needs a text to hang buttons on
            chunks = [self._texts.get("choose", language)]
        for number, chunk in enumerate(chunks, start=1):
            last = number == len(chunks)
            markup: Any = inline if last else None
            if last and ask_location and inline is None:
                markup = self.location_keyboard(language)
            methods.append(self._text(chat_id, chunk, markup))
        if ask_location and (inline is not None or not chunks):
            prompt = self._texts.get("near_me_prompt", language)
            methods.append(self._text(chat_id, prompt, self.location_keyboard(language)))
        if reply.location is not None:
            methods.append(self.venue(chat_id, reply.location))
        return methods

    def _with_photo(
        self, chat_id: str, reply: Reply, language: str | None
    ) -> list[TelegramMethod[Any]]:
        """A photo first: with the text as its caption and the buttons under it when the
        text fits 1024 units, else bare, the text following as messages."""
        assert reply.image is not None
        rest = replace(reply, image=None)
        caption = reply.text if reply.text.strip() else None
        markup: Any = None
        if caption is not None and utf16_len(caption) <= MAX_CAPTION_UNITS:
            inline = self.inline_keyboard(reply.buttons)
            ask_location = reply.request_location and not chat_id.startswith("-")
            markup = inline or (self.location_keyboard(language) if ask_location else None)
            rest = replace(
                rest, text="", buttons=(), request_location=ask_location and bool(inline)
            )
        else:
            caption = None
        photo = self.photo(chat_id, reply.image, caption, markup)
        return [photo, *self.messages(chat_id, rest, language)]

    @staticmethod
    def photo(chat_id: str, image: Image, caption: str | None, markup: Any) -> SendPhoto:
        """sendPhoto with a URL Telegram fetches, or the PNG uploaded."""
        photo: Any = image.url
        if image.png is not None:
            photo = BufferedInputFile(image.png, filename=image.filename)
        return SendPhoto(
            chat_id=chat_id,
            photo=photo,
            caption=escape(caption) if caption else None,
            parse_mode=ParseMode.HTML if caption else None,
            reply_markup=markup,
        )

    def edit(self, chat_id: str, message_id: int, reply: Reply) -> EditMessageText | None:
        """Renders a reply as an in-place edit; None when it cannot be one message."""
        if reply.location or reply.request_location or reply.image or not reply.text.strip():
            return None
        chunks = split_text(reply.text)
        if len(chunks) != 1:
            return None
        return EditMessageText(
            chat_id=chat_id,
            message_id=message_id,
            text=escape(chunks[0]),
            parse_mode=ParseMode.HTML,
            reply_markup=self.inline_keyboard(reply.buttons),
            link_preview_options=NO_PREVIEW,
        )

    @staticmethod
    def venue(chat_id: str, card: LocationCard) -> TelegramMethod[Any]:
        """A location card as a venue (a bare pin when it has no title)."""
        if not card.title:
            return SendLocation(chat_id=chat_id, latitude=card.lat, longitude=card.lon)
        return SendVenue(
            chat_id=chat_id,
            latitude=card.lat,
            longitude=card.lon,
            title=card.title,
            address=card.address or card.title,
        )

    @staticmethod
    def _text(chat_id: str, chunk: str, markup: Any) -> SendMessage:
        return SendMessage(
            chat_id=chat_id,
            text=escape(chunk),
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            link_preview_options=NO_PREVIEW,
        )
