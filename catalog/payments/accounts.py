"""Producers' bank accounts: validated, stored, shown back masked."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import Table, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from catalog.models import Producer
from catalog.payments.banks import Bank, bank_by_bin, find_bank
from catalog.payments.dto import BankAccountDTO
from catalog.payments.errors import PaymentError
from catalog.payments.models import BankAccount
from catalog.text import fold

HOLDER_CHARS = 50  # VietQR's account name is at most 50 characters


def clean_account_number(text: str) -> str:
    """Account number without spaces, dots or dashes, upper-case; PaymentError if invalid."""
    number = re.sub(r"[\s.\-]", "", text).upper()
    if not re.fullmatch(r"[0-9A-Z]{6,19}", number) or not re.search(r"\d", number):
        raise PaymentError("payments.bank.bad_number")
    return number


def clean_holder(text: str) -> str:
    """The holder as banks print it: "Nguyễn Văn A" -> "NGUYEN VAN A"; PaymentError if empty."""
    holder = fold(text).upper()
    if len(holder) < 2 or len(holder) > HOLDER_CHARS or not re.search(r"[A-Z]{2}", holder):
        raise PaymentError("payments.bank.bad_holder")
    return holder


def read_bank_line(text: str) -> tuple[Bank, str, str]:
    """Reads "VCB 0011001234567 NGUYEN VAN A" (bank by short name or BIN) into its parts.

    Raises:
        PaymentError: bad_bank, bad_number, bad_holder or usage (too few words).
    """
    words = text.split()
    if len(words) < 3:
        raise PaymentError("payments.bank.usage")
    bank, rest = find_bank(words[0] + words[1]), words[2:]  # "MB Bank", "Vietin Bank"
    if bank is None or len(words) < 4:
        bank, rest = find_bank(words[0]), words[1:]
    if bank is None:
        raise PaymentError("payments.bank.bad_bank", bank=words[0])
    # The number may be typed in groups ("0011 0012 34567"); the holder has no digits.
    count = next((i for i, w in enumerate(rest) if not re.search(r"\d", w)), len(rest))
    if count == 0:
        raise PaymentError("payments.bank.bad_number")
    return bank, clean_account_number("".join(rest[:count])), clean_holder(" ".join(rest[count:]))


def _dto(row: BankAccount) -> BankAccountDTO:
    bank = bank_by_bin(row.bank_bin)
    code, name = (bank.code, bank.short_name) if bank else (row.bank_bin, row.bank_bin)
    return BankAccountDTO(
        row.producer_id, row.bank_bin, code, name, row.account_number, row.holder
    )


_accounts: Table = BankAccount.__table__  # type: ignore[assignment]
# Asked by every checkout summary and confirm click: built once, on the table.
_HAVING = select(_accounts.c.producer_id).where(
    _accounts.c.producer_id.in_(bindparam("ids", expanding=True))
)


class BankAccounts:
    """Reads and writes producers' accounts; the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def all_have(self, producer_ids: list[str]) -> bool:
        """True when every one of these producers has an account (one statement)."""
        wanted = set(producer_ids)
        if not wanted:
            return False
        found = set(await self._session.scalars(_HAVING, {"ids": sorted(wanted)}))
        return found == wanted

    async def get(self, producer_id: str | None) -> BankAccountDTO | None:
        """The producer's account, or None."""
        if not producer_id:
            return None
        row = await self._session.get(BankAccount, producer_id)
        return None if row is None else _dto(row)

    async def set(
        self, producer_id: str, bank: Bank, number: str, holder: str, set_by: str, now: datetime
    ) -> BankAccountDTO:
        """Validates and stores (or replaces) the producer's account.

        Raises:
            PaymentError: unknown producer, bad number or bad holder.
        """
        if await self._session.get(Producer, producer_id) is None:
            raise PaymentError("payments.bank.unknown_producer", producer=producer_id)
        number, holder = clean_account_number(number), clean_holder(holder)
        row = await self._session.get(BankAccount, producer_id)
        if row is None:
            row = BankAccount(producer_id=producer_id)
            self._session.add(row)
        row.bank_bin, row.account_number, row.holder = bank.bin, number, holder
        row.set_by, row.set_at = set_by, now
        await self._session.flush()
        return _dto(row)
