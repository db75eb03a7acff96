"""The console chat: numbered options, /loc, /quit, and the console notifier channel."""

from __future__ import annotations

import io

from bot.channels.console import ConsoleChannel, run_console
from bot.core.messages import Button, IncomingMessage, LocationCard, Reply


class EchoEngine:
    def __init__(self) -> None:
        self.seen: list[IncomingMessage] = []

    async def handle(self, msg: IncomingMessage) -> list[Reply]:
        self.seen.append(msg)
        buttons = (Button("Trà", "p:cat:tea"), Button("Menu", "nav:help"))
        card = LocationCard(20.9, 107.1, "OCOP", "Hạ Long") if msg.location else None
        return [Reply(f"got {msg.text or msg.payload or 'location'}", buttons, location=card)]


async def test_console_numbers_pick_buttons_and_loc_shares_location() -> None:
    engine = EchoEngine()
    out = io.StringIO()
    await run_console(
        engine, io.StringIO("xin chào\n2\n\n/loc 20.95 107.08\n9\n/quit\nafter\n"), out
    )
    assert [m.text for m in engine.seen] == ["xin chào", None, None, "9"]
    assert engine.seen[1].payload == "nav:help"
    assert engine.seen[2].location is not None and engine.seen[2].location.lat == 20.95
    assert len({m.message_id for m in engine.seen}) == 4
    text = out.getvalue()
    assert "[1] Trà" in text and "[2] Menu" in text and "📍 OCOP — Hạ Long" in text


async def test_console_channel_prints_notifications() -> None:
    out = io.StringIO()
    await ConsoleChannel(out).send("operator", [Reply("ping")])
    assert "console:operator" in out.getvalue() and "ping" in out.getvalue()


async def test_a_second_terminal_session_is_not_taken_for_the_first_ones_messages() -> None:
    """`python -m bot chat` run twice on one database: the engine de-duplicates by id."""
    engine = EchoEngine()
    for _ in range(2):
        await run_console(engine, io.StringIO("xin chào\nmua ở đâu\n"), io.StringIO())
    assert len({m.message_id for m in engine.seen}) == 4
