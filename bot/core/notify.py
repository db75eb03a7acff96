"""Messages to OTHER chats (the operator's inbox, later producers and customers).

`Notifier` is the seam: the orders work replaces `ChannelNotifier` with a transactional
outbox table, without touching the handlers.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.core.messages import Channel, ConversationKey, Reply

logger = logging.getLogger(__name__)


class Notifier(Protocol):
    """Delivers replies to a chat address such as "telegram:123456"."""

    async def notify(self, address: str, replies: list[Reply]) -> bool: ...


class ChannelNotifier:
    """Delivers at once through registered channels; a failure is logged, never raised."""

    def __init__(self, channels: list[Channel] | None = None) -> None:
        self._channels: dict[str, Channel] = {}
        for channel in channels or []:
            self.register(channel)

    def register(self, channel: Channel) -> None:
        """Makes `channel` the route for addresses that start with its name."""
        self._channels[channel.name] = channel

    async def notify(self, address: str, replies: list[Reply]) -> bool:
        """Sends `replies` to `address`.

        Args:
            address: "<channel>:<chat id>".
            replies: what to show there.

        Returns:
            True if the channel accepted the messages.
        """
        try:
            key = ConversationKey.parse(address)
        except ValueError:
            logger.warning("notify: not a chat address (%d chars)", len(address))
            return False
        channel = self._channels.get(key.channel)
        if channel is None:
            logger.warning("notify: no channel %s registered", key.channel)
            return False
        try:
            await channel.send(key.chat_id, replies)
        except Exception:
            logger.exception("notify: channel %s failed to deliver", key.channel)
            return False
        return True


class RecordingNotifier:
    """Keeps what would have been sent (tests and the console)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, list[Reply]]] = []

    async def notify(self, address: str, replies: list[Reply]) -> bool:
        self.sent.append((address, list(replies)))
        return True
