"""The parse's shortcuts (batched scoring, caches, the narrowed typo search) change nothing
a person would see: the same intents, confidences and entities as the plain reading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nlu import CatalogLexicon, Interpreter
from nlu.classifier import IntentClassifier
from nlu.clauses import combine
from nlu.data import load_training_data
from nlu.evaluate import load_heldout
from nlu.interpreter import DEFAULT_TRAINING_FILE, build_extractor
from nlu.pipeline import analyse
from nlu.scoring import ClauseScorer
from nlu.terms import build_terms
from nlu.typos import TypoIndex

HELDOUT = Path(__file__).parent


@pytest.fixture(scope="module")
def classifier(model_dir: Path, interpreter: Interpreter) -> IntentClassifier:
    """The session's trained classifier, read back from its cache file."""
    [path] = model_dir.glob("intent-*.pkl")
    return IntentClassifier.load(path)


@pytest.fixture(scope="module")
def features(lexicon: CatalogLexicon) -> list[str]:
    """The classifier text of every held-out message."""
    extractor = build_extractor(lexicon, load_training_data(DEFAULT_TRAINING_FILE))
    texts = [str(item["text"]) for path in sorted(HELDOUT.glob("heldout*.yml"))
             for item in load_heldout(path)]  # fmt: skip
    return [analyse(extractor, text).features for text in texts]


def test_the_ranking_equals_the_model_read_one_text_at_a_time(
    classifier: IntentClassifier, features: list[str]
) -> None:
    model = classifier.model

    def one_by_one(texts: list[str]) -> np.ndarray:
        return np.array([model.probabilities(text) for text in texts])

    for text in features:
        plain = combine(text, classifier.labels, one_by_one)
        ranking = classifier.rank(text)
        expected = [(classifier.labels[at], plain[at]) for at in np.argsort(plain)[::-1]]
        assert [name for name, _ in ranking] == [name for name, _ in expected], text
        drift = [abs(a - b) for (_, a), (_, b) in zip(ranking, expected, strict=True)]
        assert max(drift) < 1e-12, text


def test_a_text_scores_the_same_alone_with_others_and_from_memory(
    classifier: IntentClassifier,
) -> None:
    texts = ["cho minh hoi xproduct gia bao nhieu", "xin chao", "ship ve xlocation duoc khong"]
    alone = ClauseScorer(classifier.model).probabilities(texts[:1])[0]
    scorer = ClauseScorer(classifier.model)
    together = scorer.probabilities(texts)[0]
    remembered = scorer.probabilities([texts[0], "cam on"])[0]
    assert np.array_equal(alone, together)
    assert np.array_equal(alone, remembered)


def test_a_full_cache_starts_over_without_losing_a_row(classifier: IntentClassifier) -> None:
    scorer = ClauseScorer(classifier.model, cache_words=2)
    rows = [scorer.probabilities(["xin chao", "cam on", f"mua {n} chai"]) for n in range(4)]
    assert all(np.array_equal(row[0], rows[0][0]) for row in rows)


def test_the_same_message_twice_gives_equal_parses_the_caller_may_change(parse) -> None:
    first = parse("cho mình 2 chai nước mắm Cái Rồng")
    first["entities"][0]["value"] = 99
    first["intent"]["name"] = "changed"
    second = parse("cho mình 2 chai nước mắm Cái Rồng")
    assert second["entities"][0] == {"entity": "quantity", "value": 2, "start": 9, "end": 10}
    assert second["intent"]["name"] == "order_create"
    assert parse("😀")["intent"] == {"name": "out_of_scope", "confidence": 1.0}


def test_the_typo_search_asks_every_span_that_could_be_a_typo(lexicon: CatalogLexicon) -> None:
    data = load_training_data(DEFAULT_TRAINING_FILE)
    typos = TypoIndex(build_terms(lexicon, data.category_words()).terms, 85.0)
    messages = ["tra hao vang bn tien", "tihn dau tram loai nao tot", "nuoc man cai rong",
                "cho minh hoi ve mien dong binh lieu va che dau tram"]  # fmt: skip
    for message in messages:
        words = typos.words(message.split())
        every = [(begin, size) for size in range(len(words.words), 0, -1)
                 for begin in range(len(words.words) - size + 1)
                 if typos.worth_trying(words, begin, size)]  # fmt: skip
        assert typos.spans(words) == every, message


@pytest.mark.parametrize("text", ["你好", "你好, 谢谢", "Здравствуйте, сколько стоит"])
def test_words_the_model_never_saw_are_out_of_scope_not_an_error(parse, text: str) -> None:
    result = parse(text)
    assert "error" not in result
    assert result["intent"]["name"] == "out_of_scope"
    assert len(result["intent_ranking"]) == 10
