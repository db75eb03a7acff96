"""Acknowledged polling: a pushed message stays queued until a later poll names its id, so a
response lost on the way (a crash, a dropped connection, a reload) is answered again."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.channels.web import Mailbox, MemoryMailbox
from tests.channels.mailboxes import MakeMailbox, mailboxes, texts

DURABLE = ["redis", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DURABLE)
async def make_durable(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[MakeMailbox]:
    """Mailboxes that share one store, as processes behind a load balancer (or a restart)."""
    async with mailboxes(request.param, tmp_path) as make:
        yield make


async def test_a_poll_whose_answer_never_arrived_gets_the_same_messages_again(
    make_mailbox: MakeMailbox,
) -> None:
    box = await make_mailbox()
    await box.put("c1", [{"text": "Đơn hàng mới #A1"}, {"text": "Đơn hàng mới #A2"}])

    lost = await box.take("c1", 0, after=0)  # the answer never reached the page
    again = await box.take("c1", 0, after=0)  # the page asks again with what it had

    assert texts(lost) == ["Đơn hàng mới #A1", "Đơn hàng mới #A2"]
    assert again == lost
    assert lost[0].id < lost[1].id
    assert await box.take("c1", 0, after=again[-1].id) == []  # received: acknowledged
    assert await box.take("c1", 0, after=0) == []  # and deleted


async def test_only_what_the_page_acknowledged_is_deleted(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    [first] = await box.put("c1", [{"text": "Đơn #7 đã được nhận"}])
    await box.take("c1", 0, after=0)
    await box.put("c1", [{"text": "Đơn #7 đang giao"}])

    # The poll that received "đang giao" is lost: the next one still names only #7's id.
    assert texts(await box.take("c1", 0, after=first)) == ["Đơn #7 đang giao"]
    [shown] = await box.take("c1", 0, after=first)
    assert texts([shown]) == ["Đơn #7 đang giao"]
    assert await box.take("c1", 0, after=shown.id) == []


async def test_a_poll_that_acknowledges_waits_for_the_next_message(
    make_mailbox: MakeMailbox,
) -> None:
    box = await make_mailbox()
    [old] = await box.put("c1", [{"text": "cũ"}])
    started = time.monotonic()
    poll = asyncio.create_task(box.take("c1", 10, after=old))
    await asyncio.sleep(0.3)
    assert not poll.done()  # what it acknowledged does not end the wait
    await box.put("c1", [{"text": "mới"}])

    assert texts(await poll) == ["mới"]
    assert time.monotonic() - started < 3


async def test_ids_keep_increasing_after_everything_was_acknowledged(
    make_mailbox: MakeMailbox,
) -> None:
    """Regression: SQLite gave a new row the id of the newest deleted one, which the page
    had already acknowledged, so the new push was deleted unseen."""
    box = await make_mailbox()
    [first] = await box.put("c1", [{"text": "một"}])
    assert texts(await box.take("c1", 0, after=0)) == ["một"]
    assert await box.take("c1", 0, after=first) == []  # the mailbox is empty now

    [second] = await box.put("c1", [{"text": "hai"}])
    assert second > first
    assert texts(await box.take("c1", 0, after=first)) == ["hai"]


async def test_a_memory_mailbox_after_a_restart_never_reuses_an_id_a_page_holds() -> None:
    before = await MemoryMailbox().put("c1", [{"text": "trước"}])
    restarted = MemoryMailbox()  # the page still holds ``before``
    after = await restarted.put("c1", [{"text": "sau"}])
    assert after[0] > before[0]
    assert texts(await restarted.take("c1", 0, after=before[0])) == ["sau"]


async def test_two_tabs_polling_at_once_both_get_a_push(make_mailbox: MakeMailbox) -> None:
    box = await make_mailbox()
    tabs = [asyncio.create_task(box.take("c1", 10, after=0)) for _ in range(2)]
    await asyncio.sleep(0.2)
    await box.put("c1", [{"text": "Đơn #9 đã giao"}])

    first, second = await asyncio.gather(*tabs)

    assert texts(first) == texts(second) == ["Đơn #9 đã giao"]
    assert await box.take("c1", 0, after=first[0].id) == []  # one tab acknowledged it


async def test_a_restart_redelivers_what_no_poll_acknowledged(make_durable: MakeMailbox) -> None:
    box = await make_durable()
    await box.put("c1", [{"text": "Đơn hàng mới #B7"}])
    lost = await box.take("c1", 0, after=0)
    await box.close()  # the process is gone before its answer left

    restarted = await make_durable()

    assert await restarted.take("c1", 0, after=0) == lost
    assert await restarted.take("c1", 0, after=lost[-1].id) == []


async def test_pushes_from_two_processes_while_the_page_polls_all_arrive_once(
    make_durable: MakeMailbox,
) -> None:
    """Two dispatchers push to one chat at once; the page acknowledges as it goes."""
    senders = [await make_durable(limit=100), await make_durable(limit=100)]
    poller = await make_durable(limit=100)
    sent = [f"{who}-{i}" for who in range(2) for i in range(20)]

    async def push(who: int, box: Mailbox) -> None:
        for i in range(20):
            await box.put("c1", [{"text": f"{who}-{i}"}])
            await asyncio.sleep(0)

    async def page() -> list[str]:
        seen: list[str] = []
        after = 0
        deadline = time.monotonic() + 30
        while len(seen) < len(sent) and time.monotonic() < deadline:
            got = await poller.take("c1", 0.5, after=after)
            seen += texts(got)
            after = got[-1].id if got else after
        return seen

    pushing = asyncio.gather(*(push(who, box) for who, box in enumerate(senders)))
    seen, _ = await asyncio.gather(page(), pushing)

    assert sorted(seen) == sorted(sent)  # each once, none lost
    for who in range(2):  # each sender's pushes in the order it sent them
        assert [s for s in seen if s.startswith(f"{who}-")] == [f"{who}-{i}" for i in range(20)]
