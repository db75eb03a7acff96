"""What the real Bot API refuses, checked by the fake before it answers.

From https://core.telegram.org/bots/api (sendMessage: "Text of the message to be sent,
1-4096 characters after entities parsing"; sendPhoto: "Photo caption ... 0-1024 characters
after entities parsing"; InlineKeyboardButton.callback_data: "1-64 bytes"; setWebhook:
secret_token "1-256 characters. Only characters A-Z, a-z, 0-9, _ and - are allowed";
"Formatting options", HTML style: only the listed tags, and every <, > and & that is not
part of a tag or an entity must be escaped as &lt; &gt; &amp;, else 400 "Bad Request:
can't parse entities: ..."). Lengths are counted in UTF-16 code units, as Telegram does.
"""

from __future__ import annotations

import html
import re
from typing import Any

TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
    "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>")
ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]+|#x[0-9A-Fa-f]+);")
SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # setWebhook's secret_token
MAX_TEXT, MAX_CAPTION, MAX_CALLBACK_BYTES = 4096, 1024, 64


class BadRequest(Exception):
    """The description of a 400 answer."""


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def visible_text(marked_up: str) -> str:
    """The text a person sees after HTML entities parsing; BadRequest if it cannot parse."""
    shown: list[str] = []
    open_tags: list[str] = []
    index = 0
    while index < len(marked_up):
        char = marked_up[index]
        if char == "<":
            tag = TAG.match(marked_up, index)
            name = tag.group(2).lower() if tag else ""
            if tag is None or name not in TAGS:
                where = _offset(marked_up, index)
                raise BadRequest(
                    f"can't parse entities: Unsupported start tag at byte offset {where}"
                )
            if tag.group(1):
                if not open_tags or open_tags.pop() != name:
                    where = _offset(marked_up, index)
                    raise BadRequest(
                        f"can't parse entities: Unexpected end tag at byte offset {where}"
                    )
            else:
                open_tags.append(name)
            index = tag.end()
        elif char == "&":
            entity = ENTITY.match(marked_up, index)
            if entity is None:
                where = _offset(marked_up, index)
                raise BadRequest(
                    f"can't parse entities: Character '&' is reserved at byte offset {where}"
                )
            shown.append(html.unescape(entity.group(0)))
            index = entity.end()
        elif char == ">":
            where = _offset(marked_up, index)
            raise BadRequest(
                f"can't parse entities: Character '>' is reserved at byte offset {where}"
            )
        else:
            shown.append(char)
            index += 1
    if open_tags:
        raise BadRequest(
            f"can't parse entities: Can't find end tag corresponding to start tag {open_tags[-1]}"
        )
    return "".join(shown)


def _shown(params: dict[str, Any], key: str) -> str:
    value = str(params.get(key) or "")
    return visible_text(value) if params.get("parse_mode") == "HTML" else value


def check(method: str, params: dict[str, Any]) -> None:
    """Raises BadRequest with Telegram's description for what it would refuse."""
    if method in ("sendMessage", "editMessageText"):
        text = _shown(params, "text")
        if not text.strip():
            raise BadRequest("message text is empty")
        if units(text) > MAX_TEXT:
            raise BadRequest("message is too long")
    if method == "sendPhoto" and units(_shown(params, "caption")) > MAX_CAPTION:
        raise BadRequest("message caption is too long")
    secret = params.get("secret_token")
    if method == "setWebhook" and secret is not None and not SECRET.fullmatch(str(secret)):
        raise BadRequest("secret token contains unallowed characters")
    markup = params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if not button.get("text"):
                raise BadRequest("BUTTON_TEXT_EMPTY")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_BYTES:
                raise BadRequest("BUTTON_DATA_INVALID")
