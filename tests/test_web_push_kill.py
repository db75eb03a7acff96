"""A customer's "order accepted" push survives the bot being killed after the poll that
carried it was answered but before the page got the answer."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bot_process import WebChat, bot_env, run_cli, running_bot


def test_an_accepted_ping_lost_to_a_kill_reaches_the_customer_after_the_restart(
    tmp_path: Path,
) -> None:
    env = bot_env(tmp_path)
    with running_bot(env) as (process, url):
        code = json.loads(
            run_cli(tmp_path, "producers", "invite", "nuoc-mam-cai-rong-jsc", "--json").stdout
        )["code"]
        producer = WebChat(url)
        assert "Công ty CP Nước mắm Cái Rồng" in producer.send(f"/link {code}")
        customer = WebChat(url)
        customer.fish_sauce_to_confirm()
        customer.click("Xác nhận")
        assert "Đặt hàng thành công" in customer.text
        pinged = producer.wait_for("Đơn hàng mới")
        ping = next(m for m in pinged if "Đơn hàng mới" in m["text"])
        assert "Đã nhận đơn" in producer.press(producer.button("Nhận đơn", [ping]))

        received_before = customer.after
        told = customer.wait_for("đã được nhận")  # the server answered this poll...
        customer.after = received_before  # ...but the page never got the answer
        process.kill()  # SIGKILL: nothing runs after the answer left
        process.wait()

    with running_bot(env) as (_, url):
        customer.base = url
        again = customer.wait_for("đã được nhận")
        assert [m for m in again if "đã được nhận" in m["text"]] == [
            m for m in told if "đã được nhận" in m["text"]
        ]  # the same message, with the same id
        assert customer.poll(wait=1) == []  # acknowledged now: never again
