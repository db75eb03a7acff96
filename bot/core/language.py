"""The reply language: detected per message, kept per chat, pinned by /lang."""

from __future__ import annotations

import re

from bot.core.i18n import LANGUAGES
from bot.core.nlu import Parse
from bot.core.state import Conversation

# Words of letters only: codes with digits ("WEN3A6", an order number) are no words of any
# language, and one pattern finds the rest without first cutting the codes out.
_WORD = re.compile(r"\b[^\W\d_]{2,}\b")
# Names are Vietnamese in both languages, so their words say nothing of the person's language;
# a unit or a number word is typed in it ("hũ", "jars", "hai").
_NAMES = frozenset({"product", "category", "location"})
# Fewer words than this ("ok", "1", "Móng Cái?") do not switch a chat's language.
MIN_WORDS_TO_SWITCH = 2
# Nor do fewer votes for the new language than for the chat's (one accented Vietnamese word
# counts two): a name votes for neither ("John Smith"), and "the", "to", "thanks" vote for
# both, so "the Newstar one" or "ok thanks" is no Vietnamese.
MIN_EVIDENCE_TO_SWITCH = 2
# Letters English never writes: one own word with them, in a request about something the
# catalog knows ("đặt 1 hũ ruốc hàu"), is Vietnamese enough to switch.
_VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
)


def normalise(code: str | None) -> str | None:
    """Maps "en-US", "vi_VN" and the like to a supported language, else None."""
    if not code:
        return None
    short = code.replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else None


def choose_language(
    conv: Conversation, parse: Parse | None, hint: str | None, default: str
) -> str:
    """Decides the reply language for this message.

    Args:
        conv: the conversation, with the language kept so far.
        parse: the NLU parse of a text message, None for buttons and locations.
        hint: the transport's language hint (Telegram's language_code), if any.
        default: the language when nothing else says.

    Returns:
        "vi" or "en".
    """
    kept = normalise(conv.lang)
    if conv.lang_pinned and kept:
        return kept
    detected = normalise(parse.language) if parse else None
    if parse is None or detected is None or detected == kept:
        # Most messages are in the chat's language already: no need to weigh their words.
        return kept or normalise(hint) or default
    if kept is None or _says_enough(parse, detected):
        return detected
    return kept


def _says_enough(parse: Parse, detected: str) -> bool:
    """Whether the message's own words (names aside) are enough to switch the chat's language."""
    if parse.language_evidence is not None and parse.language_evidence < MIN_EVIDENCE_TO_SWITCH:
        return False
    words = _own_words(parse)
    if len(words) >= MIN_WORDS_TO_SWITCH:
        return True
    # A lone name ("Bình", "Hà") typed in a checkout is no request; "đặt" with a product is.
    return (
        detected == "vi"
        and bool(parse.entities)
        and any(len(word) >= 3 and _VIETNAMESE_LETTERS.search(word.lower()) for word in words)
    )


def _own_words(parse: Parse) -> list[str]:
    """The words outside names: "Móng Cái" or "ruốc hàu" say nothing of language."""
    text = parse.text
    spans = sorted(
        (entity.start, entity.end)
        for entity in parse.entities
        if entity.entity in _NAMES and entity.start is not None and entity.end is not None
    )
    # Two products can share one mention ("ruoc hau"): cut each stretch of text once.
    pieces: list[str] = []
    at = 0
    for start, end in spans:
        pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return _WORD.findall(" ".join(pieces))
