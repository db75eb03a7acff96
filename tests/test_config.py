"""Settings: config.yaml, environment overrides, secrets, and clear start-up errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("OCOPBOT_"):
            monkeypatch.delenv(name)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_config_gives_the_embedded_default() -> None:
    settings = load_settings(ROOT / "config.yaml")
    assert settings.database.url.startswith("sqlite+aiosqlite:///./data/")
    assert (settings.web.host, settings.web.port) == ("127.0.0.1", 8080)
    assert settings.telegram.token is None
    assert settings.orders.remind_after.total_seconds() == 7200


def test_environment_beats_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "web:\n  port: 9000\ndatabase:\n  url: sqlite+aiosqlite:///x.db\n")
    monkeypatch.setenv("OCOPBOT_WEB__PORT", "9100")
    monkeypatch.setenv("OCOPBOT_DATABASE__URL", "postgresql+asyncpg://u@h/db")
    settings = load_settings(path)
    assert settings.web.port == 9100
    assert settings.database.url == "postgresql+asyncpg://u@h/db"


def test_a_token_from_the_environment_is_never_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OCOPBOT_TELEGRAM__TOKEN", "123456:SECRET-abc")
    settings = load_settings(ROOT / "config.yaml")
    assert settings.telegram.token is not None
    assert settings.telegram.token.get_secret_value() == "123456:SECRET-abc"
    assert "SECRET" not in repr(settings) and "SECRET" not in str(settings.model_dump())


def test_a_secret_in_the_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "telegram:\n  token: '123:abc'\n")
    with pytest.raises(ConfigError, match=r"telegram\.token: .*OCOPBOT_TELEGRAM__TOKEN"):
        load_settings(path)


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("web:\n  port: 99999\n", {}, "web.port"),
        ("", {"OCOPBOT_WEB__PORT": "eighty"}, "OCOPBOT_WEB__PORT"),
        ("telegram:\n  mode: carrier-pigeon\n", {}, "telegram.mode"),
        ("web:\n  colour: red\n", {}, "web.colour"),
        ("web: [unclosed\n", {}, "not valid YAML"),
    ],
)
def test_a_bad_value_stops_start_up_with_one_line_and_status_2(
    tmp_path: Path, text: str, env: dict[str, str], expected: str
) -> None:
    path = write(tmp_path, text)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OCOPBOT_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(path), "db", "upgrade"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**environment, **env},
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stderr


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(tmp_path / "nope.yaml")
