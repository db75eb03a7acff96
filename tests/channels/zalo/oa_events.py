"""Builds signed Zalo OA webhook requests (event JSON, raw body and signature header)."""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass
from typing import Any

from bot.channels.zalo_oa.signature import signature
from tests.channels.zalo.fake_oa_api import APP_ID, OA_SECRET_KEY


@dataclass(frozen=True, slots=True)
class Signed:
    body: bytes
    headers: dict[str, str]


class OaEvents:
    """Events as the OA webhook posts them; timestamps in milliseconds, as strings."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    @staticmethod
    def _stamp(age: float = 0.0) -> str:
        return str(int((time.time() - age) * 1000))

    def text(self, user_id: str, text: str, age: float = 0.0) -> dict[str, Any]:
        return {
            "app_id": APP_ID,
            "user_id_by_app": f"app-{user_id}",
            "event_name": "user_send_text",
            "timestamp": self._stamp(age),
            "sender": {"id": user_id},
            "recipient": {"id": "oa-579745863508352884"},
            "message": {"text": text, "msg_id": f"oa-in-{next(self._ids)}"},
        }

    def location(self, user_id: str, lat: float, lon: float) -> dict[str, Any]:
        event = self.text(user_id, "")
        coords = {"latitude": str(lat), "longitude": str(lon)}
        event["event_name"] = "user_send_location"
        event["message"] = {
            "msg_id": f"oa-in-{next(self._ids)}",
            "attachments": [{"type": "location", "payload": {"coordinates": coords}}],
        }
        return event

    def follow(self, user_id: str) -> dict[str, Any]:
        return {
            "app_id": APP_ID,
            "oa_id": "579745863508352884",
            "event_name": "follow",
            "timestamp": self._stamp(),
            "source": "oa_profile",
            "follower": {"id": user_id},
        }

    @staticmethod
    def sign(event: dict[str, Any], secret: str = OA_SECRET_KEY) -> Signed:
        """Signs as Zalo does: with the OA secret key (MacUtils.buildMac in the Java SDK)."""
        body = json.dumps(event, ensure_ascii=False).encode()
        mac = signature(APP_ID, body, str(event["timestamp"]), secret)
        return Signed(body, {"X-ZEvent-Signature": mac, "Content-Type": "application/json"})
