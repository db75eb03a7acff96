"""A fake Telegram Bot API server on 127.0.0.1: records every call, serves queued updates,
and answers 429/5xx (or drops the connection) on demand.

Answers follow https://core.telegram.org/bots/api (Message, User, Chat, error objects).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-fake-token"
JSON_FIELDS = {"reply_markup", "commands", "allowed_updates", "link_preview_options", "scope"}
TRUE_METHODS = {
    "setWebhook",
    "deleteWebhook",
    "setMyCommands",
    "answerCallbackQuery",
    "sendChatAction",
}


@dataclass(slots=True)
class Call:
    """One request the bot made, with its decoded parameters and our answer's status."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    result: Any = None

    @property
    def chat_id(self) -> str | None:
        value = self.params.get("chat_id")
        return None if value is None else str(value)


@dataclass(slots=True)
class Fault:
    """Fails `times` calls of `method` (every `every`-th one): an HTTP status or a drop."""

    method: str
    times: int
    status: int = 429
    retry_after: int = 1
    every: int = 1
    description: str = "Internal Server Error"
    seen: int = 0

    def hit(self) -> bool:
        self.seen += 1
        if self.times > 0 and self.seen % self.every == 0:
            self.times -= 1
            return True
        return False


@dataclass
class FakeState:
    updates: list[dict[str, Any]] = field(default_factory=list)
    webhook_url: str = ""
    confirmed: int = 0  # the highest offset getUpdates was called with
    next_message_id: int = 1000


class FakeBotAPI:
    """Implements what the adapter calls; `calls` keeps everything in arrival order."""

    def __init__(self, token: str = TOKEN, username: str = "ocop_test_bot") -> None:
        self.token = token
        self.bot_id = int(token.split(":")[0])
        self.username = username
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.state = FakeState()
        self._new_update = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- test controls -------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> None:
        """Queues an update for getUpdates."""
        self.state.updates.append(update)
        self._new_update.set()

    def fail(self, method: str, times: int = 1, **kwargs: Any) -> Fault:
        """Makes the next `times` calls of `method` fail (status=0 drops the connection)."""
        fault = Fault(method, times, **kwargs)
        self.faults.append(fault)
        return fault

    def ok_calls(self, method: str, chat_id: str | int | None = None) -> list[Call]:
        """Successful calls of a method, optionally to one chat."""
        return [
            c
            for c in self.calls
            if c.method == method
            and c.status == 200
            and (chat_id is None or c.chat_id == str(chat_id))
        ]

    def calls_to_chats(self) -> list[Call]:
        """Every call that addressed a chat (the ones Telegram's limits count)."""
        return [c for c in self.calls if c.chat_id is not None]

    def texts(self, chat_id: str | int) -> list[str]:
        """Texts successfully sent (or edited in) to a chat, in order."""
        methods = {"sendMessage", "editMessageText"}
        return [
            c.params["text"]
            for c in self.calls
            if c.method in methods and c.status == 200 and c.chat_id == str(chat_id)
        ]

    async def wait_confirmed(self, update_id: int, timeout: float = 10.0) -> None:
        """Waits until polling confirmed an update (asked for the ones after it)."""
        deadline = time.monotonic() + timeout
        while self.state.confirmed <= update_id:
            if time.monotonic() > deadline:
                raise AssertionError(f"update {update_id} was never confirmed")
            await asyncio.sleep(0.01)

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Waits until `count` successful calls of `method` were made."""
        deadline = time.monotonic() + timeout
        while len(self.ok_calls(method)) < count:
            if time.monotonic() > deadline:
                seen = [c.method for c in self.calls]
                raise AssertionError(f"waited for {count} {method}, calls: {seen}")
            await asyncio.sleep(0.01)
        return self.ok_calls(method)

    # -- the API -------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params, asyncio.get_running_loop().time())
        self.calls.append(call)
        if request.match_info["token"] != self.token:
            return self._error(call, 401, "Unauthorized")
        for fault in self.faults:
            if fault.method == method and fault.hit():
                return self._fault(call, fault, request)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None and method not in TRUE_METHODS:
            return self._error(call, 404, "Not Found: method not found")
        if method == "getUpdates" and self.state.webhook_url:
            text = "Conflict: can't use getUpdates method while webhook is active"
            return self._error(call, 409, text)
        if method == "setWebhook":
            self.state.webhook_url = str(params.get("url", ""))
        if method == "deleteWebhook":
            self.state.webhook_url = ""
        result = await handler(params) if handler else True
        call.result = result
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            text = value if isinstance(value, str) else str(value)
            params[key] = json.loads(text) if key in JSON_FIELDS else text
        return params

    def _error(self, call: Call, status: int, description: str, **extra: Any) -> web.Response:
        call.status = status
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if extra:
            body["parameters"] = extra
        return web.json_response(body, status=status)

    def _fault(self, call: Call, fault: Fault, request: web.Request) -> web.StreamResponse:
        if fault.status == 429:
            text = f"Too Many Requests: retry after {fault.retry_after}"
            return self._error(call, 429, text, retry_after=fault.retry_after)
        if fault.status == 0:
            call.status = 0
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        if fault.status == 502:
            call.status = 502
            return web.Response(status=502, text="<html>Bad Gateway</html>")
        return self._error(call, fault.status, fault.description)

    # -- method results (Bot API objects) ----------------------------------------------

    def _me(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "OCOP", "username": self.username}

    @staticmethod
    def chat(chat_id: int | str) -> dict[str, Any]:
        number = int(chat_id)
        if number < 0:
            return {"id": number, "type": "supergroup", "title": "Nhóm du lịch"}
        return {"id": number, "type": "private", "first_name": "Khách"}

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        self.state.next_message_id += 1
        return {
            "message_id": self.state.next_message_id,
            "from": self._me(),
            "chat": self.chat(params["chat_id"]),
            "date": int(time.time()),
            **content,
        }

    async def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._me()

    async def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset", 0))
        timeout = float(params.get("timeout", 0))
        if offset:
            self.state.confirmed = max(self.state.confirmed, offset)
            self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
        if not self.state.updates and timeout:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except TimeoutError:
                return []
        return self.state.updates[:100]

    async def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, text=params["text"])

    async def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._message(params, text=params["text"])
        message["message_id"] = int(params["message_id"])
        message["edit_date"] = int(time.time())
        return message

    async def _api_sendVenue(self, params: dict[str, Any]) -> dict[str, Any]:
        location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
        venue = {"location": location, "title": params["title"], "address": params["address"]}
        return self._message(params, venue=venue, location=location)

    async def _api_sendLocation(self, params: dict[str, Any]) -> dict[str, Any]:
        location = {"latitude": float(params["latitude"]), "longitude": float(params["longitude"])}
        return self._message(params, location=location)
