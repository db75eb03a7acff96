"""The web chat channel: an embeddable JSON API plus a chat page, on aiohttp."""

from bot.channels.web.channel import WebChannel
from bot.channels.web.mailbox import Mailbox, MemoryMailbox
from bot.channels.web.protocols import ChatEngine, SessionStore
from bot.channels.web.sessions import MemorySessionStore
from bot.channels.web.sql_sessions import SqlSessionStore
from bot.channels.web.sql_transcript import SqlTranscript
from bot.channels.web.transcript import MemoryTranscript, Transcript

__all__ = [
    "ChatEngine",
    "Mailbox",
    "MemoryMailbox",
    "MemorySessionStore",
    "MemoryTranscript",
    "SessionStore",
    "SqlSessionStore",
    "SqlTranscript",
    "Transcript",
    "WebChannel",
]
