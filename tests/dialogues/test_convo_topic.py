"""The topic carries: a question without a subject is about the last product or place; a new
subject replaces the old one; a new search starts afresh and only refinements keep filters."""

from __future__ import annotations

import pytest

from tests.dialogues.conftest import Bot
from tests.dialogues.convo_kit import Dialogue, ids, play

# Edition 2 has two oyster flosses: a person names the one they mean.
CARD = ("ruốc hàu Bavabi", "Ruốc hàu", "🏭 Bavabi", "Đặt mua")
ASK_WHERE = "Bạn đang ở đâu"

DIALOGUES = [
    Dialogue(
        "after a card 'giá bao nhiêu' is that product's price",
        [
            CARD,
            ("giá bao nhiêu", "Ruốc hàu", "Giá"),
        ],
    ),
    Dialogue(
        "after a card 'mua ở đâu' is where to buy that product",
        [
            ("nước mắm Cái Rồng", "Nước mắm Cái Rồng"),
            ("mua ở đâu", "Nước mắm Cái Rồng", "trung tâm OCOP", f"~{ASK_WHERE}"),
        ],
    ),
    Dialogue(
        "after a card 'đặt 2 cái' orders 2 of it",
        [
            CARD,
            ("đặt 2 cái", "tên người nhận", "~sản phẩm nào"),
            ("Nguyễn Văn An", "Số điện thoại"),
            ("0912345678", "giao tận nơi"),
            ("[Nhận tại Trung tâm]", "Trung tâm OCOP nào"),
            ("[Hạ Long]", "nhắn gì"),
            ("[Không có ghi chú]", "• 2", "Ruốc hàu"),
        ],
    ),
    Dialogue(
        "after a card 'còn loại nào khác' lists its kind",
        [
            ("nước mắm Cái Rồng", "Nước mắm Cái Rồng"),
            ("còn loại nào khác", "Nước mắm", "Newstar"),
        ],
    ),
    Dialogue(
        "no diacritics: 'gia bao nhieu' then 'mua o dau' after a card",
        [
            ("tra hoa vang Quy Hoa", "Trà hoa vàng Quy Hoa"),
            ("gia bao nhieu", "Trà hoa vàng Quy Hoa", "Giá"),
            ("mua o dau", "Trà hoa vàng Quy Hoa", f"~{ASK_WHERE}"),
        ],
    ),
    Dialogue(
        "en: 'how much' then 'where can I buy it' after a card",
        [
            ("tell me about oyster floss", "Oyster floss"),
            ("how much", "Oyster floss", "Price"),
            ("where can I buy it", "Oyster floss", "~Where are you"),
        ],
    ),
    Dialogue(
        "en: 'I'll take 3' after a card orders it",
        [
            ("tell me about Cai Rong fish sauce", "Cái Rồng fish sauce"),
            ("I want to order 3", "What name", "~Which product"),
        ],
    ),
    Dialogue(
        "a second card replaces the first",
        [
            CARD,
            ("trà hoa vàng Quy Hoa", "Trà hoa vàng Quy Hoa"),
            ("giá bao nhiêu", "Trà hoa vàng Quy Hoa", "~Ruốc hàu"),
        ],
    ),
    Dialogue(
        "a new place replaces the product: 'đặt 2 cái' then asks which",
        [
            CARD,
            ("có gì chơi ở Cô Tô", "Cô Tô"),
            ("đặt 2 cái", "sản phẩm nào", "~Ruốc hàu"),
        ],
    ),
    Dialogue(
        "after a district's sights 'ở đó có gì mua' lists its products",
        [
            ("có gì chơi ở Bình Liêu", "Bình Liêu"),
            ("ở đó có gì mua", "Bình Liêu", "Miến dong"),
        ],
    ),
    Dialogue(
        "after a district's shops 'ở đó có gì chơi' lists its sights",
        [
            ("mua ở đâu", ASK_WHERE),
            ("[Hạ Long]", "Hạ Long"),
            ("ở đó có gì chơi", "Vịnh Hạ Long"),
        ],
    ),
    Dialogue(
        "no diacritics: 'o do co gi mua' after Cô Tô",
        [
            ("co to co gi choi", "Cô Tô"),
            ("o do co gi mua", "Cô Tô", "Mực"),
        ],
    ),
    Dialogue(
        "en: 'what can I buy there' after Co To",
        [
            ("what is there to see in Co To", "Cô Tô"),
            ("what can I buy there", "Co To", "squid"),
        ],
    ),
    Dialogue(
        "after a card 'ở đó có gì chơi' is the product's district",
        [
            ("miến dong Bình Liêu", "Miến dong Bình Liêu"),
            ("ở đó có gì chơi", "Bình Liêu", "Khe Vằn"),
        ],
    ),
    Dialogue(
        "an English question, then a short Vietnamese order: the order is in Vietnamese",
        [
            ("events in Quang Ninh this month", "~Hội chợ"),
            ("đặt 1 hũ ruốc hàu", "sản phẩm", "Vân Đồn", "~Which one"),
        ],
    ),
    Dialogue(
        "an English checkout keeps English when the name typed is Vietnamese",
        [
            ("I want to order 2 bottles of Cai Rong fish sauce", "What name"),
            ("Bình", "phone number", "~Số điện thoại"),
        ],
    ),
]

SEARCHES = [
    Dialogue(
        "a new search does not keep the 5-star filter",
        [
            ("sản phẩm 5 sao", "5 sao"),
            ("quà biếu dưới 500k", "500.000", "~nào · 5 sao"),
        ],
    ),
    Dialogue(
        "no diacritics: 'qua bieu duoi 500k' after 5 stars starts afresh",
        [
            ("san pham 5 sao", "5 sao"),
            ("qua bieu duoi 500k", "500.000", "~nào · 5 sao"),
        ],
    ),
    Dialogue(
        "a new place does not keep the last category",
        [
            ("trà", "Trà"),
            ("sản phẩm ở Cô Tô", "Cô Tô", "~· Trà ·"),
        ],
    ),
    Dialogue(
        "'chỉ loại 5 sao thôi' narrows the last search",
        [
            ("trà", "Trà"),
            ("chỉ loại 5 sao thôi", "Trà · 5 sao", "~HTX Dược liệu"),
        ],
    ),
    Dialogue(
        "'còn gì nữa không' shows the next page",
        [
            ("sản phẩm 5 sao", "trang 1/2"),
            ("còn gì nữa không", "trang 2/2", "Trà hoa vàng Quy Hoa"),
            ("còn nữa không", "tất cả sản phẩm", "trang 1/2"),
        ],
    ),
    Dialogue(
        "'rẻ hơn' says honestly that no price is published",
        [
            ("trà", "Trà"),
            ("rẻ hơn", "chưa so được", "công bố giá"),
        ],
    ),
    Dialogue(
        "en: 'more' and 'cheaper ones' refine the last search",
        [
            ("5 star products", "page 1/2"),
            ("more", "page 2/2"),
            ("show me cheaper ones", "published price"),
        ],
    ),
    Dialogue(
        "'còn ở Móng Cái thì sao' moves the last search",
        [
            ("sản phẩm 4 sao", "4 sao"),
            ("còn ở Móng Cái thì sao", "Móng Cái", "4 sao"),
        ],
    ),
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=ids(DIALOGUES))
async def test_the_topic_carries(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)


@pytest.mark.parametrize("dialogue", SEARCHES, ids=ids(SEARCHES))
async def test_filters_start_fresh_and_refinements_keep_them(bot: Bot, dialogue: Dialogue) -> None:
    await play(bot.chat(), dialogue.turns)
