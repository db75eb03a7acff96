"""The checkout as a state table: the draft order kept in the conversation, and its steps."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from bot.core.state import Memory

PRODUCT = "order:product"
QUANTITY = "order:quantity"
NAME = "order:name"
PHONE = "order:phone"
DELIVERY = "order:delivery"
ADDRESS = "order:address"
PICKUP = "order:pickup"
NOTE = "order:note"
CONFIRM = "order:confirm"
STEPS = (PRODUCT, QUANTITY, NAME, PHONE, DELIVERY, ADDRESS, PICKUP, NOTE, CONFIRM)
# Steps whose answer is free text: a name, an address, a note.
FREE_TEXT_STEPS = (NAME, ADDRESS, NOTE)
HOME, PICK_UP = "delivery", "pickup"


@dataclass
class Draft:
    """A cart and the contact and delivery details gathered so far."""

    id: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    items: list[dict[str, Any]] = field(default_factory=list)  # {"product", "quantity", "unit"}
    choices: list[str] = field(default_factory=list)  # product ids offered as buttons
    wanted: int | None = None  # the quantity typed with an ambiguous product
    wanted_unit: str | None = None  # and its unit as typed ("bottles")
    adding: bool = False  # "add a product" was chosen from the edit menu
    name: str | None = None
    phone: str | None = None
    delivery: str | None = None  # HOME or PICK_UP
    address: str | None = None
    place_id: str | None = None
    note: str | None = None
    note_asked: bool = False
    lang: str | None = None  # the checkout's language: a typed name or address keeps it
    shown: list[str] = field(default_factory=list)  # products last listed beside the order

    @classmethod
    def load(cls, memory: Memory) -> Draft | None:
        """The draft in `memory`, or None when no checkout is under way."""
        data = memory.order.get("cart")
        if not isinstance(data, dict):
            return None
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def save(self, memory: Memory) -> None:
        memory.order["cart"] = asdict(self)

    @staticmethod
    def drop(memory: Memory) -> None:
        memory.order.pop("cart", None)

    def add(self, product_id: str, quantity: int | None, unit: str | None = None) -> None:
        """Adds a product, or adds to its quantity when it is already in the cart."""
        for item in self.items:
            if item["product"] == product_id:
                if quantity is not None:
                    item["quantity"] = (item["quantity"] or 0) + quantity
                return
        self.items.append({"product": product_id, "quantity": quantity, "unit": unit})

    def remove(self, product_id: str) -> bool:
        before = len(self.items)
        self.items = [i for i in self.items if i["product"] != product_id]
        return len(self.items) < before

    def set_quantity(self, product_id: str, quantity: int | None) -> None:
        for item in self.items:
            if item["product"] == product_id:
                item["quantity"] = quantity

    @property
    def product_ids(self) -> list[str]:
        return [str(i["product"]) for i in self.items]

    def unsized(self) -> str | None:
        """The first product still waiting for its quantity."""
        return next((str(i["product"]) for i in self.items if i["quantity"] is None), None)

    def next_step(self) -> str:
        """The first missing piece, in the order the questions are asked."""
        if self.choices or not self.items or self.adding:
            return PRODUCT
        if self.unsized():
            return QUANTITY
        if not self.name:
            return NAME
        if not self.phone:
            return PHONE
        if self.delivery not in (HOME, PICK_UP):
            return DELIVERY
        if self.delivery == HOME and not self.address:
            return ADDRESS
        if self.delivery == PICK_UP and not self.place_id:
            return PICKUP
        if not self.note_asked:
            return NOTE
        return CONFIRM
