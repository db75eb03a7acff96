"""`python -m bot` on the embedded default: starts, chats on the web, stops on Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def bot_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCOPBOT_")}
    env.update(
        OCOPBOT_DATABASE__URL=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        OCOPBOT_WEB__PORT="0",
        OCOPBOT_NLU__MODEL_DIR=str(tmp_path / "nlu-model"),
    )
    return env


def run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=bot_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def running_bot(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=bot_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    url = ""
    while time.monotonic() < deadline and not url:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            pytest.fail(f"the bot exited with {process.returncode} before serving")
        if match := re.search(r"web chat at (http://\S+)", line):
            url = match.group(1)
    try:
        yield process, url
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def post(url: str, body: dict[str, object], token: str | None = None) -> dict[str, object]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_a_tourist_can_chat_with_the_freshly_started_bot(
    running_bot: tuple[subprocess.Popen[str], str],
) -> None:
    process, url = running_bot
    assert url, "the bot never printed its web chat address"
    with urllib.request.urlopen(url + "healthz", timeout=10) as response:
        assert response.status == 200
    session = post(url + "api/chat/session", {})
    question = {"text": "nước mắm Cái Rồng là gì?"}
    answer = post(url + "api/chat/messages", question, session["token"])
    texts = " ".join(reply["text"] for reply in answer["replies"])  # type: ignore[index]
    assert "Nước mắm Cái Rồng" in texts
    assert "thuonghieuquangninh.gov.vn" in texts  # the facts come with their source

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
