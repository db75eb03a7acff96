"""Raw HTTP/1.1 requests over a socket: headers with bytes no HTTP client library sends."""

from __future__ import annotations

import asyncio


async def raw_request(
    host: str, port: int, method: str, path: str, headers: list[bytes], body: bytes = b""
) -> tuple[int, bytes]:
    """Sends one request with exactly these header lines; returns (status, body)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        lines = [f"{method} {path} HTTP/1.1".encode(), f"Host: {host}".encode(), *headers]
        lines += [f"Content-Length: {len(body)}".encode(), b"Connection: close"]
        writer.write(b"\r\n".join(lines) + b"\r\n\r\n" + body)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
    finally:
        writer.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), rest
