"""Zalo OA to the letter of the platform: two secrets, the expired-token codes, replays of
undelivered events, lengths in UTF-16 units, images uploaded then attached."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest
from pydantic import SecretStr

from bot.channels.zalo_oa import MemoryTokenStore
from bot.core.images import Image
from bot.core.messages import Reply
from bot.core.qr import qr_png
from bot.core.router import Router
from bot.core.turn import Outcome, Turn
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.fake_oa_api import (
    APP_ID,
    APP_SECRET_KEY,
    FIRST_REFRESH,
    FakeZaloOA,
)
from tests.channels.zalo.fake_oa_rules import utf16_units
from tests.channels.zalo.oa_events import OaEvents
from tests.channels.zalo.oa_fixtures import OaSetup
from tests.core.fakes import FakeNlu, build_engine, memory_sessions

MakeOa = Callable[..., Awaitable[OaSetup]]


async def test_webhooks_are_checked_with_the_oa_key_and_refresh_uses_the_app_key(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    oa = await make_oa(FakeEngine())
    assert await oa.deliver(OaEvents.sign(OaEvents().text("u-2001", "chào"))) == 200
    signed_with_app_key = OaEvents.sign(OaEvents().text("u-2001", "x"), APP_SECRET_KEY)
    assert await oa.deliver(signed_with_app_key) == 401
    oa_api.expire()
    await oa.channel.send("u-2001", [Reply("Đơn mới")])
    assert oa_api.texts("u-2001") == ["echo chào", "Đơn mới"]
    assert len(oa_api.refreshes) == 1  # the fake takes only the app secret there


async def test_without_an_oa_key_the_app_key_checks_webhooks_with_a_warning(
    oa_api: FakeZaloOA, make_oa: MakeOa, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        oa = await make_oa(FakeEngine(), oa_secret_key=None)
    assert "OCOPBOT_ZALO_OA__OA_SECRET_KEY" in caplog.text
    assert APP_SECRET_KEY not in caplog.text
    signed = OaEvents.sign(OaEvents().text("u-2002", "xin chào"), APP_SECRET_KEY)
    assert await oa.deliver(signed) == 200
    assert await oa.deliver(OaEvents.sign(OaEvents().text("u-2002", "x"))) == 401
    assert oa_api.texts("u-2002") == ["echo xin chào"]


async def test_an_expired_token_220_is_refreshed_and_the_message_sent_once(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    store = MemoryTokenStore()
    oa = await make_oa(FakeEngine(), store)  # seeded from the environment: no expiry known
    oa_api.expire()
    await oa.channel.send("p-1", [Reply("Đơn mới #1")])
    assert [c.error for c in oa_api.calls if c.kind == "cs"] == [-220, 0]
    assert len(oa_api.refreshes) == 1 and oa_api.texts("p-1") == ["Đơn mới #1"]
    assert oa_api.refreshes[0].body["refresh_token"] == FIRST_REFRESH
    assert store.saved[APP_ID].refresh_token == oa_api.refresh


async def test_an_invalid_token_216_is_refreshed_too(oa_api: FakeZaloOA, make_oa: MakeOa) -> None:
    oa = await make_oa(FakeEngine(), access_token=SecretStr("never-issued-by-this-oa"))
    await oa.channel.send("p-2", [Reply("xin chào")])
    assert [c.error for c in oa_api.calls if c.kind == "cs"] == [-216, 0]
    assert oa_api.texts("p-2") == ["xin chào"] and len(oa_api.refreshes) == 1


async def test_a_token_rotated_by_another_process_is_read_back_not_refreshed_again(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    shared = MemoryTokenStore()  # stands for the zalo_oa_tokens table
    first = await make_oa(FakeEngine(), shared)
    second = await make_oa(FakeEngine(), shared)
    await first.channel.send("p-3", [Reply("một")])
    oa_api.expire()
    await second.channel.send("p-3", [Reply("hai")])  # refreshes, rotating rt-0 away
    await first.channel.send("p-3", [Reply("ba")])  # meets -220 with its old token
    assert oa_api.texts("p-3") == ["một", "hai", "ba"]
    assert len(oa_api.refreshes) == 1  # a second refresh with rt-0 would have been refused
    assert not [c for c in oa_api.calls if c.kind == "refresh" and c.error]


async def test_zalo_replays_an_hour_later_are_accepted_and_answered_once(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    async def echo_text(turn: Turn) -> Outcome:
        return Outcome([Reply(f"Dạ, {turn.msg.text}")])

    router = Router()
    router.set_fallback(echo_text)
    async with memory_sessions() as sessions:
        engine = build_engine(sessions, router, FakeNlu({}))
        oa = await make_oa(engine)
        other_process = await make_oa(engine)
        late = OaEvents.sign(OaEvents().text("u-2003", "còn hàng không shop", age=3600))
        assert await oa.deliver(late) == 200
        assert await oa.deliver(late) == 200  # Zalo's retry, same process
        assert await other_process.deliver(late) == 200  # and through another process
    assert oa_api.texts("u-2003") == ["Dạ, còn hàng không shop"]


async def test_long_texts_with_emoji_are_split_in_utf16_units(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    long = "🍵🌼🍊 Trà hoa vàng " * 110  # fits 2000 characters, not 2000 UTF-16 units
    assert len(long) < 2000 < utf16_units(long)
    oa = await make_oa(FakeEngine(lambda m: [Reply(long)]))
    await oa.deliver(OaEvents.sign(OaEvents().text("u-2004", "kể đi")))
    texts = oa_api.texts("u-2004")
    assert len(texts) == 2 and all(utf16_units(t) <= 2000 for t in texts)
    assert " ".join(texts).split() == long.split()
    assert not [c for c in oa_api.calls if c.error]


async def test_a_png_is_uploaded_then_attached_and_a_url_goes_as_it_is(
    oa_api: FakeZaloOA, make_oa: MakeOa
) -> None:
    png = qr_png("https://t.me/ocop_test_bot?start=link_K7M3-QP9T")
    replies = [
        Reply("Mã QR của bạn", image=Image.from_png(png)),
        Reply("Ảnh sản phẩm", image=Image.from_url("https://ocop.example/tra.jpg")),
    ]
    oa = await make_oa(FakeEngine(lambda m: replies))
    await oa.deliver(OaEvents.sign(OaEvents().text("u-2005", "gửi ảnh")))
    [upload] = [c for c in oa_api.calls if c.kind == "upload"]
    assert oa_api.uploads[upload.body["attachment_id"]] == png
    sent = oa_api.delivered("u-2005")
    assert [c.image or c.text for c in sent] == [
        {"media_type": "image", "attachment_id": upload.body["attachment_id"]},
        "Mã QR của bạn",
        {"media_type": "image", "url": "https://ocop.example/tra.jpg"},
        "Ảnh sản phẩm",
    ]
