"""A fake Zalo Bot Platform API on 127.0.0.1: records every call, serves queued events to
getUpdates, and answers quota errors, 5xx or dropped connections on demand.

Answers follow the Bot Platform's documented shapes (https://bot.zaloplatforms.com/docs:
{"ok", "result"} / {"ok": false, "error_code", "description"}); an empty long poll answers
error 408. As strict as the platform where the channel could get it wrong:
- getUpdates is refused (409) while a webhook is set; deleteWebhook clears it;
- setWebhook wants an https URL and a secret_token of 8-256 characters;
- sendMessage wants a text of 1-2000 characters counted in UTF-16 units (400 otherwise);
- sendPhoto wants a `photo` URL the platform can fetch (http/https), no upload.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.channels.zalo.fake_bot_rules import problem_in
from tests.loopback import serve_on_loopback

TOKEN = "1234567890:zalo-fake-bot-token-abcdef"


@dataclass(slots=True)
class Call:
    """One request the bot made, with its JSON parameters and our answer's status."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 200

    @property
    def chat_id(self) -> str | None:
        value = self.params.get("chat_id")
        return None if value is None else str(value)


@dataclass(slots=True)
class Fault:
    """Fails the next `times` calls of `method`: an HTTP status (0 drops the connection),
    or with `code` an ok=false answer carrying that error code."""

    method: str
    times: int
    status: int = 429
    code: int | None = None
    description: str = "Too many requests"


@dataclass
class FakeBotState:
    events: list[dict[str, Any]] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)
    polls_after_take: int = 0


class FakeZaloBotAPI:
    """Implements getMe, getUpdates, setWebhook, deleteWebhook, sendMessage, sendPhoto,
    sendChatAction."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.state = FakeBotState()
        self._new_event = asyncio.Event()
        self._ids = itertools.count(9000)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner, self.base_url = await serve_on_loopback(app, handler_cancellation=True)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- test controls -------------------------------------------------------------

    def push(self, event: dict[str, Any]) -> None:
        """Queues an event for getUpdates."""
        self.state.events.append(event)
        self.state.polls_after_take = 0
        self._new_event.set()

    def fail(self, method: str, times: int = 1, **kwargs: Any) -> Fault:
        fault = Fault(method, times, **kwargs)
        self.faults.append(fault)
        return fault

    def ok_calls(self, method: str, chat_id: str | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and c.status == 200 and (chat_id is None or c.chat_id == chat_id)
        ]

    def texts(self, chat_id: str) -> list[str]:
        """Texts successfully sent to a chat, in order."""
        return [c.params["text"] for c in self.ok_calls("sendMessage", chat_id)]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while len(self.ok_calls(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"waited for {count} {method}: {[c.method for c in self.calls]}"
                )
            await asyncio.sleep(0.01)
        return self.ok_calls(method)

    async def wait_taken(self, timeout: float = 10.0) -> None:
        """Waits until every queued event was fetched AND the poller asked again (so it
        has handed the events to the channel)."""
        deadline = time.monotonic() + timeout
        while self.state.events or self.state.polls_after_take < 1:
            if time.monotonic() > deadline:
                raise AssertionError("queued events were never fetched")
            await asyncio.sleep(0.01)

    # -- the API -------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await request.json() if request.can_read_body else {}
        call = Call(method, dict(params), asyncio.get_running_loop().time())
        self.calls.append(call)
        if request.match_info["token"] != self.token:
            return self._error(call, 401, 401, "Unauthorized")
        for fault in self.faults:
            if fault.method == method and fault.times > 0:
                fault.times -= 1
                return self._fault(call, fault, request)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return self._error(call, 404, 404, "Method not found")
        if method == "getUpdates" and self.state.webhook:
            return self._error(call, 409, 409, "Conflict: webhook is active, delete it first")
        problem = problem_in(method, params)
        if problem is not None:
            return self._error(call, 400, 400, f"Bad Request: {problem}")
        result = await handler(params)
        if result is None:
            return self._error(call, 408, 408, "Request timeout")
        return web.json_response({"ok": True, "result": result})

    def _error(self, call: Call, status: int, code: int, description: str) -> web.Response:
        call.status = status if status != 200 else code  # an ok=false answer is no success
        body = {"ok": False, "error_code": code, "description": description}
        return web.json_response(body, status=status)

    def _fault(self, call: Call, fault: Fault, request: web.Request) -> web.StreamResponse:
        if fault.status == 0:
            call.status = 0
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        return self._error(call, fault.status, fault.code or fault.status, fault.description)

    async def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"id": "4242", "account_name": "bot.ocop", "display_name": "OCOP Quảng Ninh"}

    async def _api_getUpdates(self, params: dict[str, Any]) -> dict[str, Any] | None:
        self.state.polls_after_take += 1
        if not self.state.events:
            self._new_event.clear()
            try:
                await asyncio.wait_for(self._new_event.wait(), float(params.get("timeout", 0)))
            except TimeoutError:
                return None
        if not self.state.events:
            return None
        self.state.polls_after_take = 0
        return self.state.events.pop(0)

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> dict[str, Any]:
        self.state.webhook = {}
        return {"url": "", "updated_at": int(time.time() * 1000)}

    async def _api_setWebhook(self, params: dict[str, Any]) -> dict[str, Any]:
        self.state.webhook = dict(params)
        return {"url": params.get("url"), "updated_at": int(time.time() * 1000)}

    def _sent(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"message_id": f"m{next(self._ids)}", "date": int(time.time() * 1000)}

    async def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._sent(params)

    async def _api_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._sent(params)

    async def _api_sendChatAction(self, params: dict[str, Any]) -> bool:
        return True
