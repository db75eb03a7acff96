"""Outbox payloads become replies in the recipient's language."""

from __future__ import annotations

from bot.core.i18n import I18n
from bot.core.messages import Button, Reply
from bot.notify_render import OutboxRenderer, rendered_payload
from tests.orders.fake_channels import renderer


def test_keys_nested_params_and_buttons_are_translated() -> None:
    payload = {
        "lang": "vi",
        "key": "orders.ping.producer.new",
        "params": {
            "number": "K7M3QP",
            "items": "• 1 × Trà",
            "delivery": {"key": "orders.delivery.address", "params": {"address": "Hạ Long"}},
            "payment": {"key": "orders.payment.cod"},
        },
        "buttons": [{"key": "orders.button.accept", "payload": "o:acc:1:v1"}],
    }
    [reply] = renderer()(payload)
    assert reply.text == "Đơn mới K7M3QP:\n• 1 × Trà\nGiao tới: Hạ Long\nThanh toán khi nhận hàng"
    assert reply.buttons == (Button("Nhận đơn", "o:acc:1:v1"),)


def test_english_customers_read_english_and_missing_sentences_fall_back() -> None:
    i18n = I18n(
        {"vi": {"a": "Xin chào {name}", "b": "Chỉ tiếng Việt"}, "en": {"a": "Hello {name}"}}
    )
    render = OutboxRenderer(i18n.t)
    assert render({"lang": "en", "key": "a", "params": {"name": "Anna"}})[0].text == "Hello Anna"
    assert render({"lang": "en", "key": "b"})[0].text == "Chỉ tiếng Việt"


def test_already_rendered_replies_survive_the_round_trip() -> None:
    replies = [Reply("Khách cần hỗ trợ", buttons=(Button("Mở", "nav:help"),)), Reply("SĐT: ***")]
    payload = rendered_payload(replies)
    assert renderer()(payload) == [
        Reply("Khách cần hỗ trợ\n\nSĐT: ***", buttons=(Button("Mở", "nav:help"),))
    ]
