"""Teencode and chat-shorthand expansion that looks at neighbouring tokens.

"k" after a number is nghìn, elsewhere không; "bn" before "tiền" is bao nhiêu, after
"cảm ơn" it is bạn; "kg" after a number stays the unit.
"""

from __future__ import annotations

from nlu.normalize import fold
from nlu.tokens import Token

# Unambiguous shorthand, keyed by the normalised token as typed.
_STATIC: dict[str, str] = {
    **dict.fromkeys(["ko", "kô", "khg", "hok", "hem", "khum", "hk", "kh", "hông"], "không"),
    **dict.fromkeys(["mk", "mik", "mjk", "mh", "mìk", "mềnh", "mek"], "mình"),
    **dict.fromkeys(["dc", "đc", "dk", "đk", "đươc"], "được"),
    **dict.fromkeys(["bnh", "bnhieu", "bnhiu", "bnhiêu", "baonhieu", "bnhiều"], "bao nhiêu"),
    **dict.fromkeys(["nhiu", "nhìu"], "nhiêu"),
    **dict.fromkeys(["tks", "thks", "thx", "tnx", "ty"], "thanks"),
    **dict.fromkeys(["camon", "cmon", "cámơn", "cảmơn", "thankiu", "tkiu"], "cảm ơn"),
    **dict.fromkeys(["ok", "oke", "okie", "oki", "okê", "okela", "okay", "okey", "oce"], "ok"),
    **dict.fromkeys(["bit", "bít", "bt"], "biết"),
    **dict.fromkeys(["cx", "cg"], "cũng"),
    **dict.fromkeys(["mún", "mun", "muon"], "muốn"),
    **dict.fromkeys(["bh", "bjo", "bgio", "bjờ"], "bây giờ"),
    **dict.fromkeys(["hnay", "hnay", "hn"], "hôm nay"),
    **dict.fromkeys(["uh", "uk", "uhm", "um", "ừm", "ừk", "ờ", "uhm"], "ừ"),
    **dict.fromkeys(["wa", "qa", "wá"], "quá"),
    **dict.fromkeys(["sdt", "sđt"], "số điện thoại"),
    **dict.fromkeys(["đt", "dt"], "điện thoại"),
    **dict.fromkeys(["mn", "mng"], "mọi người"),
    **dict.fromkeys(["zậy", "zay", "z", "dzậy"], "vậy"),
    **dict.fromkeys(["cj", "chj"], "chị"),
    **dict.fromkeys(["đy", "ik"], "đi"),
    "vs": "với",
    "j": "gì",
    "r": "rồi",
    "ntn": "như thế nào",
    "sp": "sản phẩm",
    "ad": "admin",
    "iu": "yêu",
    "ns": "nói",
    "lm": "làm",
    "ms": "mới",
    "trc": "trước",
    "lun": "luôn",
    "hum": "hôm",
    "ng": "người",
    "ngta": "người ta",
    "e": "em",
    "t": "tôi",
    "ck": "chuyển khoản",
    "ib": "inbox",
    "nt": "nhắn tin",
    "cám": "cảm",
    "oder": "order",
    "odr": "order",
}
# Shorthand whose meaning depends on its neighbours (see ``_contextual``).
_CONTEXTUAL = {"k", "tr", "tr.", "h", "nc", "v", "bn"}
_PRICE_NEXT = {"tien", "k", "d", "dong", "nghin", "ngan", "vay", "the", "a", "ha", "nhi", "z", "v"}
_PRICE_PREV = {"gia", "het", "la", "mua", "tien", "ban"}
_WATER = {"mam", "khoang", "loc", "uong", "ngot", "mia"}


def _contextual(tokens: list[Token], index: int) -> str | None:
    """Expands the shorthand whose meaning depends on its neighbours."""
    word = tokens[index].norm
    prev = tokens[index - 1].fold if index > 0 else ""
    nxt = tokens[index + 1].fold if index + 1 < len(tokens) else ""
    after_number = prev[:1].isdigit()
    if word == "k":
        return "nghìn" if after_number else "không"
    if word in {"tr", "tr."}:
        return "triệu" if after_number else None
    if word == "h":
        return "giờ" if after_number else None
    if word == "nc":
        return "nước" if nxt in _WATER else "nói chuyện"
    if word == "v":
        return "vậy" if not nxt or nxt in {"a", "ha", "ta", "nhe", "nha", "?"} else None
    if word == "bn":
        priced = nxt in _PRICE_NEXT or nxt[:1].isdigit() or prev in _PRICE_PREV
        if priced or (not nxt and prev not in {"on", "voi"}):
            return "bao nhiêu"
        return "bạn"
    return None


def _emit(token: Token, expansion: str) -> list[Token]:
    """Turns an expansion into tokens that share the source token's span."""
    return [token.as_expansion(word, fold(word)) for word in expansion.split()]


def expand(tokens: list[Token]) -> list[Token]:
    """Expands teencode and shorthand.

    Args:
        tokens: Tokens of a normalised message.

    Returns:
        Tokens with shorthand replaced by full words; offsets still point at the shorthand.
    """
    result: list[Token] = []
    for index, token in enumerate(tokens):
        if token.is_number or not token.is_word:
            result.append(token)
            continue
        if token.norm in _CONTEXTUAL:
            expansion = _contextual(tokens, index)
        else:
            expansion = _STATIC.get(token.norm)
        result.extend(_emit(token, expansion) if expansion else [token])
    return result
