"""A fake Zalo OA on 127.0.0.1: the CS message API (`/v3.0/oa/message/cs`), the image upload
(`/v2.0/oa/upload/image`) and the OAuth refresh (`/v4/oa/access_token`), which rotates both
tokens and forgets the old ones.

As strict as the real thing where the channel could get it wrong, following the official
SDKs (github.com/zaloplatform/zalo-java-sdk: v3/SendImageCSMessage, UploadImage,
GetAccessTokenByRefreshToken, utils/MacUtils; github.com/zaloplatform/zalo-php-sdk:
ZaloEndPoint, MessageBuilder, OAuth2Client):
- answers {"error": 0, "message": "Success", "data": {...}}; errors {"error": <negative
  code>, "message": ...}: -216 for an unknown access token, -220 for one that expired;
- the refresh wants the APP secret key in its `secret_key` header (webhooks are signed
  with the other one, the OA secret key: see oa_events.py) and a form with app_id,
  grant_type=refresh_token and the current refresh token; answers expires_in as a string;
- a CS text longer than 2000 UTF-16 units, an empty one, or an image template that is
  neither a URL nor an uploaded attachment_id is refused (-201, invalid parameters);
- an upload must be a multipart `file` of at most 1 MB holding a JPG or PNG.
"""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.channels.zalo.fake_oa_rules import MAX_UPLOAD_BYTES, message_problem
from tests.loopback import serve_on_loopback

APP_ID = "4321098765432109876"
APP_SECRET_KEY = "app-secret-Key_0123456789"  # app -> Settings: the token refresh
OA_SECRET_KEY = "oa-secret-Key_9876543210"  # app -> Official Account: webhook signatures
FIRST_ACCESS, FIRST_REFRESH = "at-0", "rt-0"
INVALID = -201


@dataclass(slots=True)
class OaCall:
    """One request: the path's last part, the headers we care about, the body."""

    kind: str  # "cs", "upload" or "refresh"
    access_token: str | None
    body: dict[str, Any]
    error: int = 0

    @property
    def user_id(self) -> str | None:
        return (self.body.get("recipient") or {}).get("user_id")

    @property
    def text(self) -> str | None:
        return (self.body.get("message") or {}).get("text")

    @property
    def image(self) -> dict[str, Any] | None:
        """The media template's element, for an image message."""
        attachment = (self.body.get("message") or {}).get("attachment") or {}
        elements = (attachment.get("payload") or {}).get("elements") or [None]
        return elements[0]


class FakeZaloOA:
    """`access`/`refresh` are the valid tokens; `fail_cs` queues error codes or statuses."""

    def __init__(self, refresh_delay: float = 0.05) -> None:
        self.access, self.refresh = FIRST_ACCESS, FIRST_REFRESH
        self.expired: set[str] = set()
        self.expires_in = 90000
        self.refresh_delay = refresh_delay
        self.calls: list[OaCall] = []
        self.cs_faults: list[tuple[str, int]] = []  # ("code", -32) or ("status", 429)
        self.uploads: dict[str, bytes] = {}
        self._numbers = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> None:
        app = web.Application(client_max_size=2 * MAX_UPLOAD_BYTES)
        app.router.add_post("/v3.0/oa/message/cs", self._cs)
        app.router.add_post("/v2.0/oa/upload/image", self._upload)
        app.router.add_post("/v4/oa/access_token", self._refresh)
        self._runner, self.base_url = await serve_on_loopback(app)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- test controls -------------------------------------------------------------

    def expire(self) -> None:
        """The current access token stops working (as after ~25 hours): -220 from now on."""
        self.expired.add(self.access)
        self.access = "not-issued-yet"

    def fail_cs(self, times: int, *, code: int | None = None, status: int | None = None) -> None:
        fault = ("code", code) if code is not None else ("status", status or 429)
        self.cs_faults += [fault] * times  # type: ignore[list-item]

    def texts(self, user_id: str) -> list[str]:
        return [c.text or "" for c in self.delivered(user_id) if c.text is not None]

    def delivered(self, user_id: str) -> list[OaCall]:
        return [c for c in self.calls if c.kind == "cs" and not c.error and c.user_id == user_id]

    @property
    def refreshes(self) -> list[OaCall]:
        return [c for c in self.calls if c.kind == "refresh" and not c.error]

    # -- the API -------------------------------------------------------------------

    def _token_error(self, call: OaCall) -> web.Response | None:
        if call.access_token == self.access:
            return None
        if call.access_token in self.expired:
            call.error = -220
            return web.json_response({"error": -220, "message": "Access token has expired"})
        call.error = -216
        return web.json_response({"error": -216, "message": "Access token is invalid"})

    @staticmethod
    def _refuse(call: OaCall, why: str) -> web.Response:
        call.error = INVALID
        return web.json_response({"error": INVALID, "message": f"Parameters are invalid: {why}"})

    async def _cs(self, request: web.Request) -> web.Response:
        call = OaCall("cs", request.headers.get("access_token"), await request.json())
        self.calls.append(call)
        refused = self._token_error(call)
        if refused is not None:
            return refused
        problem = message_problem(call.body.get("message") or {}, self.uploads)
        if problem is not None:
            return self._refuse(call, problem)
        if self.cs_faults:
            kind, value = self.cs_faults.pop(0)
            call.error = value
            if kind == "status":
                return web.json_response({"error": value}, status=value)
            return web.json_response({"error": value, "message": "Request limit exceeded"})
        data = {"message_id": f"oa-msg-{next(self._numbers)}", "user_id": call.user_id}
        return web.json_response({"error": 0, "message": "Success", "data": data})

    async def _upload(self, request: web.Request) -> web.Response:
        call = OaCall("upload", request.headers.get("access_token"), {})
        self.calls.append(call)
        refused = self._token_error(call)
        if refused is not None:
            return refused
        if not request.content_type.startswith("multipart/"):
            return self._refuse(call, "not multipart")
        form = await request.post()
        upload = form.get("file")
        if not isinstance(upload, web.FileField):
            return self._refuse(call, "no file")
        data = upload.file.read()
        is_image = data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")
        if not is_image or len(data) > MAX_UPLOAD_BYTES:
            return self._refuse(call, "file must be a JPG or PNG of at most 1 MB")
        attachment = f"att-{next(self._numbers)}"
        self.uploads[attachment] = data
        call.body = {"attachment_id": attachment, "size": len(data)}
        return web.json_response({"error": 0, "message": "Success", "data": call.body})

    async def _refresh(self, request: web.Request) -> web.Response:
        form = dict(await request.post())
        call = OaCall("refresh", None, {k: str(v) for k, v in form.items()})
        self.calls.append(call)
        await asyncio.sleep(self.refresh_delay)  # widens the window for racing refreshes
        ok = (
            request.headers.get("secret_key") == APP_SECRET_KEY
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
