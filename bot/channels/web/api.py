"""The chat API's request handlers: sessions, messages and the updates long poll."""

from __future__ import annotations

import hashlib
import logging
import math
import uuid

from aiohttp import web

from bot.channels.web.codec import (
    BadRequest,
    ChatInput,
    parse_after,
    parse_chat_input,
    render_reply,
)
from bot.channels.web.http import (
    BodyTooLarge,
    bearer_token,
    error_response,
    json_response,
    read_json,
)
from bot.channels.web.mailbox import Mailbox
from bot.channels.web.protocols import ChatEngine, Keeper, SessionStore
from bot.channels.web.ratelimit import RateLimiter, retry_after_header
from bot.channels.web.replay import ReplayCache, Result
from bot.channels.web.sessions import CHANNEL, hash_token, issue_session
from bot.channels.web.transcript import Transcript, bot_entries, user_entry
from bot.config import WebSettings
from bot.core.messages import IncomingMessage, Reply

logger = logging.getLogger(__name__)

MAX_WAIT_SECONDS = 25.0
UNAUTHORIZED = {"WWW-Authenticate": 'Bearer realm="ocopbot"'}


class ChatApi:
    """Converts HTTP requests to IncomingMessage and replies to JSON; no business logic."""

    def __init__(
        self,
        engine: ChatEngine,
        settings: WebSettings,
        sessions: SessionStore,
        mailbox: Mailbox,
        limiter: RateLimiter,
        transcript: Transcript,
    ) -> None:
        self._engine = engine
        self._transcript = transcript
        self._settings = settings
        self._sessions = sessions
        self._mailbox = mailbox
        self._limiter = limiter
        self._replay = ReplayCache()
        self._new_sessions = RateLimiter(
            settings.sessions_per_minute, settings.sessions_per_minute, clock=limiter.clock
        )

    async def create_session(self, request: web.Request) -> web.Response:
        """Issues a new anonymous session: ``201 {"token", "user"}`` (429 past the
        per-address rate, so new sessions are no way around the per-session limit)."""
        wait = self._new_sessions.acquire(self._client_address(request))
        if wait > 0:
            headers = {"Retry-After": retry_after_header(wait)}
            return error_response(
                429,
                "rate_limited",
                "too many new sessions; slow down",
                headers,
                retry_after=math.ceil(wait),
            )
        issued = issue_session()
        await self._sessions.create(hash_token(issued.token), issued.chat_id)
        logger.info("web chat: new session %s", issued.user)
        return json_response({"token": issued.token, "user": issued.user}, status=201)

    async def post_message(self, request: web.Request) -> web.Response:
        """Hands one message to the engine and returns its replies."""
        chat_id = await self._authenticate(request)
        if chat_id is None:
            return error_response(401, "unauthorized", "missing or unknown token", UNAUTHORIZED)
        wait = self._limiter.acquire(chat_id)
        if wait > 0:
            headers = {"Retry-After": retry_after_header(wait)}
            return error_response(
                429,
                "rate_limited",
                "too many messages; slow down",
                headers,
                retry_after=math.ceil(wait),
            )
        try:
            body = await read_json(request, self._settings.max_body_bytes)
            chat_input = parse_chat_input(body, self._settings.max_text_chars)
        except BodyTooLarge:
            limit = self._settings.max_body_bytes
            return error_response(413, "too_large", f"the body is over {limit} bytes")
        except BadRequest as exc:
            return error_response(400, exc.code, exc.message, **exc.extra)
        try:
            if chat_input.client_id is None:
                replies = await self._handle(chat_id, chat_input, uuid.uuid4().hex)
            else:
                message_id = _message_id(chat_id, chat_input.client_id)
                replies = await self._replay.run(
                    message_id, lambda: self._handle(chat_id, chat_input, message_id)
                )
        except Exception:
            logger.exception("web chat: the engine failed on a message from web:%s", chat_id)
            return error_response(500, "internal", "something went wrong; please try again")
        return json_response({"replies": replies})

    async def get_updates(self, request: web.Request) -> web.Response:
        """Long poll: messages pushed to this chat after the id the page received last."""
        chat_id = await self._authenticate(request)
        if chat_id is None:
            return error_response(401, "unauthorized", "missing or unknown token", UNAUTHORIZED)
        try:
            wait = float(request.query.get("wait", "0"))
        except ValueError:
            wait = math.nan
        if not 0 <= wait <= MAX_WAIT_SECONDS:
            return error_response(400, "bad_wait", "wait must be a number of seconds from 0 to 25")
        try:
            after = parse_after(request.query.get("after"))
        except BadRequest as exc:
            return error_response(400, exc.code, exc.message)
        # A poller that hung up while waiting must not swallow the messages meant for it.
        transport = request.transport
        pushed = await self._mailbox.take(
            chat_id,
            wait,
            lambda: transport is not None and not transport.is_closing(),
            after=after,
        )
        return json_response({"messages": [{**p.message, "id": p.id} for p in pushed]})

    async def get_history(self, request: web.Request) -> web.Response:
        """The visible conversation of this session, oldest first (the page after a reload)."""
        chat_id = await self._authenticate(request)
        if chat_id is None:
            return error_response(401, "unauthorized", "missing or unknown token", UNAUTHORIZED)
        return json_response({"messages": await self._transcript.read(chat_id)})

    def _client_address(self, request: web.Request) -> str:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if self._settings.trust_forwarded_for and forwarded.strip():
            return forwarded.rsplit(",", 1)[-1].strip()[:64]
        return request.remote or "unknown"

    async def _authenticate(self, request: web.Request) -> str | None:
        token = bearer_token(request)
        if token is None:
            return None
        return await self._sessions.find(hash_token(token))

    async def _handle(self, chat_id: str, chat_input: ChatInput, message_id: str) -> Result:
        msg = IncomingMessage(
            channel=CHANNEL,
            chat_id=chat_id,
            user_id=chat_id,
            message_id=message_id,
            text=chat_input.text,
            payload=chat_input.payload,
            location=chat_input.location,
            language_hint=chat_input.language_hint,
        )
        shown = user_entry(chat_input)
        # A database transcript is written in the turn's own transaction (one insert).
        in_turn = getattr(self._transcript, "in_turn", None)
        keep = in_turn(chat_id, shown) if in_turn is not None else None
        # A retry of a message answered earlier (here, by another process, before a
        # restart) shows the first answer again and keeps the transcript as it is.
        replies, replayed, kept = await self._answer(msg, keep)
        if replayed:
            return [render_reply(reply) for reply in replies]
        if not kept:  # an apology (its turn rolled back) or an engine without keepers
            try:
                await self._transcript.append(
                    chat_id, [*([shown] if shown else []), *bot_entries(replies)]
                )
            except Exception:  # the answer matters more than its copy for a later reload
                logger.exception("web chat: could not keep the transcript of web:%s", chat_id)
        return [render_reply(reply) for reply in replies]

    async def _answer(
        self, msg: IncomingMessage, keep: Keeper | None
    ) -> tuple[list[Reply], bool, bool]:
        """The replies; whether they are a first delivery's answer shown again; whether
        ``keep`` wrote the transcript in the turn's transaction."""
        answer = getattr(self._engine, "answer", None)
        if answer is not None:  # the core engine reads kept replies with the turn's state
            got = await answer(msg, keep)
            if got.replayed and not got.replies:
                # Claimed by a turn that committed meanwhile (another process): read its answer.
                return (await self._stored_replies(msg)) or [], True, False
            return got.replies, got.replayed, got.kept
        stored = await self._stored_replies(msg)
        if stored is not None:
            return stored, True, False
        replies = await self._engine.handle(msg)
        if not replies:  # dropped as a duplicate: another process answered it meanwhile
            stored = await self._stored_replies(msg)
            if stored:
                return stored, True, False
        return replies, False, False

    async def _stored_replies(self, msg: IncomingMessage) -> list[Reply] | None:
        replies_for = getattr(self._engine, "replies_for", None)
        return await replies_for(msg) if replies_for is not None else None


def _message_id(chat_id: str, client_id: str) -> str:
    """A fixed-length id, unique per chat, so one visitor's ids never collide with another's."""
    return hashlib.sha256(f"{chat_id}\n{client_id}".encode()).hexdigest()[:32]
