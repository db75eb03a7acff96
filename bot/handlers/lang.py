"""Language switching: `/lang vi|en` and the language buttons."""

from __future__ import annotations

from bot.core.i18n import LANGUAGES
from bot.core.language import normalise
from bot.core.messages import Reply
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.menu import journey_buttons


async def switch_language(turn: Turn) -> Outcome:
    """Switches and pins the chat's language, or offers the choice."""
    wanted = normalise(turn.command_args[0]) if turn.command_args else None
    if wanted is None:
        buttons = tuple(
            turn.button(f"lang.name.{code}", make_payload("lang", code)) for code in LANGUAGES
        )
        return Outcome([Reply(turn.t("lang.choose"), buttons)])
    return _switch(turn, wanted)


async def switch_language_button(turn: Turn) -> Outcome:
    """Switches and pins the language on the pressed button."""
    action = turn.payload.route.split(":")[1] if turn.payload else ""
    wanted = normalise(action)
    if wanted is None:
        return Outcome([Reply(turn.t("lang.choose"))])
    return _switch(turn, wanted)


def _switch(turn: Turn, wanted: str) -> Outcome:
    turn.lang = turn.conv.lang = wanted
    turn.conv.lang_pinned = True
    return Outcome([Reply(turn.t("lang.switched"), journey_buttons(turn))])


def setup(router: Router) -> None:
    """Registers /lang and the language buttons."""
    router.on_command("/lang", switch_language)
    for code in LANGUAGES:
        router.on_payload(f"lang:{code}", switch_language_button)
