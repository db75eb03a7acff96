"""A dialogue as data: what the person types or presses, and what they must (not) see.

    Dialogue("name step: a quantity is not a name", [
        ("cho mình 2 chai nước mắm Cái Rồng", "tên người nhận"),
        ("à không, 3 chai thôi", "3 chai Nước mắm Cái Rồng", "~Người nhận: à không"),
        ("[Giao tận nơi]", "địa chỉ"),
    ])

A turn is the input, then what the replies must contain (any case); "~text" must not be
there. An input in brackets presses the button whose title contains it. `play` runs the
turns through the real engine and router and says which turn failed and what was shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.chat_client import ChatClient

Turn = tuple[str, ...]


@dataclass(frozen=True)
class Dialogue:
    name: str
    turns: list[Turn]

    def __str__(self) -> str:
        return self.name


def ids(dialogues: list[Dialogue]) -> list[str]:
    return [d.name for d in dialogues]


async def play(chat: ChatClient, turns: list[Turn]) -> None:
    """Plays the turns; fails with the turn, the expectation and what the bot said."""
    for number, (said, *expected) in enumerate(turns, 1):
        if said.startswith("[") and said.endswith("]"):
            await chat.click(said[1:-1])
        else:
            await chat.send(said)
        shown = (chat.text + "\n" + "\n".join(chat.titles)).casefold()
        for want in expected:
            absent = want.startswith("~")
            text = want[1:] if absent else want
            found = text.casefold() in shown
            assert found != absent, (
                f"turn {number} {said!r}: expected {'no ' if absent else ''}{text!r} in\n"
                f"{chat.text}\nbuttons: {chat.titles}"
            )


# The way to each checkout question, in Vietnamese, and what that question says.
TO_NAME: list[Turn] = [("cho mình 2 chai nước mắm Cái Rồng", "tên người nhận")]
TO_PHONE: list[Turn] = [*TO_NAME, ("Nguyễn Văn An", "Số điện thoại")]
TO_DELIVERY: list[Turn] = [*TO_PHONE, ("0912 345 678", "giao tận nơi")]
TO_ADDRESS: list[Turn] = [*TO_DELIVERY, ("[Giao tận nơi]", "địa chỉ giao hàng")]
TO_PICKUP: list[Turn] = [*TO_DELIVERY, ("[Nhận tại Trung tâm]", "Trung tâm OCOP nào")]
TO_NOTE: list[Turn] = [*TO_ADDRESS, ("12 Trần Hưng Đạo, Hạ Long", "nhắn gì cho người bán")]
TO_CONFIRM: list[Turn] = [*TO_NOTE, ("[Không có ghi chú]", "Đơn hàng của bạn")]
TO_QUANTITY: list[Turn] = [("đặt hàng ruốc hàu Bavabi", "bao nhiêu")]
TO_PRODUCT: list[Turn] = [("đặt hàng", "sản phẩm nào")]

# The same in English.
EN_TO_NAME: list[Turn] = [("I'd like to order 2 jars of oyster floss", "What name")]
EN_TO_PHONE: list[Turn] = [*EN_TO_NAME, ("John Smith", "phone number")]
EN_TO_DELIVERY: list[Turn] = [*EN_TO_PHONE, ("0912 345 678", "delivery")]
EN_TO_ADDRESS: list[Turn] = [*EN_TO_DELIVERY, ("[Delivery]", "delivery address")]
EN_TO_NOTE: list[Turn] = [*EN_TO_ADDRESS, ("12 Tran Hung Dao street, Ha Long", "note")]
EN_TO_CONFIRM: list[Turn] = [*EN_TO_NOTE, ("[No note]", "Your order")]
