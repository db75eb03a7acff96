"""Questions "X là gì" / "what is X": which of several matching products fits best."""

from __future__ import annotations

from rapidfuzz import fuzz

from catalog.dto import ProductDTO
from catalog.text import fold

WHAT_IS_CUES = (
    "la gi", "la cai gi", "la san pham gi", "la mon gi", "what is", "what's", "what are",
    "gioi thieu ve", "la nhu the nao", "co gi dac biet",
)  # fmt: skip


def is_what_is(text: str) -> bool:
    """True when the message asks what something is."""
    folded = " ".join(fold(text).replace("?", " ").split())
    return any(cue in folded for cue in WHAT_IS_CUES)


def best_match(text: str, products: list[ProductDTO]) -> ProductDTO:
    """The product whose names fit the words best; more stars first on a tie."""
    words = fold(text)

    def score(product: ProductDTO) -> tuple[float, int]:
        names = [product.name_vi, product.name_en or "", *product.aliases]
        fit = max(fuzz.token_set_ratio(words, fold(name)) for name in names if name)
        return (round(fit), product.stars or 0)

    return max(products, key=score)
