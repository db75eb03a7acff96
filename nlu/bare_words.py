"""When a word typed without accents, too ambiguous alone, may still name a product.

"hau" alone is "hậu", "hầu" or "hàu", so a bare "hau" names nothing ("hau qua", "phuc vu
tan hau"). Right after "sản phẩm từ", "làm từ" or "các loại", and with nothing after it but
the end of the message or a chat particle, it can only be the oysters: "cac san pham tu hau",
"co nhung san pham nao lam tu hau vay". "san pham tu hau giang" (Hậu Giang) or "cac loai
hau mai" (hậu mãi) still name nothing, since a word follows that is no particle.
"""

from __future__ import annotations

from nlu.made_from import RIGHT_BEFORE
from nlu.tokens import Token

# Bare words that may name their product in such a phrase.
RANGE_ONLY = frozenset({"hau"})
# Words that may follow: particles, addressing words, "nào", "không".
_PARTICLES = frozenset(
    {"vay", "v", "z", "ko", "k", "khong", "hong", "hok", "nao", "gi", "j", "nhe", "nha", "a",
     "ah", "shop", "ad", "oi", "the", "thi", "di", "voi", "nhi", "ben", "co", "ne", "nhen",
     "hen", "chu", "ha", "ma", "luon", "thoi"}
)  # fmt: skip
_CUE_WORDS = 4


def range_names_it(tokens: list[Token], index: int) -> bool:
    """Whether the bare word at ``index`` ends a request for everything made from it.

    Args:
        tokens: The message's tokens.
        index: Where the bare word is.

    Returns:
        True after a cue ("các sản phẩm từ hau"), before the end or a particle.
    """
    before = [token.fold for token in tokens[:index] if token.is_word][-_CUE_WORDS:]
    if not RIGHT_BEFORE.search(" ".join(before)):
        return False
    after = tokens[index + 1 : index + 2]
    return not after or not after[0].is_word or after[0].fold in _PARTICLES
