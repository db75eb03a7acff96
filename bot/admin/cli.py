"""`python -m bot operators add EMAIL [--role admin|staff] | list | disable EMAIL`."""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from bot.admin.passwords import WeakPassword, hash_password
from bot.admin_cli import AdminError, Sessions
from catalog.console import AuditLog, OperatorAccounts
from catalog.orders import utc_now


def read_password(stdin: TextIO = sys.stdin) -> str:
    """Asks twice on a terminal; reads one line from a pipe (scripts, tests)."""
    if stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat the password: ") != first:
            raise AdminError("the two passwords differ; nothing changed")
        return first
    return stdin.readline().rstrip("\r\n")


async def operators_add(sessions: Sessions, email: str, role: str, password: str) -> str:
    """Creates (or resets) a console account."""
    if "@" not in email or len(email) > 200:
        raise AdminError(f"{email!r} is not an e-mail address")
    try:
        hashed = hash_password(password)
    except WeakPassword as exc:
        raise AdminError(str(exc)) from None
    async with sessions() as session, session.begin():
        account = await OperatorAccounts(session).add(email, hashed, role, utc_now())
        await AuditLog(session).write("cli", "account.add", account.email, utc_now(), role)
    return f"operator {account.email} ({account.role}) can sign in at /admin"


async def operators_list(sessions: Sessions) -> str:
    """Lists the console accounts."""
    async with sessions() as session:
        accounts = await OperatorAccounts(session).list()
    if not accounts:
        return "no operator accounts (add one: python -m bot operators add EMAIL --role admin)"
    lines = [f"{'EMAIL':<36} {'ROLE':<6} {'ACTIVE':<7} LAST SIGN-IN"]
    for a in accounts:
        last = a.last_login_at.strftime("%Y-%m-%d %H:%M UTC") if a.last_login_at else "-"
        lines.append(f"{a.email:<36} {a.role:<6} {'yes' if a.active else 'no':<7} {last}")
    return "\n".join(lines)


async def operators_disable(sessions: Sessions, email: str) -> str:
    """Disables an account and signs it out everywhere."""
    async with sessions() as session, session.begin():
        if not await OperatorAccounts(session).disable(email):
            raise AdminError(f"no operator {email!r} (see: operators list)")
        await AuditLog(session).write("cli", "account.disable", email, utc_now())
    return f"operator {email} is disabled"
