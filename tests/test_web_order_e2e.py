"""A customer and a producer, each in their own web chat of the running bot, finish an order."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot_process import WebChat, bot_env, run_cli, running_bot


def test_an_order_goes_from_the_customers_web_chat_to_the_producers_and_back(
    tmp_path: Path,
) -> None:
    with running_bot(bot_env(tmp_path)) as (_process, url):
        invite = run_cli(tmp_path, "producers", "invite", "nuoc-mam-cai-rong-jsc", "--json")
        code = json.loads(invite.stdout)["code"]
        producer = WebChat(url)
        assert "Công ty CP Nước mắm Cái Rồng" in producer.send(f"/link {code}")

        customer = WebChat(url)
        customer.fish_sauce_to_confirm()
        assert "2 chai Nước mắm Cái Rồng" in customer.text
        customer.click("Xác nhận")
        assert "Đặt hàng thành công" in customer.text

        # The ping travels through the outbox and the dispatcher to the producer's long poll.
        pinged = producer.wait_for("Đơn hàng mới")
        ping = next(m for m in pinged if "Đơn hàng mới" in m["text"])
        assert "0912345678" in ping["text"] and "12 Trần Hưng Đạo" in ping["text"]
        accept = producer.button("Nhận đơn", [ping])
        assert "Đã nhận đơn" in producer.press(accept)

        told = customer.wait_for("đã được nhận")
        assert sum("đã được nhận" in m["text"] for m in told) == 1
        assert "đã được nhận" in customer.send("đơn của tôi")

        # A replayed Accept changes nothing and says so.
        replay = producer.press(accept)
        assert "Đã nhận đơn" not in replay and "không thể" in replay
        orders = json.loads(run_cli(tmp_path, "orders", "list", "--json").stdout)
        assert [o["status"] for o in orders] == ["accepted"]
