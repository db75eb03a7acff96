"""Per-message language guess ("vi" or "en") from diacritics and word lists."""

from __future__ import annotations

from nlu.tokens import Token

# Folded Vietnamese words that are not English words.
_VI_TEXT = """
cho minh toi ban co khong bao nhieu tien gia mua o dau nuoc mam tra hoa vang ruou nao gi
la cua va voi duoc muon can dat hang don shop oi nhe nha nhi the nay kia nhung cac
em anh chi chu bac ad admin xin chao cam on tam biet giup huong dan san pham dac san loai
mien dong hai ba bon nam sau bay tam chin muoi chuc chai hop goi tui lo hu lang con qua
ngon re dat sao tim gan day di choi tham quan le hoi mon an thit ca ga vit trung nam
huy hoan ship giao nhan roi chua biet nghin trieu dong gui so dien thoai dia chi ten
vay ha u uh da vang thoi thoi khoi thich lay them bot nua hom mai nay qua luon cung
dang duoc rat lam gio sang chieu toi kg ko k mk dc thanks nhieu the nao tai sao vi
tot dep hay moi cu nhat lon nho chay ngay dem tuan thang khi xem nghe noi hieu phai nen
to ve ra vao len xuong nguoi ai gap goi hoi tra loi uong an uong nau song chin kho tuoi
ngot chua cay dang beo thom nong lanh sach that gia nhanh cham som muon luc truoc sau
hom qua nam nay mot hai ba bon tram ngan nghin dong tien hang nhieu it het con du thieu
ban mua ban nhan gui chuyen doi dung sai phai trai tren duoi giua ngoai trong canh gan xa
"""
_EN_TEXT = """
the a an is are was what where how much many can could would i you me my we your to of for
in on at and or with this that these those do does buy price cost sell order want need
please thanks thank hello hi hey bye goodbye yes no near nearby shop store which best good
recommend show tell about some any have has get find place visit tour cheap under over
it its is from there here who make made use store keep track cancel status delivery my
sauce tea fish wine pearl pearls noodles water souvenir gift gifts bottle bottles box jar
star stars rated worth try see go things day trip festival beach island bay
"""
VI_WORDS = frozenset(_VI_TEXT.split())
EN_WORDS = frozenset(_EN_TEXT.split())


def detect_language(tokens: list[Token], names: set[int]) -> str:
    """Guesses the language of one message.

    Product and place names are Vietnamese in both languages, so they do not vote.

    Args:
        tokens: The message's tokens (teencode already expanded).
        names: Indices of tokens inside product, category or place mentions.

    Returns:
        ``"vi"`` or ``"en"``; ``"vi"`` when nothing tells them apart.
    """
    words = [token for index, token in enumerate(tokens) if token.is_word and index not in names]
    vi = sum(2 if token.norm != token.fold else token.fold in VI_WORDS for token in words)
    en = sum(token.fold in EN_WORDS and token.norm == token.fold for token in words)
    return "en" if en > vi else "vi"
