"""`python -m bot` on the embedded default: starts, chats on the web, stops on Ctrl-C."""

from __future__ import annotations

import json
import signal
import urllib.request
from pathlib import Path

from tests.bot_process import WebChat, bot_env, run_cli, running_bot


def test_a_tourist_can_chat_with_the_freshly_started_bot(tmp_path: Path) -> None:
    with running_bot(bot_env(tmp_path)) as (process, url):
        assert process.stdout is not None  # with no account yet, one line says how to add one
        assert "python -m bot operators add EMAIL --role admin" in process.stdout.readline()
        with urllib.request.urlopen(url + "healthz", timeout=10) as response:
            assert response.status == 200
        with urllib.request.urlopen(url + "admin/", timeout=10) as response:
            assert response.url.endswith("/admin/login")  # the console is on by default
        tourist = WebChat(url)
        tourist.send("nước mắm Cái Rồng là gì?")
        assert "Nước mắm Cái Rồng" in tourist.text
        assert "thuonghieuquangninh.gov.vn" in tourist.text  # the facts come with their source

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0


def test_the_operator_gets_a_one_time_link_code(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "producers", "invite", "quy-hoa", "--json")
    assert result.returncode == 0, result.stderr
    invite = json.loads(result.stdout)
    assert invite["producer"] == "quy-hoa"
    assert len(invite["code"]) >= 6 and invite["expires_at"]


def test_an_unknown_producer_is_named_and_nothing_is_made(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "producers", "invite", "no-such-producer")
    assert result.returncode == 1
    assert "no-such-producer" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli(tmp_path, "orders", "list").stdout.strip() == "no orders"
