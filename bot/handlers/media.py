"""Messages the bot cannot read (stickers, voice, photos, files)."""

from __future__ import annotations

from bot.core.media import UNSUPPORTED_ROUTE
from bot.core.router import Router
from bot.core.turn import Outcome, Turn


async def explain_unsupported(turn: Turn) -> Outcome:
    """Says what the bot understands; the conversation stays where it was."""
    return Outcome([turn.say("media.unsupported")], turn.conv.step)


def setup(router: Router) -> None:
    """Registers the answer to unreadable messages."""
    router.on_payload(UNSUPPORTED_ROUTE, explain_unsupported)
