"""Stored replies (kept with a processed message for its retries) come back exactly."""

from __future__ import annotations

import json

from bot.core.images import Image
from bot.core.messages import Button, LocationCard, Reply
from bot.core.qr import qr_png
from bot.core.reply_codec import replies_from_json, replies_to_json


def test_an_invite_qr_a_link_button_and_a_card_survive_the_round_trip() -> None:
    """Regression: a reply carrying a PNG (an invite QR code) could not be stored, so the
    whole turn failed with an apology."""
    replies = [
        Reply(
            "Mã mời của cơ sở Quý Hoa: QH-7K3M. Quét mã QR để liên kết Telegram.",
            (Button("Mở Telegram", "", "https://t.me/ocop_qn_bot?start=link_QH7K3M"),),
            image=Image.from_png(qr_png("https://t.me/ocop_qn_bot?start=link_QH7K3M"), "qr.png"),
        ),
        Reply(
            "Trung tâm OCOP Hạ Long",
            (Button("Xem đường đi", "p:shops:nuoc-mam-cai-rong"),),
            location=LocationCard(20.95, 107.07, "Trung tâm OCOP", "Bãi Cháy"),
            image=Image.from_url("https://example.vn/nuoc-mam.jpg"),
            request_location=True,
        ),
    ]
    stored = json.loads(json.dumps(replies_to_json(replies)))  # as the database keeps it
    assert replies_from_json(stored) == replies


def test_an_unreadable_record_is_no_record() -> None:
    assert replies_from_json([{"text": "x", "image": {"png": "not base64!"}}]) is None
    assert replies_from_json("[]") is None


def test_an_answer_too_long_to_keep_is_not_stored_but_a_long_list_is() -> None:
    """A retry needs the answer, not an archive: past the cap nothing is kept."""
    long_list = [Reply("\n".join(f"{i}. Miến dong Bình Liêu · 5 sao" for i in range(200)))]
    assert replies_from_json(replies_to_json(long_list)) == long_list
    too_long = [Reply("Nước mắm Cái Rồng " * 1500)]
    assert replies_to_json(too_long) is None
