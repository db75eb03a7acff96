"""Corrections at every checkout step, in Vietnamese with and without diacritics.

Each changes the cart or the field, says so, and the checkout goes on where it was.
"""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import (
    TO_ADDRESS,
    TO_CONFIRM,
    TO_DELIVERY,
    TO_NAME,
    TO_NOTE,
    TO_PHONE,
    TO_PICKUP,
    TO_PRODUCT,
    TO_QUANTITY,
    Dialogue,
    ids,
    play,
)

CHANGED = "Mình đã sửa số lượng"
FISH_3 = "3 chai Nước mắm Cái Rồng"

DIALOGUES = [
    Dialogue(
        "name: 'à không, 3 chai thôi' resizes, is not a name",
        [
            *TO_NAME,
            ("à không, 3 chai thôi", CHANGED, FISH_3, "tên người nhận"),
            ("Nguyễn Văn An", "Số điện thoại"),
            ("0912345678", "giao tận nơi"),
            ("[Giao tận nơi]", "địa chỉ"),
            ("12 Trần Hưng Đạo, Hạ Long", "nhắn gì"),
            (
                "[Không có ghi chú]",
                "• 3 chai Nước mắm Cái Rồng",
                "Người nhận: Nguyễn Văn An",
                "~à không",
            ),
        ],
    ),
    Dialogue(
        "name without diacritics: 'a khong 3 chai thoi'",
        [
            *TO_NAME,
            ("a khong 3 chai thoi", CHANGED, FISH_3, "tên người nhận"),
        ],
    ),
    Dialogue(
        "name: 'đổi thành 5 chai'",
        [
            *TO_NAME,
            ("đổi thành 5 chai", CHANGED, "5 chai Nước mắm Cái Rồng", "tên người nhận"),
        ],
    ),
    Dialogue(
        "name: 'thêm 1 hộp trà hoa vàng' asks which tea, keeps the one",
        [
            *TO_NAME,
            ("thêm 1 hộp trà hoa vàng", "chọn giúp mình", "Trà hoa vàng Quy Hoa"),
            ("[Quy Hoa]", "tên người nhận"),
            ("Trần Thị Bình", "Số điện thoại"),
        ],
    ),
    Dialogue(
        "name: 'bỏ nước mắm đi' empties the cart and asks for a product",
        [
            *TO_NAME,
            ("bỏ nước mắm đi", "Mình đã bỏ Nước mắm Cái Rồng", "sản phẩm nào"),
        ],
    ),
    Dialogue(
        "phone: 'đổi thành 5 chai' at the phone question",
        [
            *TO_PHONE,
            ("đổi thành 5 chai", CHANGED, "5 chai", "Số điện thoại"),
        ],
    ),
    Dialogue(
        "phone: 'sửa tên' goes back to the name",
        [
            *TO_PHONE,
            ("sửa tên người nhận", "Được, mình sửa tên người nhận", "tên người nhận"),
            ("Lê Văn Cường", "Số điện thoại"),
        ],
    ),
    Dialogue(
        "phone: 'doi ten thanh Tran Thi Binh' without diacritics",
        [
            *TO_PHONE,
            ("doi ten thanh Tran Thi Binh", "Mình đã sửa tên người nhận", "Số điện thoại"),
            ("0912345678", "giao tận nơi"),
            ("[Nhận tại Trung tâm]", "Trung tâm OCOP nào"),
            ("[Hạ Long]", "nhắn gì"),
            ("không", "Người nhận: Tran Thi Binh"),
        ],
    ),
    Dialogue(
        "delivery: 'sửa số điện thoại' asks the phone again",
        [
            *TO_DELIVERY,
            ("sửa số điện thoại", "Được, mình sửa số điện thoại", "Số điện thoại"),
            ("0987 654 321", "giao tận nơi"),
        ],
    ),
    Dialogue(
        "delivery: 'à không, 3 chai thôi'",
        [
            *TO_DELIVERY,
            ("à không, 3 chai thôi", CHANGED, FISH_3, "giao tận nơi"),
        ],
    ),
    Dialogue(
        "delivery: 'thêm 1 hũ ruốc hàu Bavabi' adds and says so",
        [
            *TO_DELIVERY,
            ("thêm 1 hũ ruốc hàu Bavabi", "Mình đã thêm vào giỏ", "Ruốc hàu", "giao tận nơi"),
        ],
    ),
    Dialogue(
        "address: 'đổi thành 4 chai' is not an address",
        [
            *TO_ADDRESS,
            ("đổi thành 4 chai", CHANGED, "4 chai Nước mắm Cái Rồng", "địa chỉ giao hàng"),
            ("12 Trần Hưng Đạo, Hạ Long", "nhắn gì"),
            ("[Không có ghi chú]", "Giao tới: 12 Trần Hưng Đạo, Hạ Long", "~đổi thành"),
        ],
    ),
    Dialogue(
        "address: 'sua so dien thoai' without diacritics",
        [
            *TO_ADDRESS,
            ("sua so dien thoai", "sửa số điện thoại", "Số điện thoại"),
            ("0203 3845 123", "địa chỉ giao hàng"),
        ],
    ),
    Dialogue(
        "address: 'bỏ cái ruốc đi' when there is no floss says so",
        [
            *TO_ADDRESS,
            ("bỏ cái ruốc đi", "không có trong giỏ hàng", "địa chỉ giao hàng"),
        ],
    ),
    Dialogue(
        "pickup: 'đổi thành 6 chai' then the centre",
        [
            *TO_PICKUP,
            ("đổi thành 6 chai", CHANGED, "6 chai", "Trung tâm OCOP nào"),
            ("Mạo Khê", "nhắn gì"),
        ],
    ),
    Dialogue(
        "pickup: 'đổi cách nhận hàng' asks delivery again",
        [
            *TO_PICKUP,
            ("đổi cách nhận hàng", "sửa cách nhận hàng", "giao tận nơi"),
            ("[Giao tận nơi]", "địa chỉ giao hàng"),
        ],
    ),
    Dialogue(
        "note: 'à không, 3 chai thôi' is a correction, not a note",
        [
            *TO_NOTE,
            ("à không, 3 chai thôi", CHANGED, FISH_3, "nhắn gì"),
            ("giao buổi sáng giúp mình", "Ghi chú: giao buổi sáng giúp mình", "• 3 chai"),
        ],
    ),
    Dialogue(
        "note: 'sửa địa chỉ thành 15 Lê Lợi, Cẩm Phả'",
        [
            *TO_NOTE,
            ("sửa địa chỉ thành 15 Lê Lợi, Cẩm Phả", "Mình đã sửa địa chỉ giao hàng", "nhắn gì"),
            ("[Không có ghi chú]", "Giao tới: 15 Lê Lợi, Cẩm Phả"),
        ],
    ),
    Dialogue(
        "note: 'thêm 2 hũ ruốc hàu của Bavabi'",
        [
            *TO_NOTE,
            ("thêm 2 hũ ruốc hàu của Bavabi", "Mình đã thêm vào giỏ", "Ruốc hàu", "nhắn gì"),
            ("không", "Ruốc hàu", "Nước mắm Cái Rồng"),
        ],
    ),
    Dialogue(
        "summary: 'à không, 3 chai thôi' updates the summary",
        [
            *TO_CONFIRM,
            ("à không, 3 chai thôi", CHANGED, "• 3 chai Nước mắm Cái Rồng"),
        ],
    ),
    Dialogue(
        "summary: 'thêm 1 hộp trà hoa vàng' then pick it",
        [
            *TO_CONFIRM,
            ("thêm 1 hộp trà hoa vàng", "chọn giúp mình"),
            (
                "[Trà hoa vàng Ba Chẽ]",
                "Trà hoa vàng Ba Chẽ",
                "Nước mắm Cái Rồng",
                "Đơn hàng của bạn",
            ),
        ],
    ),
    Dialogue(
        "summary: 'bỏ cái ruốc đi' after adding floss",
        [
            *TO_CONFIRM,
            # Two oyster flosses in edition 2: the bot asks which, the person picks one.
            ("thêm 1 hũ ruốc hàu", "trùng tên", "Ruốc hàu (Vân Đồn)"),
            ("[Ruốc hàu (Vân Đồn)]", "• 1 hũ Ruốc hàu", "Đơn hàng của bạn"),
            ("bỏ cái ruốc đi", "Mình đã bỏ Ruốc hàu", "Đơn hàng của bạn", "~• 1 hũ Ruốc hàu"),
        ],
    ),
    Dialogue(
        "summary: 'sửa số điện thoại thành 0987654321'",
        [
            *TO_CONFIRM,
            ("sửa số điện thoại thành 0987654321", "Mình đã sửa số điện thoại", "0987654321"),
            ("[Xác nhận]", "Đơn"),
        ],
    ),
    Dialogue(
        "summary: 'actually make it 2' keeps Vietnamese",
        [
            *TO_CONFIRM,
            ("actually make it 2", CHANGED, "• 2 chai Nước mắm Cái Rồng", "Đơn hàng của bạn"),
        ],
    ),
    Dialogue(
        "quantity: 'bỏ cái ruốc đi' removes the floss being sized",
        [
            *TO_QUANTITY,
            ("bỏ cái ruốc đi", "Mình đã bỏ Ruốc hàu", "sản phẩm nào"),
        ],
    ),
    Dialogue(
        "quantity: 'à không, 3 hũ thôi' answers the question",
        [
            *TO_QUANTITY,
            ("à không, 3 hũ thôi", "tên người nhận"),
            ("Phạm Thu Hà", "Số điện thoại"),
        ],
    ),
    Dialogue(
        "product: 'thôi không đặt nữa' leaves, nothing sent",
        [
            *TO_PRODUCT,
            ("thôi không đặt nữa", "chưa có gì được gửi đi"),
        ],
    ),
    Dialogue(
        "product: 'nước mắm' asks which, a name picks it",
        [
            *TO_PRODUCT,
            ("nước mắm", "chọn giúp mình"),
            ("cái Cái Rồng", "bao nhiêu"),
            ("5", "tên người nhận"),
        ],
    ),
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_a_correction_changes_the_order_and_says_so(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)
