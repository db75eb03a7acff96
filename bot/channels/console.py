"""The console chat (`python -m bot chat`): type messages, pick buttons by number."""

from __future__ import annotations

import asyncio
import itertools
import logging
import uuid
from typing import Protocol, TextIO

from bot.core.messages import Button, GeoPoint, IncomingMessage, Reply

logger = logging.getLogger(__name__)

CHANNEL = "console"
CHAT_ID = "local"
QUIT = ("/quit", "/exit")
LOCATION_COMMAND = "/loc"


class Handles(Protocol):
    async def handle(self, msg: IncomingMessage) -> list[Reply]: ...


def render(replies: list[Reply]) -> tuple[str, list[Button]]:
    """Renders replies as text with numbered options; returns the text and the buttons."""
    lines: list[str] = []
    buttons: list[Button] = []
    for reply in replies:
        lines.append(reply.text)
        if reply.location:
            card = reply.location
            where = f" — {card.address}" if card.address else ""
            lines.append(f"📍 {card.title}{where} ({card.lat:.5f}, {card.lon:.5f})")
        if reply.image:
            lines.append(f"🖼 {reply.image.url or reply.image.filename}")
        for button in reply.buttons:
            if button.url is not None:
                lines.append(f"  {button.title}: {button.url}")
                continue
            buttons.append(button)
            lines.append(f"  [{len(buttons)}] {button.title}")
        if reply.request_location:
            lines.append(f"  ({LOCATION_COMMAND} LAT LON)")
    return "\n".join(lines), buttons


class ConsoleChannel:
    """Prints messages addressed to console chats (e.g. an operator on console:local)."""

    name = CHANNEL

    def __init__(self, stdout: TextIO) -> None:
        self._stdout = stdout

    async def send(self, chat_id: str, replies: list[Reply]) -> None:
        text, _ = render(replies)
        self._stdout.write(f"\n[→ {CHANNEL}:{chat_id}]\n{text}\n")
        self._stdout.flush()


def to_message(
    line: str, number: int, buttons: list[Button], run: str = "c"
) -> IncomingMessage | None:
    """Turns one typed line into a message: a number presses a button, /loc shares a place.

    `run` tells this terminal session's message ids from an earlier one's on the same
    database, which the engine would otherwise drop as already answered.
    """
    text = line.strip()
    mid = f"{run}-{number}"
    if text.isdigit() and 1 <= int(text) <= len(buttons):
        return IncomingMessage(
            CHANNEL, CHAT_ID, CHAT_ID, mid, payload=buttons[int(text) - 1].payload
        )
    if text.startswith(LOCATION_COMMAND + " "):
        try:
            lat, lon = (float(part) for part in text.split()[1:3])
        except ValueError:
            return None
        return IncomingMessage(CHANNEL, CHAT_ID, CHAT_ID, mid, location=GeoPoint(lat, lon))
    return IncomingMessage(CHANNEL, CHAT_ID, CHAT_ID, mid, text=text)


async def run_console(engine: Handles, stdin: TextIO, stdout: TextIO) -> None:
    """Chats with the engine over text streams until end of input or /quit.

    Args:
        engine: the conversation engine (anything with `async handle(msg)`).
        stdin: where the person types, e.g. sys.stdin.
        stdout: where replies are printed, e.g. sys.stdout.
    """
    buttons: list[Button] = []
    run = uuid.uuid4().hex[:12]
    for number in itertools.count(1):
        stdout.write("> ")
        stdout.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line or line.strip().lower() in QUIT:
            break
        if not line.strip():
            continue
        msg = to_message(line, number, buttons, run)
        if msg is None:
            stdout.write(f"{LOCATION_COMMAND} LAT LON\n")
            continue
        text, buttons = render(await engine.handle(msg))
        stdout.write(text + "\n")
        stdout.flush()
