"""The OA webhook: every request must carry a valid X-ZEvent-Signature and a fresh
timestamp (else 401 and nothing happens); a verified event gets 200 at once and is
processed in the background, even when it is of a kind we skip."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aiohttp import web

from bot.channels import safe_json
from bot.channels.inbox_feed import feed_then_answer
from bot.channels.zalo_oa.signature import (
    SIGNATURE_HEADER,
    event_age,
    signature_matches,
    signed_timestamp,
)

logger = logging.getLogger(__name__)

# Events may pass the web chat's small body limit.
MAX_EVENT_BYTES = 256 * 1024


class OaWebhook:
    """Verifies and acknowledges OA events; `feed(event)` gets each verified one."""

    def __init__(
        self,
        app_id: str,
        secret_key: str,
        max_age: timedelta,
        feed: Callable[[dict[str, Any]], Any],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._app_id = app_id
        self._secret = secret_key
        self._max_age = max_age
        self._feed = feed
        self._clock = clock

    async def handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SIGNATURE_HEADER)
        if not given:
            return self._refuse(request, "no signature")
        try:
            raw = await request.clone(client_max_size=MAX_EVENT_BYTES).read()
        except web.HTTPRequestEntityTooLarge:
            return self._refuse(request, "a body that is too large")
        # The signature covers the body and its timestamp: check it before parsing the body.
        stamp = signed_timestamp(raw)
        if stamp is None:
            return self._refuse(request, "no timestamp")
        if not signature_matches(given, self._app_id, raw, stamp, self._secret):
            return self._refuse(request, "a wrong signature")
        try:
            event = safe_json.loads(raw)
        except safe_json.UnsafeJson:
            return self._refuse(request, "a body that is not a JSON event")
        if not isinstance(event, dict) or str(event.get("timestamp")) != stamp:
            return self._refuse(request, "a timestamp that does not match")
        age = event_age(stamp, self._clock())
        if age is None or age > self._max_age or age < -self._max_age:
            return self._refuse(request, "a stale or future timestamp")
        if str(event.get("app_id", self._app_id)) != self._app_id:
            return self._refuse(request, "another app's event")
        return await feed_then_answer(
            self._feed, event, "zalo_oa", web.json_response({"error": 0})
        )

    @staticmethod
    def _refuse(request: web.Request, why: str) -> web.Response:
        logger.warning("zalo_oa webhook: %s from %s, refused", why, request.remote)
        return web.json_response({"error": 401}, status=401)

    def mount(self, app: web.Application, path: str) -> None:
        """Adds the POST route (the app must not be started yet)."""
        app.router.add_post(path, self.handle)
