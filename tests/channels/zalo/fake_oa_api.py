"""A fake Zalo OA on 127.0.0.1: the CS message API (`/v3.0/oa/message/cs`) and the OAuth
refresh (`/v4/oa/access_token`), which rotates both tokens and forgets the old ones.

Answers follow the OA docs: {"error": 0, "message": "Success", "data": {...}}, errors as
{"error": <negative code>, "message": ...}; the refresh answers access_token, refresh_token
and expires_in (a string of seconds).
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.loopback import serve_on_loopback

APP_ID = "4321098765432109876"
SECRET_KEY = "oa-secret-Key_0123456789"
FIRST_ACCESS, FIRST_REFRESH = "at-0", "rt-0"


@dataclass(slots=True)
class OaCall:
    """One request: the path's last part, the headers we care about, the body."""

    kind: str  # "cs" or "refresh"
    access_token: str | None
    body: dict[str, Any]
    error: int = 0

    @property
    def user_id(self) -> str | None:
        return (self.body.get("recipient") or {}).get("user_id")

    @property
    def text(self) -> str | None:
        return (self.body.get("message") or {}).get("text")


class FakeZaloOA:
    """`access`/`refresh` are the valid tokens; `fail_cs` queues error codes or statuses."""

    def __init__(self, refresh_delay: float = 0.05) -> None:
        self.access, self.refresh = FIRST_ACCESS, FIRST_REFRESH
        self.expires_in = 90000
        self.refresh_delay = refresh_delay
        self.calls: list[OaCall] = []
        self.cs_faults: list[tuple[str, int]] = []  # ("code", -32) or ("status", 429)
        self._numbers = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/v3.0/oa/message/cs", self._cs)
        app.router.add_post("/v4/oa/access_token", self._refresh)
        self._runner, self.base_url = await serve_on_loopback(app)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- test controls -------------------------------------------------------------

    def expire(self) -> None:
        """The current access token stops working (as after ~25 hours)."""
        self.access = "expired-" + self.access

    def fail_cs(self, times: int, *, code: int | None = None, status: int | None = None) -> None:
        fault = ("code", code) if code is not None else ("status", status or 429)
        self.cs_faults += [fault] * times  # type: ignore[list-item]

    def texts(self, user_id: str) -> list[str]:
        return [
            c.text or ""
            for c in self.calls
            if c.kind == "cs" and not c.error and c.user_id == user_id
        ]

    def delivered(self, user_id: str) -> list[OaCall]:
        return [c for c in self.calls if c.kind == "cs" and not c.error and c.user_id == user_id]

    @property
    def refreshes(self) -> list[OaCall]:
        return [c for c in self.calls if c.kind == "refresh" and not c.error]

    # -- the API -------------------------------------------------------------------

    async def _cs(self, request: web.Request) -> web.Response:
        call = OaCall("cs", request.headers.get("access_token"), await request.json())
        self.calls.append(call)
        if call.access_token != self.access:
            call.error = -216
            return web.json_response({"error": -216, "message": "Access token is invalid"})
        if self.cs_faults:
            kind, value = self.cs_faults.pop(0)
            call.error = value
            if kind == "status":
                return web.json_response({"error": value}, status=value)
            return web.json_response({"error": value, "message": "Request limit exceeded"})
        data = {"message_id": f"oa-msg-{next(self._numbers)}", "user_id": call.user_id}
        return web.json_response({"error": 0, "message": "Success", "data": data})

    async def _refresh(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        call = OaCall("refresh", None, {k: str(v) for k, v in form.items()})
        self.calls.append(call)
        await asyncio.sleep(self.refresh_delay)  # widens the window for racing refreshes
        ok = (
            request.headers.get("secret_key") == SECRET_KEY
            and form.get("app_id") == APP_ID
            and form.get("grant_type") == "refresh_token"
            and form.get("refresh_token") == self.refresh
        )
        if not ok:
            call.error = -14014
            body = {"error": -14014, "error_name": "Invalid refresh token"}
            return web.json_response(body)
        number = next(self._numbers)
        self.access, self.refresh = f"at-{number}", f"rt-{number}"
        body = {
            "access_token": self.access,
            "refresh_token": self.refresh,
            "expires_in": str(self.expires_in),
        }
        return web.json_response(body)
