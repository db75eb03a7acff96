"""Operator accounts and failed sign-ins; the caller owns the session and transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.console.models import LoginAttempt, OperatorAccount, OperatorSession
from catalog.orders.types import changed_one

ROLES = ("admin", "staff")


@dataclass(frozen=True, slots=True)
class AccountDTO:
    """A console account; the password hash stays out of repr."""

    id: int
    email: str
    role: str
    active: bool
    created_at: datetime
    last_login_at: datetime | None
    password_hash: str = field(repr=False, default="")


def normalise_email(email: str) -> str:
    """Accounts are found by their e-mail in lower case, without surrounding spaces."""
    return email.strip().lower()


def _dto(row: OperatorAccount) -> AccountDTO:
    return AccountDTO(
        row.id,
        row.email,
        row.role,
        row.active,
        row.created_at,
        row.last_login_at,
        row.password_hash,
    )


_accounts: Table = OperatorAccount.__table__  # type: ignore[assignment]
# Asked whenever an order or a hand-off nobody else receives is answered: built once.
_ANY_ACTIVE = select(_accounts.c.id).where(_accounts.c.active).limit(1)


class OperatorAccounts:
    """Adds, lists and disables console accounts."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, email: str, password_hash: str, role: str, now: datetime) -> AccountDTO:
        """Creates an active account (or re-activates one with a new password and role)."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        email = normalise_email(email)
        row = await self._session.scalar(
            select(OperatorAccount).where(OperatorAccount.email == email)
        )
        if row is None:
            row = OperatorAccount(email=email, created_at=now)
            self._session.add(row)
        row.password_hash, row.role, row.active = password_hash, role, True
        await self._session.flush()
        return _dto(row)

    async def by_email(self, email: str) -> AccountDTO | None:
        """The account with this e-mail, active or not."""
        row = await self._session.scalar(
            select(OperatorAccount).where(OperatorAccount.email == normalise_email(email))
        )
        return None if row is None else _dto(row)

    async def list(self) -> list[AccountDTO]:
        """Every account, by e-mail."""
        rows = await self._session.scalars(select(OperatorAccount).order_by(OperatorAccount.email))
        return [_dto(r) for r in rows]

    async def disable(self, email: str) -> bool:
        """Disables the account and ends its sessions; False when there is no such account."""
        account = await self.by_email(email)
        if account is None:
            return False
        await self._session.execute(
            update(OperatorAccount).where(OperatorAccount.id == account.id).values(active=False)
        )
        await self._session.execute(
            delete(OperatorSession).where(OperatorSession.account_id == account.id)
        )
        return True

    async def any_active(self) -> bool:
        """True when at least one active account exists: someone reads the console's inbox.

        This is the third way an order is received (besides a linked producer chat and
        ``orders.operator``), for the honest outcome told to the customer.
        """
        return await self._session.scalar(_ANY_ACTIVE) is not None

    async def signed_in(self, account_id: int, now: datetime) -> bool:
        """Records a successful sign-in."""
        result = await self._session.execute(
            update(OperatorAccount)
            .where(OperatorAccount.id == account_id)
            .values(last_login_at=now)
        )
        return changed_one(result)


class LoginFailures:
    """Failed sign-ins, for the per-account-and-address rate limit."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, email: str, address: str, now: datetime) -> None:
        """Counts one failure of `email` from `address`."""
        self._session.add(
            LoginAttempt(email=normalise_email(email)[:200], address=address[:64], at=now)
        )
        await self._session.flush()

    async def count(self, email: str, address: str, since: datetime) -> tuple[int, int]:
        """Failures since `since`: (of this account from this address, from this address)."""
        recent = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.at >= since)
        recent = recent.where(LoginAttempt.address == address[:64])
        by_address = await self._session.scalar(recent) or 0
        pair = recent.where(LoginAttempt.email == normalise_email(email)[:200])
        return int(await self._session.scalar(pair) or 0), int(by_address)

    async def forget_before(self, before: datetime) -> None:
        """Drops failures older than the window."""
        await self._session.execute(delete(LoginAttempt).where(LoginAttempt.at < before))
