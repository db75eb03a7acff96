"""Places outside Quảng Ninh that name where a food comes from ("nước mắm Phú Quốc").

A product name followed by one of these is someone else's product: the mention is not
one of ours, whatever words it shares with the catalog. Folded, space-separated.
"""

from __future__ import annotations

from nlu.tokens import Token

_PLACES = """
ha noi|hai phong|hai duong|hung yen|thai binh|nam dinh|ninh binh|ha nam|thanh hoa|nghe an
ha tinh|quang binh|quang tri|hue|da nang|quang nam|quang ngai|binh dinh|phu yen|khanh hoa
nha trang|ninh thuan|phan rang|binh thuan|phan thiet|mui ne|kon tum|gia lai|dak lak|dak nong
buon ma thuot|lam dong|da lat|binh phuoc|tay ninh|binh duong|dong nai|vung tau|sai gon
ho chi minh|long an|tien giang|ben tre|tra vinh|vinh long|dong thap|an giang|kien giang
phu quoc|can tho|hau giang|soc trang|bac lieu|ca mau|ha giang|cao bang|bac kan|tuyen quang
lao cai|sa pa|sapa|dien bien|lai chau|son la|moc chau|yen bai|hoa binh|thai nguyen|lang son
bac giang|luc ngan|bac ninh|phu tho|vinh phuc|uoc le|cat hai|van van|cua khe|lai vung
tay bac|thanh ha|ninh giang|tan cuong|hai hau|nhat ban|han quoc|trung quoc|thai lan
japan|korea|china|thailand|france|russia|phu quoc island|ha giang province
"""
ELSEWHERE = frozenset(tuple(name.split()) for name in _PLACES.replace("\n", "|").split("|")
                      if name.strip())  # fmt: skip
_LONGEST = max(len(name) for name in ELSEWHERE)
_SKIPPABLE = {"cua", "loai", "hang", "vung", "tinh", "xu", "kieu", "of"}


def from_elsewhere(tokens: list[Token], end: int) -> bool:
    """Tells whether a mention ending at ``tokens[end]`` is followed by a place elsewhere.

    Args:
        tokens: The message's tokens.
        end: Index just after the mention.

    Returns:
        True for "nước mắm Phú Quốc", "nem chua xứ Thanh Hóa", "giò chả Ước Lễ".
    """
    index = end
    while index < len(tokens) and index < end + 2 and tokens[index].fold in _SKIPPABLE:
        index += 1
    words = [token.fold for token in tokens[index : index + _LONGEST]]
    return any(tuple(words[:size]) in ELSEWHERE for size in range(1, len(words) + 1))
