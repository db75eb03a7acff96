"""The OA webhook: signatures accepted, refused, replayed and stale; event kinds."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot.core.messages import Button, GeoPoint, Reply
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.fake_oa_api import (
    APP_SECRET_KEY,
    FIRST_ACCESS,
    OA_SECRET_KEY,
    FakeZaloOA,
)
from tests.channels.zalo.oa_events import OaEvents
from tests.channels.zalo.oa_fixtures import OaSetup
from tests.core.fakes import FakeNlu, build_engine, memory_sessions

MakeOa = Callable[..., Awaitable[OaSetup]]


async def test_a_signed_text_is_answered_through_the_cs_api(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    engine = FakeEngine()
    oa = await make_oa(engine)
    event = OaEvents().text("u-1001", "chào shop")
    assert await oa.deliver(OaEvents.sign(event)) == 200
    [sent] = oa_api.delivered("u-1001")
    assert sent.text == "echo chào shop" and sent.access_token == FIRST_ACCESS
    [got] = engine.received
    assert (got.channel, got.chat_id, got.user_id) == ("zalo_oa", "u-1001", "u-1001")
    assert got.message_id == event["message"]["msg_id"]


@pytest.mark.parametrize(
    "how", ["missing", "wrong", "other secret", "app secret", "tampered", "no mac="]
)
async def test_a_bad_signature_gets_401_and_nothing_happens(
    oa_api: FakeZaloOA, make_oa: MakeOa, how: str
) -> None:
    engine = FakeEngine()
    oa = await make_oa(engine)
    event = OaEvents().text("u-1002", "chuyển tiền đi")
    secrets = {"other secret": "not-the-secret", "app secret": APP_SECRET_KEY}
    signed = OaEvents.sign(event, secrets.get(how, OA_SECRET_KEY))
    headers = dict(signed.headers)
    body = signed.body
    if how == "missing":
        del headers["X-ZEvent-Signature"]
    elif how == "wrong":
        headers["X-ZEvent-Signature"] = "mac=" + "0" * 64
    elif how == "tampered":
        body = body.replace("chuyển tiền đi".encode(), "chuyển tiền về".encode())
    elif how == "no mac=":
        headers["X-ZEvent-Signature"] = headers["X-ZEvent-Signature"][4:]
    assert await oa.post(body, headers) == 401
    await oa.channel.queue.drain()
    assert engine.received == [] and oa_api.calls == []


@pytest.mark.parametrize("age", [2 * 3600 + 60.0, 86400.0, -(2 * 3600 + 60.0)])
async def test_a_timestamp_older_than_two_hours_or_from_the_future_gets_401(
    oa_api: FakeZaloOA, make_oa: MakeOa, age: float
) -> None:
    engine = FakeEngine()
    oa = await make_oa(engine)
    event = OaEvents().text("u-1003", "cũ rồi", age=age)
    assert await oa.deliver(OaEvents.sign(event)) == 401
    assert engine.received == [] and oa_api.calls == []


async def test_a_replayed_request_changes_nothing(oa_api: FakeZaloOA, make_oa: MakeOa) -> None:
    async def echo_text(turn: Turn) -> Outcome:
        return Outcome([Reply(f"echo {turn.msg.text}")])

    router = Router()
    router.set_fallback(echo_text)
    async with memory_sessions() as sessions:
        oa = await make_oa(build_engine(sessions, router, FakeNlu({})))
        signed = OaEvents.sign(OaEvents().text("u-1004", "đặt 2 hộp"))
        for _ in range(3):
            assert await oa.deliver(signed) == 200
    assert oa_api.texts("u-1004") == ["echo đặt 2 hộp"]


async def test_location_and_follow_events_become_messages(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    engine = FakeEngine()
    oa = await make_oa(engine)
    events = OaEvents()
    assert await oa.deliver(OaEvents.sign(events.location("u-1005", 20.95, 107.08))) == 200
    assert await oa.deliver(OaEvents.sign(events.follow("u-1006"))) == 200
    located, followed = engine.received
    assert located.location == GeoPoint(20.95, 107.08) and located.chat_id == "u-1005"
    assert followed.text == "/start" and followed.chat_id == "u-1006"
    assert oa_api.texts("u-1005") == ["location 20.95,107.08"]


async def test_unknown_or_broken_signed_events_get_200_and_are_skipped(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    engine = FakeEngine()
    oa = await make_oa(engine)
    events = OaEvents()
    unknown = events.text("u-1007", "x") | {"event_name": "user_reacted_message"}
    no_id = events.text("u-1007", "x")
    del no_id["message"]["msg_id"]
    no_sender = events.text("u-1007", "x")
    del no_sender["sender"]
    for event in (unknown, no_id, no_sender, events.location("u-1007", 0, 0) | {"message": {}}):
        assert await oa.deliver(OaEvents.sign(event)) == 200
    assert engine.received == [] and oa_api.calls == []
    assert await oa.post(b"not json", {"X-ZEvent-Signature": "mac=00"}) == 401


async def test_long_replies_are_split_and_options_numbered(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    long = "\n".join(f"Dòng {i}: " + "chả mực Hạ Long " * 15 for i in range(30))
    buttons = (Button("Nhận đơn", "o:acc:1:v1"), Button("Từ chối", "o:dec:1:v1"))
    oa = await make_oa(FakeEngine(lambda m: [Reply(long, buttons)]))
    await oa.deliver(OaEvents.sign(OaEvents().text("u-1008", "chi tiết")))
    texts = oa_api.texts("u-1008")
    assert len(texts) > 3 and all(len(t) < 2000 for t in texts)
    assert texts[-1].endswith("1. Nhận đơn\n2. Từ chối")
