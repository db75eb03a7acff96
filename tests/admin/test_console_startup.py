"""What the console costs a start: nothing heavy is loaded before an operator needs it."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO

from argon2 import PasswordHasher

from bot.admin import passwords
from tests.admin.conftest import Console
from tests.bot_process import ROOT

ADMIN = "admin@ocop.vn"
#: Loaded only for a workbook, a migration or Redis: none of them on a usual start.
ON_DEMAND = ("openpyxl", "alembic", "mako", "pygments", "redis")


def test_the_serving_bot_imports_no_workbook_migration_or_redis_library() -> None:
    code = (
        "import sys, bot.__main__, bot.app, bot.runtime, bot.admin;"
        f"print(sorted(m for m in {ON_DEMAND!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"


async def test_the_console_still_exports_a_workbook(console: Console) -> None:
    from openpyxl import load_workbook

    await console.add(ADMIN)
    await console.sign_in(ADMIN)
    response = await console.client.get("/admin/catalog/export?format=xlsx")
    assert response.status == 200
    book = load_workbook(BytesIO(await response.read()))
    names = [row[1] for row in book["products"].iter_rows(min_row=2, values_only=True)]
    assert "Nước mắm Cái Rồng" in " ".join(str(name) for name in names)


def test_the_unknown_account_hash_costs_what_a_real_one_does() -> None:
    """The stored dummy must keep the hasher's parameters, or a missing account is faster."""
    hasher = PasswordHasher()
    assert not hasher.check_needs_rehash(passwords._DUMMY)
    assert not passwords.verify_password(None, "not-a-real-password")
    assert passwords.verify_password(passwords.hash_password("a long password"), "a long password")
