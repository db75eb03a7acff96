"""Start-up problems: one line naming the problem, a non-zero exit, never a traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot_process import ROOT, bot_env


def start(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=bot_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=180,
    )


def one_problem(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    problems = [line for line in done.stderr.splitlines() if "error" in line.lower()]
    assert len(problems) == 1, done.stderr
    return problems[0]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("OCOPBOT_TELEGRAM__TOKEN", ""),
        ("OCOPBOT_TELEGRAM__TOKEN", "not a token"),
        ("OCOPBOT_TELEGRAM__TOKEN", "123456:bad token with spaces"),
        ("OCOPBOT_ZALO_BOT__TOKEN", ""),
    ],
)
def test_an_empty_or_malformed_token_is_one_line(tmp_path: Path, key: str, value: str) -> None:
    """Regression: a traceback, or polling forever with 404s."""
    done = start(tmp_path, **{key: value})
    assert done.returncode == 2
    line = one_problem(done)
    section = key.removeprefix("OCOPBOT_").split("__")[0].lower()
    assert f"{section}.token" in line and key in line


@pytest.mark.parametrize("section", ["database", "redis"])
def test_a_password_inside_a_url_in_config_yaml_is_refused(tmp_path: Path, section: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"{section}:\n  url: postgresql://ocop:hunter2@db/ocop\n", "utf-8")
    done = start(tmp_path, "--config", str(config))
    assert done.returncode == 2
    line = one_problem(done)
    assert f"OCOPBOT_{section.upper()}__URL" in line and "hunter2" not in done.stderr


def test_an_unreachable_database_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    url = f"postgresql+asyncpg://ocop:s3cret@127.0.0.1:{port}/ocop"
    done = start(tmp_path, OCOPBOT_DATABASE__URL=url)
    assert done.returncode == 1
    line = one_problem(done)
    assert "unreachable" in line and f"127.0.0.1:{port}" in line
    assert "s3cret" not in done.stderr


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = start(tmp_path, OCOPBOT_WEB__PORT=str(port))
    assert done.returncode == 1
    line = one_problem(done)
    assert f"127.0.0.1:{port}" in line
