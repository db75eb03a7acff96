"""Both Zalo channels switch on from the environment alone; secrets stay secret."""

from __future__ import annotations

import pytest

from bot.channels.zalo_bot import ZaloBotChannel
from bot.channels.zalo_oa import MemoryTokenStore, ZaloOAChannel
from bot.channels.zalo_oa.channel import initial_tokens
from bot.config import load_settings
from tests.channels.scripted_engine import FakeEngine


def test_environment_turns_the_channels_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCOPBOT_ZALO_BOT__TOKEN", "111:bot-secret")
    monkeypatch.setenv("OCOPBOT_ZALO_OA__APP_ID", "4321")
    monkeypatch.setenv("OCOPBOT_ZALO_OA__SECRET_KEY", "oa-secret")
    monkeypatch.setenv("OCOPBOT_ZALO_OA__REFRESH_TOKEN", "rt-env")
    settings = load_settings()
    assert settings.zalo_bot.webhook_path == "/zalo/bot/webhook"
    assert settings.zalo_oa.webhook_path == "/zalo/oa/webhook"
    assert ZaloBotChannel(settings.zalo_bot, FakeEngine()).name == "zalo_bot"
    oa = ZaloOAChannel(settings.zalo_oa, FakeEngine(), MemoryTokenStore())
    assert oa.name == "zalo_oa"
    tokens = initial_tokens(settings.zalo_oa)
    assert tokens is not None and tokens.refresh_token == "rt-env"
    assert "rt-env" not in repr(tokens) and "oa-secret" not in repr(settings)


def test_a_channel_without_its_secrets_refuses_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OCOPBOT_ZALO_BOT__TOKEN", raising=False)
    monkeypatch.delenv("OCOPBOT_ZALO_OA__SECRET_KEY", raising=False)
    settings = load_settings()
    with pytest.raises(ValueError, match=r"zalo_bot\.token"):
        ZaloBotChannel(settings.zalo_bot, FakeEngine())
    with pytest.raises(ValueError, match="app_id and secret_key"):
        ZaloOAChannel(settings.zalo_oa, FakeEngine(), MemoryTokenStore())
