"""VietQR payloads checked field by field and by CRC against published examples, and the
PNG read back with zxing-cpp.

Published examples (each a real payload with its CRC, as printed by its authors):
- xuannghia/vietnam-qr-pay README, "VietQR Tĩnh" and "VietQR Động"
  (https://github.com/xuannghia/vietnam-qr-pay#readme): ACB (BIN 970416), account
  257678859; static, and 10 000 VND with content "Chuyen tien".
- subiz/vietqr README (https://github.com/subiz/vietqr#readme): VietinBank (BIN 970415),
  account 0011001932418, 120 000 VND, content "ung ho lu lut".
"""

from __future__ import annotations

import pytest

from catalog.payments.vietqr import build_payload, crc16_ccitt, parse_tlv, qr_png
from tests.payments.kit import decode_qr

ACB_STATIC = (
    "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F"
)
ACB_10000 = (
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704"
    "5405100005802VN62150811Chuyen tien630453E6"
)
VIETIN_120000 = (
    "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA5303704"
    "54061200005802VN62170813ung ho lu lut6304C15C"
)


@pytest.mark.parametrize(
    ("published", "bin_", "account", "amount", "content"),
    [
        (ACB_STATIC, "970416", "257678859", None, ""),
        (ACB_10000, "970416", "257678859", 10_000, "Chuyen tien"),
        (VIETIN_120000, "970415", "0011001932418", 120_000, "ung ho lu lut"),
    ],
)
def test_the_payload_is_the_published_one_byte_for_byte(
    published: str, bin_: str, account: str, amount: int | None, content: str
) -> None:
    assert build_payload(bin_, account, amount, content) == published


@pytest.mark.parametrize("published", [ACB_STATIC, ACB_10000, VIETIN_120000])
def test_each_published_crc_is_crc16_ccitt_false_of_what_precedes_it(published: str) -> None:
    assert crc16_ccitt(published[:-4]) == published[-4:]


def test_crc16_ccitt_false_check_value() -> None:
    assert crc16_ccitt("123456789") == "29B1"  # the catalogued check value of the algorithm


def test_every_field_of_an_order_payload() -> None:
    payload = build_payload("970436", "0011001234567", 240_000, "OCOP K7M3QP")
    fields = parse_tlv(payload)
    assert fields["00"] == "01"  # payload format
    assert fields["01"] == "12"  # dynamic: it carries an amount
    merchant = parse_tlv(fields["38"])
    assert merchant["00"] == "A000000727"  # NAPAS GUID
    assert parse_tlv(merchant["01"]) == {"00": "970436", "01": "0011001234567"}
    assert merchant["02"] == "QRIBFTTA"  # transfer to an account
    assert fields["53"] == "704"  # VND
    assert fields["54"] == "240000"
    assert fields["58"] == "VN"
    assert parse_tlv(fields["62"]) == {"08": "OCOP K7M3QP"}  # the order code
    assert list(fields)[-1] == "63" and fields["63"] == crc16_ccitt(payload[:-4])


@pytest.mark.parametrize(
    ("bin_", "account", "amount", "content"),
    [
        ("97043", "0011001234567", 1000, ""),  # BIN is 6 digits
        ("970436", "0011-0012", 1000, ""),  # account: letters and digits only
        ("970436", "0011001234567", 0, ""),
        ("970436", "0011001234567", 1000, "Nội dung có dấu"),  # content: plain ASCII
        ("970436", "0011001234567", 1000, "x" * 26),  # at most 25
    ],
)
def test_fields_the_standard_refuses_are_refused(
    bin_: str, account: str, amount: int, content: str
) -> None:
    with pytest.raises(ValueError):
        build_payload(bin_, account, amount, content)


@pytest.mark.parametrize("published", [ACB_10000, VIETIN_120000])
def test_the_png_reads_back_as_the_payload(published: str) -> None:
    png = qr_png(published)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert decode_qr(png) == published
