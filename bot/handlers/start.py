"""Greeting, help, thanks and goodbye, with buttons for the main journeys."""

from __future__ import annotations

from bot.core.messages import Button, Reply
from bot.core.payloads import make_payload
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from bot.handlers import render
from bot.handlers.menu import journey_buttons, menu_button
from bot.handlers.producer import link_inbox
from catalog.enums import CATEGORIES


async def greet_user(turn: Turn) -> Outcome:
    """Greets the person and shows the main journeys (`/start link_CODE` links a producer)."""
    args = turn.command_args
    if args and args[0].lower().startswith("link_"):  # a Telegram deep link from an invite QR
        turn.command_args = [args[0][len("link_") :]]
        return await link_inbox(turn)
    return Outcome([Reply(turn.t("start.greet"), journey_buttons(turn))])


async def show_help(turn: Turn) -> Outcome:
    """Says what the bot can do, with the main journeys."""
    return Outcome([Reply(turn.t("start.help"), journey_buttons(turn))])


async def thank_user(turn: Turn) -> Outcome:
    """Answers thanks."""
    return Outcome([Reply(turn.t("start.thanks"), journey_buttons(turn))])


async def say_goodbye(turn: Turn) -> Outcome:
    """Says goodbye and forgets the pending choice."""
    turn.memory.candidates = []
    turn.memory.pending = None
    return Outcome([Reply(turn.t("start.goodbye"))])


async def show_categories(turn: Turn) -> Outcome:
    """Asks what kind of product, one button per category."""
    buttons = tuple(
        Button(render.category_name(turn, c), make_payload("p", "cat", c)) for c in CATEGORIES
    )
    gifts = turn.button("button.gift_ideas", "p:gift")
    return Outcome([Reply(turn.t("start.products"), (*buttons, gifts, menu_button(turn)))])


def setup(router: Router) -> None:
    """Registers greeting, help, thanks, goodbye and the main menu."""
    router.on_intent("greet", greet_user)
    router.on_intent("help", show_help)
    router.on_intent("thanks", thank_user)
    router.on_intent("goodbye", say_goodbye)
    router.on_command("/start", greet_user)
    router.on_command("/help", show_help)
    router.on_payload("nav:help", show_help)
    router.on_payload("nav:products", show_categories)
