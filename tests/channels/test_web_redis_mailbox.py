"""The Redis mailbox across an upgrade and an expired id key: nothing lost, no id reused."""

from __future__ import annotations

import json

from tests.channels.mailboxes import RedisClients, texts


async def test_pushes_an_older_version_queued_are_delivered_first(
    redis_clients: RedisClients,
) -> None:
    """The previous version queued pushes in a plain list under <prefix>:mailbox:<chat>."""
    redis = redis_clients.client()
    old = [{"text": "Đơn hàng mới #D1"}, {"text": "Đơn hàng mới #D2"}]
    await redis.rpush(
        f"{redis_clients.prefix}:mailbox:c1", *(json.dumps(m, ensure_ascii=False) for m in old)
    )
    box = redis_clients.mailbox()
    await box.put("c1", [{"text": "Đơn #D1 đã được nhận"}])

    got = await box.take("c1", 0, after=0)

    assert texts(got) == ["Đơn hàng mới #D1", "Đơn hàng mới #D2", "Đơn #D1 đã được nhận"]
    assert [p.id for p in got] == sorted({p.id for p in got})
    assert not await redis.exists(f"{redis_clients.prefix}:mailbox:c1")
    assert await box.take("c1", 0, after=got[-1].id) == []


async def test_a_poll_moves_an_older_versions_pushes_over_too(
    redis_clients: RedisClients,
) -> None:
    redis = redis_clients.client()
    await redis.rpush(f"{redis_clients.prefix}:mailbox:c1", json.dumps({"text": "cũ"}))
    box = redis_clients.mailbox()

    [lost] = await box.take("c1", 0, after=0)  # its answer never arrives
    assert await box.take("c1", 0, after=0) == [lost]
    assert lost.message == {"text": "cũ"}


async def test_an_expired_last_id_never_hands_out_an_id_a_page_holds(
    redis_clients: RedisClients,
) -> None:
    box = redis_clients.mailbox()
    [held] = await box.put("c1", [{"text": "một"}])
    await box.take("c1", 0, after=held)  # acknowledged: the chat's set is empty
    redis = redis_clients.client()
    await redis.delete(f"{redis_clients.prefix}:push-id:c1")  # as if it expired

    [new] = await box.put("c1", [{"text": "hai"}])

    assert new > held
    assert texts(await box.take("c1", 0, after=held)) == ["hai"]
