"""An open question never swallows a new request, and every slot checks what it stores.

A confident new request mid-checkout is answered and the checkout resumes; a simple pending
question ("where are you?", "which one?") is dropped for the new request.
"""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import (
    TO_ADDRESS,
    TO_DELIVERY,
    TO_NAME,
    TO_NOTE,
    TO_PHONE,
    TO_QUANTITY,
    Dialogue,
    ids,
    play,
)

KEPT = "vẫn được giữ"

DIALOGUES = [
    Dialogue(
        "name: a phone number is not a name",
        [
            *TO_NAME,
            ("0912345678", "không có số", "tên người nhận"),
            ("Nguyễn Văn An", "Số điện thoại"),
        ],
    ),
    Dialogue(
        "name: 'xin chào' is not a name",
        [
            *TO_NAME,
            ("xin chào", "không có số", "tên người nhận"),
        ],
    ),
    Dialogue(
        "name: 'Nguyen Van 123' has digits",
        [
            *TO_NAME,
            ("Nguyen Van 123", "không có số", "tên người nhận"),
        ],
    ),
    Dialogue(
        "name: a product question is answered, then the name is asked again",
        [
            *TO_NAME,
            ("ruốc hàu là gì?", "Ruốc hàu", KEPT, "tên người nhận"),
            ("Trần Thị Bình", "Số điện thoại"),
        ],
    ),
    Dialogue(
        "name: a tourism question is answered, the checkout resumes",
        [
            *TO_NAME,
            ("có gì chơi ở Bình Liêu tháng 9", "Bình Liêu", KEPT, "tên người nhận"),
        ],
    ),
    Dialogue(
        "phone: 'nước mắm Cái Rồng bán ở đâu?' is answered, phone asked again",
        [
            *TO_PHONE,
            ("nước mắm Cái Rồng bán ở đâu?", "Nước mắm Cái Rồng", KEPT, "Số điện thoại"),
        ],
    ),
    Dialogue(
        "phone: letters and a foreign number are refused",
        [
            *TO_PHONE,
            ("abc", "Số điện thoại chưa đúng"),
            ("+1 415 555 0100", "Số điện thoại chưa đúng"),
            ("0203 3845 123", "giao tận nơi"),
        ],
    ),
    Dialogue(
        "delivery: a fair question ending in 'không' is answered, then delivery is asked again",
        [
            *TO_DELIVERY,
            ("có sự kiện hay hội chợ nào sắp tới không", "Hội chợ", KEPT, "giao tận nơi"),
            ("co hoi cho nao sap toi khong", "Hội chợ", KEPT, "giao tận nơi"),
        ],
    ),
    Dialogue(
        "delivery: 'đơn của tôi' lists orders, then asks delivery again",
        [
            *TO_DELIVERY,
            ("đơn của tôi", "chưa có đơn hàng nào", "giao tận nơi"),
        ],
    ),
    Dialogue(
        "address: 'không biết' is not an address",
        [
            *TO_ADDRESS,
            ("không biết", "chưa đủ để giao hàng", "địa chỉ giao hàng"),
            ("so 5 ngo 12 pho Le Loi, Ha Long", "nhắn gì"),
            ("[Không có ghi chú]", "Giao tới: so 5 ngo 12 pho Le Loi, Ha Long"),
        ],
    ),
    Dialogue(
        "address: a price question is answered, not stored",
        [
            *TO_ADDRESS,
            ("giá ruốc hàu bao nhiêu?", "Ruốc hàu", "địa chỉ giao hàng"),
            ("thôn 3, xã Đồn Đạc, huyện Ba Chẽ", "nhắn gì"),
        ],
    ),
    Dialogue(
        "note: a request for a person is forwarded, the note asked again",
        [
            *TO_NOTE,
            ("cho tôi gặp cán bộ OCOP", "cán bộ", "nhắn gì"),
            ("giao buổi sáng giúp mình nhé", "Ghi chú: giao buổi sáng giúp mình nhé"),
        ],
    ),
    Dialogue(
        "note: a tourism question is not a note",
        [
            *TO_NOTE,
            ("có gì chơi ở Cô Tô không?", "Cô Tô", KEPT, "nhắn gì"),
            ("[Không có ghi chú]", "~Ghi chú:"),
        ],
    ),
    Dialogue(
        "quantity: a price question is answered, the quantity asked again",
        [
            *TO_QUANTITY,
            ("trà hoa vàng Quy Hoa giá bao nhiêu?", "Trà hoa vàng Quy Hoa", "bao nhiêu"),
            ("2", "tên người nhận"),
        ],
    ),
    Dialogue(
        "no diacritics all the way to the summary",
        [
            ("cho minh 2 chai nuoc mam Cai Rong", "tên người nhận"),
            ("nguyen van an", "Số điện thoại"),
            ("0912345678", "giao tận nơi"),
            ("giao tan noi", "địa chỉ"),
            ("12 tran hung dao, ha long", "nhắn gì"),
            ("khong", "Người nhận: nguyen van an", "Giao tới: 12 tran hung dao, ha long"),
        ],
    ),
    Dialogue(
        "'where are you?' is dropped for a price question",
        [
            ("mua ở đâu", "Bạn đang ở đâu"),
            ("trà hoa vàng Quy Hoa giá bao nhiêu", "Trà hoa vàng Quy Hoa", "~Bạn đang ở đâu"),
            ("Hạ Long", "~Trà hoa vàng Quy Hoa ·"),
        ],
    ),
    Dialogue(
        "'which one?' is dropped for a tourism question",
        [
            ("nước mắm", "Bạn hỏi sản phẩm nào"),
            ("có gì chơi ở Cô Tô", "Cô Tô", "~Bạn hỏi sản phẩm nào"),
        ],
    ),
    Dialogue(
        "'which district?' of tourism is dropped for a product price",
        [
            ("du lịch Quảng Ninh có gì", "lễ hội"),
            ("ruốc hàu Bavabi giá bao nhiêu", "Ruốc hàu", "Giá"),
        ],
    ),
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_an_open_question_never_swallows_a_new_request(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)
