"""What a handler receives (one Turn) and what it gives back (an Outcome)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.i18n import I18n
from bot.core.messages import Button, IncomingMessage, Reply
from bot.core.nlu import Parse
from bot.core.notify import Notifier
from bot.core.payloads import Payload
from bot.core.state import Conversation, Memory


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """The settings values the engine and handlers use (filled by the composition root)."""

    threshold: float = 0.45
    operator: str | None = None
    max_text_chars: int = 2000
    default_lang: str = "vi"
    page_size: int = 5
    max_quantity: int = 100  # orders.max_quantity: the most of one product in one order
    # orders.escalate_after in hours: when a customer can expect an answer to an order.
    reply_hours: int = 6
    # Turns run at once (None: no limit). With the built-in NLU a turn is CPU on the one
    # event loop: more at once only make each turn's database trips wait behind the others.
    max_concurrent_turns: int | None = None
    telegram_bot_username: str | None = None  # for t.me deep links in invite QR codes
    # Today's date for "upcoming" fairs and festivals; tests set a fixed day.
    today: Callable[[], date] = date.today


@dataclass(slots=True)
class Outcome:
    """A handler's answer: the replies to show and the conversation's next step."""

    replies: list[Reply]
    step: str | None = None  # None: back to idle


@dataclass(slots=True)
class Turn:
    """One incoming message with everything a handler may use; no transport types."""

    msg: IncomingMessage
    lang: str
    conv: Conversation
    session: AsyncSession
    notifier: Notifier
    i18n: I18n
    settings: EngineSettings
    parse: Parse | None = None
    payload: Payload | None = None
    command_args: list[str] = field(default_factory=list)

    @property
    def memory(self) -> Memory:
        return self.conv.memory

    @property
    def intent(self) -> str | None:
        return self.parse.intent if self.parse else None

    def t(self, key: str, /, **params: Any) -> str:
        """Returns the catalog sentence `key` in the chat's language."""
        return self.i18n.t(self.lang, key, **params)

    def button(self, key: str, payload: str, /, **params: Any) -> Button:
        """Builds a button whose title is the catalog sentence `key`."""
        return Button(self.t(key, **params), payload)

    def say(self, key: str, *buttons: Button, **params: Any) -> Reply:
        """Builds a reply from the catalog sentence `key` with optional buttons."""
        return Reply(self.t(key, **params), buttons=tuple(buttons))
