"""What people type and services send: banks, accounts, amounts, order codes, payloads."""

from __future__ import annotations

import pytest

from catalog.payments.accounts import read_bank_line
from catalog.payments.banks import all_banks, banks_source, find_bank
from catalog.payments.codes import find_order_code, transfer_content
from catalog.payments.dto import mask_account
from catalog.payments.errors import PaymentError
from catalog.payments.prices import read_amount
from catalog.payments.providers import BadNotification, parse_casso, parse_sepay
from tests.payments.kit import sepay_body


def test_the_shipped_bank_list_is_cited_and_consistent() -> None:
    assert banks_source() == "https://api.vietqr.io/v2/banks"
    banks = all_banks()
    assert len(banks) >= 50
    assert len({b.bin for b in banks}) == len(banks)  # one bank per BIN
    assert all(len(b.bin) == 6 and b.bin.isdigit() for b in banks)


@pytest.mark.parametrize(
    ("typed", "bin_"),
    [("VCB", "970436"), ("vietcombank", "970436"), ("970436", "970436"), ("ICB", "970415"),
     ("VietinBank", "970415"), ("bidv", "970418"), ("MB", "970422"), ("Agribank", "970405"),
     ("tcb", "970407")],
)  # fmt: skip
def test_a_bank_is_found_by_short_name_code_or_bin(typed: str, bin_: str) -> None:
    bank = find_bank(typed)
    assert bank is not None and bank.bin == bin_


@pytest.mark.parametrize(
    ("line", "number", "holder"),
    [
        ("VCB 0011001234567 NGUYEN VAN A", "0011001234567", "NGUYEN VAN A"),
        ("vcb 0011 0012 34567 Nguyễn Văn A", "0011001234567", "NGUYEN VAN A"),
        ("970436 0011-001-234567 trần thị bích ngọc", "0011001234567", "TRAN THI BICH NGOC"),
        ("MB Bank 0912345678 Đặng Đức Anh", "0912345678", "DANG DUC ANH"),
    ],
)
def test_a_bank_line_is_read_the_way_people_type_it(line: str, number: str, holder: str) -> None:
    _bank, got_number, got_holder = read_bank_line(line)
    assert (got_number, got_holder) == (number, holder)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("VCB 0011001234567", "payments.bank.usage"),
        ("NganHangMa 0011001234567 NGUYEN VAN A", "payments.bank.bad_bank"),
        ("VCB 12 NGUYEN VAN A", "payments.bank.bad_number"),
        ("VCB NGUYEN VAN A", "payments.bank.bad_number"),
        ("VCB 0011001234567 !!", "payments.bank.bad_holder"),
    ],
)
def test_a_bad_bank_line_says_what_is_wrong(line: str, key: str) -> None:
    with pytest.raises(PaymentError) as refused:
        read_bank_line(line)
    assert refused.value.key == key


def test_an_account_is_shown_masked() -> None:
    assert mask_account("0011001234567") == "*********4567"


@pytest.mark.parametrize(
    ("typed", "vnd"),
    [("120000", 120_000), ("120.000", 120_000), ("120,000đ", 120_000), ("120k", 120_000),
     ("1,2tr", 1_200_000), ("2 triệu", 2_000_000), ("350000₫", 350_000), ("85 nghìn", 85_000)],
)  # fmt: skip
def test_amounts_are_read_as_people_type_them(typed: str, vnd: int) -> None:
    assert read_amount(typed) == vnd


@pytest.mark.parametrize("typed", ["", "abc", "0", "-5", "12.34.5", "9999999999"])
def test_what_is_not_an_amount_is_refused(typed: str) -> None:
    assert read_amount(typed) is None


@pytest.mark.parametrize(
    "content",
    [
        "MBVCB.3278907687.OCOP K7M3QP.CT tu 0123456789 NGUYEN VAN AN",
        "ocopk7m3qp chuyen tien",
        "IBFT OCOP-K7M3QP",
        "Thanh toán đơn OCOP K7M3QP nhé",
    ],
)
def test_the_order_code_is_found_in_what_banks_report(content: str) -> None:
    assert transfer_content("K7M3QP") == "OCOP K7M3QP"
    assert find_order_code(content) == "K7M3QP"


@pytest.mark.parametrize("content", ["chuyen tien an trua", "OCOP K7M3", "OCOP K7M3QPX"])
def test_no_code_is_made_up(content: str) -> None:
    assert find_order_code(content) is None


def test_a_sepay_body_becomes_a_transfer() -> None:
    transfer = parse_sepay(sepay_body("OCOP K7M3QP", 240_000, txn=92704))
    assert (transfer.provider, transfer.txn_id, transfer.amount_vnd) == ("sepay", "92704", 240_000)
    assert transfer.incoming and transfer.account_number == "0011001234567"
    assert not parse_sepay(sepay_body("x", 5000, kind="out")).incoming


@pytest.mark.parametrize(
    "body",
    [[], {}, {"id": 1}, sepay_body("x", 1) | {"transferAmount": "240000"},
     sepay_body("x", 1) | {"transferType": "sideways"}, sepay_body("x", 1) | {"id": ""}],
)  # fmt: skip
def test_what_is_not_a_sepay_body_is_refused(body: object) -> None:
    with pytest.raises(BadNotification):
        parse_sepay(body)


def test_casso_bodies_become_transfers_through_the_small_adapter() -> None:
    v1 = {
        "error": 0,
        "data": [
            {"id": 1, "tid": "TF1", "description": "OCOP K7M3QP", "amount": 240000,
             "cusum_balance": 1, "when": "2026-12-05 14:02:37",
             "bank_sub_acc_id": "0011001234567"},
            {"id": 2, "tid": "TF2", "description": "rut tien", "amount": -50000,
             "when": "2026-12-05 14:03:00", "bank_sub_acc_id": "0011001234567"},
        ],
    }  # fmt: skip
    first, second = parse_casso(v1)
    assert (first.provider, first.txn_id, first.amount_vnd, first.incoming) == (
        "casso", "TF1", 240_000, True,
    )  # fmt: skip
    assert not second.incoming and second.amount_vnd == 50_000
    v2 = {"error": 0, "data": {"id": 9, "reference": "FT26", "description": "OCOP K7M3QP",
                               "amount": 240000, "accountNumber": "0011001234567"}}  # fmt: skip
    assert parse_casso(v2)[0].txn_id == "FT26"
    with pytest.raises(BadNotification):
        parse_casso({"error": 1, "data": []})
