"""Helpers for the console tests: accounts through the real CLI, catalog workbooks."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook

from tests.bot_process import ROOT, bot_env

PASSWORD = "mật khẩu đủ dài 2026"


def add_operator(tmp_path: Path, email: str, role: str = "admin", password: str = PASSWORD) -> str:
    """Runs `python -m bot operators add` with the password on stdin, as a script would."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "operators", "add", email, "--role", role],
        cwd=ROOT,
        env=bot_env(tmp_path),
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def edited_workbook(exported: bytes, product_id: str, **cells: object) -> bytes:
    """The console's own XLSX export with some cells of one product changed."""
    book = load_workbook(BytesIO(exported))
    sheet = book["products"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("id")].value == product_id:
            for name, value in cells.items():
                row[header.index(name)].value = value
            break
    else:
        raise AssertionError(f"{product_id} is not in the export")
    out = BytesIO()
    book.save(out)
    return out.getvalue()
