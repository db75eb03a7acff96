"""A VietQR notice from the outbox on Zalo: the OA uploads the PNG and attaches it above the
bank details; the Zalo Bot Platform, which takes photos by URL only, sends the details as text
(nothing about a picture it could not send)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.channels.zalo_bot import ZaloBotChannel
from bot.core.i18n import I18n
from bot.core.messages import Reply
from bot.notify_render import OutboxRenderer
from catalog.payments.dto import BankAccountDTO
from catalog.payments.notices import qr_payload
from catalog.payments.vietqr import build_payload
from tests.channels.scripted_engine import FakeEngine
from tests.channels.zalo.fake_bot_api import FakeZaloBotAPI
from tests.channels.zalo.fake_oa_api import FakeZaloOA
from tests.channels.zalo.oa_fixtures import OaSetup
from tests.payments.kit import decode_qr

ACCOUNT = BankAccountDTO("nuoc-mam-cai-rong-jsc", "970436", "VCB", "Vietcombank",
                         "0011001234567", "NGUYEN VAN A")  # fmt: skip
CONTENT = "OCOP K7M3QP"


def qr_notice(lang: str = "vi") -> list[Reply]:
    payload = qr_payload(lang, "payments.qr.customer", "K7M3QP", ACCOUNT, 240_000, CONTENT)
    return OutboxRenderer(I18n.load().t)(payload)


async def test_zalo_oa_gets_the_qr_as_an_uploaded_image_then_the_details(
    oa_api: FakeZaloOA, make_oa: Callable[..., Awaitable[OaSetup]]
) -> None:
    oa = await make_oa(FakeEngine())
    await oa.channel.send("u-3001", qr_notice())
    [upload] = [c for c in oa_api.calls if c.kind == "upload"]
    attachment = upload.body["attachment_id"]
    assert decode_qr(oa_api.uploads[attachment]) == build_payload(
        "970436", "0011001234567", 240_000, CONTENT
    )
    image, text = oa_api.delivered("u-3001")
    assert image.image == {"media_type": "image", "attachment_id": attachment}
    assert "Số tài khoản: 0011001234567" in text.text and f"Nội dung: {CONTENT}" in text.text


async def test_zalo_bot_gets_the_details_as_text_only(
    bot_api: FakeZaloBotAPI, make_bot: Callable[..., Awaitable[ZaloBotChannel]]
) -> None:
    channel = await make_bot(FakeEngine())
    await channel.send("zl-3002", qr_notice("en"))
    sent = [c for c in bot_api.calls if c.chat_id == "zl-3002"]
    assert [c.method for c in sent] == ["sendMessage"]
    assert "0011001234567" in sent[0].params["text"] and CONTENT in sent[0].params["text"]
