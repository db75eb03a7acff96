"""Which key signs what: Zalo OA uses two different secrets.

The webhook's X-ZEvent-Signature is sha256(app id + body + timestamp + **OA secret key**)
(developer console: app → Official Account, where the OA is linked: "OA Secret Key"; the
official Java SDK's MacUtils.buildMac); the OAuth token refresh sends the **app secret key**
(app → Settings: "Khóa bí mật của ứng dụng") in its `secret_key` header. Zalo's webhook
guide stresses the OA secret key is not the app secret key.
"""

from __future__ import annotations

import logging

from bot.config import ZaloOASettings

logger = logging.getLogger(__name__)


def app_secret(settings: ZaloOASettings) -> str:
    """The app secret key, for the token refresh (required)."""
    if settings.secret_key is None:
        raise ValueError("zalo_oa needs app_id and secret_key (OCOPBOT_ZALO_OA__SECRET_KEY)")
    return settings.secret_key.get_secret_value()


def webhook_secret(settings: ZaloOASettings) -> str:
    """The OA secret key that signs webhook events; the app secret when it is unset, with a
    warning (webhooks signed with the OA key would then all be refused)."""
    if settings.oa_secret_key is not None:
        return settings.oa_secret_key.get_secret_value()
    logger.warning(
        "zalo_oa.oa_secret_key is not set (OCOPBOT_ZALO_OA__OA_SECRET_KEY): checking webhook "
        "signatures with the app secret key; Zalo signs them with the OA secret key"
    )
    return app_secret(settings)
