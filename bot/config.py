"""Typed settings: config.yaml first, then OCOPBOT_<SECTION>__<KEY> environment overrides."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from bot.config_secrets import telegram_webhook_secret, zalo_bot_webhook_secret
from bot.payments_config import PaymentsSettings

ENV_PREFIX = "OCOPBOT_"
DEFAULT_CONFIG = Path("config.yaml")


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DatabaseSettings(Section):
    url: str = "sqlite+aiosqlite:///./data/ocopbot.db"
    seed_on_empty: bool = True
    # SQLite files only: FULL returns from a commit once it is on disk (a confirmed order
    # survives a power cut; commits finishing together share one flush); NORMAL may lose the
    # last commits on a power cut or OS crash (bench/sqlite_sync_bench.py).
    sqlite_synchronous: Literal["FULL", "NORMAL"] = "FULL"


class WebSettings(Section):
    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    max_body_bytes: int = Field(8192, gt=0)
    max_text_chars: int = Field(2000, gt=0)
    rate_per_minute: int = Field(60, gt=0)
    # New chat sessions per client address a minute (bursts of as many): making sessions
    # must not be a way around the per-session rate limit.
    sessions_per_minute: int = Field(20, gt=0)
    # Behind a reverse proxy every client has the proxy's address: set this when the proxy
    # appends the client's to X-Forwarded-For (the last entry is the one it saw).
    trust_forwarded_for: bool = False


class TelegramSettings(Section):
    token: SecretStr | None = None
    mode: Literal["polling", "webhook"] = "polling"
    api_base: str = "https://api.telegram.org"
    webhook_path: str = "/telegram/webhook"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    bot_username: str | None = None  # for t.me deep links (invite QR codes)

    _secret = field_validator("webhook_secret")(telegram_webhook_secret)

    @field_validator("token")
    @classmethod
    def _telegram_token(cls, token: SecretStr | None) -> SecretStr | None:
        """BotFather's form, 123456:ABC-...; an empty or mangled one never reaches aiogram."""
        if token is not None and not _TELEGRAM_TOKEN.fullmatch(token.get_secret_value()):
            raise ValueError("not a bot token from @BotFather (digits:letters), or empty")
        return token


_TELEGRAM_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,100}")


class ZaloBotSettings(Section):
    token: SecretStr | None = None
    mode: Literal["polling", "webhook"] = "polling"
    api_base: str = "https://bot-api.zaloplatforms.com"
    webhook_path: str = "/zalo/bot/webhook"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None

    @field_validator("token")
    @classmethod
    def _zalo_token(cls, token: SecretStr | None) -> SecretStr | None:
        value = token.get_secret_value() if token is not None else None
        if value is not None and (not value.strip() or not value.isascii() or " " in value):
            raise ValueError("the Zalo Bot token is empty or not one token")
        return token

    _secret = field_validator("webhook_secret")(zalo_bot_webhook_secret)


class ZaloOASettings(Section):
    app_id: str | None = None
    secret_key: SecretStr | None = None  # the app's secret key: OAuth token refresh
    oa_secret_key: SecretStr | None = None  # the OA secret key: webhook signatures
    access_token: SecretStr | None = None
    refresh_token: SecretStr | None = None
    api_base: str = "https://openapi.zalo.me"
    oauth_base: str = "https://oauth.zaloapp.com"
    webhook_path: str = "/zalo/oa/webhook"
    max_age: timedelta = timedelta(hours=2)  # Zalo replays undelivered events for ~1 h


class NluSettings(Section):
    backend: Literal["builtin", "rasa"] = "builtin"
    rasa_url: str | None = None
    model_dir: Path = Path("data/nlu-model")
    threshold: float = Field(0.45, ge=0.0, le=1.0)


class OrdersSettings(Section):
    operator: str | None = None
    remind_after: timedelta = timedelta(hours=2)
    escalate_after: timedelta = timedelta(hours=6)
    max_quantity: int = Field(100, gt=0)


class RedisSettings(Section):
    url: str | None = None  # set: state, locks and web mailboxes shared by several processes
    prefix: str = Field("ocopbot", min_length=1)  # of every key, so deployments can share a db
    state_ttl: timedelta | None = timedelta(days=30)  # idle conversations are forgotten after

    @field_validator("url")
    @classmethod
    def _redis_url(cls, url: str | None) -> str | None:
        """An empty URL means no Redis; anything else must be one redis-py can open."""
        if not url:
            return None
        if not _is_redis_url(url):
            raise ValueError("not a Redis URL (redis://host:port/db, rediss://..., unix:///path)")
        return url


def _is_redis_url(url: str) -> bool:
    parts = urlsplit(url)
    try:
        port_ok = parts.port is None or parts.port > 0  # .port raises on a non-number
    except ValueError:
        return False
    db = parts.path.strip("/")
    if parts.scheme == "unix":
        return bool(db)
    return (
        parts.scheme in ("redis", "rediss")
        and bool(parts.hostname)
        and port_ok
        and (not db or db.isdigit())
    )


class RetentionSettings(Section):
    """How long rows that only serve a while are kept; pruned every ``every``."""

    every: timedelta = Field(timedelta(hours=1), gt=timedelta(0))
    sessions: timedelta = timedelta(days=90)  # web chat sessions idle this long
    states: timedelta = timedelta(days=90)  # conversation state not touched this long
    dedup: timedelta = timedelta(days=7)  # processed message ids and their replies
    webhooks: timedelta = timedelta(days=7)  # processed webhook updates
    mailbox: timedelta = timedelta(days=30)  # web chat pushes nobody polled for
    transcript: timedelta = timedelta(days=90)  # web chat history lines this old
    analytics: timedelta = timedelta(days=365)  # the console's per-turn chart events


class AdminSettings(Section):
    """The operator console at /admin (bot/admin)."""

    enabled: bool = True
    session_ttl: timedelta = timedelta(hours=12)
    telegram_username: str | None = None  # the bot's @name for invite QR codes, if not polled


class LoggingSettings(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class Settings(BaseSettings):
    """All of ocopbot's settings; environment variables beat config.yaml."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid", case_sensitive=False
    )

    database: DatabaseSettings = DatabaseSettings()
    web: WebSettings = WebSettings()
    telegram: TelegramSettings = TelegramSettings()
    zalo_bot: ZaloBotSettings = ZaloBotSettings()
    zalo_oa: ZaloOASettings = ZaloOASettings()
    nlu: NluSettings = NluSettings()
    orders: OrdersSettings = OrdersSettings()
    payments: PaymentsSettings = PaymentsSettings()  # bot/payments_config.py (issue 16)
    redis: RedisSettings = RedisSettings()
    retention: RetentionSettings = RetentionSettings()
    admin: AdminSettings = AdminSettings()
    logging: LoggingSettings = LoggingSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The YAML file arrives as init kwargs; the environment must win over it.
        return (env_settings, init_settings)


class ConfigError(Exception):
    """A config file or environment value that ocopbot cannot start with."""


def _secret_paths() -> set[tuple[str, str]]:
    paths = set()
    for section, field in Settings.model_fields.items():
        model = field.annotation
        for key, sub in getattr(model, "model_fields", {}).items():
            if "SecretStr" in str(sub.annotation):
                paths.add((section, key))
    return paths


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a mapping of sections")
    for section in ("database", "redis"):
        values = data.get(section)
        url = values.get("url") if isinstance(values, dict) else None
        if isinstance(url, str) and urlsplit(url).password:
            env = f"{ENV_PREFIX}{section.upper()}__URL"
            raise ConfigError(
                f"{path}: {section}.url holds a password; put the whole URL in the "
                f"environment ({env}) instead"
            )
    for section, key in _secret_paths():
        values = data.get(section)
        if isinstance(values, dict) and values.get(key) not in (None, ""):
            env = f"{ENV_PREFIX}{section.upper()}__{key.upper()}"
            raise ConfigError(
                f"{path}: {section}.{key}: secrets are read only from the environment ({env})"
            )
    return data


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    key = ".".join(str(p) for p in first["loc"]) or "(root)"
    env = f"{ENV_PREFIX}{'__'.join(str(p) for p in first['loc']).upper()}"
    return f"{key}: {first['msg']} (config.yaml key {key} or environment {env})"


def load_settings(path: Path | None = None) -> Settings:
    """Load settings from a YAML file and the environment.

    Args:
        path: the config file; None means ./config.yaml if it exists.

    Returns:
        The validated settings.

    Raises:
        ConfigError: with a one-line message naming the key and the problem.
    """
    if path is not None and not path.exists():
        raise ConfigError(f"{path}: no such config file")
    chosen = path or (DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None)
    data = _read_yaml(chosen) if chosen else {}
    try:
        return Settings(**data)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None
