"""The OA API's error codes, named, and the one error the Bot Platform does not have."""

from __future__ import annotations

from bot.channels.zalo_bot.errors import ZaloApiError

# The OA Open API answers -216 "Access token is invalid" and -220 "Access token has expired"
# (the codes the official SDKs surface as ZaloOAException). Either one: re-read the store
# (another process may have rotated the token), refresh if it is still the same, retry once.
# -124 is a Social API (user login) code, not an OA one.
EXPIRED_TOKEN_CODES = frozenset({-216, -220})
# "Request limit exceeded" on the OA API; HTTP 429 counts the same.
QUOTA_CODES = frozenset({-32})


class TokenExpired(ZaloApiError):
    """The access token no longer works: refresh it and try again."""
