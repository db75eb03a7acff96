"""Refused payment input: a message-catalog key and its parameters, nothing written."""

from __future__ import annotations

from typing import Any


class PaymentError(ValueError):
    """Bad input for a payment service; `key` names the sentence that explains it."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
