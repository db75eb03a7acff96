"""`python -m bot operators add|list|disable`, and the start-up line before the first account."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.admin.console_support import add_operator
from tests.bot_process import ROOT, bot_env, run_cli


def test_accounts_are_added_from_stdin_listed_and_disabled(tmp_path: Path) -> None:
    assert "no operator accounts" in run_cli(tmp_path, "operators", "list").stdout
    said = add_operator(tmp_path, "Thu.Ha@OCOP-QuangNinh.vn", role="staff")
    assert "thu.ha@ocop-quangninh.vn (staff) can sign in at /admin" in said

    listed = run_cli(tmp_path, "operators", "list").stdout
    assert "thu.ha@ocop-quangninh.vn" in listed and "staff" in listed and "yes" in listed

    disabled = run_cli(tmp_path, "operators", "disable", "thu.ha@ocop-quangninh.vn")
    assert disabled.returncode == 0, disabled.stderr
    assert " no " in run_cli(tmp_path, "operators", "list").stdout

    unknown = run_cli(tmp_path, "operators", "disable", "ai.do@example.org")
    assert unknown.returncode == 1 and "no operator 'ai.do@example.org'" in unknown.stderr


def test_a_short_password_or_a_bad_address_makes_no_account(tmp_path: Path) -> None:
    for email, password, why in (
        ("lan@ocop.vn", "ngan", "at least 10 characters"),
        ("khong-phai-email", "mot mat khau du dai", "not an e-mail address"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "bot", "operators", "add", email],
            cwd=ROOT,
            env=bot_env(tmp_path),
            input=password + "\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1 and why in done.stderr and "Traceback" not in done.stderr
        assert password not in done.stderr + done.stdout
    assert "no operator accounts" in run_cli(tmp_path, "operators", "list").stdout
