"""Clients that keep going through crashes: each request is retried, as the page and the
platforms do, until the restarted bot answers it (a web message keeps its client id)."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import aiohttp

RETRY_PAUSE = 0.2


@dataclass
class Tally:
    """What the clients saw: the ground truth the database is checked against."""

    confirmed: set[str] = field(default_factory=set)  # customers told "Đặt hàng thành công"
    derailed: list[str] = field(default_factory=list)  # a dialogue that went astray
    pushes: list[str] = field(default_factory=list)  # texts the producer's long poll got
    acked: dict[str, set[str]] = field(default_factory=dict)  # channel -> engine message ids
    retries: int = 0

    def ack(self, channel: str, message_id: str) -> None:
        self.acked.setdefault(channel, set()).add(message_id)


async def retried(
    http: aiohttp.ClientSession, tally: Tally, method: str, url: str, deadline: float, **kw: Any
) -> tuple[int, Any]:
    """Sends until the answer is not a connection error or a 5xx (the bot is back)."""
    while True:
        try:
            async with http.request(method, url, **kw) as response:
                if response.status < 500:
                    text = await response.text()
                    return response.status, json.loads(text) if text else None
        except (TimeoutError, aiohttp.ClientError, json.JSONDecodeError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{method} {url} never got through")
        tally.retries += 1
        await asyncio.sleep(RETRY_PAUSE)


class Visitor:
    """A web chat visitor; every message carries its own id, kept across retries."""

    def __init__(self, http: aiohttp.ClientSession, base: str, tally: Tally, deadline: float):
        self.http, self.base, self.tally, self.deadline = http, base, tally, deadline
        self.token = ""
        self.user = ""
        self.replies: list[dict[str, Any]] = []
        self.last: dict[str, Any] = {}

    async def open(self) -> Visitor:
        status, body = await retried(
            self.http, self.tally, "POST", f"{self.base}/api/chat/session", self.deadline
        )
        assert status == 201, body
        self.token, self.user = body["token"], body["user"]
        return self

    @property
    def text(self) -> str:
        return "\n".join(reply["text"] for reply in self.replies)

    async def send(self, text: str | None = None, payload: str | None = None) -> str:
        return await self.resend({"id": uuid.uuid4().hex, "text": text, "payload": payload})

    async def resend(self, body: dict[str, Any]) -> str:
        """Sends a message body (again: the same id, as the page after a network error)."""
        self.last = body
        headers = {"Authorization": f"Bearer {self.token}"}
        url = f"{self.base}/api/chat/messages"
        status, answer = await retried(
            self.http, self.tally, "POST", url, self.deadline, json=body, headers=headers
        )
        assert status == 200, answer
        self.replies = answer["replies"]
        return self.text

    async def click(self, title_part: str) -> str:
        for reply in self.replies:
            for button in reply["buttons"]:
                if title_part in button["title"]:
                    return await self.send(payload=button["payload"])
        raise LookupError(title_part)

    async def poll_forever(self, pause: float = 0.0) -> None:
        """Collects every pushed message into the tally (until cancelled); ``pause`` between
        polls leaves pushes waiting on the server, as a page that is closed for a while.
        Each poll names the last id received, as the page does: an answer cut by a kill is
        answered again."""
        headers = {"Authorization": f"Bearer {self.token}"}
        after = 0
        while True:
            await asyncio.sleep(pause)
            url = f"{self.base}/api/chat/updates?wait=1&after={after}"
            status, body = await retried(
                self.http, self.tally, "GET", url, time.monotonic() + 600, headers=headers
            )
            if status == 200 and body["messages"]:
                self.tally.pushes.extend(m["text"] for m in body["messages"])
                after = body["messages"][-1]["id"]


async def order_as_customer(visitor: Visitor) -> None:
    """The Vietnamese checkout of tests/test_web_order_e2e.py, through any crash."""
    await visitor.open()
    try:
        await visitor.send("cho mình 2 chai nước mắm Cái Rồng")
        await visitor.send("Nguyễn Văn An")
        await visitor.send("0912 345 678")
        await visitor.click("Giao tận nơi")
        await visitor.send("12 Trần Hưng Đạo, Hạ Long")
        await visitor.click("Không có ghi chú")
        await visitor.click("Xác nhận")
    except LookupError as exc:
        visitor.tally.derailed.append(f"{visitor.user}: no button {exc} after {visitor.text!r}")
        return
    if "Đặt hàng thành công" in visitor.text:
        visitor.tally.confirmed.add(visitor.user)
    else:
        visitor.tally.derailed.append(f"{visitor.user}: {visitor.text!r}")
