"""A confused person ("I don't understand", "em không hiểu") asks for help, never to cancel.

The classifier learns it from the training data; this makes sure of it, since landing in
the cancel path would end a checkout the person was only puzzled by.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.turn import Turn
from catalog.text import fold

CONFUSED_CUES = (
    "khong hieu", "chua hieu", "k hieu", "ko hieu", "kh hieu", "hok hieu", "hong hieu",
    "don t understand", "dont understand", "do not understand", "didn t understand",
    "don t get it", "dont get it", "didn t get", "what do you mean", "confused", "don t follow",
)  # fmt: skip
# Words that still ask to cancel: "em không hiểu, hủy giúp em" is a cancel.
CANCEL_CUES = (
    "huy", "cancel", "bo don", "xoa don", "dung don", "rut lai", "ngung", "doi y",
    "khong mua", "k mua", "ko mua", "khong dat", "k dat", "ko dat", "khong lay", "k lay",
    "ko lay", "khong can", "ko can", "stop", "call off", "scrap", "drop", "remove", "undo",
    "forget", "changed my mind", "don t want", "dont want", "don t need", "dont need",
    "no longer", "anymore",
)  # fmt: skip


def _has(folded: str, cues: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {cue} " in padded for cue in cues)


async def read_confusion(turn: Turn) -> None:
    """Reads "I don't understand" as a request for help when the classifier said cancel."""
    parse = turn.parse
    if parse is None or parse.intent != "order_cancel":
        return
    folded = fold(parse.text)
    if _has(folded, CONFUSED_CUES) and not _has(folded, CANCEL_CUES):
        turn.parse = replace(parse, intent="help")
