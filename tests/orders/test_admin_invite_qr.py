"""`producers invite --qr FILE`: the t.me deep link and a QR code PNG of it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.admin_cli import AdminError, producers_invite
from bot.core.qr import qr_png
from tests.orders.conftest import FakeClock, Run

DB = async_sessionmaker[AsyncSession]


async def test_invite_writes_a_qr_of_the_deep_link(
    run: Run, db: DB, clock: FakeClock, tmp_path: Path
) -> None:
    qr = tmp_path / "quy-hoa.png"
    text = await producers_invite(
        db, "quy-hoa", clock=clock, bot_username="ocop_qn_bot", qr_path=qr
    )
    link = re.search(r"https://t\.me/ocop_qn_bot\?start=link_(\S+)", text)
    assert link is not None and qr.read_bytes() == qr_png(link.group(0))
    assert await run(lambda s: s.link(link.group(1), "telegram:202")) == "quy-hoa"
    out = json.loads(
        await producers_invite(db, "quy-hoa", as_json=True, bot_username="ocop_qn_bot")
    )
    assert out["telegram_link"].endswith(f"start=link_{out['code']}")


async def test_a_qr_without_the_bot_username_is_refused_before_any_code_is_made(
    db: DB, tmp_path: Path
) -> None:
    with pytest.raises(AdminError, match=r"telegram\.bot_username"):
        await producers_invite(db, "quy-hoa", qr_path=tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()
