"""Per-message language guess ("vi" or "en") from diacritics and word lists."""

from __future__ import annotations

import re
from typing import NamedTuple

from nlu.pleasantries import loan_pleasantries
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
you they she her him our us their one two three first second last next other another same
else something anything nothing everything all both every more less only just also too very
really if because will should did done know think like love let give send bring take took
pick up down left right open close closed now later soon today tonight tomorrow morning
afternoon evening night week time again still already yet when why sure great nice perfect
fine cool sorry never mind mean meant got understand speak english hotel room home back
family friend friends wife husband parents kids name phone number address pay cash card bank
transfer deliver shipping ll doesn didn isn aren wasn won couldn wouldn haven
"""
VI_WORDS = frozenset(_VI_TEXT.split())
EN_WORDS = frozenset(_EN_TEXT.split())
# One Vietnamese syllable: "José", "Müller" or "García" have accents but are no Vietnamese.
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,4}"
    "(?:ch|ng|nh|[cmnpt])?"
)
_SENTENCE_ENDS = frozenset(".!?")
# "don't", "I'm", "it's": what follows an apostrophe inside a word is English ("t" is no "tôi").
_APOSTROPHES = frozenset("'’")


class LanguageGuess(NamedTuple):
    """One message's language and how clearly its words said so.

    Attributes:
        language: ``"vi"`` or ``"en"``.
        evidence: Votes the guess won by: 0 on a tie or when no word voted ("John Smith",
            "ok thanks"), 2 for one accented Vietnamese word or two plain ones.
    """

    language: str
    evidence: int


def detect_language(original: str, tokens: list[Token], names: set[int]) -> LanguageGuess:
    """Guesses the language of one message.

    Product and place names are Vietnamese in both languages, so they do not vote, nor do
    capitalised names the catalog does not know ("Mường Thanh", "Nguyễn Văn An"); a word
    both languages write ("the", "to", "can") votes for both; English thanks to the shop
    ("thank you shop") are a Vietnamese loan phrase and vote for neither.

    Args:
        original: The message as typed (capitals tell names).
        tokens: The message's tokens (teencode already expanded).
        names: Indices of tokens inside product, category or place mentions.

    Returns:
        The guess: ``"vi"`` when nothing tells them apart, with evidence 0.
    """
    vi = en = 0
    silent = names | loan_pleasantries(tokens)
    for index, token in enumerate(tokens):
        if not token.is_word or index in silent:
            continue
        before = tokens[index - 1] if index else None
        if before is not None and before.norm in _APOSTROPHES and before.end == token.start:
            en += 1
        elif token.norm == token.fold:
            vi += token.fold in VI_WORDS
            en += token.fold in EN_WORDS
        elif _SYLLABLE.fullmatch(token.norm) and not _in_a_name(original, tokens, index):
            vi += 2
    return LanguageGuess("en", en - vi) if en > vi else LanguageGuess("vi", vi - en)


def _in_a_name(original: str, tokens: list[Token], index: int) -> bool:
    """Whether a word is written like part of a name: capitalised inside a sentence, or
    capitalised next to another capitalised word ("Nguyễn Văn An"); a phone capitalises the
    first word of every sentence ("Cảm ơn"), so that one alone is no name."""
    if not _capitalised(original, tokens[index]):
        return False
    first = index == 0 or tokens[index - 1].norm in _SENTENCE_ENDS
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return not first or (after is not None and after.is_word and _capitalised(original, after))


def _capitalised(original: str, token: Token) -> bool:
    """Whether a word is typed with a capital first and small letters after ("Văn", not "VĂN")."""
    word = original[token.start : token.end]
    return word[:1].isupper() and not word[1:].isupper()
