"""Clause-level reading: the request clause of a long message gets a say.

People put a story, a reason or thanks around what they want ("tuần sau nhà mình về quê
ngoại ở Tiên Yên, muốn mang ít quà, cho mình hỏi miến dong loại 1 ký giá sao ạ"). The
whole message is scored, then every clause; a clause whose best intent is a request adds
its scores for the request intents, later clauses weighing more (the request usually comes
last). Greetings, thanks and off-topic scores come from the whole message only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

REQUESTS = frozenset({
    "product_info", "product_price", "product_search", "shop_search", "tourism_suggest",
    "order_create", "order_status", "order_cancel", "human_handoff", "help",
})  # fmt: skip
# Clause boundaries in the classifier text: punctuation and "but".
_BOUNDARY = re.compile(r"\s(?:[,.!?;:]+|but)\s")
WEIGHT = 0.75


def clauses(features: str) -> list[str]:
    """Splits a classifier text into clauses of two words or more."""
    parts = (part.strip() for part in _BOUNDARY.split(f" {features} "))
    return [part for part in parts if len(part.split()) >= 2]


def combine(
    features: str, labels: list[str], score: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Scores a message as a whole and clause by clause.

    Args:
        features: The classifier text of the message.
        labels: Intent names, in the order ``score`` returns them.
        score: Probabilities for several classifier texts, one row per text.

    Returns:
        One probability per intent.
    """
    parts = clauses(features)
    if len(parts) < 2:
        return score([features])[0]
    scored = score([features, *parts])  # one pass for the whole and every clause
    request = np.array([label in REQUESTS for label in labels])
    total = scored[0].copy()
    for position, scores in enumerate(scored[1:]):
        if not request[int(np.argmax(scores))]:
            continue
        weight = WEIGHT * (0.5 + 0.5 * position / (len(parts) - 1))
        total += weight * np.where(request, scores, 0.0)
    return total / total.sum()
