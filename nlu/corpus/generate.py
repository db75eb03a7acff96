"""Writes the generated part of ``nlu/data/nlu.yml``: long, natural messages in every style.

Requests by intent are wrapped in greetings, stories and tails, typed with and without
diacritics, in teencode and with slips. Product and place names come from the catalog
given on the command line (they become placeholders before classification, so the model
does not depend on them). Usage: ``python -m nlu.corpus.generate [--catalog PATH]``.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from nlu.corpus import context as ctx
from nlu.corpus import off_topic, requests_en, requests_vi, social
from nlu.corpus.noise import plain, shorthand, typos
from nlu.data import GENERATED_MARKER
from nlu.lexicon import CatalogLexicon, load_lexicon
from nlu.normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "data" / "nlu.yml"
MARKER = GENERATED_MARKER + "; edit the fragments there, not below ----"
AMOUNTS_VI = [
    "1 hộp",
    "2 hộp",
    "3 chai",
    "một chai",
    "hai chai",
    "5 gói",
    "mười gói",
    "1 hũ",
    "2 hũ",
    "1kg",
    "2 ký",
    "nửa cân",
    "một cân rưỡi",
    "hai chục quả",
    "một chục",
    "3 lốc",
    "1 thùng",
    "2 thùng",
    "4 túi",
    "vài hộp",
    "2 bó",
    "ba hộp",
    "1 lọ",
    "6 chai",
    "2 con",
    "nửa ký",
    "1,5kg",
    "3 cân",
    "mấy hộp",
]
AMOUNTS_EN = [
    "2 bottles",
    "a box",
    "3 packs",
    "one jar",
    "two boxes",
    "1 kg",
    "half a kilo",
    "a dozen",
    "4 bags",
    "a bottle",
]
OFF_COUNT = 800
UNITS = ["hộp", "chai", "ký", "cân", "gói", "hũ", "kg", "lạng", "con", "lọ"]
ORDER_IDS = ["DH1234", "#5821", "mã 3321", "DH-2045", "số 8812", "OC77", "#204"]
COUNTS = {
    "info": 1500,
    "price": 1000,
    "search": 700,
    "shop": 550,
    "tour": 450,
    "order": 1500,
    "status": 300,
    "cancel": 250,
    "handoff": 200,
    "help": 80,
}
INTENT = {
    "info": "product_info",
    "price": "product_price",
    "search": "product_search",
    "shop": "shop_search",
    "tour": "tourism_suggest",
    "order": "order_create",
    "status": "order_status",
    "cancel": "order_cancel",
    "handoff": "human_handoff",
    "help": "help",
}


class Vocabulary:
    """Names to fill templates with, from the catalog."""

    def __init__(self, lexicon: CatalogLexicon, categories: list[str]) -> None:
        products = lexicon.products
        self.vi = [
            re.sub(r"\([^)]*\)", "", n).strip()
            for p in products
            for n in (p.name_vi, *p.aliases)
            if n
        ]
        self.en = [re.sub(r"\([^)]*\)", "", p.name_en).strip() for p in products if p.name_en]
        self.places = [
            p.name_vi for p in (*lexicon.districts, *lexicon.places) if len(p.name_vi) < 30
        ] + ["Hạ Long", "Quảng Ninh"]
        self.categories = categories


def _fill(rng: random.Random, template: str, vocab: Vocabulary, english: bool) -> str:
    names = vocab.en + vocab.vi[:20] if english and rng.random() < 0.7 else vocab.vi
    amounts = AMOUNTS_EN if english else AMOUNTS_VI
    values = {
        "p": rng.choice(names),
        "r": rng.choice(names),
        "q": rng.choice(amounts),
        "u": rng.choice(UNITS),
        "l": rng.choice(vocab.places),
        "c": rng.choice(vocab.categories),
        "o": rng.choice(ORDER_IDS),
        "f": rng.choice(off_topic.FOREIGN_FOODS),
    }
    return template.format(**values)


def _style(rng: random.Random, text: str, english: bool) -> str:
    roll = rng.random()
    if not english and roll < 0.3:
        text = shorthand(rng, text)
    if rng.random() < 0.3:
        text = plain(text)
    if rng.random() < 0.12:
        text = typos(rng, text)
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    return " ".join(text.split())


def _wrap(rng: random.Random, request: str, english: bool, intent: str) -> str:
    """Puts greeting, story and tail around the request, sometimes after it."""
    greet = rng.choice(ctx.GREETINGS_EN if english else ctx.GREETINGS_VI)
    story = rng.choice(ctx.STORIES_EN if english else ctx.STORIES_VI)
    tail = rng.choice(ctx.TAILS_EN if english else ctx.TAILS_VI)
    parts = []
    if rng.random() < 0.45:
        parts.append(greet)
    if rng.random() < 0.55:
        parts.append(story)
    parts.append(request)
    if intent == "order" and rng.random() < 0.55:
        pool = requests_en.DELIVERY if english else requests_vi.DELIVERY
        details = ", ".join(rng.sample(pool, rng.randint(1, 3))) + ","
        parts.insert(len(parts) - 1 if rng.random() < 0.3 else len(parts), details)
        parts[-1] = parts[-1].rstrip(",")
    return " ".join(p for p in parts if p) + tail


def requests(rng: random.Random, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Wrapped requests for every content intent."""
    rows = []
    for key, count in COUNTS.items():
        vi = getattr(requests_vi, key.upper())
        en = getattr(requests_en, key.upper())
        for _ in range(count):
            english = rng.random() < 0.22
            request = _fill(rng, rng.choice(en if english else vi), vocab, english)
            rows.append((INTENT[key], _style(rng, _wrap(rng, request, english, key), english)))
    for _ in range(300):
        english = rng.random() < 0.2
        rows.append(
            (
                "inform",
                _style(
                    rng,
                    _fill(
                        rng,
                        rng.choice(
                            requests_en.DELIVERY
                            if english
                            else requests_vi.INFORM + requests_vi.DELIVERY
                        ),
                        vocab,
                        english,
                    ),
                    english,
                ),
            )
        )
    return rows


def off_scope(rng: random.Random, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Hard negatives and foods outside the catalog."""
    rows = []
    for _ in range(OFF_COUNT):
        english = rng.random() < 0.25
        lead = rng.choice(off_topic.OFF_LEADS_EN if english else off_topic.OFF_LEADS_VI)
        body = rng.choice(off_topic.OFF_EN if english else off_topic.OFF_VI)
        tail = rng.choice(ctx.TAILS_EN if english else ctx.TAILS_VI)
        text = _fill(rng, lead + body, vocab, english) + tail
        rows.append(("out_of_scope", _style(rng, text, english)))
    for _ in range(250):
        intent, template = rng.choice(off_topic.FOREIGN_TEMPLATES)
        text = _wrap(rng, _fill(rng, template, vocab, False), False, "")
        rows.append((intent, _style(rng, text, False)))
    return rows


def socials(rng: random.Random, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Long greetings, thanks, goodbyes, confirmations and refusals."""
    rows = []
    for intent, pool, count in (
        ("greet", social.GREET_LONG, 150),
        ("thanks", social.THANKS_LONG, 150),
        ("goodbye", social.GOODBYE_LONG, 100),
        ("affirm", social.AFFIRM_LONG, 80),
        ("deny", social.DENY_LONG, 80),
    ):
        for _ in range(count):
            text = _fill(rng, rng.choice(pool), vocab, False)
            rows.append((intent, _style(rng, text, False)))
    return rows


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalize(text).fold))


def generate(
    lexicon: CatalogLexicon, categories: list[str], taken: dict[str, str], seed: int = 7
) -> dict[str, list[str]]:
    """Returns intent -> unique generated texts (no text under two intents).

    Args:
        lexicon: Catalog names for the templates.
        categories: Category words.
        taken: Folded key -> intent of texts already used (hand-written data, held-out sets).
        seed: Random seed.
    """
    rng = random.Random(seed)
    vocab = Vocabulary(lexicon, categories)
    rows = requests(rng, vocab) + off_scope(rng, vocab) + socials(rng, vocab)
    seen: dict[str, str] = dict(taken)
    out: dict[str, list[str]] = {}
    for intent, text in rows:
        key = _key(text)
        if not key or key in seen:
            continue
        seen[key] = intent
        out.setdefault(intent, []).append(text)
    return out


def main(argv: list[str] | None = None) -> int:
    """Regenerates the generated part of the training file."""
    import yaml

    from nlu.data import load_training_data

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--catalog", type=Path, required=True)
    parser.add_argument(
        "--exclude",
        type=Path,
        nargs="*",
        default=[],
        help="held-out YAML files whose texts must never be trained on",
    )
    args = parser.parse_args(argv)
    raw = DATA.read_text(encoding="utf-8")
    hand = raw.split(MARKER)[0].rstrip() + "\n"
    DATA.write_text(hand, encoding="utf-8")
    data = load_training_data(DATA)
    taken = {_key(e.text): e.intent for e in data.examples}
    for path in args.exclude:
        taken.update({_key(m["text"]): "held-out" for m in yaml.safe_load(path.read_text()) or []})
    categories = [w for w in data.category_words() if not w.isascii()][:40]
    generated = generate(load_lexicon(args.catalog), categories, taken)
    lines = [hand.rstrip(), MARKER]
    for intent, texts in generated.items():
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in texts]
    DATA.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(map(len, generated.values()))} generated examples -> {DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
