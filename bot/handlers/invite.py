"""Producer invites from the operator's chat: `/invite <producer id>` answers with the one-time
code and, when the Telegram bot's username is known, a QR code of the deep link that links
the producer's Telegram chat in one tap. `/start link_<CODE>` (what the deep link sends)
links like `/link CODE`."""

from __future__ import annotations

from bot.core.images import Image
from bot.core.messages import Reply
from bot.core.qr import LINK_PREFIX, invite_deep_link, qr_png
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers.orders_common import address_of, order_service
from bot.handlers.producer import link_inbox
from bot.handlers.start import greet_user
from catalog.orders import UnknownProducer


async def create_invite(turn: Turn) -> Outcome:
    """Makes a one-time invite code for a producer (the operator's chat only)."""
    if not turn.settings.operator or address_of(turn) != turn.settings.operator:
        return Outcome([turn.say("invite.operator_only")])
    producer_id = "".join(turn.command_args[:1])
    if not producer_id:
        return Outcome([turn.say("invite.usage")])
    try:
        invite = await order_service(turn).create_invite(producer_id)
    except UnknownProducer:
        return Outcome([turn.say("invite.unknown_producer", producer=producer_id)])
    expires = invite.expires_at.strftime("%H:%M %d/%m/%Y UTC")
    text = turn.t("invite.created", producer=producer_id, code=invite.code, expires=expires)
    username = turn.settings.telegram_bot_username
    link = invite_deep_link(username, invite.code) if username else None
    if link is None:
        return Outcome([Reply(text)])
    text += "\n" + turn.t("invite.qr", link=link)
    image = Image.from_png(qr_png(link), filename=f"invite-{producer_id}.png")
    return Outcome([Reply(text, image=image)])


async def start_or_link(turn: Turn) -> Outcome:
    """Greets, or links the chat when /start carries an invite (`/start link_<CODE>`)."""
    argument = turn.command_args[0] if turn.command_args else ""
    if argument.startswith(LINK_PREFIX) and len(argument) > len(LINK_PREFIX):
        turn.command_args = [argument[len(LINK_PREFIX) :]]
        return await link_inbox(turn)
    return await greet_user(turn)


def setup(router: Router) -> None:
    """Registers /invite, and /start over the start module's (it still greets)."""
    router.on_command("/invite", create_invite)
    router.on_command("/start", start_or_link)
