"""Routes a turn to its handler by (intent, step), button payload, command or location.

Flows are state tables: each handler module's `setup(router)` registers its rows, and the
fallback is registered last.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.core.inputs import LOW_CONFIDENCE
from bot.core.turn import Outcome, Turn

__all__ = ["ANY_STEP", "LOCATION", "LOW_CONFIDENCE", "Handler", "Hook", "Router"]

Handler = Callable[[Turn], Awaitable[Outcome]]
Hook = Callable[[Turn], Awaitable[None]]
ANY_STEP = "*"
LOCATION = "location"


class Router:
    """A table from (intent, step), payload route and command to handlers."""

    def __init__(self) -> None:
        self._intents: dict[tuple[str, str], Handler] = {}
        self._payloads: dict[str, Handler] = {}
        self._commands: dict[str, Handler] = {}
        self._fallback: Handler | None = None
        self._hooks: list[Hook] = []

    def before(self, hook: Hook) -> None:
        """Runs `hook` on every turn before its handler (e.g. to normalise entities)."""
        self._hooks.append(hook)

    async def dispatch(self, turn: Turn, command: str | None = None) -> Outcome:
        """Runs the hooks, then the handler `resolve` picks."""
        for hook in self._hooks:
            await hook(turn)
        return await self.resolve(turn, command)(turn)

    def on_intent(self, intent: str, handler: Handler, *, step: str = ANY_STEP) -> None:
        """Serves `intent` with `handler` in conversation step `step` (any by default)."""
        self._intents[(intent, step)] = handler

    def serves(self, intent: str, step: str = ANY_STEP) -> bool:
        """True if a handler is registered for (intent, step)."""
        return (intent, step) in self._intents

    def on_payload(self, route: str, handler: Handler) -> None:
        """Serves button payloads whose `topic:action` is `route`."""
        self._payloads[route] = handler

    def on_command(self, command: str, handler: Handler) -> None:
        """Serves a slash command such as "/lang"."""
        self._commands[command.lower()] = handler

    def on_location(self, handler: Handler, *, step: str = ANY_STEP) -> None:
        """Serves a shared location."""
        self._intents[(LOCATION, step)] = handler

    def set_fallback(self, handler: Handler) -> None:
        """Serves everything nothing else serves; register it last."""
        self._fallback = handler

    def resolve(self, turn: Turn, command: str | None = None) -> Handler:
        """Picks the handler for a turn.

        Args:
            turn: the turn, with its parse or payload already filled in.
            command: the slash command of the message, lower-cased, if any.

        Returns:
            The most specific handler: command, payload, (intent, step), (intent, any step),
            then the fallback.
        """
        if self._fallback is None:
            raise RuntimeError("router has no fallback handler; call set_fallback last")
        if command is not None:
            return self._commands.get(command, self._fallback)
        if turn.payload is not None:
            return self._payloads.get(turn.payload.route, self._fallback)
        intent = LOCATION if turn.msg.location is not None else turn.intent
        if intent is None:
            return self._fallback
        step = turn.conv.step
        return (
            self._intents.get((intent, step))
            or self._intents.get((intent, ANY_STEP))
            or self._fallback
        )

    @property
    def payload_routes(self) -> set[str]:
        return set(self._payloads)
