"""English and code-switched request clauses by intent. {p} product, {q} amount + unit."""

from __future__ import annotations

INFO = [
    "how long does the {p} keep", "does the {p} need the fridge", "what is in the {p}",
    "what's the {p} made of", "where does the {p} come from", "who makes the {p}",
    "how do you eat the {p}", "how do I cook {p}", "how should I store the {p}",
    "is the {p} ok for children", "can my elderly father have the {p}", "is {p} safe when pregnant",
    "how many OCOP stars does the {p} have", "is the {p} certified", "what does the {p} taste like",
    "is the {p} spicy", "is the {p} very salty", "how strong is the {p}", "how big is the {p}",
    "what colour is the {p}", "what's the difference between {p} and {r}", "{p} or {r}, which is better",
    "can I take the {p} on a plane", "tell me about the {p}", "what is {p} exactly",
    "is the {p} good for health", "does the {p} contain preservatives", "how is the {p} made",
    "{p} này bảo quản sao", "{p} có ngon không vậy", "is {p} halal",
    "where do they source the {p}", "where is the {p} farmed",
]
PRICE = [
    "how much is the {p}", "what does the {p} cost", "price of {p}", "how much for {q} {p}",
    "what's the price of {p} per kilo", "how much per bottle of {p}", "is the {p} expensive",
    "any discount on {p}", "how much is shipping to Hanoi", "{p} price bao nhiêu",
    "giá {p} how much", "how much would {q} {p} be",
]
SEARCH = [
    "what gifts do you recommend", "what local specialties do you have", "anything under 300k",
    "any 5 star products", "what can I buy from {l}", "do you have any {c}",
    "what's good to bring home", "something light for the flight home", "best sellers please",
    "what do people usually buy here", "any vegetarian options", "show me your {c}",
]
SHOP = [
    "where can I buy {p}", "where is your shop", "is there a store in {l}", "any shop near {l}",
    "where do I get {p} in {l}", "can I buy {p} at the airport", "do supermarkets sell {p}",
]
TOUR = [
    "what should we see in {l}", "things to do in {l}", "is {l} worth visiting",
    "best time to visit {l}", "any festivals in {l}", "where can we go with kids",
    "suggest a day trip from Ha Long", "what's there to do at night",
    "is the {l} held this year", "can we visit the farm and watch them work",
    "when does the festival take place",
]
ORDER = [
    "I'd like {q} {p}", "can I order {q} {p}", "please send me {q} {p}", "I'll take {q} {p}",
    "put me down for {q} {p}", "I want to buy {q} {p}", "order {q} {p} for me", "book {q} {p}",
    "cho mình book {q} {p}", "lấy mình {q} {p} please", "I want to order the {p}",
    "can you ship {q} {p} to my hotel", "add {q} {p} to my order", "I'd like to buy the {p}",
]
DELIVERY = [
    "deliver to the Wyndham hotel, room 1205", "my phone is 0912 345 999", "cash on delivery",
    "ship to Hanoi please", "my name is John", "before Friday if possible", "COD please",
]
STATUS = ["where is my order", "has my order {o} shipped", "when will my parcel arrive",
          "any update on order {o}", "I haven't received my package yet"]  # fmt: skip
CANCEL = ["please cancel my order", "cancel order {o}", "I changed my mind, cancel it",
          "don't send the order please"]  # fmt: skip
HANDOFF = ["can I talk to a human", "I need a real person", "please call me back",
           "connect me to your staff", "can I chat with the owner", "is there a person I can chat to",
           "let me speak with the manager"]  # fmt: skip
HELP = ["what can you do", "how does this work", "what can I ask you"]
