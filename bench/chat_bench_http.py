"""A lean HTTP/1.1 client for the bench's visitors: the load generator's CPU is the servers'.

aiohttp's client spends about half a millisecond of CPU per request (tracing hooks, cookie
jar, header multidicts, a response object with its own stream); on a 2-core machine that is
CPU the servers under test cannot have. ``LeanHttp`` offers just the part of
``aiohttp.ClientSession`` that ``chat_bench_mix.Visitor`` uses (``post(url, json=...,
headers=...)`` as an async context manager, ``response.status``, ``await response.json()``)
over keep-alive connections on ``asyncio.Protocol``: one request in flight per connection,
idle connections reused, exactly as the visitors of the bench need and nothing more.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit


class LeanHttpError(Exception):
    """The server answered something this client does not read (or closed the connection)."""


class LeanResponse:
    """What the visitors read of a response: the status and the JSON body."""

    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.body = body

    async def json(self, content_type: str | None = None) -> Any:
        """The body as JSON (``content_type`` is accepted for aiohttp's signature only)."""
        return json.loads(self.body)


class _Connection(asyncio.Protocol):
    """One keep-alive connection: sends a request, collects one Content-Length response."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.waiter: asyncio.Future[LeanResponse] | None = None
        self.reusable = True

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0 or self.waiter is None or self.waiter.done():
            return
        head = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
        fields = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
        if "content-length" not in fields:
            self._fail(LeanHttpError(f"no Content-Length in the answer: {head[0]}"))
            return
        size = int(fields["content-length"])
        if len(self.buffer) < end + 4 + size:
            return
        body = bytes(self.buffer[end + 4 : end + 4 + size])
        del self.buffer[: end + 4 + size]
        self.reusable = fields.get("connection", "").lower() != "close"
        self.waiter.set_result(LeanResponse(int(head[0].split()[1]), body))

    def connection_lost(self, exc: Exception | None) -> None:
        self.reusable = False
        self._fail(exc or LeanHttpError("the server closed the connection"))

    def _fail(self, exc: BaseException) -> None:
        self.reusable = False
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(exc)

    async def request(self, data: bytes) -> LeanResponse:
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(data)
        return await self.waiter


class LeanHttp:
    """Keep-alive POSTs of JSON to loopback servers (the bench's ``ClientSession``)."""

    def __init__(self) -> None:
        self._idle: dict[tuple[str, int], list[_Connection]] = {}
        self._all: list[_Connection] = []

    async def __aenter__(self) -> LeanHttp:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Closes every connection."""
        for connection in self._all:
            if connection.transport is not None:
                connection.transport.close()
        self._all.clear()
        self._idle.clear()

    async def _connection(self, host: str, port: int) -> _Connection:
        idle = self._idle.setdefault((host, port), [])
        if idle:
            return idle.pop()
        loop = asyncio.get_running_loop()
        _, connection = await loop.create_connection(_Connection, host, port)
        self._all.append(connection)
        return connection

    @asynccontextmanager
    async def post(
        self, url: str, json: Any = None, headers: dict[str, str] | None = None
    ) -> AsyncIterator[LeanResponse]:
        """POSTs ``json`` (or an empty body) to ``url``; yields the whole response."""
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 80
        body = b"" if json is None else _dumps(json).encode()
        lines = [
            f"POST {parts.path or '/'} HTTP/1.1",
            f"Host: {host}:{port}",
            "Content-Type: application/json",
            f"Content-Length: {len(body)}",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        data = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        connection = await self._connection(host, port)
        try:
            response = await connection.request(data)
        except BaseException:
            connection.reusable = False
            raise
        finally:
            if connection.reusable:
                self._idle[(host, port)].append(connection)
            elif connection.transport is not None:
                connection.transport.close()
        yield response


_dumps = json.dumps  # the parameter named ``json`` (aiohttp's) shadows the module in post()
