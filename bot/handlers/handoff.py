"""A person at the OCOP centre: how to reach them, and the request forwarded to their inbox."""

from __future__ import annotations

import logging

from bot.core.messages import Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.context import catalog
from bot.handlers.menu import menu_button
from catalog.console import Inbox, OperatorAccounts
from catalog.orders import utc_now
from catalog.orders.reach import staff_can_receive

logger = logging.getLogger(__name__)


async def hand_off(turn: Turn) -> Outcome:
    """Tells how to reach the OCOP centre and forwards the request to the operator."""
    centres = await catalog(turn).places(kinds=("ocop_center",))
    lines = [turn.t("handoff.contact")]
    lines += [f"• {render.place_line(turn, place)}" for place in centres]
    forwarded = await _to_console(turn)
    forwarded = await _forward(turn) or forwarded  # orders.operator stays an extra ping
    if forwarded:
        lines.append(turn.t("convo.handoff.forwarded", hours=turn.settings.reply_hours))
    else:
        lines.append(turn.t("handoff.not_forwarded"))
    return Outcome([Reply("\n".join(lines), (menu_button(turn),))])


async def _to_console(turn: Turn) -> bool:
    """Opens (or refreshes) the chat's hand-off in the console's inbox; True if anyone reads it."""
    text = turn.msg.text or turn.i18n.t(turn.settings.default_lang, "handoff.button_pressed")
    await Inbox(turn.session).add_handoff(str(turn.msg.key), text, utc_now(), turn.lang)
    return await OperatorAccounts(turn.session).any_active()


async def _forward(turn: Turn) -> bool:
    operator = turn.settings.operator
    if not operator or not await staff_can_receive(turn.session, operator):
        return False
    lang = turn.settings.default_lang
    focus = ", ".join(turn.memory.products[:2]) or "—"
    text = turn.i18n.t(
        lang,
        "handoff.to_operator",
        chat=str(turn.msg.key),
        user=turn.msg.user_id,
        lang=turn.lang,
        focus=focus,
        text=turn.msg.text or turn.i18n.t(lang, "handoff.button_pressed"),
    )
    delivered = await turn.notifier.notify(operator, [Reply(text)])
    if not delivered:
        logger.warning(
            "handoff from a %s chat was not delivered to the operator", turn.msg.channel
        )
    return delivered


def setup(router: Router) -> None:
    """Registers the request for a person."""
    router.on_intent("human_handoff", hand_off)
    router.on_payload("nav:handoff", hand_off)
