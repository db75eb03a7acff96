"""The message mix of bench/chat_bench.py: short conversations a visitor plays in order.

Product questions, searches, shops, tourism, events and whole checkouts (delivery and
pick-up, cash on delivery: no payment step; the floss's producer is never linked, so its
order takes the honest "waits for the centre's staff" outcome). A step in brackets clicks
the button whose title contains it; a visitor whose expected button is missing (the
conversation went elsewhere) starts its next conversation instead.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import aiohttp

CONVERSATIONS: list[list[str]] = [
    ["nước mắm Cái Rồng giá bao nhiêu?", "trà hoa vàng Ba Chẽ là gì"],
    ["sản phẩm 5 sao ở Quảng Ninh", "chả mực Hạ Long", "what is oyster floss?"],
    ["mua miến dong Bình Liêu ở đâu", "cửa hàng OCOP ở Hạ Long"],
    ["đi Vịnh Hạ Long nên ăn gì", "có sự kiện hay hội chợ nào sắp tới không"],
    ["tìm quà biếu dưới 200 nghìn", "xin chào"],
    [
        "cho mình 2 chai nước mắm Cái Rồng",
        "Nguyễn Văn An",
        "0912 345 678",
        "[Giao tận nơi]",
        "12 Trần Hưng Đạo, Hạ Long",
        "[Không có ghi chú]",
        "[Xác nhận]",
    ],
    ["where can I buy golden camellia tea?", "events in Quang Ninh this month"],
    [
        "đặt 1 hũ ruốc hàu",
        "[Vân Đồn]",
        "Trần Thị Bình",
        "0987654321",
        "[Nhận tại Trung tâm]",
        "[Hạ Long]",
        "[Không có ghi chú]",
        "[Xác nhận]",
    ],
]


class Visitor:
    """One web chat session playing the conversations in turn, one message at a time."""

    #: Conversations that went elsewhere (an expected button missing), over all visitors:
    #: a mix that drifts (a checkout never finished) measures something else.
    astray = 0

    def __init__(self, http: aiohttp.ClientSession, base: str, first: int) -> None:
        self.http = http
        self.base = base
        self.headers: dict[str, str] = {}
        self.conversation = first % len(CONVERSATIONS)
        self.step = 0
        self.buttons: list[dict[str, Any]] = []

    async def start(self) -> Visitor:
        async with self.http.post(f"{self.base}/api/chat/session") as response:
            self.headers = {"Authorization": f"Bearer {(await response.json())['token']}"}
        return self

    def _next_body(self) -> dict[str, str]:
        steps = CONVERSATIONS[self.conversation]
        if self.step >= len(steps):
            self.conversation = (self.conversation + 1) % len(CONVERSATIONS)
            self.step = 0
            steps = CONVERSATIONS[self.conversation]
        said = steps[self.step]
        self.step += 1
        if not said.startswith("["):
            return {"text": said}
        title = said[1:-1].casefold()
        found = (b["payload"] for b in self.buttons if title in b["title"].casefold())
        payload = next(found, None)
        if payload is not None:
            return {"payload": payload}
        Visitor.astray += 1
        self.step = len(steps)  # the conversation went elsewhere: begin the next one
        return self._next_body()

    async def send(self, out: list[float]) -> bool:
        """Sends the next message; records its latency in ms if it succeeded."""
        body = self._next_body() | {"id": uuid.uuid4().hex}  # as the page does (retries)
        started = time.perf_counter()
        url = f"{self.base}/api/chat/messages"
        async with self.http.post(url, json=body, headers=self.headers) as response:
            answer = await response.json(content_type=None) if response.status == 200 else None
        if answer is None:
            return False
        out.append((time.perf_counter() - started) * 1000)
        replies = answer.get("replies", []) if isinstance(answer, dict) else []
        self.buttons = [b for r in replies for b in r.get("buttons") or [] if "payload" in b]
        return True
