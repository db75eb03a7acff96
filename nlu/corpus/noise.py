"""How people actually type: no diacritics, teencode, regional words, slips of the finger."""

from __future__ import annotations

import random
import re
import unicodedata

# Whole words or phrases -> what some people type instead (applied at random, one by one).
SHORTHAND: dict[str, list[str]] = {
    "không": ["k", "ko", "hok", "hông", "hem", "khum", "kh"],
    "được": ["dc", "đc", "đk"],
    "bao nhiêu": ["bn", "bao nhiu", "nhiu", "bnhiu"],
    "gì": ["j", "chi"],
    "vậy": ["z", "dzậy", "v"],
    "mình": ["mk", "mik", "tui", "tớ"],
    "biết": ["bik", "bít", "bt"],
    "rồi": ["r", "rùi", "gòi"],
    "sản phẩm": ["sp"],
    "em": ["e"],
    "với": ["vs", "zới"],
    "nhé": ["nhen", "nha", "nhá"],
    "thôi": ["thui"],
    "bạn": ["bn", "b"],
    "chị": ["c", "cj"],
    "anh": ["a"],
    "muốn": ["mún"],
    "làm": ["mần", "lm"],
    "nhiều": ["nhìu"],
    "quá": ["wá", "qá"],
    "ship": ["sip"],
    "cân": ["ký", "kí"],
    "kg": ["ký", "kí", "cân"],
    "lợn": ["heo"],
    "thế nào": ["sao", "ntn"],
    "ạ": ["a", "ak", "ah"],
    "shop": ["sốp", "shopp"],
    "điện thoại": ["đt", "dt"],
    "số điện thoại": ["sđt", "sdt"],
    "nhắn": ["ib", "inbox"],
    "trả lời": ["rep"],
    "bây giờ": ["bh", "bjo"],
    "người": ["ng"],
    "trước": ["trc"],
    "luôn": ["lun"],
}
_SHORT = [(re.compile(rf"(?<!\w){re.escape(k)}(?!\w)"), v) for k, v in SHORTHAND.items()]
_TONELESS = {
    "à": "a",
    "á": "a",
    "ả": "a",
    "ạ": "a",
    "ế": "ê",
    "ệ": "ê",
    "ố": "ô",
    "ộ": "ô",
    "ờ": "ơ",
    "ợ": "ơ",
    "ừ": "ư",
    "ự": "ư",
    "ú": "u",
    "ụ": "u",
    "ì": "i",
    "ò": "o",
}
_WRONG = {
    "ả": "ã",
    "ã": "ả",
    "ẻ": "ẽ",
    "ẽ": "ẻ",
    "ỏ": "õ",
    "õ": "ỏ",
    "ỉ": "ĩ",
    "ĩ": "ỉ",
    "ủ": "ũ",
    "ũ": "ủ",
    "ổ": "ỗ",
    "ỗ": "ổ",
    "ở": "ỡ",
    "ử": "ữ",
}


def plain(text: str) -> str:
    """The text typed without diacritics."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text)


def shorthand(rng: random.Random, text: str, share: float = 0.6) -> str:
    """Replaces some words with teencode or regional forms."""
    for pattern, choices in _SHORT:
        if rng.random() < share:
            text = pattern.sub(lambda _m, pool=choices: rng.choice(pool), text)
    return text


def slip(rng: random.Random, word: str) -> str:
    """One typo in a word: a lost or wrong tone, a dropped, doubled or swapped letter."""
    if len(word) < 3:
        return word
    kind = rng.choice(["tone", "wrong", "drop", "double", "swap"])
    if kind == "tone":
        return "".join(_TONELESS.get(char, char) for char in word)
    if kind == "wrong":
        return "".join(_WRONG.get(char, char) for char in word)
    at = rng.randrange(1, len(word) - 1)
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "double":
        return word + word[-1]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def typos(rng: random.Random, text: str, share: float = 0.15) -> str:
    """Slips on some longer words."""
    return " ".join(
        slip(rng, w) if len(w) >= 4 and rng.random() < share else w for w in text.split(" ")
    )
