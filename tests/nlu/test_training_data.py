"""The training data: complete, varied and consistent."""

from __future__ import annotations

import re
from collections import defaultdict

from nlu.data import CATEGORY_IDS, load_training_data, strip_annotations
from nlu.interpreter import DEFAULT_TRAINING_FILE
from nlu.normalize import normalize

INTENTS = {
    "greet", "goodbye", "thanks", "help", "product_info", "product_price", "product_search",
    "shop_search", "tourism_suggest", "order_create", "order_status", "order_cancel", "inform",
    "affirm", "deny", "human_handoff", "out_of_scope",
}  # fmt: skip


ENGLISH = re.compile(r"\b(the|is|what|how|my|i|you|me|please|thanks|bye|hi|no|yes|to)\b")


def _by_intent() -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for example in load_training_data(DEFAULT_TRAINING_FILE).examples:
        grouped[example.intent].append(example.text)
    return grouped


def test_exactly_the_agreed_intents_each_with_40_examples_or_more() -> None:
    grouped = _by_intent()
    assert set(grouped) == INTENTS
    assert {intent: len(texts) for intent, texts in grouped.items() if len(texts) < 40} == {}


def test_every_intent_has_accented_unaccented_and_english_examples() -> None:
    for intent, texts in _by_intent().items():
        accented = [t for t in texts if normalize(t).norm != normalize(t).fold]
        plain = [t for t in texts if normalize(t).norm == normalize(t).fold]
        english = [t for t in plain if ENGLISH.search(t.lower())]
        assert len(accented) >= 10, intent
        assert len(plain) >= 10, intent
        assert len(english) >= 3, intent


def test_no_message_is_taught_as_two_different_intents() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for intent, texts in _by_intent().items():
        for text in texts:
            key = " ".join(re.findall(r"\w+", normalize(text).fold))
            if key and seen.setdefault(key, intent) != intent:
                clashes.append((text, seen[key], intent))
    assert clashes == []


def test_hard_negatives_for_out_of_scope_are_there() -> None:
    negatives = " ".join(_by_intent()["out_of_scope"]).lower()
    for topic in ("khách sạn", "vé máy bay", "điện thoại", "hotel", "flight", "phone"):
        assert topic in negatives


def test_category_synonyms_cover_every_category() -> None:
    data = load_training_data(DEFAULT_TRAINING_FILE)
    assert set(data.category_words().values()) == CATEGORY_IDS
    assert data.lookups["near_me"]


def test_annotations_are_stripped_for_training() -> None:
    assert strip_annotations("cho mình [2](quantity) [chai](unit)") == "cho mình 2 chai"
    assert strip_annotations('lấy [mắm]{"entity": "product"}') == "lấy mắm"
