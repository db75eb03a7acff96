"""The OA API's error codes, named, and the one error the Bot Platform does not have."""

from __future__ import annotations

from bot.channels.zalo_bot.errors import ZaloApiError

# "Access token is invalid" (-216) is what an expired OA token gets; -124 is the code the
# v3/v4 docs list as "access token has expired". Either one: refresh, then retry once.
EXPIRED_TOKEN_CODES = frozenset({-216, -124})
# "Request limit exceeded" on the OA API; HTTP 429 counts the same.
QUOTA_CODES = frozenset({-32})


class TokenExpired(ZaloApiError):
    """The access token no longer works: refresh it and try again."""
