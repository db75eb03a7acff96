"""The reply language follows the person, sticks per chat, and /lang pins it."""

from __future__ import annotations

import pytest

from bot.core.language import choose_language, normalise
from bot.core.nlu import Entity, Parse
from bot.core.state import Conversation


def parse(text: str, language: str | None) -> Parse:
    entities = ()
    if "Móng Cái" in text:
        start = text.index("Móng Cái")
        entities = (Entity("location", "mong-cai", start, start + len("Móng Cái")),)
    return Parse(text=text, intent="inform", confidence=0.9, language=language, entities=entities)


@pytest.mark.parametrize(
    ("kept", "pinned", "text", "detected", "hint", "expected"),
    [
        (None, False, "hello", "en", None, "en"),  # first message decides
        ("vi", False, "where can I buy tea", "en", None, "en"),  # a real sentence switches
        ("vi", False, "ok", "en", None, "vi"),  # one word does not
        ("en", False, "Móng Cái?", "vi", None, "en"),  # a name is not a language
        ("en", False, "còn ở Móng Cái thì sao", "vi", None, "vi"),
        ("en", True, "xin chào các bạn", "vi", None, "en"),  # /lang pinned
        ("en", False, "đặt 1 hũ Móng Cái", "vi", None, "vi"),  # "đặt" + a name: Vietnamese
        ("en", False, "Móng Cái", "vi", None, "en"),  # the name alone says nothing
        ("vi", False, "accept WEN3A6", "en", None, "vi"),  # an order number is not a word
        ("vi", False, "accept order WEN3A6", "en", None, "en"),
        ("en", False, "dat Móng Cái", "vi", None, "en"),  # no accents: could be anything
        (None, False, "1", None, "en-US", "en"),  # the transport hint
        (None, False, "1", None, None, "vi"),
    ],
)
def test_choose_language(kept, pinned, text, detected, hint, expected) -> None:
    conv = Conversation(lang=kept, lang_pinned=pinned)
    assert choose_language(conv, parse(text, detected), hint, "vi") == expected


def test_normalise() -> None:
    assert normalise("vi_VN") == "vi"
    assert normalise("fr") is None
    assert normalise(None) is None


def parse_with(text: str, language: str, *mentions: tuple[str, str]) -> Parse:
    """A parse whose entities sit where the NLU puts them: (entity, the words it covers)."""
    entities = tuple(
        Entity(kind, words, text.index(words), text.index(words) + len(words))
        for kind, words in mentions
    )
    return Parse(text=text, intent="inform", confidence=0.9, language=language, entities=entities)


RUOC_HAU = [("product", "ruoc hau"), ("product", "ruoc hau")]  # two producers, one mention


@pytest.mark.parametrize(
    ("kept", "said", "expected"),
    [
        ("en", parse_with("dat 1 hu ruoc hau", "vi", ("unit", "hu"), *RUOC_HAU), "vi"),
        ("en", parse_with("ruoc hau bn tien", "vi", *RUOC_HAU), "vi"),  # no words eaten
        ("en", parse_with("mua 2 hop tra hoa vang", "vi", ("unit", "hop"),
                          ("product", "tra hoa vang"), ("product", "tra hoa vang")), "vi"),
        ("vi", parse_with("I want 2 jars", "en", ("quantity", "2"), ("unit", "jars")), "en"),
        ("en", parse_with("2 hu", "vi", ("quantity", "2"), ("unit", "hu")), "en"),
        ("vi", parse_with("2 jars", "en", ("quantity", "2"), ("unit", "jars")), "vi"),
        ("en", parse_with("dat ruoc hau", "vi", *RUOC_HAU), "en"),  # one unaccented word
        ("en", parse_with("tra duoi 200k", "vi", ("price_max", "200k")), "vi"),
    ],
    ids=lambda value: value.text if isinstance(value, Parse) else None,
)  # fmt: skip
def test_units_are_words_and_names_are_cut_once(kept: str, said: Parse, expected: str) -> None:
    assert choose_language(Conversation(lang=kept), said, None, "vi") == expected


def said(text: str, language: str, evidence: int | None) -> Parse:
    """A parse as the builtin NLU gives it: with how clearly its words said the language."""
    return Parse(text, "inform", 0.9, language=language, language_evidence=evidence)


@pytest.mark.parametrize(
    ("kept", "message", "expected"),
    [
        ("en", said("John Smith", "vi", 0), "en"),  # no word voted: no switch
        ("en", said("the Newstar one", "vi", 0), "en"),  # "the" voted for both
        ("en", said("ok thanks", "vi", 0), "en"),
        ("en", said("hello shop", "vi", 1), "en"),
        ("en", said("dat 1 hu ruoc hau", "vi", 2), "vi"),
        ("vi", said("hello shop", "en", 1), "vi"),
        ("vi", said("I want 2 jars", "en", 2), "en"),
        ("en", said("John Smith", "vi", None), "vi"),  # an NLU that does not say: as before
    ],
    ids=lambda value: value.text if isinstance(value, Parse) else None,
)
def test_words_that_are_no_evidence_do_not_switch(
    kept: str, message: Parse, expected: str
) -> None:
    assert choose_language(Conversation(lang=kept), message, None, "vi") == expected


def test_the_evidence_is_read_from_the_nlus_answer_when_it_gives_one() -> None:
    answer = {"intent": {"name": "inform", "confidence": 0.9}, "language": "vi"}
    assert Parse.from_rasa("x", {**answer, "language_evidence": 3}).language_evidence == 3
    assert Parse.from_rasa("x", answer).language_evidence is None
    assert Parse.from_rasa("x", {**answer, "language_evidence": "3"}).language_evidence is None
