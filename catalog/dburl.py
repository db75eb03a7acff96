"""Finds the database URL the way the bot does, without importing the bot's settings."""

from __future__ import annotations

import os
from pathlib import Path

import yaml

DEFAULT_URL = "sqlite+aiosqlite:///./data/ocopbot.db"
ENV_VAR = "OCOPBOT_DATABASE__URL"


def resolve_url(explicit: str | None = None, config: Path = Path("config.yaml")) -> str:
    """The first of: ``explicit``, $OCOPBOT_DATABASE__URL, config.yaml's database.url, default.

    Raises:
        ValueError: config.yaml exists but cannot be read as YAML.
    """
    if explicit:
        return explicit
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    if config.exists():
        try:
            data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{config}: cannot read ({exc.__class__.__name__})") from None
        database = data.get("database") if isinstance(data, dict) else None
        if isinstance(database, dict) and database.get("url"):
            return str(database["url"])
    return DEFAULT_URL
