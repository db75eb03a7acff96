"""Runs the real `python -m bot` in a subprocess and talks to its web chat API over HTTP."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def bot_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OCOPBOT_")}
    env.update(
        OCOPBOT_DATABASE__URL=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        OCOPBOT_WEB__PORT="0",
        OCOPBOT_NLU__MODEL_DIR=str(tmp_path / "nlu-model"),
    )
    env.update(extra)
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


@contextmanager
def running_bot(env: dict[str, str]) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Starts the bot; yields the process and its web chat URL once it is serving."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    url = ""
    try:
        while time.monotonic() < deadline and not url:
            line = process.stdout.readline()
            if not line and process.poll() is not None:
                pytest.fail(f"the bot exited with {process.returncode} before serving")
            if match := re.search(r"web chat at (http://\S+)", line):
                url = match.group(1)
        assert url, "the bot never printed its web chat address"
        yield process, url
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def post(url: str, body: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


class WebChat:
    """One person in the web chat of a running bot, in the user's words."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.token = post(base + "api/chat/session", {})["token"]
        self.replies: list[dict[str, Any]] = []
        self.after = 0  # the id of the last pushed message received

    @property
    def text(self) -> str:
        return "\n".join(reply["text"] for reply in self.replies)

    def send(self, text: str) -> str:
        self.replies = post(self.base + "api/chat/messages", {"text": text}, self.token)["replies"]
        return self.text

    def click(self, title_part: str) -> str:
        return self.press(self.button(title_part))

    def press(self, payload: str) -> str:
        """Sends a button's payload, as the page does when the button is clicked."""
        body = {"payload": payload}
        self.replies = post(self.base + "api/chat/messages", body, self.token)["replies"]
        return self.text

    def fish_sauce_to_confirm(self) -> str:
        """Two bottles of Cái Rồng fish sauce delivered home, up to the order's summary
        (the [Xác nhận] click is the caller's)."""
        self.send("cho mình 2 chai nước mắm Cái Rồng")
        self.send("Nguyễn Văn An")
        self.send("0912 345 678")
        self.click("Giao tận nơi")
        self.send("12 Trần Hưng Đạo, Hạ Long")
        return self.click("Không có ghi chú")

    def button(self, title_part: str, replies: list[dict[str, Any]] | None = None) -> str:
        for reply in replies if replies is not None else self.replies:
            for button in reply["buttons"]:
                if title_part in button["title"]:
                    return str(button["payload"])
        raise AssertionError(f"no button with {title_part!r}")

    def poll(self, wait: int = 10, after: int | None = None) -> list[dict[str, Any]]:
        """One long poll naming the last pushed id received (``after``: another one)."""
        after = self.after if after is None else after
        request = urllib.request.Request(
            f"{self.base}api/chat/updates?wait={wait}&after={after}",
            headers={"Authorization": f"Bearer {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=wait + 20) as response:
            messages: list[dict[str, Any]] = json.loads(response.read())["messages"]
        if messages:
            self.after = messages[-1]["id"]
        return messages

    def wait_for(self, words: str, timeout: float = 60) -> list[dict[str, Any]]:
        """Long-polls until a pushed message contains `words`; returns all pushed so far."""
        pushed: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pushed += self.poll(wait=10)
            if any(words in message["text"] for message in pushed):
                return pushed
        raise AssertionError(f"nothing pushed with {words!r}; got {pushed}")
