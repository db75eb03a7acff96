"""What a Redis client sends, counted: each command is one round trip (no pipelines here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from redis.asyncio import Redis


def record_commands(
    client: Redis, fail: Callable[[tuple[Any, ...]], Exception | None] | None = None
) -> list[str]:
    """Records the name of each command ``client`` sends from now on, in order.

    Args:
        client: the client to watch (changed in place).
        fail: given a command's arguments, an error to raise instead of sending it, or None.

    Returns:
        The list the names are appended to.
    """
    sent: list[str] = []
    real = client.execute_command

    async def execute_command(*args: Any, **options: Any) -> Any:
        sent.append(str(args[0]).upper())
        error = fail(args) if fail is not None else None
        if error is not None:
            raise error
        return await real(*args, **options)

    client.execute_command = execute_command  # type: ignore[method-assign]
    return sent
