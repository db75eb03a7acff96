"""Settings of the payments section: bank-notification webhooks and the unpaid reminder."""

from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, ConfigDict, SecretStr


class PaymentsSettings(BaseModel):
    """``payments`` in config.yaml; the keys are secrets, read only from the environment.

    A webhook is mounted only when its key is set: SePay sends ``Authorization: Apikey
    <sepay_api_key>``, Casso sends ``Secure-Token: <casso_secure_token>``.
    """

    model_config = ConfigDict(extra="forbid")

    sepay_api_key: SecretStr | None = None
    sepay_path: str = "/payments/sepay"
    casso_secure_token: SecretStr | None = None
    casso_path: str = "/payments/casso"
    remind_unpaid_after: timedelta = timedelta(hours=24)
