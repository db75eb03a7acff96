"""The hand-written fragments the corpus is made of (``fragments/*.yml``), one file a topic.

``context`` (stories, greetings, tails), ``requests_vi`` and ``requests_en`` (request
clauses by intent), ``off_topic`` (hard negatives, foods from elsewhere), ``social`` (long
greetings, thanks, goodbyes), ``fill`` (amounts, units, order ids).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).with_name("fragments")


@cache
def fragments(topic: str) -> dict[str, list]:
    """Lists of one topic file, by name."""
    with (FOLDER / f"{topic}.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def pick(topic: str, name: str) -> list:
    """One list of one topic file."""
    return fragments(topic)[name]
