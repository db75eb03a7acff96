"""A read-through cache of the catalog's hot reads (products, places, districts, producers).

The catalog is read on almost every message and written only by imports, often from
another process. Entries therefore simply expire: an import is seen everywhere within
``ttl`` seconds, with no invalidation protocol between processes; a process that imports
itself may call :meth:`CatalogCache.clear` to see it at once.

The cache travels with the session factory (``make_session_factory(db, catalog_cache=...)``
puts it in every session's ``info``), so :class:`catalog.services.CatalogService` finds it on
the caller's session; order data is never cached.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

#: The key of the cache in ``Session.info``.
INFO_KEY = "catalog.cache"


class CatalogCache:
    """Remembers the results of catalog reads for ``ttl`` seconds, at most ``size`` of them.

    Cached values must not be mutated by callers: the service hands out frozen DTOs and
    fresh lists.

    Args:
        ttl: seconds a result is served before it is read again.
        size: results kept; the least recently used go first.
        clock: monotonic seconds (tests pass a fake one).
    """

    def __init__(
        self, ttl: float = 5.0, size: int = 4096, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._size = size
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()

    async def get_or_load(self, key: Hashable, load: Callable[[], Awaitable[T]]) -> T:
        """Returns the cached result for ``key``, or awaits ``load()`` and caches it.

        Args:
            key: the read and its arguments, e.g. ``("product", "p1")``.
            load: reads the value from the database on a miss.

        Returns:
            The value (shared: do not mutate it).
        """
        now = self._clock()
        entry = self._entries.get(key)
        if entry is not None and entry[0] > now:
            self._entries.move_to_end(key)
            return entry[1]  # type: ignore[no-any-return]
        value = await load()
        self._entries[key] = (now + self._ttl, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forgets everything, so the next reads see a fresh import."""
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def session_cache(session: AsyncSession) -> CatalogCache | None:
    """The cache the session's factory carries, if any."""
    cache = session.info.get(INFO_KEY)
    return cache if isinstance(cache, CatalogCache) else None
