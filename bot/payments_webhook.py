"""Bank-notification webhooks (SePay, and Casso through a small adapter).

A notification is answered 200 only after it is durably recorded with everything it
changed (the order's payment and the messages to the customer, producer or operator) in
one transaction; a repeat of the same transaction id changes nothing and is answered 200
too, so the service stops retrying. A request without the right key gets 401 and one log
line; a malformed body gets 400.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.payments_config import PaymentsSettings
from catalog.orders import Clock, OrderPolicy, utc_now
from catalog.payments.dto import Transfer
from catalog.payments.providers import BadNotification, parse_casso, parse_sepay
from catalog.payments.reconcile import DuplicateNotification, Reconciler

logger = logging.getLogger(__name__)
MAX_BODY = 64 * 1024


def _authorised(given: str | None, scheme: str, secret: SecretStr) -> bool:
    expected = f"{scheme}{secret.get_secret_value()}" if scheme else secret.get_secret_value()
    return given is not None and hmac.compare_digest(given.strip().encode(), expected.encode())


class PaymentWebhooks:
    """The webhook endpoints; mount with `setup(app)`.

    Args:
        settings: the payments section (keys and paths).
        sessions: sessions on the orders database.
        policy: the order settings (the operator hears about mismatches).
        clock: aware UTC time.
    """

    def __init__(
        self,
        settings: PaymentsSettings,
        sessions: async_sessionmaker[AsyncSession],
        policy: OrderPolicy,
        clock: Clock = utc_now,
    ) -> None:
        self._settings = settings
        self._sessions = sessions
        self._policy = policy
        self._clock = clock

    def setup(self, app: web.Application) -> list[str]:
        """Mounts the webhooks whose key is set; returns their paths."""
        mounted = []
        if self._settings.sepay_api_key is not None:
            app.router.add_post(self._settings.sepay_path, self.sepay)
            mounted.append(self._settings.sepay_path)
        if self._settings.casso_secure_token is not None:
            app.router.add_post(self._settings.casso_path, self.casso)
            mounted.append(self._settings.casso_path)
        return mounted

    async def sepay(self, request: web.Request) -> web.Response:
        """SePay: ``Authorization: Apikey <key>``, one transaction per request."""
        key = self._settings.sepay_api_key
        if key is None or not _authorised(request.headers.get("Authorization"), "Apikey ", key):
            return self._refuse("sepay")
        return await self._handle(request, lambda body: [parse_sepay(body)])

    async def casso(self, request: web.Request) -> web.Response:
        """Casso: ``Secure-Token: <token>``, one or several transactions per request."""
        token = self._settings.casso_secure_token
        if token is None or not _authorised(request.headers.get("Secure-Token"), "", token):
            return self._refuse("casso")
        return await self._handle(request, parse_casso)

    @staticmethod
    def _refuse(provider: str) -> web.Response:
        logger.warning("payments webhook %s: refused a request without the right key", provider)
        return web.json_response({"success": False, "error": "unauthorized"}, status=401)

    async def _handle(
        self, request: web.Request, parse: Callable[[Any], list[Transfer]]
    ) -> web.Response:
        if request.content_length is not None and request.content_length > MAX_BODY:
            return web.json_response({"success": False, "error": "too_large"}, status=413)
        try:
            body = await request.json()
            transfers = parse(body)
        except (ValueError, BadNotification) as exc:
            logger.info("payments webhook: bad body (%s)", str(exc)[:100])
            return web.json_response({"success": False, "error": "bad_request"}, status=400)
        try:
            outcomes = await self.record(transfers, body)
        except DuplicateNotification:  # stored by a concurrent request: nothing to do
            return web.json_response({"success": True, "duplicate": True})
        return web.json_response({"success": True, "outcomes": outcomes})

    async def record(self, transfers: list[Transfer], raw: dict[str, Any]) -> list[str]:
        """Applies the transfers in one transaction (committed before the caller answers)."""
        async with self._sessions() as session, session.begin():
            reconciler = Reconciler(session, self._clock, self._policy)
            results = [await reconciler.apply(t, raw) for t in transfers]
        return ["duplicate" if r.duplicate else r.outcome for r in results]
