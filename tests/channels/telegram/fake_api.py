"""A fake Telegram Bot API server on 127.0.0.1: records every call, serves queued updates,
and answers 429/5xx (or drops the connection) on demand.

Answers follow https://core.telegram.org/bots/api (Message, User, Chat, error objects), and
refuse what Telegram refuses (fake_rules.py): texts of 1-4096 and captions of up to 1024
UTF-16 units after entities parsing, callback_data of 1-64 bytes, HTML that does not parse
(400 "Bad Request: can't parse entities: ..."), getUpdates while a webhook is set (409).
Uploaded files (multipart, `attach://<field>`) are kept as bytes in the call's `files`.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from aiohttp import web

from tests.channels.telegram.fake_methods import BotAPIMethods, Call, FakeState, Fault
from tests.channels.telegram.fake_rules import BadRequest, check
from tests.loopback import serve_on_loopback

__all__ = ["TOKEN", "Call", "FakeBotAPI", "Fault"]

TOKEN = "123456:TEST-fake-token"
JSON_FIELDS = {"reply_markup", "commands", "allowed_updates", "link_preview_options", "scope"}
TRUE_METHODS = {
    "setWebhook",
    "deleteWebhook",
    "setMyCommands",
    "answerCallbackQuery",
    "sendChatAction",
}


class FakeBotAPI(BotAPIMethods):
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
        self._runner, self.base_url = await serve_on_loopback(app, handler_cancellation=True)

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
        params, files = await self._params(request)
        call = Call(method, params, asyncio.get_running_loop().time(), files=files)
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
        moved = self.state.migrated.get(call.chat_id or "")
        if moved is not None:
            text = "Bad Request: group chat was upgraded to a supergroup chat"
            return self._error(call, 400, text, migrate_to_chat_id=moved)
        try:
            check(method, params)
        except BadRequest as refused:
            return self._error(call, 400, f"Bad Request: {refused}")
        if method == "setWebhook":
            self.state.webhook_url = str(params.get("url", ""))
        if method == "deleteWebhook":
            self.state.webhook_url = ""
        result = await handler(params) if handler else True
        call.result = result
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    async def _params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
        if request.content_type == "application/json":
            return dict(await request.json()), {}
        form = await request.post()
        params: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = value.file.read()
                continue
            text = value if isinstance(value, str) else str(value)
            params[key] = json.loads(text) if key in JSON_FIELDS else text
        for key, value in list(params.items()):  # "attach://<field>" names an uploaded file
            if isinstance(value, str) and value.startswith("attach://"):
                files[key] = files.pop(value.removeprefix("attach://"), b"")
        return params, files

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
