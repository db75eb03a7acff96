"""Keeps a working OA access token: refreshed before it expires and when the API says it
has expired; the rotated refresh token is saved before use. One refresh at a time: a
burst of messages that all meet an expired token causes a single refresh."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import aiohttp

from bot.channels.zalo_bot.api import Session
from bot.channels.zalo_bot.delivery import Retrier
from bot.channels.zalo_bot.errors import TransientError, ZaloApiError
from bot.channels.zalo_oa.tokens import OaTokens, TokenStore

logger = logging.getLogger(__name__)
Clock = Callable[[], datetime]
REFRESH_PATH = "/v4/oa/access_token"


def utc_now() -> datetime:
    return datetime.now(UTC)


class TokenManager:
    """Hands out the current access token of one OA app.

    Args:
        app_id: the OA app's id.
        secret_key: the app's secret key (the refresh call's `secret_key` header).
        oauth_base: e.g. https://oauth.zaloapp.com.
        session: returns the shared aiohttp session.
        store: where the latest tokens are kept.
        initial: tokens from the environment, used until the store has newer ones.
        retrier: retries the refresh call on network faults, 5xx and quota errors.
        margin: refresh this long before the expiry.
    """

    def __init__(
        self,
        *,
        app_id: str,
        secret_key: str,
        oauth_base: str,
        session: Session,
        store: TokenStore,
        initial: OaTokens | None,
        retrier: Retrier,
        clock: Clock = utc_now,
        margin: timedelta = timedelta(minutes=10),
    ) -> None:
        self._app_id = app_id
        self._secret = secret_key
        self._url = oauth_base.rstrip("/") + REFRESH_PATH
        self._session = session
        self._store = store
        self._initial = initial
        self._retrier = retrier
        self._clock = clock
        self._margin = margin
        self._tokens: OaTokens | None = None
        self._lock = asyncio.Lock()
        self.refreshes = 0

    async def _latest(self) -> OaTokens:
        stored = await self._store.load(self._app_id)
        tokens = stored or self._tokens or self._initial
        if tokens is None:
            raise ZaloApiError(None, "no OA access or refresh token (zalo_oa.refresh_token)")
        self._tokens = tokens
        return tokens

    async def access_token(self) -> str:
        """The token to call the API with, refreshed first if it is about to expire."""
        tokens = self._tokens or await self._latest()
        expires = tokens.expires_at
        if not tokens.access_token or (expires and self._clock() >= expires - self._margin):
            tokens = await self.refresh(tokens.access_token)
        return tokens.access_token

    async def refresh(self, stale: str) -> OaTokens:
        """Refreshes unless someone already replaced `stale` (another task or process)."""
        async with self._lock:
            current = await self._latest()
            fresh_enough = (
                not current.expires_at or self._clock() < current.expires_at - self._margin
            )
            if current.access_token and current.access_token != stale and fresh_enough:
                return current
            tokens = await self._retrier.run("zalo_oa token refresh", lambda: self._call(current))
            await self._store.save(self._app_id, tokens)
            self._tokens = tokens
            self.refreshes += 1
            logger.info("zalo_oa: access token refreshed, valid until %s", tokens.expires_at)
            return tokens

    async def _call(self, current: OaTokens) -> OaTokens:
        form = {
            "refresh_token": current.refresh_token,
            "app_id": self._app_id,
            "grant_type": "refresh_token",
        }
        session = await self._session()
        try:
            async with session.post(
                self._url, data=form, headers={"secret_key": self._secret}
            ) as response:
                status = response.status
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise TransientError(None, f"token refresh: {type(exc).__name__}") from None
        if status >= 500 or not isinstance(body, dict):
            raise TransientError(status, f"token refresh: HTTP {status}")
        if not body.get("access_token") or not body.get("refresh_token"):
            code = body.get("error")
            text = body.get("error_description") or body.get("error_name") or "refused"
            raise ZaloApiError(code if isinstance(code, int) else status, f"token refresh: {text}")
        seconds = int(body.get("expires_in") or 0)
        expires = self._clock() + timedelta(seconds=seconds) if seconds > 0 else None
        return OaTokens(str(body["access_token"]), str(body["refresh_token"]), expires)
