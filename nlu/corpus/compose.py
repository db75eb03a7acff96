"""Composes training messages: a request clause wrapped the way people write.

Greeting, story, request, delivery details and a tail, typed with or without diacritics,
in teencode, with slips. Product and place names come from the catalog.
"""

from __future__ import annotations

import random
import re

from nlu.corpus.fragments import pick
from nlu.corpus.noise import plain, shorthand, typos
from nlu.lexicon import CatalogLexicon

COUNTS = {"info": 1500, "price": 1000, "search": 700, "shop": 550, "tour": 450, "order": 1500,
          "status": 300, "cancel": 250, "handoff": 200, "help": 80}  # fmt: skip
INTENT = {"info": "product_info", "price": "product_price", "search": "product_search",
          "shop": "shop_search", "tour": "tourism_suggest", "order": "order_create",
          "status": "order_status", "cancel": "order_cancel", "handoff": "human_handoff",
          "help": "help"}  # fmt: skip
OFF_COUNT, FOREIGN_COUNT, INFORM_COUNT = 800, 250, 300
SOCIAL = {"greet": ("greet_long", 150), "thanks": ("thanks_long", 150),
          "goodbye": ("goodbye_long", 100), "affirm": ("affirm_long", 80),
          "deny": ("deny_long", 80)}  # fmt: skip


class Vocabulary:
    """Names to fill templates with, from the catalog."""

    def __init__(self, lexicon: CatalogLexicon, categories: list[str]) -> None:
        self.vi = [re.sub(r"\([^)]*\)", "", n).strip() for p in lexicon.products
                   for n in (p.name_vi, *p.aliases) if n]  # fmt: skip
        self.en = [re.sub(r"\([^)]*\)", "", p.name_en).strip() for p in lexicon.products
                   if p.name_en]  # fmt: skip
        self.places = [p.name_vi for p in (*lexicon.districts, *lexicon.places)
                       if len(p.name_vi) < 30] + ["Hạ Long", "Quảng Ninh"]  # fmt: skip
        self.categories = categories


def fill(rng: random.Random, template: str, vocab: Vocabulary, english: bool) -> str:
    """Fills {p} {r} {q} {u} {l} {c} {o} {f} in a template."""
    names = vocab.en + vocab.vi[:20] if english and rng.random() < 0.7 else vocab.vi
    amounts = pick("fill", "amounts_en" if english else "amounts_vi")
    values = {"p": rng.choice(names), "r": rng.choice(names), "q": rng.choice(amounts),
              "u": rng.choice(pick("fill", "units")), "l": rng.choice(vocab.places),
              "c": rng.choice(vocab.categories), "o": rng.choice(pick("fill", "order_ids")),
              "f": rng.choice(pick("off_topic", "foreign_foods"))}  # fmt: skip
    return template.format(**values)


def style(rng: random.Random, text: str, english: bool) -> str:
    """Types the text the way some people do."""
    if not english and rng.random() < 0.3:
        text = shorthand(rng, text)
    if rng.random() < 0.3:
        text = plain(text)
    if rng.random() < 0.12:
        text = typos(rng, text)
    if rng.random() < 0.3:
        text = text[:1].upper() + text[1:]
    return " ".join(text.split())


def wrap(rng: random.Random, request: str, english: bool, kind: str) -> str:
    """Puts greeting, story, delivery details and tail around the request."""
    lang = "en" if english else "vi"
    parts = []
    if rng.random() < 0.45:
        parts.append(rng.choice(pick("context", f"greetings_{lang}")))
    if rng.random() < 0.55:
        parts.append(rng.choice(pick("context", f"stories_{lang}")))
    parts.append(request)
    if kind == "order" and rng.random() < 0.55:
        pool = pick(f"requests_{lang}", "delivery")
        details = ", ".join(rng.sample(pool, rng.randint(1, 3))) + ","
        parts.insert(len(parts) - 1 if rng.random() < 0.3 else len(parts), details)
        parts[-1] = parts[-1].rstrip(",")
    return " ".join(p for p in parts if p) + rng.choice(pick("context", f"tails_{lang}"))


def requests(rng: random.Random, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Wrapped requests for every content intent, and bare delivery details (inform)."""
    rows = []
    for kind, count in COUNTS.items():
        for _ in range(count):
            english = rng.random() < 0.22
            template = rng.choice(pick("requests_en" if english else "requests_vi", kind))
            text = wrap(rng, fill(rng, template, vocab, english), english, kind)
            rows.append((INTENT[kind], style(rng, text, english)))
    details = pick("requests_vi", "inform") + pick("requests_vi", "delivery")
    for _ in range(INFORM_COUNT):
        english = rng.random() < 0.2
        template = rng.choice(pick("requests_en", "delivery") if english else details)
        rows.append(("inform", style(rng, fill(rng, template, vocab, english), english)))
    return rows


def off_scope(rng: random.Random, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Hard negatives full of province words, and foods that are not in the catalog."""
    rows = []
    for _ in range(OFF_COUNT):
        english = rng.random() < 0.25
        lang = "en" if english else "vi"
        lead = rng.choice(pick("off_topic", f"off_leads_{lang}"))
        body = rng.choice(pick("off_topic", f"off_{lang}"))
        tail = rng.choice(pick("context", f"tails_{lang}"))
        text = fill(rng, lead + body, vocab, english) + tail
        rows.append(("out_of_scope", style(rng, text, english)))
    for _ in range(FOREIGN_COUNT):
        intent, template = rng.choice(pick("off_topic", "foreign_templates"))
        text = wrap(rng, fill(rng, template, vocab, False), False, "")
        rows.append((intent, style(rng, text, False)))
    return rows


def socials(rng: random.Random, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Long greetings, thanks, goodbyes, confirmations and refusals."""
    rows = []
    for intent, (name, count) in SOCIAL.items():
        for _ in range(count):
            text = fill(rng, rng.choice(pick("social", name)), vocab, False)
            rows.append((intent, style(rng, text, False)))
    return rows
