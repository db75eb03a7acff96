"""English pleasantries a Vietnamese person writes to the shop: loan phrases, no language.

"thank you shop", "ok thanks shop" or "thanks a lot ad" address the seller the Vietnamese
way ("cảm ơn shop"): an English speaker thanks no "shop". Addressed so, "thank you",
"see you" or "good night" are borrowed like "ok" and vote for no language; the same
words to no one ("thank you so much") and every other English word still vote English.
"""

from __future__ import annotations

from nlu.tokens import Token

# Thanks, greetings and goodbyes, as folded words; the longest match wins at each word.
_PHRASES_TEXT = """
thank you so much|thank you very much|thank you|thank u|thank|thanks so much|thanks a lot
thanks very much|many thanks|thanks|ok|alright|hello|hi|hey|bye bye|bye|goodbye|see you
see you later|see you again|good night|good morning|good afternoon|good evening|good day
have a nice day|sorry|please|yes|no|great|perfect|nice|cool|love you
"""
PHRASES: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {
            tuple(phrase.split())
            for phrase in _PHRASES_TEXT.replace("\n", "|").split("|")
            if phrase
        },
        key=len,
        reverse=True,
    )
)
# The phrases by their first word, longest first: one look-up a word.
_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in PHRASES:
    _BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
# How a Vietnamese person calls the one they write to ("ad" is already "admin" here).
ADDRESS = frozenset({"shop", "admin", "em", "anh", "chi"})
# What may follow the address word: "shop ơi", "ad nhé", "shop ạ".
_PARTICLES = frozenset({"oi", "nhe", "nha", "a", "nhieu"})


def loan_pleasantries(tokens: list[Token]) -> set[int]:
    """Finds the pleasantries that are loanwords because the message calls the shop.

    Args:
        tokens: The message's tokens (teencode already expanded: "ad" is "admin").

    Returns:
        Indices of the pleasantries' words; empty when no word calls the shop, since
        "shop" in "is there a shop near my hotel" is a noun.
    """
    if not any(token.fold in ADDRESS for token in tokens):
        return set()  # most messages: no word to call the shop with
    spans = _pleasantries(tokens)
    inside = {index for start, end in spans for index in range(start, end)}
    if not any(_calls(tokens, index, inside) for index in range(len(tokens))):
        return set()
    return inside


def _pleasantries(tokens: list[Token]) -> list[tuple[int, int]]:
    """The (start, end) token spans of the message's pleasantries, left to right."""
    # English is typed without diacritics: "hí" is no "hi".
    words = [token.fold if token.is_word and token.norm == token.fold else "" for token in tokens]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        starting = _BY_FIRST.get(words[index], ())
        found = next((p for p in starting if tuple(words[index : index + len(p)]) == p), None)
        if found is None:
            index += 1
            continue
        spans.append((index, index + len(found)))
        index += len(found)
    return spans


def _calls(tokens: list[Token], index: int, pleasantries: set[int]) -> bool:
    """Whether a word calls the shop: an address word with nothing but punctuation, the
    message's edge, a pleasantry or a particle on either side ("thank you shop", "shop ơi")."""
    if tokens[index].fold not in ADDRESS or index in pleasantries:
        return False
    before = index - 1
    after = index + 1
    return _beside(tokens, before, pleasantries) and (
        _beside(tokens, after, pleasantries) or tokens[after].fold in _PARTICLES
    )


def _beside(tokens: list[Token], index: int, pleasantries: set[int]) -> bool:
    """Whether the word next to an address word leaves it a call: an edge, punctuation or
    a pleasantry."""
    return (
        index < 0
        or index >= len(tokens)
        or not (tokens[index].is_word or tokens[index].is_number)
        or index in pleasantries
    )
