"""Webhook secrets the platforms would refuse stop start-up with one line and status 2
(instead of a setWebhook retried forever); good ones and the OA's two keys load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("OCOPBOT_"):
            monkeypatch.delenv(name)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(f"database:\n  url: sqlite+aiosqlite:///{tmp_path}/never.db\n")
    return path


@pytest.mark.parametrize(
    ("variable", "secret", "rule"),
    [
        ("OCOPBOT_TELEGRAM__WEBHOOK_SECRET", "mật khẩu bí mật", "A-Z, a-z, 0-9, _ and -"),
        ("OCOPBOT_TELEGRAM__WEBHOOK_SECRET", "has space", "A-Z, a-z, 0-9, _ and -"),
        ("OCOPBOT_TELEGRAM__WEBHOOK_SECRET", "x" * 257, "1-256 characters"),
        ("OCOPBOT_ZALO_BOT__WEBHOOK_SECRET", "short7!", "8-256 characters"),
        ("OCOPBOT_ZALO_BOT__WEBHOOK_SECRET", "z" * 257, "8-256 characters"),
    ],
)
def test_a_secret_the_platform_would_refuse_stops_start_up(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: Path,
    variable: str,
    secret: str,
    rule: str,
) -> None:
    monkeypatch.setenv(variable, secret)
    assert main(["--config", str(config), "db", "upgrade"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and rule in err[0] and variable in err[0]
    assert secret not in err[0]
    assert not (config.parent / "never.db").exists()


def test_secrets_the_platforms_take_are_accepted(
    monkeypatch: pytest.MonkeyPatch, config: Path
) -> None:
    monkeypatch.setenv("OCOPBOT_TELEGRAM__WEBHOOK_SECRET", "A" * 256)
    monkeypatch.setenv("OCOPBOT_ZALO_BOT__WEBHOOK_SECRET", "zalo-hook-Secret_42")
    monkeypatch.setenv("OCOPBOT_ZALO_OA__SECRET_KEY", "app-secret")
    monkeypatch.setenv("OCOPBOT_ZALO_OA__OA_SECRET_KEY", "oa-secret")
    settings = load_settings(config)
    assert settings.telegram.webhook_secret is not None
    assert settings.zalo_bot.webhook_secret is not None
    oa = settings.zalo_oa
    assert oa.secret_key is not None and oa.secret_key.get_secret_value() == "app-secret"
    assert oa.oa_secret_key is not None and oa.oa_secret_key.get_secret_value() == "oa-secret"
    assert oa.max_age.total_seconds() == 2 * 3600
