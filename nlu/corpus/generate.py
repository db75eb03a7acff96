"""Writes the generated part of ``nlu/data/nlu.yml``: long, natural messages in every style.

Usage: ``python -m nlu.corpus.generate --catalog PATH [--exclude HELD-OUT.yml ...]``.
The hand-written part of the file (before the marker line) is kept as it is; texts of the
held-out files given with ``--exclude`` are never written.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

from nlu.corpus.compose import Vocabulary, off_scope, requests, socials
from nlu.data import GENERATED_MARKER, load_training_data
from nlu.lexicon import CatalogLexicon, load_lexicon
from nlu.normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "data" / "nlu.yml"
MARKER = GENERATED_MARKER + "; edit the fragments there, not below ----"


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalize(text).fold))


def generate(
    lexicon: CatalogLexicon, categories: list[str], taken: dict[str, str], seed: int = 7
) -> dict[str, list[str]]:
    """Returns intent -> unique generated texts.

    Args:
        lexicon: Catalog names for the templates.
        categories: Category words.
        taken: Folded key -> intent of texts already used (hand-written data, held-out sets);
            none of them is generated again, and no text is taught as two intents.
        seed: Random seed.
    """
    rng = random.Random(seed)
    vocab = Vocabulary(lexicon, categories)
    rows = requests(rng, vocab) + off_scope(rng, vocab) + socials(rng, vocab)
    seen: dict[str, str] = dict(taken)
    out: dict[str, list[str]] = {}
    for intent, text in rows:
        key = _key(text)
        if key and key not in seen:
            seen[key] = intent
            out.setdefault(intent, []).append(text)
    return out


def main(argv: list[str] | None = None) -> int:
    """Regenerates the generated part of the training file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--catalog", type=Path, required=True)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    hand = DATA.read_text(encoding="utf-8").split(MARKER)[0].rstrip() + "\n"
    DATA.write_text(hand, encoding="utf-8")
    data = load_training_data(DATA)
    taken = {_key(example.text): example.intent for example in data.examples}
    for path in args.exclude:
        messages = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        taken.update({_key(message["text"]): "held-out" for message in messages})
    categories = [word for word in data.category_words() if not word.isascii()][:40]
    generated = generate(load_lexicon(args.catalog), categories, taken)
    lines = [hand.rstrip(), MARKER]
    for intent, texts in generated.items():
        lines += [f"- intent: {intent}", "  examples: |", *(f"    - {text}" for text in texts)]
    DATA.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(map(len, generated.values()))} generated examples -> {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
