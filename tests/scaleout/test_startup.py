"""A bad redis.url stops `python -m bot` at once with one clear line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.bot_process import ROOT, bot_env


def start(tmp_path: Path, redis_url: str) -> subprocess.CompletedProcess[str]:
    env = bot_env(tmp_path)
    env["OCOPBOT_REDIS__URL"] = redis_url
    return subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_malformed_redis_url_is_a_config_error(tmp_path: Path) -> None:
    result = start(tmp_path, "http://127.0.0.1:6379/0")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "config error: redis.url: Value error, not a Redis URL (redis://host:port/db, "
        "rediss://..., unix:///path) (config.yaml key redis.url or environment "
        "OCOPBOT_REDIS__URL)"
    ]


def test_an_unreachable_redis_is_named_without_its_password(tmp_path: Path) -> None:
    result = start(tmp_path, "redis://:hunter2@127.0.0.1:1/0")  # nothing listens on port 1
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "cannot start: Redis at redis://:***@127.0.0.1:1/0 is not reachable" in line
    assert "hunter2" not in result.stderr + result.stdout
    assert "ocopbot is running" not in result.stdout
    assert not (tmp_path / "bot.db").exists()  # stopped before touching the database
