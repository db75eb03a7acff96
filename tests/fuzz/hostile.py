"""A seeded generator of hostile values: text, numbers, payloads, JSON bodies."""

from __future__ import annotations

import json
import random
from typing import Any
from urllib.parse import quote

from bot.handlers import build_router

PHRASES = [
    "cho mình 2 chai nước mắm Cái Rồng",
    "tra hoa vang ba che gia bao nhieu",
    "sp 5 sao o ha long ko b",
    "where can I buy pearls near Bai Chay",
    "Xác nhận",
    "hủy đơn",
    "đơn của tôi",
    "giá dưới 99999999999999999999 đồng",
    "giá dưới ١٢٣٤٥ nghìn",
    "trang 99999999999999",
]
POISON = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\u200b",
    "\ufeff",
    "\U0001f600",
    "\u202e",
    "\r\n",
    "\t",
    "١٢٣",
    "9" * 40,
    "-1",
    "1e400",
    "NaN",
    "∞",
    '=HYPERLINK("x")',
    "'; DROP TABLE orders;--",
    "%s%n",
    "{{name}}",
    "<script>",
    "x" * 3000,
    "",
    " ",
]
NUMBERS = ["0", "-1", "7", "2147483648", "9" * 30, "١٢", "٣", "1e9", "0x10", "", "NaN", "-0"]
# Every button route the bot serves (the real router's), and two it does not.
ROUTES = [*sorted(build_router().payload_routes), "lang:xx", "zz:zz"]
IDS = ["nuoc-mam-cai-rong", "tra-hoa-vang-ba-che", "ha-long", "", "..", "a" * 70]


class Hostile:
    """Everything comes from one seeded Random, so a failure can be replayed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def text(self) -> str:
        parts = [self.rng.choice(PHRASES)]
        for _ in range(self.rng.randint(0, 3)):
            at = self.rng.randint(0, len(parts[-1]))
            piece, poison = parts[-1], self.rng.choice(POISON)
            parts[-1] = piece[:at] + poison + piece[at:]
        return " ".join(parts)[: self.rng.choice([50, 500, 2000, 5000])]

    def number(self) -> str:
        return self.rng.choice(NUMBERS)

    def payload(self) -> str:
        args = [
            self.rng.choice([self.number(), self.rng.choice(IDS), self.rng.choice(POISON)])
            for _ in range(self.rng.randint(0, 3))
        ]
        return ":".join([self.rng.choice(ROUTES), *args])[:300]

    def json_body(self) -> bytes:
        """A web chat POST body, sometimes well formed, sometimes not at all."""
        kind = self.rng.randrange(8)
        if kind == 0:
            depth = self.rng.choice([5, 40, 1000])
            return b"[" * depth + b"]" * depth
        if kind == 1:
            lat = self.rng.choice(["NaN", "Infinity", "1e400", "91", "20.95", '"20"', "null"])
            return f'{{"location": {{"lat": {lat}, "lon": 107.07}}}}'.encode()
        if kind == 2:
            return self.rng.choice([b"\xff\xfe", b"{", b"null", b"[]", b'"x"', b'{"text": 5}'])
        if kind == 3:
            return f'{{"text": "x\\ud800y\\u0000", "id": {self.number() or 0}}}'.encode()
        body: dict[str, Any] = {"id": self.rng.choice([None, "m1", self.rng.choice(POISON)])}
        if kind in (4, 5):
            body["text"] = self.text()
        else:
            body["payload"] = self.payload()
        if self.rng.random() < 0.2:
            body["lang"] = self.rng.choice(["vi", "en", "xx", "\x00", "e" * 40])
        return json.dumps(body, ensure_ascii=self.rng.random() < 0.5).encode("utf-8", "replace")


def form_body(rng: random.Random, text: str) -> tuple[bytes, str]:
    """A console sign-in form, sometimes well formed, sometimes not at all: (body, type)."""
    form = "application/x-www-form-urlencoded"
    kind = rng.randrange(6)
    if kind == 0:  # bytes that are not UTF-8
        return b"email=\xff\xfe&password=%ff%fe&csrf=\x80", form
    if kind == 1:  # NUL and other control characters, percent-encoded
        return f"email=a%00b%40x.vn&password={quote(text)}%07&csrf=x".encode(), form
    if kind == 2:  # over the console's 64 KB form limit
        return b"email=" + b"a" * 70_000, form
    if kind == 3:  # not a form at all
        return b'{"email": "a@b.vn"}', "application/json"
    if kind == 4:  # a form whose charset no decoder knows
        return b"email=a", form + "; charset=x-unknown"
    return f"email={quote(text)}&password={quote(text[::-1])}&csrf=x".encode(), form
