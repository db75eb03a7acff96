"""A scripted stand-in for the engine, for the Telegram and Zalo transport tests."""

from __future__ import annotations

from collections.abc import Callable

from bot.core.messages import ConversationKey, IncomingMessage, Reply

Script = Callable[[IncomingMessage], list[Reply]]


def echo(msg: IncomingMessage) -> list[Reply]:
    """Says back what came in."""
    if msg.payload is not None:
        return [Reply(f"payload {msg.payload}")]
    if msg.location is not None:
        return [Reply(f"location {msg.location.lat},{msg.location.lon}")]
    if msg.contact_phone is not None:
        return [Reply(f"phone {msg.contact_phone}")]
    return [Reply(f"echo {msg.text}")]


class FakeEngine:
    """Answers from a script and remembers what it got; drops a repeated
    (channel, chat, message id) like the real engine does."""

    def __init__(self, script: Script | None = None) -> None:
        self.script = script or echo
        self.received: list[IncomingMessage] = []
        self.remembered: list[tuple[str, list[str]]] = []
        self._seen: set[tuple[str, str, str]] = set()

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        key = (msg.channel, msg.chat_id, msg.message_id)
        if key in self._seen:
            return []
        self._seen.add(key)
        self.received.append(msg)
        return self.script(msg)

    async def remember_options(self, key: ConversationKey, replies: list[Reply]) -> None:
        """Records the options a channel showed in a ping (Zalo's numbered options)."""
        self.remembered.append((str(key), [b.payload for r in replies for b in r.buttons]))
