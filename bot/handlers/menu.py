"""The buttons of the main journeys, shared by every handler."""

from __future__ import annotations

from bot.core.messages import Button
from bot.core.turn import Turn


def menu_button(turn: Turn) -> Button:
    return turn.button("button.menu", "nav:help")


def journey_buttons(turn: Turn) -> tuple[Button, ...]:
    """The main journeys: products, shops, tourism, a person at the OCOP centre."""
    return (
        turn.button("button.products", "nav:products"),
        turn.button("button.shops", "nav:shops"),
        turn.button("button.tourism", "nav:tourism"),
        turn.button("button.handoff", "nav:handoff"),
    )
