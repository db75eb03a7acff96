"""Linking a producer's chat with a one-time invite code."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from catalog.orders import InviteDTO, RefusalReason, UnknownProducer
from catalog.orders.inbox_models import ProducerInbox, ProducerInvite
from tests.orders.conftest import FakeClock, Run
from tests.orders.helpers import refused

DB = async_sessionmaker[AsyncSession]


async def invite(run: Run, producer_id: str = "quy-hoa") -> InviteDTO:
    return await run(lambda s: s.create_invite(producer_id))  # type: ignore[return-value]


async def test_a_code_links_a_chat_once_and_only_its_hash_is_stored(
    run: Run, db: DB, clock: FakeClock
) -> None:
    made = await invite(run)
    assert made.expires_at == clock.now + timedelta(hours=24)
    assert len(made.code) == 9 and made.code[4] == "-"
    assert made.code not in repr(made)
    async with db() as session:
        stored = await session.scalar(select(ProducerInvite.code_hash))
    assert stored and made.code.replace("-", "") not in stored

    typed = made.code.lower().replace("-", " ")  # people type codes sloppily
    assert await run(lambda s: s.link(typed, "telegram:101")) == "quy-hoa"
    assert await run(lambda s: s.producers_of("telegram:101")) == ["quy-hoa"]
    # The same chat sending the code again is harmless; another chat is refused.
    assert await run(lambda s: s.link(made.code, "telegram:101")) == "quy-hoa"
    assert refused(await run(lambda s: s.link(made.code, "zalo_bot:5")), RefusalReason.INVITE_USED)
    async with db() as session:
        inboxes = list(await session.scalars(select(ProducerInbox.address)))
    assert inboxes == ["telegram:101"]


async def test_an_expired_code_is_refused(run: Run, clock: FakeClock) -> None:
    made = await invite(run)
    clock.advance(timedelta(hours=24))
    assert refused(
        await run(lambda s: s.link(made.code, "telegram:1")), RefusalReason.INVITE_EXPIRED
    )
    assert await run(lambda s: s.producers_of("telegram:1")) == []


async def test_a_code_works_until_it_expires(run: Run, clock: FakeClock) -> None:
    made = await invite(run)
    clock.advance(timedelta(hours=23, minutes=59))
    assert await run(lambda s: s.link(made.code, "telegram:1")) == "quy-hoa"


async def test_unknown_codes_are_refused(run: Run) -> None:
    await invite(run)
    for code in ("", "----", "AAAA-AAAA", "not a code"):
        result = await run(lambda s, c=code: s.link(c, "telegram:1"))
        assert refused(result, RefusalReason.INVITE_UNKNOWN), code


async def test_one_producer_may_have_several_inboxes(run: Run) -> None:
    for address in ("telegram:1", "web:shop"):
        made = await invite(run)
        assert await run(lambda s, c=made.code, a=address: s.link(c, a)) == "quy-hoa"
    assert await run(lambda s: s.producers_of("web:shop")) == ["quy-hoa"]


async def test_inviting_an_unknown_producer_is_an_error(run: Run) -> None:
    with pytest.raises(UnknownProducer):
        await invite(run, "no-such-producer")
