"""Writes tests/nlu/heldout_long.yml: long, natural messages split by style.

Written before any tuning and kept apart from the training corpus (its own fragments).
Run once: ``python -m tests.nlu.longmsg.make_heldout``; the YAML file is what is committed.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.nlu.longmsg.catalog import fold, gazetteer, products_named, specific_mentions

OUT = Path(__file__).resolve().parents[1] / "heldout_long.yml"

STORY = [
    "tuần sau nhà mình về quê ngoại ở Tiên Yên, muốn mang ít quà cho các cụ,",
    "dạ em chào shop ạ, em đang ở Hà Nội,",
    "chị ơi hôm trước em đi Hạ Long có ăn thử ở nhà hàng thấy ngon lắm,",
    "mẹ em sắp sinh nhật, em muốn biếu bà một món đặc sản,",
    "công ty em chuẩn bị đi nghỉ mát ở Bãi Cháy,",
    "nhà mình có người già với trẻ nhỏ nên hơi kỹ tính,",
    "Tết này em không về quê được, muốn gửi quà về cho bố mẹ,",
    "hôm qua bạn em cho một ít, cả nhà ăn khen mãi,",
    "anh là khách quen của shop rồi,",
    "mình đọc bài trên facebook giới thiệu đặc sản Quảng Ninh,",
    "vợ chồng mình mới cưới, định mua quà ra mắt nhà nội,",
    "xin lỗi làm phiền shop buổi tối,",
    "em là sinh viên nên ngân sách hơi eo hẹp ạ,",
    "sếp em quê Quảng Ninh, em muốn tặng sếp dịp cuối năm,",
    "cuối tháng này đoàn mình có chuyến công tác ra Móng Cái,",
    "lần trước mua bên shop dùng rất ổn,",
    "con gái mình đang học ở Cẩm Phả, hay gửi đồ về,",
    "chào shop, mình là khách từ Sài Gòn ra chơi,",
    "bà nội em năm nay 80 tuổi rồi,",
    "em vừa xem livestream bên shop xong,",
    "dạ cho em hỏi chút ạ,",
    "hello shop, chúc shop buổi sáng vui vẻ,",
    "nhà em mở quán nhỏ ở Uông Bí,",
    "bạn mình giới thiệu page này,",
    "mình đang đứng ở chợ Hạ Long mà chưa biết mua gì,",
]
TAIL = [
    "",
    "",
    " ạ",
    " nha shop",
    " với ạ",
    ", cảm ơn shop nhiều",
    " nhé",
    ", em cảm ơn ạ",
    " ad nhé",
    ", mong shop trả lời sớm",
    " nhen",
    " đó shop",
]

INFO = [
    "cho mình hỏi {p} bảo quản thế nào cho khỏi hỏng",
    "{p} mở nắp rồi để được bao lâu",
    "{p} trẻ con ăn được không",
    "{p} làm từ nguyên liệu gì vậy",
    "{p} được mấy sao OCOP",
    "{p} ăn kèm với gì cho ngon",
    "{p} có nguồn gốc từ đâu",
    "{p} có phải loại của bà con dân tộc làm không",
    "{p} vị nó thế nào, có ngọt không",
    "{p} người già uống có sao không",
    "{p} có chất bảo quản không",
    "{p} hạn sử dụng được mấy tháng",
    "{p} chế biến món gì là hợp nhất",
    "{p} có để ngoài được không hay phải cho tủ lạnh",
    "{p} khác gì hàng ngoài chợ",
    "{p} có giấy chứng nhận an toàn thực phẩm không",
    "{p} nấu như thế nào",
    "{p} có to không, một hộp khoảng mấy cái",
]
PRICE = [
    "{p} loại 1 ký giá sao",
    "{p} giá bao nhiêu vậy",
    "{p} bên mình bán bao nhiêu một hộp",
    "báo giá giúp mình {p}",
    "{p} hiện giờ bao nhiêu tiền",
    "{p} giá sỉ thế nào",
    "giá {p} năm nay có tăng không",
    "{p} ship về Hà Nội thì tổng hết bao nhiêu",
]
SEARCH = [
    "có món gì làm quà cho người lớn tuổi không",
    "gợi ý giúp mình vài món đặc sản mang đi xa được",
    "shop có sản phẩm nào OCOP 5 sao không",
    "bên mình có những đặc sản gì của Bình Liêu",
    "có loại rượu nào ngon để biếu không",
    "có hải sản khô nào để được lâu không",
    "có món quà nào nhỏ gọn dễ mang lên máy bay không",
    "tư vấn giúp em vài món đặc sản Vân Đồn",
]
SHOP = [
    "mua {p} ở đâu tại Hạ Long",
    "ở Móng Cái có cửa hàng nào bán {p} không",
    "chỗ nào gần Bãi Cháy bán {p}",
    "có điểm bán OCOP nào ở Cẩm Phả không",
    "mình muốn ra tận cửa hàng mua {p} thì đi đâu",
]
TOUR = [
    "gợi ý giúp mình chỗ đi chơi ở Cô Tô",
    "đi Yên Tử thì nên tham quan những gì",
    "ở Bình Liêu có lễ hội gì đáng đi không",
    "có điểm du lịch nào cho trẻ con ở Hạ Long không",
    "mùa này đi Quan Lạn có đẹp không",
    "đi Ba Chẽ vào tháng mấy thì được xem hoa",
]
ORDER = [
    "cho chị đặt {q} {p}",
    "lấy em {q} {p} nhé",
    "chốt đơn {q} {p}",
    "em đặt {q} {p} với ạ",
    "gửi cho mình {q} {p}",
    "mình lấy {q} {p}, giao trong tuần này được không",
]
STATUS = [
    "đơn hàng em đặt hôm thứ ba giờ đến đâu rồi",
    "kiểm tra giúp em đơn hàng đã gửi chưa",
    "bao giờ thì đơn của mình tới",
    "sao mãi chưa thấy hàng về",
]
CANCEL = [
    "huỷ giúp em đơn vừa đặt",
    "mình không lấy đơn đó nữa, huỷ giúp mình",
    "cho chị huỷ đơn hôm qua",
]
HANDOFF = [
    "cho em gặp nhân viên tư vấn trực tiếp",
    "có số điện thoại của người bán không, mình muốn gọi trực tiếp",
    "cho mình nói chuyện với người thật",
]
QTY = [
    (1, "hộp", "hop"),
    (2, "hộp", "hop"),
    (3, "chai", "chai"),
    (2, "chai", "chai"),
    (4, "gói", "goi"),
    (5, "gói", "goi"),
    (1, "hũ", "hu"),
    (2, "hũ", "hu"),
    (1, "kg", "kg"),
    (2, "túi", "tui"),
]

ATTR = [
    "{p} xuất xứ ở đâu vậy",
    "{p} gồm những thành phần gì",
    "{p} được làm ra như thế nào",
    "{p} bảo quản ngăn mát được bao lâu",
    "{p} ăn như thế nào cho đúng vị",
    "{p} bà bầu dùng có an toàn không",
    "{p} cho trẻ 3 tuổi ăn được chưa",
    "{p} có được chứng nhận OCOP không",
    "{p} vị có mặn lắm không",
    "{p} kích thước thế nào, to hay nhỏ",
    "{p} màu sắc ra sao, có bị phai không",
    "{p} có bị ngấy không",
    "{p} mua về thì chế biến sao",
    "{p} để nhiệt độ phòng được mấy ngày",
    "{p} có gì đặc biệt mà nổi tiếng thế",
    "{p} người bị tiểu đường dùng được không",
    "{p} có hút chân không không",
    "{p} được đóng gói thế nào",
]
WINE_ATTR = [
    "{p} bao nhiêu độ vậy",
    "{p} nồng độ cồn cao không",
    "{p} uống có bị đau đầu không",
    "{p} ngâm bao lâu rồi",
]
COMPARE = [
    "{p} với {r} thì loại nào ngon hơn",
    "{p} khác {r} ở điểm nào",
    "nên mua {p} hay {r} để biếu",
]

DELIVERY = [
    "giao cho chị Lan số 0912345678 địa chỉ 25 Lê Lợi, Hạ Long",
    "gửi cod ra Móng Cái giúp chị, sđt 0988123456",
    "người nhận anh Tuấn 0977654321, giao giờ hành chính nha",
    "ship về Hà Nội, số đt 0904111222, thanh toán khi nhận hàng",
    "giao giúp em trước thứ bảy, em sđt 0936888999",
    "gửi xe khách ra Cô Tô cho mình, liên hệ 0379123456",
    "địa chỉ khu 5 Cẩm Phả, số 0868234567, giao buổi chiều giúp em",
    "gửi về cho mẹ em ở Thanh Xuân, Hà Nội, số 0345678912",
]
ORDER_HEAD = [
    "cho chị đặt {q} {p},",
    "lấy chị {q} {p} nhé,",
    "chốt đơn {q} {p},",
    "em đặt {q} {p} với ạ,",
    "mình order {q} {p},",
    "cho em lên đơn {q} {p},",
    "đặt giúp em {q} {p},",
    "shop ơi em muốn mua {q} {p},",
]


def _pick_product(rng: random.Random, english: bool = False) -> tuple[str, list[str]]:
    rows = gazetteer()["products"]
    while True:
        row = rng.choice(rows)
        if english:
            name = row.get("name_en") or ""
            if "(" in name or not name:
                continue
            return name, list(products_named(name))
        mentions = specific_mentions(row)
        if mentions:
            mention = rng.choice(mentions)
            if rng.random() < 0.5:
                mention = mention[0].lower() + mention[1:]
            return mention, list(products_named(mention))


# "bao nhiêu một hộp": the project's convention (tests/nlu/heldout.yml) reads "number + unit"
# as quantity and unit in any message, price questions included.
PER_UNIT = {
    "1 ký": "kg",
    "một ký": "kg",
    "1 cân": "kg",
    "một hộp": "hop",
    "1 hộp": "hop",
    "1 ky": "kg",
    "1 hop": "hop",
    "mot hop": "hop",
}


def _item(text: str, style: str, intent: str, **entities: Any) -> dict[str, Any]:
    if entities.get("quantity") is None:
        for phrase, unit in PER_UNIT.items():
            if phrase in text.lower():
                entities.update(quantity=1, unit=unit)
                break
    clean = {key: value for key, value in entities.items() if value not in (None, [], "")}
    row: dict[str, Any] = {"text": " ".join(text.split()), "subset": style, "intent": intent}
    if clean:
        row["entities"] = clean
    return row


def _sentence(story: str, request: str, tail: str) -> str:
    text = f"{story} {request}{tail}".strip()
    return text[0].upper() + text[1:] if text else text


def context(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """A request wrapped in a story, a reason, a recipient or politeness."""
    rows = []
    kinds = (
        ["info"] * 5
        + ["price"] * 4
        + ["search"] * 2
        + ["shop"] * 2
        + ["tour"] * 2
        + ["order"] * 3
        + ["status", "cancel", "handoff"]
    )
    while len(rows) < n:
        kind = rng.choice(kinds)
        story, tail = rng.choice(STORY), rng.choice(TAIL)
        mention, ids = _pick_product(rng)
        if kind in {"info", "price", "shop"}:
            template = rng.choice({"info": INFO, "price": PRICE, "shop": SHOP}[kind])
            intent = {"info": "product_info", "price": "product_price", "shop": "shop_search"}[
                kind
            ]
            has = "{p}" in template
            rows.append(
                _item(
                    _sentence(story, template.format(p=mention), tail),
                    "context",
                    intent,
                    product=ids if has else None,
                )
            )
        elif kind == "order":
            qty, unit, unit_id = rng.choice(QTY)
            text = rng.choice(ORDER).format(q=f"{qty} {unit}", p=mention)
            rows.append(
                _item(
                    _sentence(story, text, tail),
                    "context",
                    "order_create",
                    product=ids,
                    quantity=qty,
                    unit=unit_id,
                )
            )
        else:
            pool = {
                "search": SEARCH,
                "tour": TOUR,
                "status": STATUS,
                "cancel": CANCEL,
                "handoff": HANDOFF,
            }[kind]
            intent = {
                "search": "product_search",
                "tour": "tourism_suggest",
                "status": "order_status",
                "cancel": "order_cancel",
                "handoff": "human_handoff",
            }[kind]
            rows.append(_item(_sentence(story, rng.choice(pool), tail), "context", intent))
    return rows


def attribute(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Questions about origin, ingredients, storage, safety, taste, strength, comparisons."""
    rows = []
    rows_all = gazetteer()["products"]
    wines = [r for r in rows_all if r["category"] == "wine_liquor"]
    lead = ["", "", "cho em hỏi ", "shop ơi ", "dạ cho mình hỏi ", "ad ơi ", "chị hỏi chút, "]
    while len(rows) < n:
        roll = rng.random()
        if roll < 0.15:
            row = rng.choice(wines)
            mention = rng.choice(specific_mentions(row) or [row["name_vi"]])
            ids = list(products_named(mention))
            text = rng.choice(lead) + rng.choice(WINE_ATTR).format(p=mention)
            rows.append(_item(text + rng.choice(TAIL), "attribute", "product_info", product=ids))
        elif roll < 0.3:
            first, ids1 = _pick_product(rng)
            second, ids2 = _pick_product(rng)
            if set(ids1) & set(ids2):
                continue
            text = rng.choice(lead) + rng.choice(COMPARE).format(p=first, r=second)
            rows.append(
                _item(
                    text + rng.choice(TAIL),
                    "attribute",
                    "product_info",
                    product=sorted(set(ids1) | set(ids2)),
                )
            )
        else:
            mention, ids = _pick_product(rng)
            text = rng.choice(lead) + rng.choice(ATTR).format(p=mention)
            rows.append(_item(text + rng.choice(TAIL), "attribute", "product_info", product=ids))
    return rows


PHONE_OF = {
    "0912345678",
    "0988123456",
    "0977654321",
    "0904111222",
    "0936888999",
    "0379123456",
    "0868234567",
    "0345678912",
}


def orders(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Orders with recipient, phone, address and time in the same message."""
    rows = []
    while len(rows) < n:
        mention, ids = _pick_product(rng)
        qty, unit, unit_id = rng.choice(QTY)
        head = rng.choice(ORDER_HEAD).format(q=f"{qty} {unit}", p=mention)
        delivery = rng.choice(DELIVERY)
        phone = next(p for p in PHONE_OF if p in delivery)
        text = f"{head} {delivery}" if rng.random() < 0.7 else f"{delivery}, {head.rstrip(',')}"
        rows.append(
            _item(
                text[0].upper() + text[1:] + rng.choice(TAIL),
                "order_delivery",
                "order_create",
                product=ids,
                quantity=qty,
                unit=unit_id,
                phone=phone,
            )
        )
    return rows


REGIONAL = [
    ("product_price", "ê shop, {p} bao nhiu 1 ký dzậy"),
    ("product_price", "{p} giá nhiu z ad, tui ở xa mua hông biết ship sao"),
    ("product_price", "shop ơi {p} bn tiền 1 hộp z, mk định mua biếu"),
    ("product_price", "{p} nhiêu tiền vậy shop, tui hỏi hoài hông ai trả lời"),
    ("product_price", "cho e hỏi {p} gia bn a"),
    ("product_info", "{p} để dc bao lâu z ad, mk mua về để dành tết"),
    ("product_info", "{p} ăn sao cho ngon dzậy shop, tui hông biết mần"),
    ("product_info", "{p} con nít ăn dc hok shop"),
    ("product_info", "{p} có ngon hông nhen, tui chưa ăn bao giờ"),
    ("product_info", "{p} lam tu gi vay shop, co chat bao quan ko"),
    ("product_info", "ad ơi {p} bảo quản sao dzậy, mình ở miền Nam nóng lắm"),
    ("order_create", "lấy tui {q} {p} nhen, ship cod nha"),
    ("order_create", "cho mk {q} {p} vs ạ, ib địa chỉ sau"),
    ("order_create", "e lấy {q} {p} nha shop, chốt luôn"),
    ("order_create", "mần cho tui {q} {p} đi shop"),
    ("shop_search", "{p} mua ở đâu z mn, mk đang ở Hạ Long"),
    ("shop_search", "ở Cẩm Phả có chỗ nào bán {p} hok"),
    ("product_search", "shop có sp nào làm quà tầm vừa túi tiền hông"),
    ("product_search", "bên mk có j ngon ở Tiên Yên k ad"),
    ("order_status", "đơn của tui gửi đi chưa z shop, chờ mấy bữa rùi"),
    ("order_status", "ad ơi check giúp e đơn hàng vs, mãi k thấy giao"),
    ("order_cancel", "thui shop hủy đơn giúp mk nha, k lấy nữa"),
    ("human_handoff", "cho tui gặp ng thật đi, nói chuyện vs bot mệt quá"),
    ("tourism_suggest", "đi Cô Tô mùa này có đẹp hok mn, gợi ý chỗ chơi giúp mk"),
]
DROP = {
    "á": "a",
    "à": "a",
    "ả": "a",
    "ạ": "a",
    "ấ": "â",
    "ồ": "ô",
    "ộ": "ô",
    "ể": "ê",
    "ế": "ê",
    "ờ": "ơ",
    "ớ": "ơ",
    "ữ": "ư",
    "ứ": "ư",
    "ú": "u",
    "ò": "o",
    "í": "i",
}


def _typo(rng: random.Random, mention: str) -> str:
    """One or two realistic slips: a lost tone, a dropped or doubled letter, a swap."""
    words = mention.split()
    candidates = [i for i, w in enumerate(words) if len(fold(w)) >= 4]
    if not candidates:
        return "".join(DROP.get(c, c) for c in mention)
    at = rng.choice(candidates)
    word = words[at]
    kind = rng.choice(["drop", "double", "swap", "tone"])
    if kind == "drop":
        cut = rng.randrange(1, len(word))
        word = word[:cut] + word[cut + 1 :]
    elif kind == "double":
        word = word + word[-1]
    elif kind == "swap":
        cut = rng.randrange(1, len(word) - 1)
        word = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
    else:
        word = "".join(DROP.get(c, c) for c in word)
    words[at] = word
    return " ".join(words)


def _plain(text: str) -> str:
    """The message typed without any diacritics."""
    out = []
    for char in text:
        if char.lower() == "đ":
            out.append("d" if char == "đ" else "D")
            continue
        import unicodedata

        decomposed = unicodedata.normalize("NFD", char)
        out.append(decomposed[0])
    return "".join(out)


def regional(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Southern and northern words, teencode, no diacritics, wrong tones, typos."""
    rows = []
    while len(rows) < n:
        intent, template = rng.choice(REGIONAL)
        mention, ids = _pick_product(rng)
        if rng.random() < 0.4:
            mention = _typo(rng, mention)
        qty, unit, unit_id = rng.choice(QTY)
        text = template.format(p=mention, q=f"{qty} {unit}")
        if rng.random() < 0.45:
            text = _plain(text)
        has_p, has_q = "{p}" in template, "{q}" in template
        rows.append(
            _item(
                text,
                "regional",
                intent,
                product=ids if has_p else None,
                quantity=qty if has_q else None,
                unit=unit_id if has_q else None,
            )
        )
    return rows


ENGLISH = [
    ("product_info", "hi there, we're flying home on Sunday - can the {p} go in checked luggage?"),
    ("product_info", "my mum is diabetic, is the {p} ok for her?"),
    ("product_info", "how long does the {p} keep once opened?"),
    ("product_info", "what is the {p} actually made from?"),
    ("product_info", "is the {p} safe for kids? my son is 5"),
    ("product_info", "how do you usually eat {p}?"),
    ("product_price", "sorry to bother you, how much is the {p}?"),
    ("product_price", "what's the price of {p} per kilo?"),
    ("product_price", "hello! could you tell me what the {p} costs, I'm staying in Ha Long"),
    ("order_create", "I'd like to order {q} of {p}, delivered to my hotel please"),
    ("order_create", "please put me down for {q} of {p}"),
    ("order_create", "cho mình book {q} {p} nha"),
    ("order_create", "ok lấy mình {q} {p}, ship COD to Hanoi"),
    ("shop_search", "where can I buy {p} in Ha Long city?"),
    ("shop_search", "is there a shop near Bai Chay that sells {p}?"),
    ("product_search", "we're looking for a nice gift for my boss, something local, any ideas?"),
    ("product_search", "what are the best souvenirs from Quang Ninh under 500k?", 500000),
    ("tourism_suggest", "we have two free days after the bay cruise, what else should we see?"),
    ("tourism_suggest", "is Co To island worth a trip in November?"),
    ("order_status", "hi, I ordered on Monday and haven't heard anything, where is my parcel?"),
    ("order_cancel", "sorry, I changed my mind, please cancel my order"),
    ("human_handoff", "could I talk to a real person please, it's about a big order"),
    ("product_price", "shop ơi {p} price bao nhiêu vậy"),
    ("product_info", "{p} này có spicy không shop"),
]
EN_QTY = [
    (2, "bottles", "chai"),
    (3, "packs", "goi"),
    (1, "box", "hop"),
    (2, "boxes", "hop"),
    (2, "jars", "hu"),
    (1, "jar", "hu"),
]
EN_ALIASES = {
    "dried squid": None,
    "golden camellia tea": None,
    "sea worm fish sauce": None,
    "apricot liqueur": None,
}


def english(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """English and code-switched messages, English or Vietnamese product names."""
    rows = []
    while len(rows) < n:
        intent, template, *price = rng.choice(ENGLISH)
        mention, ids = _pick_product(rng, english=rng.random() < 0.6)
        if rng.random() < 0.5:
            mention = _plain(mention)
        qty, unit, unit_id = rng.choice(EN_QTY)
        has_p, has_q = "{p}" in template, "{q}" in template
        text = template.format(p=mention, q=f"{qty} {unit}")
        rows.append(
            _item(
                text,
                "english",
                intent,
                product=ids if has_p else None,
                quantity=qty if has_q else None,
                unit=unit_id if has_q else None,
                price_max=price[0] if price else None,
            )
        )
    return rows


BUDGET = [
    ("có quà gì tầm nửa triệu không", {"price_max": 500000}),
    ("tìm giúp mình món biếu khoảng 300 nghìn", {"price_max": 300000}),
    ("ngân sách 1 củ thì mua được những gì", {"price_max": 1000000}),
    ("mình cần quà 1 triệu đổ lại", {"price_max": 1000000}),
    ("có loại nào từ 200k trở lên không", {"price_min": 200000}),
    ("tầm 0,3 triệu thì có món gì", {"price_max": 300000}),
    (
        "có món nào trong khoảng 300 đến 500 nghìn không",
        {"price_min": 300000, "price_max": 500000},
    ),
    ("có gì dưới hai trăm nghìn không", {"price_max": 200000}),
    ("tầm một triệu rưỡi thì mua được gì làm quà", {"price_max": 1500000}),
    ("gợi ý giúp mình món nào tầm 1tr2", {"price_max": 1200000}),
    ("tìm quà từ 500k đến 1 triệu", {"price_min": 500000, "price_max": 1000000}),
    ("có đặc sản nào không quá 150 ngàn không", {"price_max": 150000}),
    ("mình muốn quà sang trọng trên 2 củ", {"price_min": 2000000}),
    ("có gì tầm 300 nghìn đổ lại không", {"price_max": 300000}),
    ("quà tầm năm trăm nghìn có gì hay không", {"price_max": 500000}),
    ("khoảng 200-300k có món gì ngon", {"price_min": 200000, "price_max": 300000}),
    ("đặc sản nào rẻ rẻ tầm 100 ngàn trở xuống", {"price_max": 100000}),
    ("budget of about 400k, what can I get", {"price_max": 400000}),
]
AMOUNTS = [
    ("hai chục", 20, "quả", "qua"),
    ("một cân rưỡi", 1.5, "", "kg"),
    ("nửa ký", 0.5, "", "kg"),
    ("ba", 3, "chai", "chai"),
    ("hai", 2, "thùng", "thung"),
    ("một", 1, "lốc", "loc"),
    ("năm", 5, "hộp", "hop"),
    ("2", 2, "bó", "bo"),
    ("một chục", 10, "gói", "goi"),
    ("mười lăm", 15, "hộp", "hop"),
    ("1,5", 1.5, "kg", "kg"),
    ("nửa", 0.5, "kg", "kg"),
    ("hai cân", 2, "", "kg"),
    ("bốn", 4, "hũ", "hu"),
    ("mười", 10, "túi", "tui"),
]
AMOUNT_ORDER = [
    "cho mình lấy {a} {p} nhé",
    "chị đặt {a} {p}, giao sớm giúp chị",
    "lấy {a} {p} gửi về quê",
    "em muốn mua {a} {p}",
    "ship giúp mình {a} {p}",
]


def numbers(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Money and amounts in words, shorthand and ranges."""
    rows = []
    lead = ["", "shop ơi ", "chào ad, ", "dạ cho em hỏi ", "mình đi công tác muốn mua quà, "]
    while len(rows) < n:
        if rng.random() < 0.45:
            text, prices = rng.choice(BUDGET)
            lead_text = rng.choice(lead) if not text.startswith("budget") else ""
            rows.append(
                _item(lead_text + text + rng.choice(TAIL), "numbers", "product_search", **prices)
            )
        else:
            words, qty, unit, unit_id = rng.choice(AMOUNTS)
            mention, ids = _pick_product(rng)
            amount = f"{words} {unit}".strip()
            text = rng.choice(AMOUNT_ORDER).format(a=amount, p=mention)
            rows.append(
                _item(
                    text + rng.choice(TAIL),
                    "numbers",
                    "order_create",
                    product=ids,
                    quantity=qty,
                    unit=unit_id,
                )
            )
    return rows


LOOKALIKE = [
    "nước mắm sá sùng",
    "sá sùng khô",
    "ruốc hàu",
    "hàu Vân Đồn",
    "nấm đùi gà",
    "gà Tiên Yên",
    "nếp cái hoa vàng",
    "trà hoa vàng túi lọc",
    "lá trà hoa vàng",
    "nước khoáng Quang Hanh có ga",
    "nước khoáng chanh muối",
    "rượu ba kích Ba Chẽ",
    "ba kích tím khô",
    "rượu nấm lim xanh",
    "nấm lim Yên Tử",
    "trà đông trùng hạ thảo",
    "rượu đông trùng hạ thảo",
    "đông trùng hạ thảo khô",
    "tinh dầu tràm",
    "tinh dầu trầu tiên",
    "tinh dầu sở",
    "tinh dầu bưởi",
    "ruốc tôm Vân Đồn",
    "tôm bóc nõn",
    "tôm Móng Cái",
    "thanh long ruột đỏ",
    "thanh long Uông Bí",
    "khau nhục Tô Nhung",
    "khâu nhục Tiên Yên",
    "ruốc ghẹ",
    "ghẹ lột",
    "chè Hằng Nga",
    "chè Đường Hoa",
    "kẹo lạc hồng Thanh Liên",
    "mực một nắng",
    "mực khô Cô Tô",
    "chả mực Hạ Long",
    "trứng vịt Tân An",
    "trứng vịt biển Đồng Rui",
    "ổi lê Tứ Đại",
    "ổi Sơn Dương",
    "nước mơ muối",
    "rượu mơ Yên Tử",
    "gà đồi Ba Chẽ",
    "vịt trời",
    "nước mắm Cô Tô",
    "nước mắm Cái Rồng",
    "ruốc cơ trai",
    "cá chỉ vàng",
    "nấm kim châm",
]
LOOK_EXTRA = [
    ("Quang Hanh Fresh vị chanh muối", ["nuoc-khoang-quang-hanh-fresh-chanh-muoi"]),
    ("sea worm fish sauce", ["nuoc-mam-sa-sung-van-don"]),
    ("apricot liqueur", ["ruou-mo-yen-tu"]),
    ("nuoc nam cai rong", ["nuoc-mam-cai-rong"]),
    ("ngọc trại Akoya", ["ngoc-trai-akoya"]),
    ("mien dongg Binh Lieu", ["mien-dong-binh-lieu"]),
]
LOOK_TEMPLATES = [
    ("product_info", "{p} có ngon không, mình sợ mua nhầm loại"),
    ("product_price", "cho mình hỏi giá {p} với"),
    ("product_info", "{p} dùng thế nào vậy shop"),
    ("order_create", "lấy mình 2 hộp {p} nhé"),
    ("product_price", "{p} bao nhiêu tiền một hộp"),
    ("product_info", "{p} có để được lâu không"),
    ("shop_search", "ở Hạ Long mua {p} chỗ nào"),
]


def lookalike(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Names that contain or resemble other names: the specific one wins, nothing crosses."""
    rows = []
    pool = [(m, list(products_named(m))) for m in LOOKALIKE] + LOOK_EXTRA
    for mention, ids in pool:
        assert ids, mention
    while len(rows) < n:
        mention, ids = rng.choice(pool)
        intent, template = rng.choice(LOOK_TEMPLATES)
        text = template.format(p=mention)
        if rng.random() < 0.3:
            text = _plain(text)
        order = intent == "order_create"
        rows.append(
            _item(
                text + rng.choice(TAIL),
                "lookalike",
                intent,
                product=ids,
                quantity=2 if order else None,
                unit="hop" if order else None,
            )
        )
    return rows


OOS = [
    "thời tiết Hạ Long cuối tuần này thế nào",
    "khách sạn nào ở Bãi Cháy gần biển mà rẻ",
    "vé tàu cao tốc ra Cô Tô mấy giờ chạy",
    "xe khách từ Hà Nội đi Móng Cái giá vé bao nhiêu",
    "bệnh viện Bãi Cháy có khám ngoài giờ không",
    "sim 4G ở Quảng Ninh mua chỗ nào",
    "giá vàng hôm nay ở Hạ Long bao nhiêu",
    "quán cà phê nào ở Hạ Long view đẹp",
    "thuê xe máy ở Cô Tô ở đâu rẻ",
    "đổi tiền Trung Quốc ở Móng Cái chỗ nào uy tín",
    "tra điểm thi vào lớp 10 Quảng Ninh",
    "lịch cắt điện ở Cẩm Phả tuần này",
    "cho mình số taxi ở Uông Bí",
    "vé máy bay Vân Đồn đi Sài Gòn bao nhiêu",
    "Quảng Ninh có bao nhiêu huyện",
    "ngân hàng Vietcombank ở Tiên Yên mở cửa mấy giờ",
    "nhà nghỉ nào ở Bình Liêu sạch sẽ",
    "giá xăng ở Quảng Ninh hôm nay",
    "phòng khám nha khoa nào ở Hạ Long tốt",
    "bến xe Bãi Cháy có xe đi Hải Phòng không",
    "weather in Ha Long Bay tomorrow",
    "cheap hotel near Bai Chay beach",
    "ferry tickets to Co To island",
    "where can I buy a SIM card in Quang Ninh",
    "is there a hospital in Mong Cai",
    "best coffee shop in Ha Long",
    "tỷ giá nhân dân tệ ở Móng Cái hôm nay",
    "Hạ Long mai có mưa không",
]
OOS_LEAD = [
    "",
    "",
    "shop ơi cho mình hỏi ngoài lề, ",
    "ad ơi, ",
    "mình sắp ra Quảng Ninh chơi, ",
    "xin lỗi hỏi hơi ngoài lề, ",
    "nhân tiện cho hỏi ",
]
FOREIGN = [
    ("product_price", "nước mắm Phú Quốc giá bao nhiêu vậy shop"),
    ("product_search", "shop có bán nem chua Thanh Hóa không"),
    ("product_search", "bên mình có bánh đa cua Hải Phòng không"),
    ("product_price", "cà phê Buôn Ma Thuột bao nhiêu tiền một ký"),
    ("product_search", "có bán vải thiều Lục Ngạn không shop"),
    ("product_info", "nước mắm Phan Thiết với nước mắm Nha Trang cái nào ngon hơn"),
    ("product_search", "shop có trà Thái Nguyên không"),
    ("product_price", "giò chả Ước Lễ bao nhiêu 1 cân"),
    ("product_search", "có bán mắm tôm Thanh Hóa không ạ"),
    ("product_price", "how much is Phu Quoc fish sauce"),
]


def out_of_scope(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """Off-topic requests full of province words; foods not in the catalog get no product."""
    rows = [_item(rng.choice(OOS_LEAD) + text, "out_of_scope", "out_of_scope") for text in OOS]
    rows += [_item(text, "out_of_scope", intent) for intent, text in FOREIGN]
    while len(rows) < n:
        if rng.random() < 0.7:
            text = rng.choice(OOS_LEAD) + rng.choice(OOS) + rng.choice(TAIL)
            rows.append(
                _item(_plain(text) if rng.random() < 0.3 else text, "out_of_scope", "out_of_scope")
            )
        else:
            intent, text = rng.choice(FOREIGN)
            rows.append(
                _item(
                    rng.choice(["", "dạ ", "chào shop, "]) + text + rng.choice(TAIL),
                    "out_of_scope",
                    intent,
                )
            )
    return rows


def build(seed: int = 11) -> list[dict[str, Any]]:
    """All held-out messages, unique texts, fixed seed."""
    rng = random.Random(seed)
    sizes = {
        context: 90,
        attribute: 70,
        orders: 65,
        regional: 80,
        english: 65,
        numbers: 65,
        lookalike: 65,
        out_of_scope: 70,
    }
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for make, size in sizes.items():
        made = 0
        for row in make(rng, size * 3):
            key = fold(row["text"])
            if key in seen or made >= size:
                continue
            seen.add(key)
            rows.append(row)
            made += 1
    return rows


def main() -> int:
    rows = build()
    header = (
        "# Long, natural held-out messages by style (issue 11). Written BEFORE tuning by\n"
        "# tests/nlu/longmsg/make_heldout.py from its own fragments; never used for training.\n"
        "# entities: product = every catalog id the mention names; location/category are\n"
        "# checked only where listed; other types must match exactly.\n"
    )
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=200)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{len(rows)} messages -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
