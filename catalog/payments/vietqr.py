"""VietQR payloads (NAPAS's EMVCo profile for account transfers) and their PNG image.

00 payload format "01"          01 point of initiation "12" (dynamic: has an amount)
38 merchant account:  00 GUID "A000000727" (NAPAS), 01 beneficiary (00 BIN, 01 account),
                      02 service "QRIBFTTA" (transfer to an account)
53 currency "704" (VND)   54 amount   58 country "VN"
62 additional data: 08 purpose of transaction (the transfer content)
63 CRC-16/CCITT-FALSE over everything before it, including "6304"
"""

from __future__ import annotations

import io
import re

import segno

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY = "VN"
MAX_CONTENT = 25  # the purpose field (62/08) is ans..25
_ANS = re.compile(r"^[A-Za-z0-9 .\-]*$")


def crc16_ccitt(data: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as four upper-case hex digits."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def tlv(tag: str, value: str) -> str:
    """One EMVCo data object: id, two-digit length, value."""
    if len(value) > 99:
        raise ValueError(f"field {tag} longer than 99: {len(value)}")
    return f"{tag}{len(value):02d}{value}"


def build_payload(bin_: str, account: str, amount_vnd: int | None, content: str = "") -> str:
    """The VietQR text for a transfer of `amount_vnd` to `account` at bank `bin_`.

    Args:
        bin_: the bank's 6-digit NAPAS BIN.
        account: the account number (digits and letters, up to 19).
        amount_vnd: whole dong; None makes a static code (the payer types the amount).
        content: the transfer content (ASCII letters, digits, spaces; up to 25).

    Raises:
        ValueError: a field the standard would refuse.
    """
    if not re.fullmatch(r"\d{6}", bin_):
        raise ValueError("BIN must be 6 digits")
    if not re.fullmatch(r"[A-Za-z0-9]{1,19}", account):
        raise ValueError("account must be 1-19 letters or digits")
    if len(content) > MAX_CONTENT or not _ANS.match(content):
        raise ValueError("content must be at most 25 plain ASCII characters")
    if amount_vnd is not None and not 0 < amount_vnd < 10**13:
        raise ValueError("amount must be positive")
    beneficiary = tlv("00", bin_) + tlv("01", account)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_TO_ACCOUNT)
    parts = [tlv("00", "01"), tlv("01", "11" if amount_vnd is None else "12"), tlv("38", merchant)]
    parts.append(tlv("53", CURRENCY_VND))
    if amount_vnd is not None:
        parts.append(tlv("54", str(amount_vnd)))
    parts.append(tlv("58", COUNTRY))
    if content:
        parts.append(tlv("62", tlv("08", content)))
    body = "".join(parts) + "6304"
    return body + crc16_ccitt(body)


def parse_tlv(text: str) -> dict[str, str]:
    """Splits EMVCo data objects into {id: value} (one level); raises ValueError if malformed."""
    fields: dict[str, str] = {}
    at = 0
    while at < len(text):
        if at + 4 > len(text) or not text[at + 2 : at + 4].isdigit():
            raise ValueError(f"malformed data object at {at}")
        size = int(text[at + 2 : at + 4])
        value = text[at + 4 : at + 4 + size]
        if len(value) != size:
            raise ValueError(f"data object {text[at : at + 2]} is cut short")
        fields[text[at : at + 2]] = value
        at += 4 + size
    return fields


def qr_png(payload: str, scale: int = 6) -> bytes:
    """The payload as a PNG QR code (error correction M, quiet zone of 4 modules)."""
    buffer = io.BytesIO()
    segno.make_qr(payload, error="m", boost_error=False).save(
        buffer, kind="png", scale=scale, border=4
    )
    return buffer.getvalue()
