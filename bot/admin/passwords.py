"""Password hashing for console accounts (argon2id through argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 10
_HASHER = PasswordHasher()
# A hash checked when the account does not exist, so both cases take the same time. It is
# a constant (of a random password nobody kept) because hashing one at import took 0.14 s
# of every start; its parameters must stay the hasher's (tests/admin/test_passwords.py).
_DUMMY = (
    "$argon2id$v=19$m=65536,t=3,p=4$n5sn+mIqY87KR5sRvQGg2g$"
    "1FnpfO7+TAihVVv2eHQr/3QWcMuC2Vjd2eJBB8P/YcQ"
)


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
