"""The shipped list of Vietnamese banks (NAPAS BIN, short code, name) and look-ups in it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from catalog.text import fold

BANKS_FILE = Path(__file__).with_name("banks.yaml")


@dataclass(frozen=True, slots=True)
class Bank:
    """One bank: `bin` is its 6-digit NAPAS acquirer id, `code` the short code ("VCB")."""

    code: str
    bin: str
    short_name: str
    name: str


@cache
def all_banks() -> tuple[Bank, ...]:
    """Every bank of banks.yaml, in file order (read once)."""
    data = yaml.safe_load(BANKS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Bank(str(b["code"]), str(b["bin"]), str(b["short_name"]), str(b["name"]))
        for b in data["banks"]
    )


def banks_source() -> str:
    """Where the list comes from (its URL), for the operator."""
    return str(yaml.safe_load(BANKS_FILE.read_text(encoding="utf-8"))["source"])


def find_bank(text: str) -> Bank | None:
    """The bank a person typed: its BIN, short code or short name, any case or spacing.

    "VCB", "vietcombank", "970436" and "Vietcombank" all find Vietcombank; None otherwise.
    """
    wanted = fold(text).replace(" ", "")
    if not wanted:
        return None
    for bank in all_banks():
        names = {bank.bin, fold(bank.code).replace(" ", ""), fold(bank.short_name)}
        if wanted in names:
            return bank
    return None


def bank_by_bin(bin_: str) -> Bank | None:
    """The bank with this NAPAS BIN, or None."""
    return next((b for b in all_banks() if b.bin == bin_), None)
