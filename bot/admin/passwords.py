"""Password hashing for console accounts (argon2id through argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
# A hash checked when the account does not exist, so both cases take the same time.
_HASHER = PasswordHasher()
_DUMMY = _HASHER.hash("not-a-real-password")


class WeakPassword(ValueError):
    """The password is too short."""


def hash_password(password: str) -> str:
    """The argon2id hash to store; raises WeakPassword under MIN_LENGTH characters."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when `password` matches the stored hash (None: no account, still timed alike)."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False
