"""The OA webhook: every request must carry a valid X-ZEvent-Signature (else 401 and nothing
happens) and a timestamp within `max_age` (2 hours by default: Zalo replays an event it
could not deliver after minutes to an hour). A verified event gets 200 at once and is
processed in the background, even when it is of a kind we skip; a replay of an event
already taken is acknowledged and dropped here (and, across processes, by the engine's
de-duplication on the same msg_id)."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
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


def event_id(event: dict[str, Any]) -> str:
    """The id a replay repeats: the message's msg_id, else the event name and timestamp."""
    message = event.get("message")
    msg_id = message.get("msg_id") if isinstance(message, dict) else None
    if isinstance(msg_id, str | int) and not isinstance(msg_id, bool) and msg_id != "":
        return str(msg_id)
    return f"{event.get('event_name')}@{event.get('timestamp')}"


class RecentIds:
    """The last `capacity` event ids seen by this process."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._capacity = capacity

    def add(self, key: str) -> bool:
        """Remembers `key`; False if it was already there."""
        if key in self._ids:
            self._ids.move_to_end(key)
            return False
        self._ids[key] = None
        if len(self._ids) > self._capacity:
            self._ids.popitem(last=False)
        return True

    def forget(self, key: str) -> None:
        """Drops `key`, so its next delivery counts as new."""
        self._ids.pop(key, None)


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
        self._recent = RecentIds()

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
        key = event_id(event)
        if not self._recent.add(key):
            logger.info("zalo_oa webhook: a replayed event, acknowledged and dropped")
            return web.json_response({"error": 0})
        answer = await feed_then_answer(
            self._feed, event, "zalo_oa", web.json_response({"error": 0})
        )
        if answer.status != 200:  # not recorded: Zalo's resend must not be dropped
            self._recent.forget(key)
        return answer

    @staticmethod
    def _refuse(request: web.Request, why: str) -> web.Response:
        logger.warning("zalo_oa webhook: %s from %s, refused", why, request.remote)
        return web.json_response({"error": 401}, status=401)

    def mount(self, app: web.Application, path: str) -> None:
        """Adds the POST route (the app must not be started yet)."""
        app.router.add_post(path, self.handle)
