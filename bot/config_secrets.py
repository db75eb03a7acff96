"""Start-up checks for webhook secrets, in the forms the platforms accept.

Telegram's setWebhook takes a `secret_token` of 1-256 characters from A-Z, a-z, 0-9, `_`
and `-` (https://core.telegram.org/bots/api#setwebhook); the Zalo Bot Platform's
setWebhook takes a `secret_token` of 8-256 characters. A secret the platform would refuse
must stop start-up with one line, not loop on a refused setWebhook forever.
"""

from __future__ import annotations

import re

from pydantic import SecretStr

TELEGRAM_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
ZALO_BOT_SECRET_LENGTH = (8, 256)


def telegram_webhook_secret(value: SecretStr | None) -> SecretStr | None:
    """Accepts no secret (polling) or one Telegram takes; the value is never echoed."""
    if value is None:
        return None
    if not TELEGRAM_SECRET.fullmatch(value.get_secret_value()):
        raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
    return value


def zalo_bot_webhook_secret(value: SecretStr | None) -> SecretStr | None:
    """Accepts no secret (polling) or one of 8-256 characters, as the Bot Platform takes."""
    if value is None:
        return None
    low, high = ZALO_BOT_SECRET_LENGTH
    if not low <= len(value.get_secret_value()) <= high:
        raise ValueError(f"must be {low}-{high} characters long (the Zalo Bot Platform's rule)")
    return value
